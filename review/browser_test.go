package review

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/apigw-oas/apigw-oas/internal/golden"
)

// checker runs in the page once it has loaded and writes what the test
// needs into the DOM, which chromium --dump-dom prints: every grid cell with
// its class, text and background, whether each cell's link opens a panel
// with both sides, the resources the page fetched, and any error or
// Content-Security-Policy violation.
const checker = `
var problems = [];
document.addEventListener("securitypolicyviolation", function (e) { problems.push("CSP: " + e.violatedDirective + " " + e.blockedURI); });
window.addEventListener("error", function (e) { problems.push("error: " + (e.message || (e.target && (e.target.src || e.target.href)))); }, true);
window.addEventListener("load", function () {
  var cells = [], panels = {};
  document.querySelectorAll("td.cell").forEach(function (td) {
    var a = td.querySelector("a");
    cells.push({operation: td.dataset.operation, exchange: td.dataset.exchange, client: td.dataset.client,
      class: td.className, text: td.textContent.trim(), background: getComputedStyle(td).backgroundColor,
      panel: a ? a.getAttribute("href").slice(1) : ""});
  });
  document.querySelectorAll("td.cell a").forEach(function (a) {
    var id = a.getAttribute("href").slice(1);
    if (id in panels) return;
    a.click(); // the fragment navigation :target shows
    var p = document.getElementById(id);
    panels[id] = p ? {shown: getComputedStyle(p).display !== "none", headings: Array.from(p.querySelectorAll("h4")).map(function (h) { return h.textContent; }), steps: p.querySelectorAll("li").length} : null;
  });
  location.hash = "";
  var out = document.createElement("pre");
  out.id = "apigw-oas-test";
  out.textContent = JSON.stringify({cells: cells, panels: panels, resources: performance.getEntriesByType("resource").length, problems: problems});
  document.body.appendChild(out);
});
`

type browserResult struct {
	Cells []struct {
		Operation, Exchange, Client, Class, Text, Background, Panel string
	}
	Panels map[string]*struct {
		Shown    bool
		Headings []string
		Steps    int
	}
	Resources int
	Problems  []string
}

// TestHTMLInBrowser loads the review of */* over a mock preflight in
// headless Chromium, offline, and checks through the DOM that every probe
// has its cell with the class its change calls for, that regressions and
// fixes look different from unchanged cells, that each cell opens both
// sides' explanation, and that nothing was fetched or logged. It saves a
// screenshot, into docs/ when golden files are being updated.
func TestHTMLInBrowser(t *testing.T) {
	browser := findChromium(t)
	t.Chdir("..")
	r := reviewPair(t, "cors-wildcard")
	var page bytes.Buffer
	if err := WriteHTML(&page, r); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	plain := filepath.Join(dir, "review.html")
	writeFile(t, plain, page.Bytes())
	checked := filepath.Join(dir, "checked.html")
	writeFile(t, checked, withChecker(t, page.Bytes()))

	dom, logs := runChromium(t, browser, dir, "--dump-dom", "file://"+checked)
	if lines := consoleLines(logs); len(lines) > 0 {
		t.Errorf("the browser console logged:\n%s", strings.Join(lines, "\n"))
	}
	got := resultOf(t, dom)
	if got.Resources != 0 || len(got.Problems) > 0 {
		t.Errorf("the page fetched %d resources and reported %v; it must be self-contained", got.Resources, got.Problems)
	}
	checkCells(t, r, got)

	shot := filepath.Join(dir, "review.png")
	if golden.Updating() {
		shot = filepath.Join("docs", "review-html.png")
	}
	runChromium(t, browser, dir, "--window-size=1500,620", "--screenshot="+shot, "file://"+plain)
	if data, err := os.ReadFile(shot); err != nil || !bytes.HasPrefix(data, []byte("\x89PNG")) {
		t.Errorf("no screenshot written to %s (%v)", shot, err)
	}
}

// findChromium finds Debian's chromium (.ci/run installs it); without it
// the test is skipped, saying so.
func findChromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	t.Skip("headless Chromium is not installed (Debian: apt-get install -y chromium); the HTML page was not checked in a browser")
	return ""
}

// withChecker adds the checker script to a copy of the page, allowing that
// one script by its hash in the page's own Content-Security-Policy, which
// otherwise stays as written.
func withChecker(t *testing.T, page []byte) []byte {
	sum := sha256.Sum256([]byte(checker))
	hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	csp := `default-src 'none'; style-src 'unsafe-inline'`
	if !bytes.Contains(page, []byte(csp+`">`)) {
		t.Fatalf("the page does not carry the policy %q", csp)
	}
	out := bytes.Replace(page, []byte(csp+`">`), []byte(csp+"; script-src "+hash+`">`+"\n<script>"+checker+"</script>"), 1)
	return out
}

func runChromium(t *testing.T, browser, dir string, args ...string) (stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	profile, err := os.MkdirTemp(dir, "profile-")
	if err != nil {
		t.Fatal(err)
	}
	flags := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
		// no network: every host resolves to nothing, through a proxy that is not there
		"--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
		"--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"}
	cmd := exec.CommandContext(ctx, browser, append(flags, args...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, errOut.String())
	}
	return out.String(), errOut.String()
}

// consoleLines are the page's console messages in Chromium's log.
func consoleLines(logs string) []string {
	var lines []string
	for _, l := range strings.Split(logs, "\n") {
		if strings.Contains(l, ":CONSOLE") {
			lines = append(lines, l)
		}
	}
	return lines
}

var resultElement = regexp.MustCompile(`(?s)<pre id="apigw-oas-test">(.*?)</pre>`)

func resultOf(t *testing.T, dom string) browserResult {
	t.Helper()
	m := resultElement.FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("the checker wrote no result; the DOM was:\n%.2000s", dom)
	}
	var r browserResult
	text := strings.NewReplacer("&quot;", `"`, "&lt;", "<", "&gt;", ">", "&#39;", "'", "&amp;", "&").Replace(m[1])
	if err := json.Unmarshal([]byte(text), &r); err != nil {
		t.Fatalf("%v: %s", err, text)
	}
	return r
}

// checkCells compares the cells the browser shows with the report's probes.
func checkCells(t *testing.T, r *Report, got browserResult) {
	t.Helper()
	type key struct{ op, exchange, client string }
	shown := map[key]int{}
	backgrounds := map[string]string{}
	for i, c := range got.Cells {
		shown[key{c.Operation, c.Exchange, c.Client}] = i
		backgrounds[c.Class] = c.Background
	}
	want := map[string]int{}
	for _, a := range r.APIs {
		for _, op := range a.Operations {
			for _, p := range op.Probes {
				client := p.Client
				if p.Side == RequestSide {
					client = "any"
				}
				k := key{op.Name(), exchangeName(p.Side, p.MediaType, op.Name()), client}
				i, ok := shown[k]
				if !ok {
					t.Errorf("no cell for %v", k)
					continue
				}
				class := "cell " + string(p.Change)
				if p.Change == None {
					class = "cell same"
				}
				c := got.Cells[i]
				if c.Class != class || !strings.HasSuffix(c.Text, p.New.Label()) {
					t.Errorf("%v: class %q, text %q; want %q ending in %q", k, c.Class, c.Text, class, p.New.Label())
				}
				if p.Change != None && !strings.HasPrefix(c.Text, p.Old.Label()) {
					t.Errorf("%v: text %q does not show the old side %q", k, c.Text, p.Old.Label())
				}
				if panel := got.Panels[c.Panel]; panel == nil || !panel.Shown || len(panel.Headings) != 2 || panel.Steps == 0 {
					t.Errorf("%v: its link %q opens %+v; want a shown panel with both sides' steps", k, c.Panel, panel)
				}
				want[class]++
			}
		}
	}
	if want["cell regression"] == 0 || want["cell fix"] == 0 {
		t.Fatalf("the fixture should show a regression and a fix: %v", want)
	}
	same := backgrounds["cell same"]
	if backgrounds["cell regression"] == same || backgrounds["cell fix"] == same || backgrounds["cell regression"] == backgrounds["cell fix"] {
		t.Errorf("regressions, fixes and unchanged cells must look different: %v", backgrounds)
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
