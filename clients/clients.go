// Package clients lists what real HTTP clients send as Accept, the header
// whose first media range decides whether API Gateway returns binary. The
// values are data, each with where it was read; binary-semantics.md §6
// has the research.
package clients

// Profile is one client in one situation.
type Profile struct {
	Name    string `json:"name"`    // the --client value, e.g. "chrome-img"
	Client  string `json:"client"`  // "Chrome"
	Context string `json:"context"` // "<img>", "navigation", "fetch()"
	Accept  string `json:"accept"`
	Source  string `json:"source"`
	Browser bool   `json:"browser"`
}

const (
	chromiumImg = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8"
	chromiumNav = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
	firefoxNav  = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

	srcChromiumImg = "Chromium third_party/blink/common/loader/network_utils.cc ImageAcceptHeader() (commit 7eed8ca); MDN 'List of default Accept values'"
	srcChromiumNav = "MDN 'List of default Accept values' (mdn/content commit 376cb9d), Chrome 131+"
	srcFetch       = "Fetch Standard default; Chromium services/network/public/cpp/constants.cc kDefaultAcceptHeaderValue"
)

// Profiles are the built-in clients, browsers first.
var Profiles = []Profile{
	{"chrome-img", "Chrome", "<img>", chromiumImg, srcChromiumImg, true},
	{"chrome-navigation", "Chrome", "navigation", chromiumNav, srcChromiumNav, true},
	{"edge-img", "Edge", "<img>", chromiumImg, srcChromiumImg + " (Edge is Chromium)", true},
	{"edge-navigation", "Edge", "navigation", chromiumNav, srcChromiumNav + " (Edge is Chromium)", true},
	{"firefox-img", "Firefox", "<img>", "image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5", "MDN 'List of default Accept values', Firefox 128+", true},
	{"firefox-navigation", "Firefox", "navigation", firefoxNav, "MDN 'List of default Accept values', Firefox 132+", true},
	{"safari-img", "Safari", "<img>", "image/webp,image/avif,image/jxl,image/heic,image/heic-sequence,video/*;q=0.8,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5", "request headers captured from Safari 17/18 in public repositories (tier C)", true},
	{"safari-navigation", "Safari", "navigation", firefoxNav, "MDN 'List of default Accept values', Safari 13.1-18.x", true},
	{"fetch", "fetch()", "fetch() / XMLHttpRequest", "*/*", srcFetch, false},
	{"curl", "curl", "command line", "*/*", "curl's default request header (lib/http.c: Accept: */*)", false},
}

// Lookup finds a built-in profile by name.
func Lookup(name string) (Profile, bool) {
	for _, p := range Profiles {
		if p.Name == name {
			return p, true
		}
	}
	return Profile{}, false
}

// Names lists the built-in profile names, for messages and --help.
func Names() []string {
	names := make([]string, len(Profiles))
	for i, p := range Profiles {
		names[i] = p.Name
	}
	return names
}

// Custom is a client that sends the given Accept value.
func Custom(accept string) Profile {
	return Profile{Name: "custom", Client: "custom", Context: "--accept", Accept: accept, Source: "given on the command line"}
}
