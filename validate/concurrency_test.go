package validate

import (
	"testing"

	"github.com/apigw-oas/apigw-oas/internal/goroutine"
	"github.com/apigw-oas/apigw-oas/source"
)

// A small parsed definition is walked at once; a large one, or one built
// without positions, on a goroutine of its own (a walk that waits for the
// test would otherwise block start forever).
func TestStartRunsSmallDefinitionsAtOnce(t *testing.T) {
	var g goroutine.Group
	for file, text := range map[string]string{
		"small.yaml": "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n",
		"small.json": `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}`,
	} {
		doc, err := source.Parse(file, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		ran := false
		start(&g, doc.Root, func() { ran = true })
		if !ran {
			t.Errorf("%s, %d bytes, was not walked at once", file, doc.Root.End.Offset-doc.Root.Start.Offset)
		}
	}
	large := &source.Node{Kind: source.Mapping, End: source.Pos{Line: 9000, Offset: concurrentFrom}}
	for _, def := range []*source.Node{large, {Kind: source.Mapping}} {
		release := make(chan struct{})
		start(&g, def, func() { <-release })
		close(release)
	}
	g.Wait()
}
