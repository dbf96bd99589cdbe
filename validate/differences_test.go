package validate

import "testing"

// TestDifferencesFromKin: each listed difference is real. A definition
// shows it: one validator finds the problem and the other does not.
func TestDifferencesFromKin(t *testing.T) {
	const head = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"
	const op = "    get:\n      responses: {'200': {description: ok}}\n"
	for _, c := range []struct {
		name, def string
		ours      bool // whether we find it (and kin-openapi does not)
		listed    []difference
	}{
		{"header field", head + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            H: {schema: {type: string}, nope: 1}\n", true, oursOnly},
		{"parameter field", head + "paths:\n  /a:\n    get:\n      parameters: [{name: q, in: query, schema: {type: string}, nope: 1}]\n      responses: {'200': {description: ok}}\n", true, oursOnly},
		{"example in place", head + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {type: string}\n              examples:\n                E: {value: a, externalValue: 'https://example.com/a'}\n", true, oursOnly},
		{"operation's server", head + "paths:\n  /a:\n    get:\n      servers: [{url: 'https://{x}.example.com'}]\n      responses: {'200': {description: ok}}\n", true, oursOnly},
		{"null media type", head + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content: {application/json: null}\n", true, oursOnly},
		{"tag without a name", head + "tags: [{description: d}]\npaths: {}\n", true, oursOnly},
		{"callback in place", head + "paths:\n  /a:\n    get:\n      callbacks:\n        C:\n          '{$request.body#/url}':\n            post: {}\n      responses: {'200': {description: ok}}\n", true, oursOnly},
		{"connect", head + "paths:\n  /a:\n" + op + "    connect:\n      responses: {'200': {description: ok}}\n", true, oursOnly},
		{"3.1 pathItems", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  pathItems:\n    P: {}\n", false, kinOnly},
		{"3.1 without paths", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n", true, oursOnly},
	} {
		t.Run(c.name, func(t *testing.T) {
			def := parse(t, "a.yaml", c.def)
			ours, kins := openAPI3(def, "", nil), kinFinds(def)
			found, other := ours, kins
			if !c.ours {
				found, other = kins, ours
			}
			if len(found) == 0 || len(other) > 0 {
				t.Fatalf("want a problem one side only; ours %v, kin-openapi's %v", ours, kins)
			}
			for _, p := range found {
				if !listed(c.listed, p) {
					t.Errorf("not listed: %v", p)
				}
			}
		})
	}
}
