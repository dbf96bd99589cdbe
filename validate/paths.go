package validate

import (
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// operationMethods are the fields of a Path Item that hold an operation.
var operationMethods = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true,
	"options": true, "head": true, "patch": true, "trace": true,
}

// paths checks the Paths object: each path starts with "/", no two differ
// only in their variables' names, and each operation declares exactly the
// path's variables as path parameters.
func (c *checker) paths(key string, n *source.Node) {
	if n.Kind != source.Mapping {
		return // reported with the root
	}
	c.push(key)
	defer c.pop()
	shapes := map[string]string{}
	for i := 0; i < len(n.Content); i += 2 {
		path, item := n.Content[i].Value, n.Content[i+1]
		if strings.HasPrefix(path, "x-") {
			continue
		}
		if !strings.HasPrefix(path, "/") {
			c.reportField(path, Specification, "a path must start with \"/\"")
			continue
		}
		// API Gateway's greedy variable {proxy+} is declared as "proxy";
		// a placeholder (/${stage}/items) is no path variable.
		template := strings.ReplaceAll(path, "+}", "}")
		if strings.Contains(template, "${") {
			template = replacePlaceholders(template)
		}
		shape, vars := pathShape(template)
		if other, seen := shapes[shape]; seen {
			c.reportField(path, Specification, "the path is "+quote(other)+" with other names for its variables: a request matches both")
			continue
		}
		shapes[shape] = path
		c.pathItemOrRef(path, item, vars)
	}
}

// pathShape returns a path with its variables' names left out, and those
// names.
func pathShape(path string) (string, []string) {
	if strings.IndexByte(path, '{') < 0 {
		return path, []string{} // none, but a path's: its parameters are matched
	}
	var shape strings.Builder
	var vars []string
	for {
		open := strings.IndexByte(path, '{')
		if open < 0 {
			shape.WriteString(path)
			return shape.String(), vars
		}
		end := strings.IndexByte(path[open:], '}')
		if end < 0 {
			shape.WriteString(path)
			return shape.String(), vars
		}
		name := path[open+1 : open+end]
		shape.WriteString(path[:open+1])
		if strings.HasSuffix(name, "*") {
			shape.WriteByte('*')
		}
		shape.WriteByte('}')
		vars = append(vars, name)
		path = path[open+end+1:]
	}
}

// pathItemOrRef checks a path item, which may be a $ref. vars are the
// variables of its path (nil for a webhook or a callback, which are not
// matched against their parameters).
func (c *checker) pathItemOrRef(key string, n *source.Node, vars []string) {
	if n.Kind == source.Mapping {
		if ref := n.Lookup("$ref"); ref != nil {
			// A Path Item's $ref may have the item's own fields beside
			// it; its target is checked where it is written, but its
			// operations must match this path.
			c.refTo(key, ref, "pathItems", (*checker).pathItemHere)
			if target := c.resolved(n, "pathItems"); target != n && target != nil && target.Kind == source.Mapping && vars != nil {
				c.push(key)
				c.matchPathParameters(target, vars)
				c.pop()
			}
			n = withoutKey(n, "$ref")
		}
	}
	c.pathItem(key, n, vars)
}

// pathItemHere checks a path item written where a $ref leads.
func (c *checker) pathItemHere(key string, n *source.Node) { c.pathItem(key, n, nil) }

// withoutKey returns a mapping without one of its keys.
func withoutKey(m *source.Node, key string) *source.Node {
	c := *m
	c.Content = nil
	for i := 0; i < len(m.Content); i += 2 {
		if m.Content[i].Value != key {
			c.Content = append(c.Content, m.Content[i], m.Content[i+1])
		}
	}
	return &c
}

func (c *checker) pathItem(key string, n *source.Node, vars []string) {
	ok := c.object(key, n, "a Path Item object", func(k string, v *source.Node) bool {
		switch {
		case k == "summary" || k == "description":
			c.str(k, v)
		case k == "servers":
			c.servers(k, v)
		case k == "parameters":
			c.parameters(k, v)
		case operationMethods[k]:
			// found below
		default:
			return false
		}
		return true
	})
	if !ok {
		return
	}
	c.push(key)
	defer c.pop()
	for i := 0; i < len(n.Content); i += 2 {
		if method, op := n.Content[i].Value, n.Content[i+1]; operationMethods[method] && has(op) {
			c.operation(method, op)
		}
	}
	if vars != nil {
		c.matchPathParameters(n, vars)
	}
}

// matchPathParameters checks that each operation of a path item declares
// exactly its path's variables vars as path parameters, itself or with
// the path item.
func (c *checker) matchPathParameters(item *source.Node, vars []string) {
	common := lookup(item, "parameters")
	for i := 0; i < len(item.Content); i += 2 {
		method, op := item.Content[i].Value, item.Content[i+1]
		if !operationMethods[method] || op.Kind != source.Mapping {
			continue
		}
		if mismatch := c.pathParameterMismatch(vars, common, lookup(op, "parameters")); len(mismatch) > 0 {
			c.reportField(method, Specification, "the path and the operation's path parameters do not match ("+
				strings.Join(mismatch, ", ")+"): each {name} in the path needs a parameter with \"in: path\", and each such parameter a {name} in the path")
		}
	}
}

// pathParameterMismatch returns, sorted, the names that are a variable of
// the path or a path parameter of an operation, but not both.
func (c *checker) pathParameterMismatch(vars []string, lists ...*source.Node) []string {
	declared := map[string]bool{}
	for _, list := range lists {
		if list == nil || list.Kind != source.Sequence {
			continue
		}
		for _, p := range list.Content {
			if p = c.resolved(p, "parameters"); p == nil || p.Kind != source.Mapping {
				continue
			}
			if in := p.Lookup("in"); in.IsString() && in.Value == "path" {
				name := p.Lookup("name")
				if name == nil {
					declared[""] = true
				} else {
					declared[name.Value] = true
				}
			}
		}
	}
	inPath := map[string]bool{}
	for _, v := range vars {
		name, _, _ := strings.Cut(v, ":") // routers' {name:regex}
		inPath[strings.TrimSuffix(name, "*")] = true
	}
	var mismatch []string
	for name := range declared {
		if !inPath[name] {
			mismatch = append(mismatch, name)
		}
	}
	for name := range inPath {
		if !declared[name] {
			mismatch = append(mismatch, name)
		}
	}
	slices.Sort(mismatch)
	return mismatch
}

// operation checks an operation.
func (c *checker) operation(key string, n *source.Node) {
	var responses *source.Node
	ok := c.object(key, n, "an Operation object", func(k string, v *source.Node) bool {
		switch k {
		case "summary", "description":
			c.str(k, v)
		case "operationId":
			if id, ok := c.str(k, v); ok && id != "" && c.operationIDs != nil {
				if c.operationIDs[id] {
					c.reportField(k, Specification, "operationId "+quote(id)+" is another operation's too: each must be unique")
				}
				c.operationIDs[id] = true
			}
		case "tags":
			c.stringList(k, v)
		case "deprecated":
			c.boolean(k, v)
		case "externalDocs":
			c.externalDocs(k, v)
		case "servers":
			c.servers(k, v)
		case "parameters":
			c.parameters(k, v)
		case "requestBody":
			if has(v) {
				c.orRef(k, v, "requestBodies", (*checker).requestBody)
			}
		case "responses":
			responses = v
			c.responses(k, v)
		case "security":
			c.securityRequirements(k, v)
		case "callbacks":
			c.entries(k, v, "an object (Callback objects by name)", func(name string, v *source.Node) {
				c.orRef(name, v, "callbacks", (*checker).callback)
			})
		default:
			return false
		}
		return true
	})
	// OpenAPI 3.1 does not require responses, but null is none.
	if ok && (responses == nil && !c.doc.openAPI31 || responses != nil && isNull(responses)) {
		c.push(key)
		c.missing("responses", "an operation")
		c.pop()
	}
}

// parameters checks a list of parameters, no two with the same name and
// location.
func (c *checker) parameters(key string, n *source.Node) {
	if !c.list(key, n, "a list of Parameter objects") {
		return
	}
	c.push(key)
	seen := map[string]bool{}
	for i, item := range n.Content {
		c.orRef(itoa(i), item, "parameters", (*checker).parameter)
		p := c.resolved(item, "parameters")
		if p == nil || p.Kind != source.Mapping {
			continue
		}
		name, in := p.Lookup("name"), p.Lookup("in")
		if !name.IsString() || !in.IsString() {
			continue
		}
		if id := in.Value + " " + name.Value; seen[id] {
			c.report(Specification, "parameter "+quote(name.Value)+" in "+in.Value+" is declared twice")
		} else {
			seen[id] = true
		}
	}
	c.pop()
}

// parameter checks a Parameter object.
func (c *checker) parameter(key string, n *source.Node) {
	var name, in string
	var required, explode *bool
	ok := c.object(key, n, "a Parameter object", func(k string, v *source.Node) bool {
		switch k {
		case "name":
			name, _ = c.str(k, v)
		case "in":
			in, _ = c.str(k, v)
		case "required":
			if b, ok := c.boolean(k, v); ok {
				required = &b
			}
		case "explode":
			if b, ok := c.boolean(k, v); ok {
				explode = &b
			}
		default:
			return c.parameterField(k, v)
		}
		return true
	})
	if !ok {
		return
	}
	c.push(key)
	defer c.pop()
	switch {
	case name == "":
		c.reportField("name", Missing, "a parameter requires a name")
	case in == "":
		c.reportField("in", Missing, "a parameter requires in: path, query, header or cookie")
	case in != "path" && in != "query" && in != "header" && in != "cookie":
		c.reportField("in", Specification, "in must be path, query, header or cookie, not "+quote(in))
	case in == "path" && (required == nil || !*required):
		c.report(Specification, "a path parameter must have required: true")
	}
	c.serialization(n, in, explode)
	c.schemaOrContent(n, "parameter")
}

// parameterField checks a field Parameter and Header objects share.
func (c *checker) parameterField(k string, v *source.Node) bool {
	switch k {
	case "description", "style":
		c.str(k, v)
	case "deprecated", "allowEmptyValue", "allowReserved", "required", "explode":
		c.boolean(k, v)
	case "schema":
		c.schema(k, v)
	case "content":
		c.content(k, v)
	case "example":
	case "examples":
		c.examples(k, v)
	default:
		return false
	}
	return true
}

// styles are the styles each location supports.
var styles = map[string][]string{
	"path":   {"simple", "label", "matrix"},
	"query":  {"form", "spaceDelimited", "pipeDelimited", "deepObject"},
	"header": {"simple"},
	"cookie": {"form"},
}

// serialization checks a parameter's or header's style against its
// location, and deepObject is exploded.
func (c *checker) serialization(n *source.Node, in string, explode *bool) {
	style := n.Lookup("style")
	if !style.IsString() || style.Value == "" || styles[in] == nil {
		return
	}
	switch {
	case !slices.Contains(styles[in], style.Value):
		c.reportField("style", Specification, "style "+quote(style.Value)+" is not one of "+in+" parameters: "+strings.Join(styles[in], ", "))
	case style.Value == "deepObject" && explode != nil && !*explode:
		c.reportField("explode", Specification, "style deepObject requires explode: true")
	}
}

// schemaOrContent checks that a parameter or header has a schema or a
// content of one media type, not both.
func (c *checker) schemaOrContent(n *source.Node, what string) {
	schema, content := lookup(n, "schema"), lookup(n, "content")
	if content != nil && content.Kind == source.Mapping && content.Len() == 0 {
		content = nil // no media type
	}
	switch {
	case schema == nil && content == nil:
		c.report(Missing, "a "+what+" requires a schema or a content of one media type")
	case schema != nil && content != nil:
		c.report(Specification, "a "+what+" has a schema or a content, not both")
	case content != nil && content.Kind == source.Mapping && content.Len() > 1:
		c.reportField("content", Specification, "a "+what+"'s content must hold a single media type")
	}
	if lookup(n, "example") != nil && lookup(n, "examples") != nil {
		c.report(Specification, "a "+what+" has an example or examples, not both")
	}
}
