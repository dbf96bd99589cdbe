package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// yamlLanguageServerEnv names the yaml-language-server command .ci/run
// installs (npm yaml-language-server@1.25.0, the newest that runs on
// Node.js 20).
const yamlLanguageServerEnv = "APIGW_OAS_YAML_LANGUAGE_SERVER"

// lspClient speaks the Language Server Protocol with a server over its
// standard input and output: JSON-RPC messages each behind a
// Content-Length header.
type lspClient struct {
	t           *testing.T
	mu          sync.Mutex // one message written at a time
	in          io.Writer
	responses   chan json.RawMessage
	diagnostics chan lspPublishDiagnostics
	yaml        map[string]any // the "yaml" settings section
}

type lspMessage struct {
	ID     *json.RawMessage `json:"id,omitempty"`
	Method string           `json:"method,omitempty"`
	Params json.RawMessage  `json:"params,omitempty"`
	Result json.RawMessage  `json:"result,omitempty"`
	Error  json.RawMessage  `json:"error,omitempty"`
}

type lspPublishDiagnostics struct {
	URI         string `json:"uri"`
	Diagnostics []struct {
		Message string `json:"message"`
		Range   struct {
			Start struct{ Line, Character int } `json:"start"`
		} `json:"range"`
	} `json:"diagnostics"`
}

// startLanguageServer starts the server with --stdio, with the settings
// VS Code's YAML extension would give it: validation on, no schema store
// (the network is closed), schemas by glob. It is killed when the test
// ends.
func startLanguageServer(t *testing.T, tool string, schemas map[string][]string) *lspClient {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	cmd := exec.CommandContext(ctx, tool, "--stdio")
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s --stdio: %v", tool, err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("the server's standard error:\n%s", stderr.String())
		}
	})
	c := &lspClient{t: t, in: in, responses: make(chan json.RawMessage, 8), diagnostics: make(chan lspPublishDiagnostics, 64)}
	c.yaml = map[string]any{
		"validate":    true,
		"schemaStore": map[string]any{"enable": false},
		"schemas":     schemas,
	}
	go c.read(bufio.NewReader(out))
	return c
}

func (c *lspClient) send(m map[string]any) {
	m["jsonrpc"] = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body)
}

func (c *lspClient) notify(method string, params any) {
	c.send(map[string]any{"method": method, "params": params})
}

// read dispatches the server's messages until its output ends: responses
// and diagnostics to their channels; the server's requests for settings
// get the "yaml" section (yaml-language-server 1.25.0 asks for them even
// from a client that does not say it can answer), its other requests
// (progress, registrations) an empty result.
func (c *lspClient) read(r *bufio.Reader) {
	for {
		length := -1
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSpace(line)
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var m lspMessage
		if json.Unmarshal(body, &m) != nil {
			continue
		}
		switch {
		case m.Method == "textDocument/publishDiagnostics":
			var p lspPublishDiagnostics
			if json.Unmarshal(m.Params, &p) == nil {
				c.diagnostics <- p
			}
		case m.Method == "workspace/configuration":
			c.send(map[string]any{"id": m.ID, "result": c.configuration(m.Params)})
		case m.Method != "" && m.ID != nil:
			c.send(map[string]any{"id": m.ID, "result": nil})
		case m.ID != nil:
			c.responses <- body
		}
	}
}

// configuration answers a workspace/configuration request: the yaml
// settings for the "yaml" section, nothing for the others.
func (c *lspClient) configuration(params json.RawMessage) []any {
	var p struct {
		Items []struct{ Section string } `json:"items"`
	}
	_ = json.Unmarshal(params, &p)
	result := make([]any, len(p.Items))
	for i, item := range p.Items {
		if item.Section == "yaml" {
			result[i] = c.yaml
		}
	}
	return result
}

// initialize runs the protocol's handshake, then gives the server its
// settings.
func (c *lspClient) initialize(root string) {
	c.t.Helper()
	c.send(map[string]any{"id": 1, "method": "initialize", "params": map[string]any{
		"processId":    os.Getpid(),
		"rootUri":      fileURI(root),
		"capabilities": map[string]any{"textDocument": map[string]any{"publishDiagnostics": map[string]any{}}},
	}})
	select {
	case r := <-c.responses:
		var m lspMessage
		if json.Unmarshal(r, &m) != nil || m.Error != nil {
			c.t.Fatalf("initialize: %s", r)
		}
	case <-time.After(time.Minute):
		c.t.Fatal("the server did not answer initialize within a minute")
	}
	c.notify("initialized", map[string]any{})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"yaml": c.yaml}})
}

// open opens a document and returns the lines (0-based) of the
// diagnostics the server publishes for it. With some, it waits for a
// publication that has diagnostics: one published before the server has
// its settings has none.
func (c *lspClient) open(path, text string, some bool) (lines []int, messages []string) {
	c.t.Helper()
	uri := fileURI(path)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "yaml", "version": 1, "text": text,
	}})
	timeout := time.After(time.Minute)
	for {
		select {
		case p := <-c.diagnostics:
			if p.URI != uri || some && len(p.Diagnostics) == 0 {
				continue
			}
			for _, d := range p.Diagnostics {
				lines = append(lines, d.Range.Start.Line)
				messages = append(messages, fmt.Sprintf("%d: %s", d.Range.Start.Line+1, d.Message))
			}
			return lines, messages
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s within a minute", path)
		}
	}
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// yaml-language-server, as editors run it, checks configurations with our
// schema (docs/config.schema.json, mapped by its local path: the tests have
// no network): a configuration with a misspelt key, a wrong type and a
// value out of an enum gets a diagnostic on each of those lines and no
// other; example.apigw-oas.yaml, whose yaml-language-server comment names
// the schema by its $id, gets none when that URL is replaced by the local
// file, and one with a bad fail-on gets one there.
func TestYAMLLanguageServerChecksConfigurations(t *testing.T) {
	tool := consumer(t, yamlLanguageServerEnv, "yaml-language-server 1.25.0 (npm)")
	docs, err := filepath.Abs(filepath.Join("..", "docs"))
	if err != nil {
		t.Fatal(err)
	}
	schema := filepath.Join(docs, "config.schema.json")
	var id struct {
		ID string `json:"$id"`
	}
	if err := json.Unmarshal(mustRead(t, schema), &id); err != nil || id.ID == "" {
		t.Fatalf("%s has no $id (%v)", schema, err)
	}
	example := string(mustRead(t, filepath.Join(docs, "example.apigw-oas.yaml")))
	modeline := "# yaml-language-server: $schema=" + id.ID + "\n"
	if !strings.HasPrefix(example, modeline) {
		t.Fatalf("example.apigw-oas.yaml does not start with %q", modeline)
	}

	dir := t.TempDir()
	c := startLanguageServer(t, tool, map[string][]string{fileURI(schema): {"**/.apigw-oas.yaml", "**/.apigw-oas.yml"}})
	c.initialize(dir)

	bad := "fail-on: sometimes\n" + // not one of the severities
		"rules:\n" +
		"  media-type-nonstandard: off\n" +
		"  media-type-nonstandart: off\n" + // no such rule
		"categories:\n" +
		"  integration: [info]\n" // a severity is a string
	lines, messages := c.open(filepath.Join(dir, ".apigw-oas.yaml"), bad, true)
	slices.Sort(lines)
	if want := []int{0, 3, 5}; !slices.Equal(slices.Compact(lines), want) {
		t.Errorf("diagnostics on lines %v, want %v (0-based):\n%s", lines, want, strings.Join(messages, "\n"))
	}

	t.Logf("the diagnostics of the bad configuration:\n%s", strings.Join(messages, "\n"))

	// Opened once the server has shown it has the schema, under the
	// example's own name, which no glob maps: the comment names the schema.
	// The same example with a bad fail-on shows that the comment is read.
	local := "# yaml-language-server: $schema=" + fileURI(schema) + "\n" + strings.TrimPrefix(example, modeline)
	if _, messages := c.open(filepath.Join(dir, "example.apigw-oas.yaml"), local, false); len(messages) != 0 {
		t.Errorf("example.apigw-oas.yaml gets diagnostics:\n%s", strings.Join(messages, "\n"))
	}
	broken := strings.Replace(local, "\nfail-on: warning\n", "\nfail-on: sometimes\n", 1)
	if broken == local {
		t.Fatal("example.apigw-oas.yaml no longer sets fail-on: warning; change this test")
	}
	want := strings.Count(broken[:strings.Index(broken, "fail-on: sometimes")], "\n")
	if lines, messages := c.open(filepath.Join(dir, "broken", "example.apigw-oas.yaml"), broken, true); !slices.Equal(lines, []int{want}) {
		t.Errorf("the example with fail-on: sometimes gets diagnostics on lines %v, want [%d]:\n%s", lines, want, strings.Join(messages, "\n"))
	}
}
