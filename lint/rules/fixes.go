package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/apigw-oas/apigw-oas/clients"
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// The fixes rules attach to findings (docs/architecture.md, "Fixes"). A
// fix's pointers address the file the finding's span is in; a rule attaches
// one only when it knows where the setting is written.

func fixOf(edits ...diag.Edit) *diag.Fix { return &diag.Fix{Edits: edits} }

func replaceEdit(ptr string, value any) diag.Edit {
	return diag.Edit{Op: diag.EditReplace, Pointer: ptr, Value: value}
}

func removeEdit(ptr string) diag.Edit { return diag.Edit{Op: diag.EditRemove, Pointer: ptr} }

// addBinaryTypesFix adds media types to the API's binary media types: to
// the list that is written (the container's own setting first, as
// binaryList names it), else as a new list where binaryList says: the
// extension at the root of a standalone OpenAPI definition, or the
// container's setting on the API's resource (propertyFix). nil when there
// is none, or when the list is not in file, the file of the finding.
func addBinaryTypesFix(api *model.API, file string, mediaTypes ...string) *diag.Fix {
	if len(mediaTypes) == 0 {
		return nil
	}
	b := api.BinaryMediaTypes
	for _, list := range []model.Field[string]{b.Property, b.Declared} {
		if list.Set && list.Tag == source.TagSeq && list.Pointer != "" {
			if list.Span.File != file {
				return nil
			}
			var edits []diag.Edit
			for _, t := range mediaTypes {
				if list == b.Property && slices.ContainsFunc(b.Entries, func(e model.MediaType) bool { return e.Origin == model.FromSAM }) {
					t = samEscaped(t)
				}
				edits = append(edits, diag.Edit{Op: diag.EditAdd, Pointer: list.Pointer + "/-", Value: t})
			}
			return fixOf(edits...)
		}
	}
	if api.Container == "" {
		return extensionFix(api, file, mediaTypes)
	}
	return propertyFix(api, file, mediaTypes)
}

// extensionFix adds the binary-media-types extension, with the media
// types, at the root of the API's definition, when it has none and is in
// file.
func extensionFix(api *model.API, file string, mediaTypes []string) *diag.Fix {
	if api.Definition == nil || api.BinaryMediaTypes.Declared.Set || api.DefinitionDoc == nil || api.DefinitionDoc.File != file {
		return nil
	}
	return fixOf(diag.Edit{Op: diag.EditAdd, Pointer: source.Append(api.DefinitionPointer, string(model.FromBinaryMediaTypes)), Value: mediaTypes})
}

// propertyFix adds the container's binary-media-types setting to the
// API's resource, in file, when the container has one the importer tells
// by the resource's pointer (KindEvidence): BinaryMediaTypes in a
// CloudFormation AWS::ApiGateway::RestApi's Properties, SAM's in an
// AWS::Serverless::Api's (with SAM's documented "~1" for "/"), and
// binary_media_types on a Terraform aws_api_gateway_rest_api.
func propertyFix(api *model.API, file string, mediaTypes []string) *diag.Fix {
	ev := api.KindEvidence
	if ev.Span.File != file || api.Kind != model.RESTAPI {
		return nil
	}
	switch resource, isType := strings.CutSuffix(ev.Pointer, "/Type"); {
	case isType && strings.HasPrefix(ev.Reason, "AWS::ApiGateway::RestApi "):
		return fixOf(diag.Edit{Op: diag.EditAdd, Pointer: resource + "/Properties/BinaryMediaTypes", Value: mediaTypes})
	case isType && strings.HasPrefix(ev.Reason, "AWS::Serverless::Api "):
		escaped := make([]string, len(mediaTypes))
		for i, t := range mediaTypes {
			escaped[i] = samEscaped(t)
		}
		return fixOf(diag.Edit{Op: diag.EditAdd, Pointer: resource + "/Properties/BinaryMediaTypes", Value: escaped})
	case api.Container == model.ContainerTerraform && strings.HasPrefix(ev.Pointer, "/resource/aws_api_gateway_rest_api/"):
		return fixOf(diag.Edit{Op: diag.EditAdd, Pointer: source.Append(ev.Pointer, "binary_media_types"), Value: mediaTypes})
	}
	return nil
}

// samEscaped writes a media type as SAM's BinaryMediaTypes documents it:
// "~1" for "/".
func samEscaped(mediaType string) string { return strings.ReplaceAll(mediaType, "/", "~1") }

// narrowing is how to stop a wildcard entry (*/*, application/*) from
// matching a text type: replace it by the binary types the API declares
// that only it matches. An image type becomes image/*, what browsers'
// first Accept range (image/avif, image/webp) needs to match.
type narrowing struct {
	entry model.MediaType
	by    []string // empty: remove the entry
	// lost is what some client would no longer get as binary, as the
	// matrix says; a narrowing that costs something is not offered as a fix.
	lost string
}

// computeNarrowing finds the entry the simulator named (matched) and what to
// put in its place; ok is false when the entry is not a string written
// in the list.
func computeNarrowing(api *model.API, matched string) (n narrowing, ok bool) {
	entries := listed(api)
	i := slices.IndexFunc(entries, func(e model.MediaType) bool { return e.Value == matched })
	if i < 0 {
		return n, false
	}
	n.entry = entries[i]
	self := mediatype.NewMatcher([]string{matched})
	var others []string
	for j, e := range entries {
		if j != i {
			others = append(others, e.Value)
		}
	}
	rest := mediatype.NewMatcher(others)
	for _, t := range declaredBinaryTypes(api) {
		if _, mine := self.Match(t); !mine {
			continue
		}
		if _, covered := rest.Match(t); covered {
			continue
		}
		if mt, _ := mediatype.Parse(t); mt.Type == "image" {
			t = "image/*"
		}
		if !slices.Contains(n.by, t) {
			n.by = append(n.by, t)
		}
	}
	n.lost = lostByNarrowing(api, n)
	return n, true
}

// lostByNarrowing simulates every operation with the narrowed list and
// names the first operation and media type some clients would stop
// getting as binary (or whose uploads would stop being binary), or "".
func lostByNarrowing(api *model.API, n narrowing) string {
	var narrowed []string
	for _, e := range listed(api) {
		if e.Pointer == n.entry.Pointer {
			narrowed = append(narrowed, n.by...)
		} else {
			narrowed = append(narrowed, e.Value)
		}
	}
	for _, op := range restOperations(api) {
		before := matrix.ConfigFor(api, op)
		after := before
		after.BinaryMediaTypes = narrowed
		for _, mt := range op.Accepts {
			req := matrix.Request{ContentType: mt.Value, HasContentType: true, Body: sampleBinary}
			if mt.IsString() && isBinaryContent(mt.Value) && matrix.SimulateRequest(before, req).Action != matrix.AsText && matrix.SimulateRequest(after, req).Action == matrix.AsText {
				return fmt.Sprintf("%s uploads to %s would be read as UTF-8 and corrupted", mt.Value, op.Name())
			}
		}
		for _, mt := range producedBinary(op) {
			var who []string
			for _, prof := range clients.Profiles {
				if matrix.ServeBinary(before, prof.Accept, mt.Value).ClientGetsBinary() && !matrix.ServeBinary(after, prof.Accept, mt.Value).ClientGetsBinary() {
					who = append(who, prof.Name)
				}
			}
			if len(who) > 0 {
				return fmt.Sprintf("%s would get %s from %s as base64 text", listText(firstN(who, 3)), mt.Value, op.Name())
			}
		}
	}
	return ""
}

// describe says what the narrowing does, and what it costs, for a message.
func (n narrowing) describe(list string) string {
	change := "replace " + quoted(n.entry.Value) + " in " + list + " by the binary types the API serves, " + listText(quoteAll(n.by))
	if len(n.by) == 0 {
		change = "remove " + quoted(n.entry.Value) + " from " + list + " (the operations declare no binary media type it stands for; list the binary types the API really serves, if any)"
	}
	if n.lost != "" {
		change += ", though then " + n.lost
	}
	return change
}

// fix is the narrowing as edits of the entry, when it is written in the
// finding's file.
func (n narrowing) fix(span source.Span) *diag.Fix {
	if n.lost != "" || n.entry.Pointer == "" || n.entry.Span.File != span.File {
		return nil
	}
	if len(n.by) == 0 {
		return fixOf(removeEdit(n.entry.Pointer))
	}
	by := slices.Clone(n.by)
	if n.entry.Origin == model.FromSAM {
		for i := range by {
			by[i] = samEscaped(by[i])
		}
	}
	edits := []diag.Edit{replaceEdit(n.entry.Pointer, by[0])}
	list, index := parentPointer(n.entry.Pointer)
	for k, t := range by[1:] {
		edits = append(edits, diag.Edit{Op: diag.EditAdd, Pointer: source.Append(list, itoa(index+1+k)), Value: t})
	}
	return fixOf(edits...)
}

// declaredBinaryTypes are the binary media types the operations accept and
// produce, in the order they are written, each once.
func declaredBinaryTypes(api *model.API) []string {
	var out []string
	add := func(mts []model.MediaType) {
		for _, mt := range mts {
			if mt.IsString() && isBinaryContent(mt.Value) && !slices.Contains(out, mediatype.EssenceOf(mt.Value)) {
				out = append(out, mediatype.EssenceOf(mt.Value))
			}
		}
	}
	for _, op := range api.Operations {
		add(op.Accepts)
		for _, r := range op.Responses {
			add(r.Produces)
		}
	}
	return out
}

// parentPointer splits a list item's pointer into the list's and the index.
func parentPointer(ptr string) (string, int) {
	i := strings.LastIndexByte(ptr, '/')
	n, _ := strconv.Atoi(ptr[i+1:])
	return ptr[:i], n
}

func itoa(i int) string { return strconv.Itoa(i) }

// contentHandlingEdit sets contentHandling on an integration or an
// integration response (at ptr), spelt as the object's other keys are:
// contentHandling in OpenAPI and the control plane, ContentHandling in
// CloudFormation, content_handling in Terraform. siblings are pointers of
// keys the object has; a Terraform resource is known by its pointer too,
// since its keys may be all one word (type = "MOCK").
func contentHandlingEdit(ptr string, siblings ...string) diag.Edit {
	key := "contentHandling"
	if isTerraformIntegration(ptr) {
		key = "content_handling"
	}
	for _, sibling := range siblings {
		_, last, _ := strings.Cut(strings.TrimPrefix(sibling, ptr), "/")
		switch {
		case strings.Contains(last, "_"):
			key = "content_handling"
		case last != "" && unicode.IsUpper(rune(last[0])):
			key = "ContentHandling"
		}
	}
	return diag.Edit{Op: diag.EditAdd, Pointer: source.Append(ptr, key), Value: "CONVERT_TO_TEXT"}
}

// isTerraformIntegration reports whether ptr is the pointer of a Terraform
// integration or integration response resource: a string test, not a
// regexp, since every fix asks and compiling one costs more than a run of
// a small definition.
func isTerraformIntegration(ptr string) bool {
	name, ok := strings.CutPrefix(ptr, "/resource/aws_api_gateway_integration/")
	if !ok {
		name, ok = strings.CutPrefix(ptr, "/resource/aws_api_gateway_integration_response/")
	}
	return ok && name != "" && !strings.Contains(name, "/")
}

// integrationKeys are the pointers of keys the integration has, for
// contentHandlingEdit.
func integrationKeys(in *model.Integration) []string {
	return []string{in.Type.Pointer, in.URI.Pointer, in.HTTPMethod.Pointer}
}

// inCaseOf writes an enum value in the case the file wrote the one it
// replaces: WHEN_NO_MATCH in CloudFormation and the control plane.
func inCaseOf(written, value string) string {
	if written != "" && written == strings.ToUpper(written) {
		return strings.ToUpper(value)
	}
	return value
}

// reportFixable is lint.Reportf with the fix the message suggests.
func reportFixable[T any](p *lint.Pass, f model.Field[T], op *model.Operation, fix *diag.Fix, format string, args ...any) {
	p.Report(lint.Finding{Span: f.Span, Pointer: f.Pointer, Operation: op, Fix: fix, Message: fmt.Sprintf(format, args...)})
}

// imageWildcard is what makes browsers' <img> requests binary: image/*
// in place of the image entries it covers (which would be redundant
// beside it), or appended when there are none.
func imageWildcard(api *model.API, file string) (advice string, fix *diag.Fix) {
	list := binaryList(api)
	var covered []model.MediaType
	for _, e := range listed(api) {
		if t, err := mediatype.Parse(e.Value); err == nil && strings.EqualFold(t.Type, "image") {
			covered = append(covered, e)
		}
	}
	if len(covered) == 0 {
		return `add "image/*" to ` + list, addBinaryTypesFix(api, file, "image/*")
	}
	names := make([]string, len(covered))
	edits := []diag.Edit{replaceEdit(covered[0].Pointer, "image/*")}
	for i, e := range covered {
		names[i] = quoted(e.Value)
		if i > 0 {
			edits = append(edits, removeEdit(e.Pointer))
		}
	}
	slices.Reverse(edits[1:]) // later items first, so earlier indices hold
	advice = `replace ` + listText(names) + ` in ` + list + ` by "image/*"`
	if covered[0].Span.File != file {
		return advice, nil
	}
	return advice, fixOf(edits...)
}
