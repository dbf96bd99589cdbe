// Package rules holds apigw-oas's lint rules, one per file, and All, the
// catalogue. Payload rules ask the matrix what API Gateway would do; none
// re-derives its tables. Each rule's help is Markdown in docs/<id>.md,
// whose examples the tests lint.
package rules

import (
	"embed"
	"fmt"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

// All is every rule, sorted by ID.
var All = catalogue(
	BinaryMediaTypesMisplaced,
	BinaryMediaTypesType,
	BrowserAcceptUnmatched,
	ContentHandlingInvalid,
	ConvertToBinaryWithTemplate,
	ConvertToTextBodyUnused,
	HTTPAcceptNotForwarded,
	HTTPAPIBinaryMediaTypes,
	HTTPAPIFormBase64,
	IntegrationResponseStatus,
	IntegrationTypeInvalid,
	LambdaIntegrationMethod,
	LambdaSelectionPatternStatus,
	MediaTypeDuplicate,
	MediaTypeEscaped,
	MediaTypeInvalid,
	MediaTypeNeverMatches,
	MediaTypeNonstandard,
	OpenAPIInvalid,
	PassthroughBehaviorInvalid,
	PassthroughRejectsBinary,
	ProxyContentHandling,
	RequestBinaryUnlisted,
	RequestConvertToBinaryText,
	ResponseBinaryUnlisted,
	ResponseTextBase64Decoded,
	SAMGlobalsAPIUnused,
	StreamBinaryMediaTypes,
	TemplateReadsBase64,
	TemplateReceivesBinary,
	TextTypeListedBinary,
)

//go:embed docs/*.md
var docs embed.FS

// catalogue sorts the rules by ID and gives each its help from
// docs/<id>.md, read when asked for: reading all of it here copied the
// whole folder, twice, in every run. A rule without one has an empty
// Help, which TestHelp reports.
func catalogue(rules ...*lint.Rule) []*lint.Rule {
	slices.SortFunc(rules, func(a, b *lint.Rule) int { return strings.Compare(a.ID, b.ID) })
	for _, r := range rules {
		r.Help = helpFile(r.ID).read
	}
	return rules
}

// helpFile is a rule's help, named by its ID.
type helpFile string

func (id helpFile) read() string {
	help, _ := docs.ReadFile("docs/" + string(id) + ".md")
	return strings.TrimSpace(string(help))
}

// ByID finds a rule.
func ByID(id string) *lint.Rule {
	for _, r := range All {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// restOperations are the operations of a REST API that have an
// integration: the ones whose payloads the matrix can simulate.
func restOperations(api *model.API) []*model.Operation {
	if api.Kind != model.RESTAPI {
		return nil
	}
	var ops []*model.Operation
	for _, op := range api.Operations {
		if op.Integration != nil {
			ops = append(ops, op)
		}
	}
	return ops
}

// listed returns the binary media types written as strings; none for an
// HTTP API, which has no binary media types: http-api-binary-media-types
// advises removing the list, so advice about its entries would be moot.
func listed(api *model.API) []model.MediaType {
	if api.Kind == model.HTTPAPI {
		return nil
	}
	var out []model.MediaType
	for _, e := range api.BinaryMediaTypes.Entries {
		if e.IsString() && !e.Unknown {
			out = append(out, e)
		}
	}
	return out
}

// isBinaryContent reports whether a media type names binary content (an
// image, a PDF, an archive); unparsable ones are not judged.
func isBinaryContent(mediaType string) bool {
	t, err := mediatype.Parse(mediaType)
	return err == nil && !mediatype.IsText(t) && t.Type != "*" && t.Subtype != "*"
}

// isTextContent reports whether a media type names text content.
func isTextContent(mediaType string) bool {
	t, err := mediatype.Parse(mediaType)
	return err == nil && mediatype.IsText(t)
}

// simulateRequest asks the matrix what happens to a request of a media type.
func simulateRequest(api *model.API, op *model.Operation, contentType string, body []byte) *matrix.Outcome {
	return matrix.SimulateRequest(matrix.ConfigFor(api, op), matrix.Request{ContentType: contentType, HasContentType: true, Body: body})
}

// sampleBinary is a body that is not UTF-8 (the start of a PNG), sampleText
// one that is text but not base64.
var (
	sampleBinary = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	sampleText   = []byte(`{"message": "hello"}`)
)

// listText renders entries as "a, b and c".
func listText(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func quoted(s string) string { return fmt.Sprintf("%q", s) }

// binaryList names where an API's binary media types are set, for messages
// that tell the user to add one, in the order addBinaryTypesFix edits them:
// the container's own setting when written, else the definition's
// extension when written (a SAM property added beside it would replace
// its entries), else the container's setting.
func binaryList(api *model.API) string {
	if f := api.BinaryMediaTypes.Property; f.Set {
		for _, e := range api.BinaryMediaTypes.Entries {
			if e.Origin != model.FromBinaryMediaTypes {
				return string(e.Origin)
			}
		}
	}
	if api.BinaryMediaTypes.Declared.Set {
		return string(model.FromBinaryMediaTypes)
	}
	switch api.Container {
	case model.ContainerCloudFormation:
		return "the BinaryMediaTypes property"
	case model.ContainerSAM:
		return "BinaryMediaTypes"
	case model.ContainerTerraform:
		return "binary_media_types"
	case model.ContainerServerless:
		return "provider.apiGateway.binaryMediaTypes"
	case model.ContainerAPIGateway:
		return "binaryMediaTypes"
	}
	return "x-amazon-apigateway-binary-media-types"
}
