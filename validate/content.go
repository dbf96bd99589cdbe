package validate

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

func (c *checker) requestBody(key string, n *source.Node) {
	var content *source.Node
	ok := c.object(key, n, "a Request Body object", func(k string, v *source.Node) bool {
		switch k {
		case "description":
			c.str(k, v)
		case "required":
			c.boolean(k, v)
		case "content":
			content = v
			c.content(k, v)
		default:
			return false
		}
		return true
	})
	if ok && !has(content) {
		c.push(key)
		c.missing("content", "a request body")
		c.pop()
	}
}

// content checks a map of media types, no two of whose keys name the same
// media range (a key may list several, separated by commas).
func (c *checker) content(key string, n *source.Node) {
	var seen map[string]string
	c.entries(key, n, "an object (Media Type objects by media type)", func(mediaType string, v *source.Node) {
		for r := range strings.SplitSeq(mediaType, ",") {
			if r = strings.ToLower(strings.TrimSpace(r)); r == "" {
				continue
			}
			if seen == nil {
				seen = map[string]string{}
			}
			if other, dup := seen[r]; dup && other != mediaType {
				c.reportField(mediaType, Specification, "media range "+quote(r)+" is in "+quote(other)+" too")
			}
			seen[r] = mediaType
		}
		if isNull(v) {
			c.wrongType(mediaType, v, "an object (a Media Type object)")
			return
		}
		c.mediaType(mediaType, v)
	})
}

func (c *checker) mediaType(key string, n *source.Node) {
	ok := c.object(key, n, "a Media Type object", func(k string, v *source.Node) bool {
		switch k {
		case "schema":
			c.schema(k, v)
		case "example":
		case "examples":
			c.examples(k, v)
		case "encoding":
			c.entries(k, v, "an object (Encoding objects by property)", func(property string, v *source.Node) {
				if isNull(v) {
					c.wrongType(property, v, "an object (an Encoding object)")
					return
				}
				c.encoding(property, v)
			})
		default:
			return false
		}
		return true
	})
	if ok && lookup(n, "example") != nil && lookup(n, "examples") != nil {
		c.push(key)
		c.report(Specification, "a media type has an example or examples, not both")
		c.pop()
	}
}

func (c *checker) encoding(key string, n *source.Node) {
	style, explode := "form", (*bool)(nil)
	ok := c.object(key, n, "an Encoding object", func(k string, v *source.Node) bool {
		switch k {
		case "contentType":
			if s, ok := c.str(k, v); ok && s != "" && !isMediaTypeList(s) {
				c.reportField(k, Specification, "contentType "+quote(s)+" is not a media type or a list of them")
			}
		case "headers":
			c.entries(k, v, "an object (Header objects by name)", func(name string, h *source.Node) {
				if !isComponentName(name) {
					c.reportField(name, Specification, "header name "+quote(name)+" has characters other than letters, digits, \".\", \"_\" and \"-\"")
					return
				}
				c.orRef(name, h, "headers", (*checker).header)
			})
		case "style":
			if s, ok := c.str(k, v); ok && s != "" {
				style = s
			}
		case "explode":
			if b, ok := c.boolean(k, v); ok {
				explode = &b
			}
		case "allowReserved":
			c.boolean(k, v)
		default:
			return false
		}
		return true
	})
	if !ok {
		return
	}
	c.push(key)
	switch style {
	case "form", "spaceDelimited", "pipeDelimited":
	case "deepObject":
		if explode != nil && !*explode {
			c.reportField("explode", Specification, "style deepObject requires explode: true")
		}
	default:
		c.reportField("style", Specification, "style "+quote(style)+" is not one of form, spaceDelimited, pipeDelimited, deepObject")
	}
	c.pop()
}

// isMediaTypeList reports whether s is media types (or ranges) separated
// by commas, each type/subtype without spaces, with optional parameters.
func isMediaTypeList(s string) bool {
	for mediaType := range strings.SplitSeq(s, ",") {
		mediaType, _, _ = strings.Cut(mediaType, ";")
		typ, sub, ok := strings.Cut(strings.TrimSpace(mediaType), "/")
		if !ok || typ == "" || sub == "" || strings.ContainsAny(typ, " \t/;") || strings.ContainsAny(sub, " \t/;") || typ == "*" && sub != "*" {
			return false
		}
	}
	return true
}

// responses checks an operation's responses: at least one.
func (c *checker) responses(key string, n *source.Node) {
	count := 0
	ok := c.object(key, n, "a Responses object", func(code string, v *source.Node) bool {
		count++
		c.orRef(code, v, "responses", (*checker).response)
		return true
	})
	if ok && count == 0 {
		c.reportField(key, Missing, "responses must hold at least one response")
	}
}

func (c *checker) response(key string, n *source.Node) {
	ok := c.object(key, n, "a Response object", func(k string, v *source.Node) bool {
		switch k {
		case "description":
			c.str(k, v)
		case "headers":
			c.entries(k, v, "an object (Header objects by name)", func(name string, h *source.Node) {
				c.orRef(name, h, "headers", (*checker).header)
			})
		case "content":
			c.content(k, v)
		case "links":
			c.entries(k, v, "an object (Link objects by name)", func(name string, l *source.Node) {
				c.orRef(name, l, "links", (*checker).link)
			})
		default:
			return false
		}
		return true
	})
	if ok && lookup(n, "description") == nil {
		c.push(key)
		c.reportField("description", Missing, "a response requires a description")
		c.pop()
	}
}

// header checks a Header object: a Parameter object without name and in.
func (c *checker) header(key string, n *source.Node) {
	var explode *bool
	ok := c.object(key, n, "a Header object", func(k string, v *source.Node) bool {
		switch k {
		case "name", "in":
			c.reportField(k, Specification, "a header has no "+k+": its name is its key")
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
	c.serialization(n, "header", explode)
	c.schemaOrContent(n, "header")
	c.pop()
}

// examples checks a map of Example objects.
func (c *checker) examples(key string, n *source.Node) {
	c.entries(key, n, "an object (Example objects by name)", func(name string, v *source.Node) {
		c.orRef(name, v, "examples", (*checker).example)
	})
}

// example checks an Example object: it has a value or an externalValue,
// not both. (It may have neither: a summary alone.)
func (c *checker) example(key string, n *source.Node) {
	external := false
	ok := c.object(key, n, "an Example object", func(k string, v *source.Node) bool {
		switch k {
		case "summary", "description":
			c.str(k, v)
		case "value":
		case "externalValue":
			s, _ := c.str(k, v)
			external = s != ""
		default:
			return false
		}
		return true
	})
	if ok && external && lookup(n, "value") != nil {
		c.push(key)
		c.report(Specification, "an example has a value or an externalValue, not both")
		c.pop()
	}
}

// link checks a Link object: it names its operation by operationId or by
// operationRef.
func (c *checker) link(key string, n *source.Node) {
	var id, ref string
	ok := c.object(key, n, "a Link object", func(k string, v *source.Node) bool {
		switch k {
		case "operationId":
			id, _ = c.str(k, v)
		case "operationRef":
			ref, _ = c.str(k, v)
		case "description":
			c.str(k, v)
		case "parameters":
			c.isObject(k, v, "an object (values by parameter name)")
		case "requestBody":
		case "server":
			c.server(k, v)
		default:
			return false
		}
		return true
	})
	if !ok {
		return
	}
	c.push(key)
	switch {
	case id == "" && ref == "":
		c.report(Missing, "a link requires an operationId or an operationRef")
	case id != "" && ref != "":
		c.report(Specification, "a link has an operationId or an operationRef, not both")
	}
	c.pop()
}

// callback checks a Callback object: path items by runtime expression.
func (c *checker) callback(key string, n *source.Node) {
	c.object(key, n, "a Callback object", func(expression string, v *source.Node) bool {
		c.pathItemOrRef(expression, v, nil)
		return true
	})
}

// schema hands a Schema Object to checkSchema.
func (c *checker) schema(key string, n *source.Node) {
	if isNull(n) {
		return
	}
	c.push(key)
	c.problems = append(c.problems, checkSchema(n, c.pointer(), c.doc.scope)...)
	c.pop()
}
