package validate

import (
	"net/url"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// rootFields checks the root's fields but its paths, which are checked on
// another core (see check3).
func (c *checker) rootFields(def *source.Node) {
	var openapi, info, paths, components, webhooks *source.Node
	for i := 0; i < len(def.Content); i += 2 {
		k, v := def.Content[i].Value, def.Content[i+1]
		if strings.HasPrefix(k, "x-") {
			continue
		}
		switch k {
		case "openapi":
			openapi = v
			c.str(k, v)
		case "info":
			info = v
			c.info(k, v)
		case "servers":
			c.servers(k, v)
		case "tags":
			c.tags(k, v)
		case "externalDocs":
			c.externalDocs(k, v)
		case "paths":
			paths = v
			c.isObject(k, v, "an object (Paths)")
		case "components":
			components = v
			c.components(k, v)
		case "security":
			c.securityRequirements(k, v)
		case "webhooks":
			webhooks = v
			c.only31(k, "the OpenAPI Object")
			c.entries(k, v, "an object (Path Item objects by name)", func(name string, item *source.Node) {
				c.pathItemOrRef(name, item, nil)
			})
		case "jsonSchemaDialect":
			c.only31(k, "the OpenAPI Object")
			c.dialect(k, v)
		default:
			c.unknownField(k, "the OpenAPI Object")
		}
	}
	if !has(openapi) || openapi.Value == "" {
		c.reportField("openapi", Structure, "an OpenAPI document requires openapi, the version of OpenAPI it is written in")
	}
	if !has(info) {
		c.missing("info", "an OpenAPI document")
	}
	switch {
	case !c.doc.openAPI31 && !has(paths):
		c.missing("paths", "an OpenAPI 3.0 document")
	case c.doc.openAPI31 && !has(paths) && !has(components) && !has(webhooks):
		c.report(Missing, "an OpenAPI 3.1 document requires paths, components or webhooks")
	}
}

func (c *checker) dialect(key string, n *source.Node) {
	s, ok := c.str(key, n)
	if !ok {
		return
	}
	if u, err := url.Parse(s); err != nil || u.Scheme == "" {
		c.reportField(key, Specification, "jsonSchemaDialect must be an absolute URI")
	}
}

func (c *checker) info(key string, n *source.Node) {
	var title, version, license *source.Node
	c.object(key, n, "an Info object", func(k string, v *source.Node) bool {
		switch k {
		case "title":
			title = v
			c.str(k, v)
		case "version":
			version = v
			c.str(k, v)
		case "description", "termsOfService":
			c.str(k, v)
		case "summary":
			c.only31(k, "the Info object")
			c.str(k, v)
		case "contact":
			c.object(k, v, "a Contact object", func(k string, v *source.Node) bool {
				c.str(k, v)
				return k == "name" || k == "url" || k == "email"
			})
		case "license":
			license = v
		default:
			return false
		}
		return true
	})
	if n.Kind != source.Mapping {
		return
	}
	c.push(key)
	if !has(title) || title.Value == "" {
		c.reportField("title", Missing, "info requires a title")
	}
	if !has(version) || version.Value == "" {
		c.reportField("version", Missing, "info requires a version (of the API, not of OpenAPI)")
	}
	if license != nil {
		c.license("license", license)
	}
	c.pop()
}

func (c *checker) license(key string, n *source.Node) {
	var name, url, identifier string
	ok := c.object(key, n, "a License object", func(k string, v *source.Node) bool {
		switch k {
		case "name":
			name, _ = c.str(k, v)
		case "url":
			url, _ = c.str(k, v)
		case "identifier":
			c.only31(k, "the License object")
			identifier, _ = c.str(k, v)
		default:
			return false
		}
		return true
	})
	if !ok {
		return
	}
	c.push(key)
	if name == "" {
		c.reportField("name", Missing, "a license requires a name")
	}
	if url != "" && identifier != "" {
		c.report(Specification, "a license has a url or an identifier, not both")
	}
	c.pop()
}

func (c *checker) servers(key string, n *source.Node) {
	if c.list(key, n, "a list of Server objects") {
		c.push(key)
		for i, s := range n.Content {
			if c.item(itoa(i), s, "an object (a Server object)") {
				c.server(itoa(i), s)
			}
		}
		c.pop()
	}
}

// server checks a server, and that its URL's {variables} are the ones it
// declares.
func (c *checker) server(key string, n *source.Node) {
	var address string
	var variables *source.Node
	ok := c.object(key, n, "a Server object", func(k string, v *source.Node) bool {
		switch k {
		case "url":
			address, _ = c.str(k, v)
		case "description":
			c.str(k, v)
		case "variables":
			variables = v
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
	if address == "" {
		c.reportField("url", Missing, "a server requires a url")
	}
	if strings.Count(address, "{") != strings.Count(address, "}") {
		c.reportField("url", Specification, "the server url's braces do not pair up")
	}
	for _, name := range templateVariables(address) {
		if variables.Lookup(name) == nil {
			// On the server, not its url: a url with a placeholder may be
			// judged only where the placeholder is.
			c.report(Specification, "the server url's {"+name+"} is not among the server's variables")
			break
		}
	}
	if variables == nil || address == "" {
		return // a variable is unused only in a url
	}
	c.entries("variables", variables, "an object (Server Variable objects by name)", func(name string, v *source.Node) {
		switch {
		case isNull(v):
			c.wrongType(name, v, "an object (a Server Variable object)")
		case !strings.Contains(address, "{"+name+"}"):
			c.reportField(name, Specification, "variable "+quote(name)+" is not used in the server url")
		default:
			c.serverVariable(name, v)
		}
	})
}

// templateVariables are the names between braces in a URL template.
func templateVariables(s string) []string {
	var names []string
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			return names
		}
		s = s[open+1:]
		end := strings.IndexByte(s, '}')
		if end < 0 {
			return names
		}
		names = append(names, s[:end])
		s = s[end+1:]
	}
}

func (c *checker) serverVariable(key string, n *source.Node) {
	var value string
	ok := c.object(key, n, "a Server Variable object", func(k string, v *source.Node) bool {
		switch k {
		case "default":
			value, _ = c.str(k, v)
		case "description":
			c.str(k, v)
		case "enum":
			c.stringList(k, v)
		default:
			return false
		}
		return true
	})
	if ok && value == "" {
		c.push(key)
		c.reportField("default", Missing, "a server variable requires a default")
		c.pop()
	}
}

func (c *checker) tags(key string, n *source.Node) {
	if !c.list(key, n, "a list of Tag objects") {
		return
	}
	c.push(key)
	seen := map[string]bool{}
	for i, t := range n.Content {
		if !c.item(itoa(i), t, "an object (a Tag object)") {
			continue
		}
		var name string
		ok := c.object(itoa(i), t, "a Tag object", func(k string, v *source.Node) bool {
			switch k {
			case "name":
				name, _ = c.str(k, v)
			case "description":
				c.str(k, v)
			case "externalDocs":
				c.externalDocs(k, v)
			default:
				return false
			}
			return true
		})
		switch {
		case !ok:
		case name == "":
			c.push(itoa(i))
			c.reportField("name", Missing, "a tag requires a name")
			c.pop()
		case seen[name]:
			c.push(itoa(i))
			c.reportField("name", Specification, "tag "+quote(name)+" is declared twice")
			c.pop()
		}
		seen[name] = true
	}
	c.pop()
}

func (c *checker) externalDocs(key string, n *source.Node) {
	var address *source.Node
	ok := c.object(key, n, "an External Documentation object", func(k string, v *source.Node) bool {
		switch k {
		case "url":
			if _, ok := c.str(k, v); ok {
				address = v
			}
		case "description":
			c.str(k, v)
		default:
			return false
		}
		return true
	})
	if !ok {
		return
	}
	c.push(key)
	if address == nil || address.Value == "" {
		c.reportField("url", Missing, "external documentation requires a url")
	} else if _, err := url.Parse(address.Value); err != nil {
		c.reportField("url", Specification, "the url is not a URL: "+err.Error())
	}
	c.pop()
}

// securityRequirements checks a list of security requirements: each names
// security schemes the components declare.
func (c *checker) securityRequirements(key string, n *source.Node) {
	if !c.list(key, n, "a list of Security Requirement objects") {
		return
	}
	c.push(key)
	for i, req := range n.Content {
		if !c.item(itoa(i), req, "an object (a Security Requirement object)") {
			continue
		}
		c.entries(itoa(i), req, "an object (a Security Requirement)", func(name string, scopes *source.Node) {
			if scheme := c.doc.components["securitySchemes"][name]; scheme == nil || scheme.Kind != source.Mapping {
				c.reportField(name, Specification, "security scheme "+quote(name)+" is not declared in components.securitySchemes")
			}
			c.stringList(name, scopes)
		})
	}
	c.pop()
}
