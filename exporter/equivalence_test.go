package exporter

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// absent marks a key one side does not have.
type absent struct{}

// difference is a place where our conversion's output and kin-openapi's
// differ, as JSON values.
type difference struct {
	to        string // the target
	pointer   string
	kin, ours any
	reordered bool // the same items in another order
	kinRoot   any  // kin-openapi's whole document
}

func (d difference) String() string {
	show := func(v any) string {
		if _, ok := v.(absent); ok {
			return "(absent)"
		}
		b, _ := json.Marshal(v)
		if len(b) > 300 {
			return string(b[:300]) + "…"
		}
		return string(b)
	}
	return fmt.Sprintf("%s %s: kin %s, ours %s", d.to, d.pointer, show(d.kin), show(d.ours))
}

func decodeJSON(t *testing.T, n *source.Node) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(JSON(n), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// compareJSON lists the differences between two JSON values.
func compareJSON(to, pointer string, kin, ours any, out *[]difference) {
	switch k := kin.(type) {
	case map[string]any:
		o, ok := ours.(map[string]any)
		if !ok {
			break
		}
		keys := make([]string, 0, len(k)+len(o))
		for key := range k {
			keys = append(keys, key)
		}
		for key := range o {
			if _, ok := k[key]; !ok {
				keys = append(keys, key)
			}
		}
		sort.Strings(keys)
		for _, key := range keys {
			kv, kok := k[key]
			ov, ook := o[key]
			if !kok {
				kv = absent{}
			}
			if !ook {
				ov = absent{}
			}
			compareJSON(to, pointer+"/"+source.EscapeToken(key), kv, ov, out)
		}
		return
	case []any:
		o, ok := ours.([]any)
		if !ok {
			break
		}
		if len(k) == len(o) && strings.HasSuffix(pointer, "/parameters") {
			var reordered bool
			if k, reordered = inOrderOf(k, o); reordered {
				*out = append(*out, difference{to: to, pointer: pointer, kin: kin, ours: ours, reordered: true})
			}
		}
		if len(k) == len(o) {
			var inner []difference
			for i := range k {
				compareJSON(to, fmt.Sprintf("%s/%d", pointer, i), k[i], o[i], &inner)
			}
			if len(inner) > 0 && sameItems(k, o) {
				*out = append(*out, difference{to: to, pointer: pointer, kin: kin, ours: ours, reordered: true})
				return
			}
			*out = append(*out, inner...)
			return
		}
	default:
		if fmt.Sprint(kin) == fmt.Sprint(ours) && fmt.Sprintf("%T", kin) == fmt.Sprintf("%T", ours) {
			return
		}
	}
	*out = append(*out, difference{to: to, pointer: pointer, kin: kin, ours: ours})
}

// inOrderOf orders a list of parameters like another list of the same
// parameters (same $refs, or names and locations), when it is that.
func inOrderOf(list, like []any) ([]any, bool) {
	identity := func(p any) string {
		m, _ := p.(map[string]any)
		return fmt.Sprint(m["$ref"], m["in"], m["name"])
	}
	byIdentity := map[string]any{}
	for _, p := range list {
		byIdentity[identity(p)] = p
	}
	ordered := make([]any, 0, len(like))
	for _, p := range like {
		match, ok := byIdentity[identity(p)]
		if !ok {
			return list, false
		}
		ordered = append(ordered, match)
	}
	return ordered, !slices.EqualFunc(list, ordered, func(a, b any) bool { return identity(a) == identity(b) })
}

// valueAt is the value at a JSON pointer, nil when there is none.
func valueAt(v any, pointer string) any {
	tokens, _ := source.SplitPointer(pointer)
	for _, token := range tokens {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[token]
	}
	return v
}

// sameItems reports whether two lists hold the same items in any order.
func sameItems(a, b []any) bool {
	key := func(v any) string { s, _ := json.Marshal(v); return string(s) }
	var ka, kb []string
	for i := range a {
		ka, kb = append(ka, key(a[i])), append(kb, key(b[i]))
	}
	slices.Sort(ka)
	slices.Sort(kb)
	return slices.Equal(ka, kb)
}

// TestConvertLikeKinOpenAPI converts every definition of the fixtures and
// the corpus to the other version, and that result back, with our
// converter and with kin-openapi's (the way Convert worked before), and
// requires every difference between the two to be one docs/convert.md
// lists as chosen.
func TestConvertLikeKinOpenAPI(t *testing.T) {
	for name, res := range definitions(t) {
		t.Run(name, func(t *testing.T) {
			api := res.APIs[0]
			mid := compareConversion(t, api.Definition, api.Format)
			if mid != nil {
				compareConversion(t, mid, reimport(t, "mid.json", JSON(mid)).Format)
			}
		})
	}
}

// TestConvertLikeKinOpenAPIOnBench does the same on the large definitions
// of ../shared/bench (when it is there): Stripe's API uses form bodies,
// GitHub's nearly every schema feature.
func TestConvertLikeKinOpenAPIOnBench(t *testing.T) {
	if testing.Short() {
		t.Skip("large definitions")
	}
	for _, name := range []string{"stripe.json", "api.github.com.apigw.json"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("../../shared/bench", name))
			if errors.Is(err, fs.ErrNotExist) {
				t.Skip("../shared/bench is not there")
			}
			api := reimport(t, name, data)
			if mid := compareConversion(t, api.Definition, api.Format); mid != nil {
				compareConversion(t, mid, reimport(t, "mid.json", JSON(mid)).Format)
			}
		})
	}
}

// compareConversion converts def both ways and reports the differences
// no choice explains; it returns our output.
func compareConversion(t *testing.T, def *source.Node, format model.Format) *source.Node {
	t.Helper()
	to := ToOpenAPI2
	if format == model.FormatOpenAPI2 {
		to = ToOpenAPI3
	}
	ours, ourLosses, ourErr := Convert(def, format, to)
	kin, kinLosses, kinErr := kinConvert(def, format, to)
	if kinErr == nil && !slices.Equal(ourLosses, kinLosses) {
		t.Errorf("%s losses: kin %v, ours %v", to, kinLosses, ourLosses)
	}
	switch {
	case ourErr != nil:
		t.Errorf("%s: kin %v, ours refused: %v", to, kinErr, ourErr)
		return nil
	case kinErr != nil:
		t.Logf("%s: kin-openapi refuses (%v), we convert", to, kinErr)
		return ours
	}
	var diffs []difference
	kinRoot := decodeJSON(t, kin)
	compareJSON(to, "", kinRoot, decodeJSON(t, ours), &diffs)
	for _, d := range diffs {
		d.kinRoot = kinRoot
		if choice := chosen(d); choice != "" {
			t.Logf("%v [%s]", d, choice)
		} else {
			t.Errorf("%v: no choice in docs/convert.md explains this difference", d)
		}
	}
	return ours
}

// choices are the differences from kin-openapi's output we chose, each
// named as docs/convert.md lists it, with what recognises it.
var choices = []struct {
	name    string
	matches func(d difference) bool
}{
	{"x-amazon-apigateway-any-method is converted", func(d difference) bool {
		return strings.Contains(d.pointer, "/x-amazon-apigateway-any-method/") || strings.HasSuffix(d.pointer, "/x-amazon-apigateway-any-method")
	}},
	{"Server variables are replaced by their defaults", func(d difference) bool {
		return d.to == ToOpenAPI2 && (d.pointer == "/host" || d.pointer == "/basePath" || d.pointer == "/schemes") &&
			(d.kin == absent{} || strings.Contains(fmt.Sprint(d.kin), "{"))
	}},
	{"No empty components", func(d difference) bool {
		return d.pointer == "/components" && d.ours == absent{} && fmt.Sprint(d.kin) == "map[]"
	}},
	{"A missing info version stays missing", func(d difference) bool {
		return d.pointer == "/info/version" && d.kin == "" && d.ours == absent{}
	}},
	{"Every response keeps a schema", func(d difference) bool {
		return d.to == ToOpenAPI2 && d.kin == absent{} && strings.HasSuffix(d.pointer, "/schema") && strings.Contains(d.pointer, "/responses/")
	}},
	{"Binary schemas are kept", func(d difference) bool {
		return d.to == ToOpenAPI2 && d.kin == absent{} && fmt.Sprint(d.ours) == "map[format:binary type:string]"
	}},
	{"Parameters keep their order", func(d difference) bool { return d.reordered && strings.HasSuffix(d.pointer, "/parameters") }},
	{"A 3.1 type list becomes one type", func(d difference) bool {
		_, list := d.kin.([]any)
		return d.to == ToOpenAPI2 && list && strings.HasSuffix(d.pointer, "/type")
	}},
	{"x-originalParamName and x-formData-name are not left behind", func(d difference) bool {
		return d.ours == absent{} && (strings.HasSuffix(d.pointer, "/x-originalParamName") || strings.HasSuffix(d.pointer, "/x-formData-name"))
	}},
	{"A query array says how it is sent", func(d difference) bool {
		return d.kin == absent{} && (d.to == ToOpenAPI3 && (strings.HasSuffix(d.pointer, "/style") || strings.HasSuffix(d.pointer, "/explode")) ||
			d.to == ToOpenAPI2 && strings.HasSuffix(d.pointer, "/collectionFormat"))
	}},
	{"A shared body is written out for an operation's own consumes", func(d difference) bool {
		body, _, found := strings.Cut(d.pointer, "/requestBody/")
		ref, _ := valueAt(d.kinRoot, body+"/requestBody/$ref").(string)
		return d.to == ToOpenAPI3 && found && strings.HasPrefix(ref, "#/components/requestBodies/")
	}},
	{"No consumes for the whole document", func(d difference) bool {
		return d.to == ToOpenAPI2 && d.pointer == "/consumes" && d.ours == absent{}
	}},
	{"The discriminator is kept", func(d difference) bool {
		return d.to == ToOpenAPI2 && d.kin == absent{} && strings.HasSuffix(d.pointer, "/discriminator")
	}},
	{"Schemas under additionalProperties are converted too", func(d difference) bool {
		return strings.Contains(d.pointer, "/additionalProperties/") &&
			(strings.HasSuffix(d.pointer, "/$ref") || strings.HasSuffix(d.pointer, "/nullable") || strings.HasSuffix(d.pointer, "/x-nullable"))
	}},
	{"Values are kept as written, empty ones too", func(d difference) bool {
		switch v := d.ours.(type) {
		case string, float64, bool:
			return d.kin == absent{} && (v == "" || v == 0.0 || v == false)
		case map[string]any:
			return d.kin == absent{} && len(v) == 0
		case []any:
			return d.kin == absent{} && len(v) == 0
		}
		return false
	}},
	{"Response examples are kept", func(d difference) bool {
		return d.to == ToOpenAPI2 && d.kin == absent{} && strings.HasSuffix(d.pointer, "/examples")
	}},
	{"Form fields keep their format and required", func(d difference) bool {
		return d.to == ToOpenAPI2 && d.kin == absent{} && (strings.HasSuffix(d.pointer, "/format") || d.ours == true && strings.HasSuffix(d.pointer, "/required"))
	}},
	{"Extensions of the paths object are kept", func(d difference) bool {
		return strings.HasPrefix(d.pointer, "/paths/x-")
	}},
	{"OAuth2 scopes are kept when empty", func(d difference) bool {
		return d.to == ToOpenAPI2 && d.kin == absent{} && strings.HasSuffix(d.pointer, "/scopes")
	}},
}

// chosen names the choice a difference is, or "".
func chosen(d difference) string {
	for _, c := range choices {
		if c.matches(d) {
			return c.name
		}
	}
	return ""
}

// TestChoicesAreDocumented: every choice is listed in docs/convert.md.
func TestChoicesAreDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/convert.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range choices {
		if !strings.Contains(string(doc), "**"+c.name+".**") {
			t.Errorf("docs/convert.md does not list %q", c.name)
		}
	}
}
