package exporter

import (
	"fmt"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// Security schemes: Swagger 2.0's basic, apiKey and oauth2 with one flow;
// OpenAPI 3's http, apiKey, oauth2 with a flows object, and openIdConnect.

// securitySchemeTo3 converts a security definition: basic becomes http
// basic, an oauth2 flow a flows object (implicit, password,
// clientCredentials for application, authorizationCode for accessCode).
func securitySchemeTo3(s *source.Node) (*source.Node, error) {
	if s.Kind != source.Mapping {
		return source.DeepCopy(s), nil
	}
	out := source.NewMapping()
	var err error
	eachEntry(s, func(key string, v *source.Node) {
		switch {
		case key == "type":
			switch text(v) {
			case "basic":
				appendEntry(out, key, source.NewString("http"))
				appendEntry(out, "scheme", source.NewString("basic"))
			case "apiKey", "oauth2":
				appendEntry(out, key, source.DeepCopy(v))
			}
		case key == "description" || isExtension(key):
			appendEntry(out, key, source.DeepCopy(v))
		case (key == "name" || key == "in") && text(s.Lookup("type")) == "apiKey":
			appendEntry(out, key, source.DeepCopy(v))
		case key == "flow" && text(s.Lookup("type")) == "oauth2":
			var flows *source.Node
			if flows, err = oauthFlowsTo3(s); err == nil {
				appendEntry(out, "flows", flows)
			}
		}
	})
	return out, err
}

var flowNames3 = map[string]string{
	"implicit": "implicit", "password": "password", "application": "clientCredentials", "accessCode": "authorizationCode",
}

func oauthFlowsTo3(s *source.Node) (*source.Node, error) {
	name, ok := flowNames3[text(s.Lookup("flow"))]
	if !ok {
		return nil, fmt.Errorf("unsupported OAuth2 flow %q", text(s.Lookup("flow")))
	}
	flow := source.NewMapping()
	for _, key := range []string{"authorizationUrl", "tokenUrl"} {
		if v := s.Lookup(key); text(v) != "" {
			appendEntry(flow, key, source.DeepCopy(v))
		}
	}
	scopes := s.Lookup("scopes")
	if scopes == nil {
		scopes = source.NewMapping()
	}
	appendEntry(flow, "scopes", source.DeepCopy(scopes))
	return mappingOf(name, flow), nil
}

// securitySchemeTo2 converts a security scheme: http basic becomes basic,
// another http scheme (bearer) an Authorization header apiKey, an oauth2
// flows object its first flow. openIdConnect has no 2.0 form (nil; it is
// listed as a loss).
func securitySchemeTo2(s *source.Node) *source.Node {
	if s.Kind != source.Mapping {
		return source.DeepCopy(s)
	}
	typ := text(s.Lookup("type"))
	if typ == "openIdConnect" {
		return nil
	}
	out := source.NewMapping()
	eachEntry(s, func(key string, v *source.Node) {
		switch {
		case key == "type" && typ == "http" && strings.EqualFold(text(s.Lookup("scheme")), "basic"):
			appendEntry(out, key, source.NewString("basic"))
		case key == "type" && typ == "http":
			appendEntry(out, key, source.NewString("apiKey"))
			appendEntry(out, "in", source.NewString("header"))
			appendEntry(out, "name", source.NewString("Authorization"))
		case key == "type" || key == "description" || isExtension(key):
			appendEntry(out, key, source.DeepCopy(v))
		case (key == "name" || key == "in") && typ == "apiKey":
			appendEntry(out, key, source.DeepCopy(v))
		case key == "flows" && typ == "oauth2":
			oauthFlowTo2(out, v)
		}
	})
	return out
}

// oauthFlowTo2 writes the first flow of an OpenAPI 3 flows object the way
// 2.0 has it.
func oauthFlowTo2(out, flows *source.Node) {
	for _, f := range []struct{ name3, name2 string }{
		{"implicit", "implicit"}, {"authorizationCode", "accessCode"}, {"password", "password"}, {"clientCredentials", "application"},
	} {
		flow := flows.Lookup(f.name3)
		if flow == nil {
			continue
		}
		appendEntry(out, "flow", source.NewString(f.name2))
		for _, key := range []string{"authorizationUrl", "tokenUrl"} {
			if v := flow.Lookup(key); v != nil {
				appendEntry(out, key, source.DeepCopy(v))
			}
		}
		scopes := flow.Lookup("scopes")
		if scopes == nil {
			scopes = source.NewMapping()
		}
		appendEntry(out, "scopes", source.DeepCopy(scopes))
		return
	}
}
