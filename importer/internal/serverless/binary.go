package serverless

import (
	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// binarySetting is one setting that lists binary media types.
type binarySetting struct {
	name    string // the setting, as users know it
	at      read.Value
	entries []model.MediaType
	// whole is set when the list itself is unknown (a variable, an
	// intrinsic): it replaces rather than merges.
	whole bool
}

func (b binarySetting) found() bool { return b.at.Exists() }

// binaryMediaTypes sets the binary media types of the service's REST API,
// creating the API at the first setting when no http event did. With
// provider.apiGateway.restApiId the service deploys into an API made
// elsewhere, whose binary media types are unknown: what is written here is
// kept as replaced.
func (s *service) binaryMediaTypes() {
	b := s.buildBinaryList()
	first := firstFound(b.settings)
	if s.rest == nil && !first.found() {
		return // no REST API, or one without binary media types
	}
	api := s.restAPI(first.at, first.name+" configures the service's REST API ("+restAPIName+"), though no function has an http event")
	apigw := s.root.Get("provider").Get("apiGateway")
	if id := apigw.Get("restApiId"); !isAbsent(id) {
		b.replace(wholeUnknown("provider.apiGateway.restApiId", id, model.FromServerless))
	}
	bmt := &api.BinaryMediaTypes
	bmt.Property = str(b.property.at)
	bmt.Entries = append(b.entries, bmt.Entries...)
	bmt.Replaced = append(bmt.Replaced, b.replaced...)
}

// binaryBuild is the binary media types list as the deployment builds it.
type binaryBuild struct {
	entries  []model.MediaType // the list so far
	replaced []model.MediaType // entries a later step overwrote
	settings []binarySetting   // every setting found, in the order applied
	// property is the setting that makes the RestApi's BinaryMediaTypes:
	// provider.apiGateway's, else the first CloudFormation override.
	property binarySetting
}

// buildBinaryList applies the settings in the order the deployment does:
//
//  1. provider.apiGateway.binaryMediaTypes becomes the RestApi's
//     BinaryMediaTypes (lib/rest-api.js);
//  2. serverless-aws-static-file-handler's BinaryMediaTypes plugin appends
//     custom.apiGateway.binaryMediaTypes to it while events compile;
//  3. resources.Resources.ApiGatewayRestApi.Properties.BinaryMediaTypes is
//     merged over it with lodash's _.merge (merge-custom-provider-
//     resources.js), which merges lists index by index: its first entry
//     replaces the first, and so on, and a longer list keeps its tail;
//  4. resources.extensions.ApiGatewayRestApi.Properties replaces it
//     (Object.assign);
//  5. serverless-apigw-binary adds custom.apigwBinary.types after the
//     deploy (putRestApi in merge mode), so they join the rest.
func (s *service) buildBinaryList() *binaryBuild {
	apigw, custom := s.root.Get("provider").Get("apiGateway"), s.root.Get("custom")
	sections := resourceSections(s.root.Get("resources"))
	b := &binaryBuild{}
	native := s.binaryList(apigw, "binaryMediaTypes", "provider.apiGateway.binaryMediaTypes", model.FromServerless)
	b.add(native)
	b.add(s.binaryList(custom.Get("apiGateway"), "binaryMediaTypes", "custom.apiGateway.binaryMediaTypes", model.FromServerlessPlugin))
	overrides := []binarySetting{native}
	for _, section := range sections {
		o := overrideList(section.Get("Resources"), "resources.Resources")
		b.merge(o)
		overrides = append(overrides, o)
	}
	for _, section := range sections {
		e := overrideList(section.Get("extensions"), "resources.extensions")
		b.replace(e)
		overrides = append(overrides, e)
	}
	b.add(s.binaryList(custom.Get("apigwBinary"), "types", "custom.apigwBinary.types", model.FromServerlessPlugin))
	b.property = firstFound(overrides)
	return b
}

// add appends a setting's entries to the list.
func (b *binaryBuild) add(set binarySetting) {
	if set.found() {
		b.entries = append(b.entries, set.entries...)
		b.settings = append(b.settings, set)
	}
}

// merge applies lodash's _.merge of a list over the list: entry i of the
// setting replaces entry i. A whole unknown list replaces them all.
func (b *binaryBuild) merge(set binarySetting) {
	if !set.found() || set.whole {
		b.replace(set)
		return
	}
	n := min(len(set.entries), len(b.entries))
	b.replaced = append(b.replaced, b.entries[:n]...)
	b.entries = append(append([]model.MediaType(nil), set.entries...), b.entries[n:]...)
	b.settings = append(b.settings, set)
}

// replace makes a setting's entries the list.
func (b *binaryBuild) replace(set binarySetting) {
	if !set.found() {
		return
	}
	b.replaced = append(b.replaced, b.entries...)
	b.entries = append([]model.MediaType(nil), set.entries...)
	b.settings = append(b.settings, set)
}

func firstFound(settings []binarySetting) binarySetting {
	for _, b := range settings {
		if b.found() {
			return b
		}
	}
	return binarySetting{}
}

// binaryList reads a list of binary media types, parent.key. A parent or a
// list written as a variable is one unknown entry; anything else that is
// not a list is reported, as the framework's schema does.
func (s *service) binaryList(parent read.Value, key, name string, origin model.Origin) binarySetting {
	v := parent.Get(key)
	switch {
	case isUnknown(parent):
		return wholeUnknown(name, parent, origin)
	case isAbsent(v):
		return binarySetting{}
	case isUnknown(v):
		return wholeUnknown(name, v, origin)
	case v.Node.Kind != source.Sequence:
		s.c.Problem(v, "%s must be a list of media types, not %s", name, source.DescribeNode(v.Node))
		return binarySetting{}
	}
	return binarySetting{name: name, at: v, entries: markUnknown(read.MediaTypes(v, origin))}
}

func wholeUnknown(name string, v read.Value, origin model.Origin) binarySetting {
	return binarySetting{name: name, at: v, whole: true, entries: []model.MediaType{{Field: str(v), Origin: origin}}}
}

// overrideList reads ApiGatewayRestApi.Properties.BinaryMediaTypes in a
// map of resources (Resources or extensions). Entries are CloudFormation
// values (intrinsics are unknown) that may also hold Serverless variables.
// A variable in place of the resource or its Properties may set the list,
// so it is one unknown entry. A whole Resources section written as a
// variable is not: such files seldom touch the API, and treating every one
// as unknown would silence every check of the list.
func overrideList(resources read.Value, where string) binarySetting {
	name := where + "." + restAPIName + ".Properties.BinaryMediaTypes"
	r := resources.Get(restAPIName)
	props := r.Get("Properties")
	v := props.Get("BinaryMediaTypes")
	for _, u := range []read.Value{r, props, v} {
		if isUnknown(u) {
			return wholeUnknown(name, u, model.FromCloudFormation)
		}
	}
	if isAbsent(v) {
		return binarySetting{}
	}
	_, _, isIntrinsic := read.Intrinsic(v)
	return binarySetting{
		name: name, at: v, whole: isIntrinsic || v.Node.Kind != source.Sequence,
		entries: markUnknown(read.PropertyEntries(v, model.FromCloudFormation, false)),
	}
}
