package importtest

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// Render writes what an import found, one setting a line, for the
// testdata/<format>/*.txtar cases: the file's format or container, its
// diagnostics, and every API with every setting that is set. A setting
// reads `name: "raw" !!tag → value @file:line:col-line:col /pointer`, the
// value only when it differs from the text. Nothing is left out, so a case
// checks all that the importer read.
func Render(res *importer.Result) string {
	var b strings.Builder
	if res.Format != "" {
		fmt.Fprintf(&b, "format: %s\n", res.Format)
	}
	if res.Container != "" {
		fmt.Fprintf(&b, "container: %s\n", res.Container)
	}
	for _, d := range res.Diagnostics {
		fmt.Fprintf(&b, "diagnostic: %s %s %s: %s", Span(d.Span), d.Severity, d.Rule, d.Message)
		if d.Pointer != "" {
			fmt.Fprintf(&b, " (at %s)", d.Pointer)
		}
		b.WriteByte('\n')
	}
	for i, u := range res.Unapplied {
		renderValue(&b, "", fmt.Sprintf("unapplied[%d]", i), reflect.ValueOf(u))
	}
	for _, api := range res.APIs {
		b.WriteString("api:\n")
		renderStruct(&b, "  ", reflect.ValueOf(api).Elem())
	}
	return b.String()
}

// Span renders a span as file:line:col-line:col.
func Span(s source.Span) string {
	return fmt.Sprintf("%s:%d:%d-%d:%d", s.File, s.Start.Line, s.Start.Col, s.End.Line, s.End.Col)
}

var (
	spanType      = reflect.TypeFor[source.Span]()
	mediaTypeType = reflect.TypeFor[model.MediaType]()
	nodeType      = reflect.TypeFor[*source.Node]()
	documentType  = reflect.TypeFor[*source.Document]()
)

func renderStruct(b *strings.Builder, indent string, v reflect.Value) {
	t := v.Type()
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		if !f.IsExported() || fv.IsZero() || fv.Type() == nodeType {
			continue
		}
		renderValue(b, indent, settingName(f), fv)
	}
}

// settingName is a struct field's JSON name, else its Go name.
func settingName(f reflect.StructField) string {
	if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
		return name
	}
	return f.Name
}

func renderValue(b *strings.Builder, indent, name string, v reflect.Value) {
	switch {
	case v.Type() == spanType:
		fmt.Fprintf(b, "%s%s: %s\n", indent, name, Span(v.Interface().(source.Span)))
	case v.Type() == documentType:
		fmt.Fprintf(b, "%s%s: %s\n", indent, name, v.Interface().(*source.Document).File)
	case v.Type() == mediaTypeType:
		e := v.Interface().(model.MediaType)
		fmt.Fprintf(b, "%s%s: %s (%s)\n", indent, name, fieldText(v.Field(0)), e.Origin)
	case isField(v.Type()):
		fmt.Fprintf(b, "%s%s: %s\n", indent, name, fieldText(v))
	case v.Kind() == reflect.Pointer:
		renderValue(b, indent, name, v.Elem())
	case v.Kind() == reflect.Slice:
		for i := range v.Len() {
			renderValue(b, indent, fmt.Sprintf("%s[%d]", name, i), v.Index(i))
		}
	case v.Kind() == reflect.Struct:
		fmt.Fprintf(b, "%s%s:\n", indent, name)
		renderStruct(b, indent+"  ", v)
	default:
		fmt.Fprintf(b, "%s%s: %v\n", indent, name, v.Interface())
	}
}

// isField reports whether t is a model.Field[T].
func isField(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && strings.HasPrefix(t.Name(), "Field[")
}

// fieldText renders a model.Field: its text as written (unknown when
// computed at deploy time), its tag, its
// parsed value when that reads differently, where it is and its pointer.
// A field that is not Set is marked so (the text of a setting that is
// absent is never compared).
func fieldText(v reflect.Value) string {
	raw, tag := v.FieldByName("Raw").String(), v.FieldByName("Tag").String()
	text := strconv.Quote(raw)
	if v.FieldByName("Unknown").Bool() {
		text = "unknown " + text
	}
	if tag != "" {
		text += " " + tag
	}
	if value := fmt.Sprint(v.FieldByName("Value").Interface()); value != raw && !v.FieldByName("Unknown").Bool() {
		text += " → " + strconv.Quote(value)
	}
	if !v.FieldByName("Set").Bool() {
		text += " unset"
	}
	text += " @" + Span(v.FieldByName("Span").Interface().(source.Span))
	if p := v.FieldByName("Pointer").String(); p != "" {
		text += " " + p
	}
	if p := v.FieldByName("Parameter").String(); p != "" {
		text += " Default of parameter " + p
	}
	return text
}
