package terraform

import (
	"bytes"
	"slices"
	"sync"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// Cache remembers the files a run has parsed, so that linting a module
// folder parses each of its files once instead of once per file of the
// folder (each file is imported with its siblings: k files, k² parses).
// A parse depends only on the file's name and text, so an entry is used
// when both are equal: a file changed on disk is parsed again. The bodies
// are only read afterwards (the tree and the index are built per import),
// so one Cache serves concurrent imports. It holds at most
// maxCachedValues, dropping the oldest entries first, so that a run's
// memory stays that of a few modules, not of the folder it walks.
type Cache struct {
	mu      sync.Mutex
	entries map[string]*parsed // by file name
	order   []string           // names, oldest first
	values  int                // their valueEstimate, together
}

// maxCachedValues bounds the values (valueEstimate) of the files a Cache
// holds: about 160 KB of Terraform (20 bytes a value in the corpus'
// files), whose parsed bodies take about 5 MB (600 bytes a value). A
// larger module is parsed again for some of its files, as without a cache.
const maxCachedValues = 1 << 13

type parsed struct {
	src    []byte
	values int
	body   *hclsyntax.Body
	diags  []diag.Diagnostic
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]*parsed{}} }

// parseCached parses a document, or returns the body a parse of the same
// name and text gave before. A nil cache parses.
func (c *Cache) parseCached(doc *source.Document) (*hclsyntax.Body, []diag.Diagnostic) {
	if c == nil {
		return parse(doc)
	}
	c.mu.Lock()
	p := c.entries[doc.File]
	c.mu.Unlock()
	if p != nil && bytes.Equal(p.src, doc.Src) {
		return p.body, slices.Clip(p.diags) // a caller's append must not write into the entry
	}
	body, diags := parse(doc)
	c.store(doc.File, &parsed{src: doc.Src, values: valueEstimate(doc.Src), body: body, diags: diags})
	return body, diags
}

func (c *Cache) store(name string, p *parsed) {
	if p.values > maxCachedValues {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.entries[name]; old != nil {
		c.values -= old.values
	} else {
		c.order = append(c.order, name)
	}
	c.entries[name] = p
	c.values += p.values
	for c.values > maxCachedValues {
		oldest := c.order[0]
		c.order = c.order[1:]
		c.values -= c.entries[oldest].values
		delete(c.entries, oldest)
	}
}
