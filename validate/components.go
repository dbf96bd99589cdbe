package validate

import (
	"net/url"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// sections are the components sections and how each component is checked.
var sections = map[string]check{
	"schemas":         (*checker).schema,
	"parameters":      (*checker).parameter,
	"requestBodies":   (*checker).requestBody,
	"responses":       (*checker).response,
	"headers":         (*checker).header,
	"securitySchemes": (*checker).securityScheme,
	"examples":        (*checker).example,
	"links":           (*checker).link,
	"callbacks":       (*checker).callback,
	"pathItems":       (*checker).pathItemHere, // OpenAPI 3.1
}

// components checks each component where it is written, under a name of
// letters, digits, ".", "_" and "-".
func (c *checker) components(key string, n *source.Node) {
	c.object(key, n, "the Components object", func(section string, v *source.Node) bool {
		check := sections[section]
		if check == nil {
			return false
		}
		if section == "pathItems" {
			c.only31(section, "the Components object")
		}
		c.entries(section, v, "an object (components by name)", func(name string, v *source.Node) {
			if !isComponentName(name) {
				c.reportField(name, Specification, "component name "+quote(name)+" has characters other than letters, digits, \".\", \"_\" and \"-\"")
				return
			}
			if section == "schemas" {
				check(c, name, v) // a $ref is a schema too
				return
			}
			c.orRef(name, v, section, check)
		})
		return true
	})
}

// isComponentName reports whether s matches ^[a-zA-Z0-9._-]+$.
func isComponentName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !('a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '.' || b == '_' || b == '-') {
			return false
		}
	}
	return true
}

// securityScheme checks a Security Scheme object: the fields its type
// requires, and none another type's.
func (c *checker) securityScheme(key string, n *source.Node) {
	fields := map[string]string{}
	var flows *source.Node
	ok := c.object(key, n, "a Security Scheme object", func(k string, v *source.Node) bool {
		switch k {
		case "type", "description", "name", "in", "scheme", "bearerFormat", "openIdConnectUrl":
			fields[k], _ = c.str(k, v)
		case "flows":
			if has(v) {
				flows = v
			}
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
	typ := fields["type"]
	switch typ {
	case "apiKey":
		switch fields["in"] {
		case "query", "header", "cookie":
		default:
			c.reportField("in", Specification, "an apiKey security scheme requires in: query, header or cookie")
		}
		if fields["name"] == "" {
			c.reportField("name", Missing, "an apiKey security scheme requires a name")
		}
	case "http":
		if !isToken(fields["scheme"]) {
			c.reportField("scheme", Specification, "an http security scheme requires a scheme, an HTTP authentication scheme name")
		}
	case "oauth2":
		if flows == nil {
			c.missing("flows", "an oauth2 security scheme")
		}
	case "openIdConnect":
		if fields["openIdConnectUrl"] == "" {
			c.missing("openIdConnectUrl", "an openIdConnect security scheme")
		}
	case "mutualTLS":
		if !c.doc.openAPI31 {
			c.reportField("type", Specification, "type mutualTLS is OpenAPI 3.1's, not 3.0's")
		}
	default:
		c.reportField("type", Specification, "type must be apiKey, http, oauth2, openIdConnect or (OpenAPI 3.1) mutualTLS, not "+quote(typ))
		return
	}
	for _, k := range []string{"in", "name"} {
		if typ != "apiKey" && fields[k] != "" {
			c.reportField(k, Specification, k+" is a field of apiKey security schemes only")
		}
	}
	if fields["bearerFormat"] != "" && (typ != "http" || !strings.EqualFold(fields["scheme"], "bearer")) {
		c.reportField("bearerFormat", Specification, "bearerFormat is a field of http security schemes with scheme bearer only")
	}
	if flows != nil {
		if typ == "oauth2" {
			c.flows("flows", flows)
		} else {
			c.reportField("flows", Specification, "flows is a field of oauth2 security schemes only")
		}
	}
}

// isToken reports whether s is an HTTP token (RFC 9110), as an
// authentication scheme's name is.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", r)) {
			return false
		}
	}
	return true
}

// flowURLs are the URLs each OAuth flow requires; the others it may not
// have.
var flowURLs = map[string][]string{
	"implicit":          {"authorizationUrl"},
	"password":          {"tokenUrl"},
	"clientCredentials": {"tokenUrl"},
	"authorizationCode": {"authorizationUrl", "tokenUrl"},
}

func (c *checker) flows(key string, n *source.Node) {
	c.object(key, n, "an OAuth Flows object", func(k string, v *source.Node) bool {
		required, ok := flowURLs[k]
		if ok {
			c.flow(k, v, required)
		}
		return ok
	})
}

func (c *checker) flow(key string, n *source.Node, required []string) {
	urls := map[string]string{}
	var scopes *source.Node
	ok := c.object(key, n, "an OAuth Flow object", func(k string, v *source.Node) bool {
		switch k {
		case "authorizationUrl", "tokenUrl", "refreshUrl":
			urls[k], _ = c.str(k, v)
		case "scopes":
			scopes = v
			c.entries(k, v, "an object (scope descriptions by name)", func(name string, v *source.Node) { c.str(name, v) })
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
	for _, k := range []string{"authorizationUrl", "tokenUrl", "refreshUrl"} {
		needed := strings.Contains(strings.Join(required, " "), k)
		switch {
		case needed && urls[k] == "":
			c.missing(k, "the "+key+" flow")
		case !needed && k != "refreshUrl" && urls[k] != "":
			c.reportField(k, Specification, k+" is not a field of the "+key+" flow")
		case urls[k] != "":
			if _, err := url.Parse(urls[k]); err != nil {
				c.reportField(k, Specification, k+" is not a URL: "+err.Error())
			}
		}
	}
	if !has(scopes) {
		c.missing("scopes", "an OAuth flow")
	}
}
