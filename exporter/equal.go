package exporter

import (
	"fmt"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
)

// Differences lists how two APIs differ in what decides their binary
// behaviour: the binary media types, the operations, the media types each
// operation accepts and produces, and every integration and
// integration-response setting that converts payloads. Produces are
// compared per operation, since Swagger 2.0 cannot say which response
// produces what. An empty list means a conversion kept the binary
// semantics.
func Differences(a, b *model.API) []string {
	var out []string
	differ := func(what string, x, y any) {
		if fmt.Sprint(x) != fmt.Sprint(y) {
			out = append(out, fmt.Sprintf("%s: %v became %v", what, x, y))
		}
	}
	differ("binary media types", binaryValues(a), binaryValues(b))
	differ("operations", operationNames(a), operationNames(b))
	for _, opA := range a.Operations {
		opB := b.Operation(opA.Path, opA.Method)
		if opB == nil {
			continue
		}
		name := opA.Name()
		differ(name+" accepts", mediaValues(opA.Accepts), mediaValues(opB.Accepts))
		differ(name+" produces", produced(opA), produced(opB))
		differ(name+" integration", integrationSummary(opA.Integration), integrationSummary(opB.Integration))
	}
	return out
}

func binaryValues(api *model.API) []string {
	var v []string
	for _, e := range api.BinaryMediaTypes.Entries {
		if !e.Unknown {
			v = append(v, e.Value)
		}
	}
	slices.Sort(v)
	return slices.Compact(v)
}

func operationNames(api *model.API) []string {
	var names []string
	for _, op := range api.Operations {
		names = append(names, op.Name())
	}
	slices.Sort(names)
	return names
}

func mediaValues(mts []model.MediaType) []string {
	var v []string
	for _, m := range mts {
		v = append(v, m.Value)
	}
	slices.Sort(v)
	return slices.Compact(v)
}

func produced(op *model.Operation) []string {
	var all []model.MediaType
	for _, r := range op.Responses {
		all = append(all, r.Produces...)
	}
	return mediaValues(all)
}

// integrationSummary renders the settings of an integration that decide
// payload conversion, in a fixed order.
func integrationSummary(in *model.Integration) string {
	if in == nil {
		return "none"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "type=%s contentHandling=%s passthrough=%s streaming=%s templates=%s",
		canonical(in.Type), in.ContentHandling.Raw, canonical(in.PassthroughBehavior), canonical(in.ResponseTransferMode), templateSummary(in.RequestTemplates))
	for _, r := range in.Responses {
		fmt.Fprintf(&b, " [%s→%s contentHandling=%s templates=%s]", r.Pattern.Raw, r.StatusCode.Raw, r.ContentHandling.Raw, templateSummary(r.ResponseTemplates))
	}
	return b.String()
}

func templateSummary(ts []model.Named) string {
	var parts []string
	for _, t := range ts {
		parts = append(parts, fmt.Sprintf("%s=%q", t.Name.Raw, t.Value.Raw))
	}
	slices.Sort(parts)
	return "{" + strings.Join(parts, ",") + "}"
}

// canonical is a setting's parsed value when it is set ("" otherwise):
// case differences that API Gateway ignores (AWS_PROXY, aws_proxy) are not
// differences.
func canonical[T fmt.Stringer](f model.Field[T]) string {
	if !f.Set {
		return ""
	}
	return f.Value.String()
}
