package source

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
)

// at finds the entry a pointer addresses and fails the test when it is missing.
func at(t *testing.T, d *Document, ptr string) Entry {
	t.Helper()
	e, err := d.Root.LookupPointer(ptr)
	if err != nil {
		t.Fatalf("%s: %v", ptr, err)
	}
	return e
}

func mustParse(t *testing.T, name, src string) *Document {
	t.Helper()
	d, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return d
}

// Positions are checked against line:column values counted by hand. The
// line before the key holds non-ASCII text, so a byte-counting column
// would be off.
func TestPositionsCountCodePoints(t *testing.T) {
	yamlSrc := "title: \"Bücher – café\"\n" + // line 1
		"x-amazon-apigateway-binary-media-types:\n" + // line 2
		"  - ïmage/png # ünïcode before the entry\n" // line 3: entry at col 5, ends col 14
	jsonSrc := "{\n" +
		"  \"title\": \"Bücher – café\",\n" +
		"  \"é\": 1, \"x-amazon-apigateway-binary-media-types\": [\"ïmage/png\"]\n" +
		"}\n"
	cases := []struct {
		name, src  string
		key, value [4]int // start line, start col, end line, end col
		valueOff   int
	}{
		// key on 2:1-2:39; value "ïmage/png" on 3:5-3:14; line 1 is 27 bytes, line 2 is 40
		{"a.yaml", yamlSrc, [4]int{2, 1, 2, 39}, [4]int{3, 5, 3, 14}, 27 + 40 + 4},
		// "é": 1, puts 8 code points (9 bytes) before the key at col 11
		{"a.json", jsonSrc, [4]int{3, 11, 3, 51}, [4]int{3, 54, 3, 65}, 2 + 31 + 55},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := mustParse(t, c.name, c.src)
			e := at(t, d, "/x-amazon-apigateway-binary-media-types")
			checkSpan(t, "key", e.Key, c.key)
			item := at(t, d, "/x-amazon-apigateway-binary-media-types/0").Value
			checkSpan(t, "entry", item, c.value)
			if int(item.Start.Offset) != c.valueOff {
				t.Errorf("entry offset = %d, want %d", item.Start.Offset, c.valueOff)
			}
			if got := string(d.Src[item.Start.Offset:item.End.Offset]); !strings.Contains(got, "ïmage/png") {
				t.Errorf("entry span covers %q", got)
			}
		})
	}
}

func checkSpan(t *testing.T, what string, n *Node, want [4]int) {
	t.Helper()
	got := [4]int{int(n.Start.Line), int(n.Start.Col), int(n.End.Line), int(n.End.Col)}
	if got != want {
		t.Errorf("%s span = %v, want %v", what, got, want)
	}
}

func TestYAMLScalarSpans(t *testing.T) {
	src := "a: !Ref  x\n" + // 1
		"b: |\n  one\n  two\n\n" + // 2-5
		"c:\n" + // 6
		"d: &q \"q\\\"x\" # note\n" + // 7
		"e: *q\n" + // 8
		"f: [1, {g: h}]\n" + // 9
		"k: >-\n  folded\n  more\n" + // 10-12
		"l: plain\n  multi\n" + // 13-14
		"m: 'it''s'\n" // 15
	d := mustParse(t, "s.yaml", src)
	cases := []struct {
		ptr  string
		want [4]int
	}{
		{"/a", [4]int{1, 10, 1, 11}}, // a tag is not part of the value's text
		{"/b", [4]int{2, 4, 4, 6}},
		{"/c", [4]int{6, 3, 6, 3}},
		{"/d", [4]int{7, 7, 7, 13}}, // nor is an anchor
		{"/e", [4]int{7, 7, 7, 13}}, // an alias shares its anchor's node
		{"/f", [4]int{9, 4, 9, 15}},
		{"/f/1", [4]int{9, 8, 9, 14}},
		{"/k", [4]int{10, 4, 12, 7}},
		{"/l", [4]int{13, 4, 14, 8}},
		{"/m", [4]int{15, 4, 15, 11}},
	}
	for _, c := range cases {
		checkSpan(t, c.ptr, at(t, d, c.ptr).Value, c.want)
	}
	if v := at(t, d, "/e").Value.Value; v != `q"x` {
		t.Errorf("alias value = %q", v)
	}
}

// Each case was found in real files or by review: the span must cover
// exactly the value's text.
func TestYAMLSpanCornerCases(t *testing.T) {
	cases := []struct {
		name, src, ptr string
		want           [4]int
	}{
		{"empty tagged value", "a:\n  b: !!str\n\n  c: aws\n", "/a/b", [4]int{2, 11, 2, 11}},
		{"tag then comment", "d: !Ref   # why\n\n\ne: 1\n", "/d", [4]int{1, 8, 1, 8}},
		{"tag, value on the next line", "d: !Sub\n  text here\ne: 1\n", "/d", [4]int{2, 3, 2, 12}},
		{"indentation indicator", "key: |2\n     indented first\n    second\nnext: 1\n", "/key", [4]int{1, 6, 3, 11}},
		{"indentation indicator, nested", "a:\n  key: >2-\n       deep\n    shallow\n  next: 1\n", "/a/key", [4]int{2, 8, 4, 12}},
		{"no-break space in a folded plain scalar", "d: Ruby by\u00a0Matz in\n  1995\ne: 1\n", "/d", [4]int{1, 4, 2, 7}},
		{"flow mapping with comments", "m: {a: 1, # one\n  b: 2 # two\n  }\n", "/m", [4]int{1, 4, 3, 4}},
		{"key with trailing spaces", "k   : v\n", "/k", [4]int{1, 7, 1, 8}},
		{"document start marker", "---\nk: v\n", "/k", [4]int{2, 4, 2, 5}},
		{"trailing empty document", "k: v\n---\n", "/k", [4]int{1, 4, 1, 5}},
		// U+2028 breaks lines for yaml.v3 but not for editors; we report editors' lines.
		{"line separator in a value", "a: \"x\u2028y\"\nb: 1\n", "/b", [4]int{2, 4, 2, 5}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := mustParse(t, "c.yaml", c.src)
			checkSpan(t, c.ptr, at(t, d, c.ptr).Value, c.want)
		})
	}
}

func TestScalarsKeepTheirText(t *testing.T) {
	d := mustParse(t, "v.yaml", "swagger: 2.0\nversion: 2024-01-01\nstatusCode: 200\nuri: ${lambda_arn}\n")
	want := map[string][2]string{
		"/swagger":    {TagFloat, "2.0"},
		"/version":    {TagTimestamp, "2024-01-01"},
		"/statusCode": {TagInt, "200"},
		"/uri":        {TagStr, "${lambda_arn}"},
	}
	for ptr, w := range want {
		n := at(t, d, ptr).Value
		if n.Tag != w[0] || n.Value != w[1] {
			t.Errorf("%s = %s %q, want %s %q", ptr, n.Tag, n.Value, w[0], w[1])
		}
	}
	j := mustParse(t, "v.json", `{"n": -1.50e+3, "s": "a\u00e9\ud83d\ude00\n", "t": true, "z": null}`)
	if n := at(t, j, "/n").Value; n.Tag != TagFloat || n.Value != "-1.50e+3" {
		t.Errorf("number = %s %q", n.Tag, n.Value)
	}
	if s := at(t, j, "/s").Value.Value; s != "aé😀\n" {
		t.Errorf("string = %q", s)
	}
}

func TestMergeKeys(t *testing.T) {
	d := mustParse(t, "m.yaml", "base: &b {type: aws, uri: x}\nop:\n  <<: *b\n  uri: y\n")
	op := at(t, d, "/op").Value
	if op.Len() != 2 || op.Lookup("uri").Value != "y" || op.Lookup("type").Value != "aws" {
		t.Errorf("merged mapping = %+v", op.Content)
	}
}

func TestBOMAndCRLF(t *testing.T) {
	for _, src := range []string{
		"\xef\xbb\xbfopenapi: 3.0.1\r\ninfo:\r\n  title: é\r\n",
		"\xef\xbb\xbf{\r\n\"openapi\": \"3.0.1\", \"info\": {\r\n  \"title\": \"é\"}}\r\n",
	} {
		d := mustParse(t, "bom", src)
		title := at(t, d, "/info/title").Value
		if title.Start.Line != 3 || title.Value != "é" {
			t.Errorf("%q: title at %v = %q", src, title.Start, title.Value)
		}
		if got := d.Line(3); strings.ContainsAny(got, "\r\n") {
			t.Errorf("Line(3) = %q keeps its line break", got)
		}
		if first := at(t, d, "/openapi"); first.Key.Start.Offset < 3 {
			t.Errorf("offsets must count the BOM: key at %d", first.Key.Start.Offset)
		}
	}
}

func TestBadInput(t *testing.T) {
	deep := strings.Repeat("[", MaxDepth+5) + strings.Repeat("]", MaxDepth+5)
	bomb := "a: &a [x,x,x,x,x,x,x,x,x,x]\n"
	for i, prev := 0, "a"; i < 8; i++ {
		name := string(rune('b' + i))
		bomb += name + ": &" + name + " [" + strings.Repeat("*"+prev+",", 9) + "*" + prev + "]\n"
		prev = name
	}
	cases := []struct {
		name, src, want string
	}{
		{"empty.yaml", "", "empty.yaml: the file is empty"},
		{"blank.json", " \n\t\n", "blank.json: the file is empty"},
		{"comments.yaml", "# nothing\n", "comments.yaml: the file holds no document"},
		{"garbage.bin", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "garbage.bin: the file is binary, not text"},
		{"latin1.yaml", "title: caf\xe9\n", "latin1.yaml:1:11: the file is not valid UTF-8 (byte 0xE9)"},
		{"utf16.json", "\xff\xfe{\x00}\x00", "utf16.json: the file is UTF-16 encoded"},
		{"trunc.json", "{\"a\": [1,\n  2", "trunc.json:2:4: unexpected end of input (the document is truncated)"},
		{"trail.json", "{} x", "trail.json:1:4: unexpected character 'x' after the end of the JSON document"},
		{"tab.yaml", "a:\n\tb: 1\n", "tab.yaml:2:1: invalid YAML: a tab character is used for indentation"},
		{"dup.yaml", "a: 1\nb: 2\na: 3\n", `dup.yaml:3:1: duplicate key "a" (first defined at 1:1); keys must be unique, and only this last one is read`},
		{"dup.json", `{"a": {"x": 1, "x": 2}}`, `dup.json:1:16: duplicate key "x" (first defined at 1:8)`},
		{"deep.json", deep, "deep.json:1:1001: nesting deeper than 1000 levels"},
		{"bomb.yaml", bomb, "bomb.yaml: the document expands to more than"},
		{"two.yaml", "a: 1\n---\nb: 2\n", "two.yaml:2:1: the file holds more than one YAML document"},
		{"huge.yaml", strings.Repeat("- 0\n", MaxNodes), "huge.yaml: the document is too large"},
		{"huge.json", "[" + strings.Repeat("0,", MaxNodes) + "0]", "huge.json:1:2000000: the document holds more than 1000000 values"},
		{"deep.yaml", strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000), "deep.yaml:1:1001: nesting deeper than 1000 levels"},
		{"deep-quoted.yaml", "a: ['[[[', " + strings.Repeat("{b: ", 20_000), "deep-quoted.yaml:1:4008: nesting deeper than 1000 levels"},
		{"badesc.json", `{"a": "\q"}`, `badesc.json:1:8: invalid escape \q in string`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.name, []byte(c.src))
			if err == nil {
				t.Fatal("Parse succeeded")
			}
			if _, ok := err.(Errors); !ok {
				t.Fatalf("error is %T, want Errors", err)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error = %q\nwant prefix %q", err, c.want)
			}
		})
	}
}

// A flow mapping that is not JSON is YAML, unless the file says it is JSON.
func TestJSONLookingYAML(t *testing.T) {
	src := "{openapi: 3.0.1, info: {title: t}}"
	for name, wantSyntax := range map[string]Syntax{"<stdin>": YAML, "api.yaml.tpl": YAML} {
		d, err := Parse(name, []byte(src))
		if err != nil || d.Syntax != wantSyntax || d.Root.Lookup("openapi").Value != "3.0.1" {
			t.Errorf("%s: %v, %v", name, d, err)
		}
	}
	if _, err := Parse("api.json", []byte(src)); err == nil || !strings.Contains(err.Error(), "api.json:1:2: unexpected character 'o'") {
		t.Errorf("api.json: %v", err)
	}
}

func TestPointers(t *testing.T) {
	if got := Pointer("paths", "/a~b/{id}", "get"); got != "/paths/~1a~0b~1{id}/get" {
		t.Errorf("Pointer = %q", got)
	}
	tokens, err := SplitPointer("#/paths/~1a~0b/get")
	if err != nil || len(tokens) != 3 || tokens[1] != "/a~b" {
		t.Errorf("SplitPointer = %q, %v", tokens, err)
	}
	if _, err := SplitPointer("/a~2"); err == nil {
		t.Error("SplitPointer accepted ~2")
	}
	d := mustParse(t, "p.json", `{"paths": {"/a": {"get": {"tags": ["x", "y"]}}}}`)
	if e := at(t, d, "/paths/~1a/get/tags/1"); e.Value.Value != "y" || e.Key != nil {
		t.Errorf("lookup = %+v", e)
	}
	for _, bad := range []string{"/paths/~1b", "/paths/~1a/get/tags/2", "/paths/~1a/get/tags/01", "/paths/~1a/get/tags/+1", "/paths/~1a/get/tags/-0"} {
		if _, err := d.Root.LookupPointer(bad); err == nil {
			t.Errorf("LookupPointer(%q) succeeded", bad)
		}
	}
}

// A duplicate key is an error, but the document is still returned with the
// last value, as the JSON parsers behind API Gateway read it.
func TestDuplicateKeysKeepTheLast(t *testing.T) {
	big := `{"k0": 0, "k1": 1, "k2": 2, "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7, "k8": 8, "k9": 9,
	 "k10": 0, "k11": 1, "k12": 2, "k13": 3, "k14": 4, "k15": 5, "k16": 6, "k17": 7, "k3": "last"}`
	for name, src := range map[string]string{
		"small.yaml": "k3: 1\nb: 2\nk3: last\n",
		"small.json": `{"k3": 1, "b": 2, "k3": "last"}`,
		"big.json":   big,
	} {
		d, err := Parse(name, []byte(src))
		if err == nil || d == nil {
			t.Fatalf("%s: want a document and an error, got %v, %v", name, d, err)
		}
		if got := d.Root.Lookup("k3"); got == nil || got.Value != "last" {
			t.Errorf("%s: k3 = %v, want the last value", name, got)
		}
		keys := strings.Count(src, ":") // every key once, k3 twice
		if d.Root.Len() != keys-1 {
			t.Errorf("%s: %d entries, want %d: the duplicate must replace, not add", name, d.Root.Len(), keys-1)
		}
	}
}

// The size limit holds for readers without an end, and a limit at the
// largest int64 reads the whole file rather than overflowing to nothing.
func TestReadLimits(t *testing.T) {
	zero, err := os.Open("/dev/zero")
	if err != nil {
		t.Skip(err)
	}
	defer zero.Close()
	if _, err := ReadAll("/dev/zero", zero, 1<<20); err == nil || !strings.Contains(err.Error(), "larger than the 1 MiB size limit") {
		t.Errorf("err = %v, want the size limit", err)
	}
	data, err := ReadAll("text", strings.NewReader("openapi: 3.0.1\n"), math.MaxInt64)
	if err != nil || string(data) != "openapi: 3.0.1\n" {
		t.Errorf("ReadAll at MaxInt64 = %q, %v", data, err)
	}
}

// TestFinderAgreesWithLookupPointer: a Finder finds what LookupPointer
// finds, and fails where it fails, in mappings large enough to be indexed
// (with a key written twice by hand, as NewMapping allows) and small ones.
func TestFinderAgreesWithLookupPointer(t *testing.T) {
	paths := NewMapping()
	for i := range 3 * indexedEntries {
		item := NewMapping()
		item.Content = append(item.Content, NewString("get"), NewString(fmt.Sprint(i)))
		paths.Content = append(paths.Content, NewString(fmt.Sprintf("/p%d", i%(2*indexedEntries))), item)
	}
	list := &Node{Kind: Sequence, Content: []*Node{NewString("a"), paths}}
	root := NewMapping()
	root.Content = append(root.Content, NewString("paths"), paths, NewString("list"), list)
	var f Finder
	pointers := []string{"", "/paths", "/paths/~1p0/get", "/paths/~1p5", "/paths/~1p63/get", "/paths/~1p64",
		"/paths/~1p7/post", "/list/1/~1p3/get", "/list/2", "/list/x", "/nothing", "#/paths/~1p1", "paths", "/paths/~2"}
	for range 2 { // the second time from the Finder's memory
		for _, ptr := range pointers {
			want, wantErr := root.LookupPointer(ptr)
			got, err := f.Lookup(root, ptr)
			if got != want || (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
				t.Errorf("Lookup(%q) = %v, %v; LookupPointer: %v, %v", ptr, got, err, want, wantErr)
			}
		}
	}
	if e, err := f.Lookup(root, "/paths/~1p5/get"); err != nil || e.Value.Value != "5" {
		t.Errorf("a key written twice: %v, %v; want the first, 5", e.Value, err)
	}
}

// Escaping is checked against strings.Replacer, which it replaced for
// speed: the importer escapes a token for every field it reads.
func TestPointerTokens(t *testing.T) {
	escape := strings.NewReplacer("~", "~0", "/", "~1")
	unescape := strings.NewReplacer("~1", "/", "~0", "~")
	for _, s := range []string{"", "plain", "/", "~", "a/b~c", "~01", "~~0", "a~", "~x/", "/paths/~1pets", "é/ü~"} {
		if got, want := EscapeToken(s), escape.Replace(s); got != want {
			t.Errorf("EscapeToken(%q) = %q, want %q", s, got, want)
		}
		if got, want := UnescapeToken(s), unescape.Replace(s); got != want {
			t.Errorf("UnescapeToken(%q) = %q, want %q", s, got, want)
		}
		if got := UnescapeToken(EscapeToken(s)); got != s {
			t.Errorf("UnescapeToken(EscapeToken(%q)) = %q", s, got)
		}
	}
	if got, want := Append("/paths", "/a/{b}", "x~y"), "/paths/~1a~1{b}/x~0y"; got != want {
		t.Errorf("Append = %q, want %q", got, want)
	}
}
