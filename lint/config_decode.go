package lint

import (
	"fmt"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// configDecoder reads the configuration from its node tree, so every
// problem is reported where it is written.
type configDecoder struct {
	doc   *source.Document
	cfg   *FileConfig
	diags []diag.Diagnostic
}

func (d *configDecoder) errorf(n *source.Node, format string, args ...any) {
	d.diags = append(d.diags, diag.Diagnostic{Rule: diag.RuleConfig, Severity: diag.Error,
		Span: d.doc.Span(n), Message: fmt.Sprintf(format, args...)})
}

// entries returns the entries of a mapping, reporting keys not in known.
func (d *configDecoder) entries(n *source.Node, what string, known ...string) map[string]*source.Node {
	out := map[string]*source.Node{}
	if n.Kind != source.Mapping {
		d.errorf(n, "%s must be a mapping", what)
		return out
	}
	for i := 0; i < n.Len(); i++ {
		k, v := n.Pair(i)
		if len(known) > 0 && !containsString(known, k.Value) {
			d.errorf(k, "unknown key %q in %s (known: %s)", k.Value, what, strings.Join(known, ", "))
			continue
		}
		out[k.Value] = v
	}
	return out
}

func (d *configDecoder) decode() {
	top := d.entries(d.doc.Root, "the configuration", "fail-on", "rules", "categories", "ignore")
	if v := top["fail-on"]; v != nil {
		if d.scalarIn(v, "fail-on", "error", "warning", "info", "never") {
			d.cfg.FailOn = v.Value
		}
	}
	if v := top["rules"]; v != nil {
		for id, setting := range d.entries(v, "rules") {
			d.rule(v, id, setting)
		}
	}
	if v := top["categories"]; v != nil {
		d.categories(v)
	}
	if v := top["ignore"]; v != nil {
		d.ignores(v)
	}
}

func (d *configDecoder) rule(rules *source.Node, id string, setting *source.Node) {
	r := d.findRule(id)
	if r == nil {
		k, _ := rules.Get(id)
		d.errorf(k, "unknown rule %q (run 'apigw-oas rules' for the list)", id)
		return
	}
	var s ruleSetting
	if setting.Kind == source.Scalar {
		s.severity = d.severity(setting, "the severity of "+id)
	} else {
		fields := d.entries(setting, "rule "+id, "severity", "options")
		if v := fields["severity"]; v != nil {
			s.severity = d.severity(v, "the severity of "+id)
		}
		if v := fields["options"]; v != nil {
			s.options = d.options(r, v)
		}
	}
	d.cfg.rules[id] = s
}

func (d *configDecoder) categories(n *source.Node) {
	var names []string
	for _, c := range Categories {
		names = append(names, string(c))
	}
	for i := 0; i < n.Len() && n.Kind == source.Mapping; i++ {
		k, v := n.Pair(i)
		if !containsString(names, k.Value) {
			d.errorf(k, "unknown category %q (known: %s)", k.Value, strings.Join(names, ", "))
			continue
		}
		if sev := d.severity(v, "the severity of category "+k.Value); sev != nil {
			d.cfg.categories[Category(k.Value)] = *sev
		}
	}
	if n.Kind != source.Mapping {
		d.errorf(n, "categories must be a mapping of category to severity")
	}
}

func (d *configDecoder) ignores(n *source.Node) {
	if n.Kind != source.Sequence {
		d.errorf(n, "ignore must be a list of entries with rule, files, reason and optionally pointer")
		return
	}
	for _, item := range n.Content {
		f := d.entries(item, "an ignore entry", "rule", "files", "pointer", "reason")
		if item.Kind != source.Mapping {
			continue // entries said so; "needs a rule" and "needs a reason" would only repeat it
		}
		ig := &Ignore{Span: d.doc.Span(item)}
		switch v := f["rule"]; {
		case v == nil:
			d.errorf(item, "an ignore entry needs a rule")
		case v.Value != diag.RuleConfig && d.findRule(v.Value) == nil:
			d.errorf(v, "unknown rule %q in an ignore entry", v.Value)
		default:
			ig.Rule = v.Value
		}
		if v := f["files"]; v != nil && d.isString(v, "files") {
			ig.Files = v.Value
		}
		if v := f["pointer"]; v != nil && d.isString(v, "pointer") {
			if _, err := source.SplitPointer(v.Value); err != nil {
				d.errorf(v, "%v", err)
			}
			ig.Pointer = strings.TrimPrefix(v.Value, "#")
		}
		const needsReason = "an ignore entry needs a reason: say why the finding does not apply"
		switch v := f["reason"]; {
		case v == nil:
			d.errorf(item, needsReason)
		case v.Kind == source.Scalar && strings.TrimSpace(v.Value) == "": // empty, blank or null
			d.errorf(v, needsReason)
		case d.isString(v, "reason"):
			ig.Reason = v.Value
		}
		d.cfg.Ignores = append(d.cfg.Ignores, ig)
	}
}

func (d *configDecoder) options(r *Rule, n *source.Node) map[string]any {
	var names []string
	for _, o := range r.Options {
		names = append(names, o.Name)
	}
	if len(names) == 0 { // entries would take no names as "any key"
		for i := 0; n.Kind == source.Mapping && i < n.Len(); i++ {
			k, _ := n.Pair(i)
			d.errorf(k, "unknown option %q: %s has no options", k.Value, r.ID)
		}
		if n.Kind != source.Mapping {
			d.errorf(n, "the options of %s must be a mapping", r.ID)
		}
		return nil
	}
	out := map[string]any{}
	for name, v := range d.entries(n, "the options of "+r.ID, names...) {
		for _, o := range r.Options {
			if o.Name != name {
				continue
			}
			value, err := o.Parse(v)
			if err != nil {
				at := v
				if oe, ok := err.(*OptionError); ok && oe.At != nil {
					at = oe.At
				}
				d.errorf(at, "option %s of %s: %v", name, r.ID, err)
				continue
			}
			out[name] = value
		}
	}
	return out
}

func (d *configDecoder) severity(n *source.Node, what string) *diag.Severity {
	if !d.scalarIn(n, what, "error", "warning", "info", "off") {
		return nil
	}
	sev, _ := diag.ParseSeverity(n.Value)
	return &sev
}

// scalarIn checks that n is one of allowed.
func (d *configDecoder) scalarIn(n *source.Node, what string, allowed ...string) bool {
	if n.Kind != source.Scalar || !containsString(allowed, n.Value) {
		d.errorf(n, "%s must be one of %s", what, strings.Join(allowed, ", "))
		return false
	}
	return true
}

// isString checks that n is a string as JSON Schema sees YAML (the schema
// and the editors that check with it): any scalar but a number, a boolean
// or null, so a date such as 2024-01-01 is a string too.
func (d *configDecoder) isString(n *source.Node, what string) bool {
	if n.Kind != source.Scalar || n.Tag == source.TagInt || n.Tag == source.TagFloat || n.Tag == source.TagBool || n.Tag == source.TagNull {
		d.errorf(n, "%s must be a string", what)
		return false
	}
	return true
}

func (d *configDecoder) findRule(id string) *Rule {
	for _, r := range d.cfg.known {
		if r.ID == id {
			return r
		}
	}
	return nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
