package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/lint"
)

const corpusFindingsDir = "../../../shared/corpus"

// corpusAt is a finding expected at a line: a rule ID and a 1-based line.
type corpusAt struct {
	rule string
	line int
}

func (a corpusAt) String() string { return fmt.Sprintf("%s@%d", a.rule, a.line) }

// corpusCase is what ../shared/corpus/SOURCES.md says about one file, as
// findings of the rules.
type corpusCase struct {
	file string
	// want: for every rule named here, the rule's findings are exactly at
	// these lines (each line once per finding). Rules not named are free,
	// unless forbidden below.
	want []corpusAt
	// forbid are rules that must report nothing in the file.
	forbid []string
	// noErrors: no finding of a rule not named in want may have error
	// severity.
	noErrors bool
	// exhaustive: no finding of any rule beyond want.
	exhaustive bool
}

// payloadRules are the rules about what happens to request and response
// bodies: the "binary" rules a reference case must not trigger.
func payloadRules() []string {
	var ids []string
	for _, r := range All {
		if r.Category == lint.Requests || r.Category == lint.Responses {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// corpusCases: standalone OpenAPI files of the corpus (Format swagger2 or
// oas3 in SOURCES.md) and what SOURCES.md says is wrong with each. The
// quotations are from its last column.
var corpusCases = []corpusCase{
	// "`*/*` + two OPTIONS `mock` integrations with `requestTemplates:
	// application/json` and no `contentHandling`, the classic
	// broken-preflight setup (fixed in 2018). `swagger: 2.0` is unquoted
	// (a YAML float); `statusCode: 200` is an integer."
	{
		file: "swagger2-ase-simple-proxy-2017.yaml",
		want: []corpusAt{
			{"template-receives-binary", 53}, // options / : requestTemplates application/json
			{"template-receives-binary", 96}, // options /{proxy+}
			{"integration-response-status", 21},
			{"integration-response-status", 46},
			{"integration-response-status", 89},
		},
	},
	// "Same file after the fix (2020 rename commit): both OPTIONS mocks
	// carry `contentHandling: CONVERT_TO_TEXT` under `*/*`. Reference/
	// negative case; still unquoted `swagger: 2.0`." Being the same file,
	// it keeps the 2017 version's integer `statusCode: 200` (warnings)
	// and its info without the version Swagger 2.0 requires.
	{
		file: "swagger2-ase-simple-proxy-fixed.yaml",
		want: []corpusAt{
			{"openapi-invalid", 3},
			{"integration-response-status", 21},
			{"integration-response-status", 47},
			{"integration-response-status", 91},
		},
		forbid:   append(payloadRules(), "content-handling-invalid"),
		noErrors: true,
	},
	// "`x-amazon-apigateway-binary-media-types: [image/png, image/jpg]`.
	// `image/jpg` is not a registered type (JPEG is `image/jpeg`), so real
	// JPEG traffic never matches. `http` (non-proxy) passthrough
	// integrations."
	{
		file: "swagger2-localstack-pets.json",
		want: []corpusAt{{"media-type-nonstandard", 12}},
		// image/png and image/jpg are distinct, valid entries.
		forbid: []string{"media-type-duplicate", "media-type-invalid", "media-type-escaped"},
	},
	// "Serverless Image Handler v5 `api.json`: `*/*`; `aws_proxy` with
	// `contentHandling: CONVERT_TO_TEXT` (ignored for proxy)"; "`info` has
	// no `version`".
	{
		file: "swagger2-sih-v5-api.json",
		want: []corpusAt{{"proxy-content-handling", 56}, {"openapi-invalid", 3}},
		// A proxy takes no template: nothing for */* to break there.
		forbid: []string{"template-receives-binary", "content-handling-invalid"},
	},
	// "Terraform-produced OAS3: `info.version` is the number 1;
	// `aws_proxy` with `CONVERT_TO_TEXT` (no effect on proxy); OPTIONS
	// `mock` with JSON template and no `contentHandling` (fine only because
	// no binary types are declared)."
	{
		file:   "oas3-localstack-tf-spec.json",
		want:   []corpusAt{{"proxy-content-handling", 50}, {"openapi-invalid", 19}},
		forbid: []string{"template-receives-binary", "text-type-listed-binary"},
	},
	// "Smithy-generated: OPTIONS `mock` with `contentHandling:
	// CONVERT_TO_TEXT`, `passthroughBehavior: never` and request templates
	// for four content types: the robust preflight pattern. No binary
	// types. Reference/negative case."
	{
		file:     "oas3-smithy-cors-preflight-convert-to-text.json",
		forbid:   append(payloadRules(), "proxy-content-handling", "content-handling-invalid", "passthrough-behavior-invalid"),
		noErrors: true,
	},
	// "Real get-export: ... `aws_proxy` with `contentHandling:
	// CONVERT_TO_TEXT` (console-created proxy integrations export with it;
	// no effect); no binary types."
	// Its server URL holds ${AWS::Region}, filled in at deploy time: a
	// placeholder, not a server variable left undeclared.
	{
		file:   "oas3-sp-api-lambda-ses-export.yml",
		want:   []corpusAt{{"proxy-content-handling", 27}},
		forbid: []string{"text-type-listed-binary", "template-receives-binary", "openapi-invalid"},
	},
	// "`x-amazon-apigateway-binary-media-types: ["*/*"]`; both OPTIONS
	// mocks carry `contentHandling: CONVERT_TO_TEXT` (the correct fix for
	// `*/*` + JSON mapping template); `aws_proxy` routes. Looks right" —
	// for API Gateway; as OpenAPI 3.0, the OPTIONS operation on /{proxy+}
	// lacks the path parameter every {name} in a path must have.
	{
		file:       "oas3-tftpl-docker-deploy.yaml.tpl",
		want:       []corpusAt{{"openapi-invalid", 7}},
		forbid:     []string{"template-receives-binary"},
		noErrors:   true,
		exhaustive: true,
	},
	// "Request bodies declare `application/octet-stream`/`message/rfc822`
	// `format: binary`, but the binary list lives only in the .tf
	// (`binary_media_types`), not in the OpenAPI document; upload routes
	// are `aws_proxy` with `contentHandling: CONVERT_TO_TEXT` (no effect);
	// mock health/OPTIONS with JSON templates." Read alone, the document
	// lists no binary type, so the uploads are unlisted.
	{
		file: "oas3-tftpl-jmap-service.yaml",
		want: []corpusAt{
			{"request-binary-unlisted", 227}, // POST /upload/{accountId} application/octet-stream
			{"request-binary-unlisted", 231}, // message/rfc822
			{"request-binary-unlisted", 282}, // POST /upload-iam/{accountId}
			{"request-binary-unlisted", 286},
			{"proxy-content-handling", 264},
			{"proxy-content-handling", 319},
		},
		// No binary types in the document: the JSON mock templates are text.
		forbid: []string{"template-receives-binary"},
	},
	// "Console export edited by hand: `servers` is a map with no `url`
	// (should be a list); non-proxy `aws` Lambda with `contentHandling:
	// CONVERT_TO_TEXT` and a JSON response template that overrides the
	// status; `Fn::Sub` in `uri`; no binary types."
	{
		file:     "oas3-sp-mappingtemplate-export.yaml",
		want:     []corpusAt{{"openapi-invalid", 5}},
		forbid:   []string{"template-receives-binary", "text-type-listed-binary", "proxy-content-handling", "content-handling-invalid"},
		noErrors: true,
	},
}

// TestCorpusFindings lints real files of ../shared/corpus with every rule
// and checks the findings against what SOURCES.md says about each file.
func TestCorpusFindings(t *testing.T) {
	if _, err := os.Stat(corpusFindingsDir); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	for _, c := range corpusCases {
		t.Run(c.file, func(t *testing.T) {
			res := importer.File(filepath.Join(corpusFindingsDir, c.file), importer.Options{})
			ds := lint.File(res, All, lint.Defaults{})
			for _, d := range ds {
				if d.Rule == diag.RuleSyntax {
					t.Fatalf("does not import cleanly: %s", d)
				}
			}
			if len(res.APIs) != 1 {
				t.Fatalf("want one API, got %d (format %q)", len(res.APIs), res.Format)
			}

			wantRules := map[string]bool{}
			for _, w := range c.want {
				wantRules[w.rule] = true
			}
			var got []corpusAt
			for _, d := range ds {
				if wantRules[d.Rule] {
					got = append(got, corpusAt{d.Rule, int(d.Span.Start.Line)})
				}
				switch {
				case slices.Contains(c.forbid, d.Rule):
					t.Errorf("forbidden finding: %s", d)
				case c.exhaustive && !wantRules[d.Rule]:
					t.Errorf("unexpected finding: %s", d)
				}
				if c.noErrors && d.Severity >= diag.Error && !wantRules[d.Rule] {
					t.Errorf("error-severity finding in a reference case: %s", d)
				}
			}
			want := slices.Clone(c.want)
			order := func(a, b corpusAt) int {
				if a.rule != b.rule {
					if a.rule < b.rule {
						return -1
					}
					return 1
				}
				return a.line - b.line
			}
			slices.SortFunc(want, order)
			slices.SortFunc(got, order)
			if !slices.Equal(got, want) {
				t.Errorf("findings of %v:\n got %v\nwant %v\nall findings:\n%s", corpusRuleIDs(wantRules), got, want, render(ds))
			}
		})
	}
}

func corpusRuleIDs(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
