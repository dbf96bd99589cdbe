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
	// ready is closed when the parse has ended; done says it returned
	// (its parser did not panic). An entry is shared while it is being
	// parsed: two workers importing files of one module at once parse
	// each file once, not each its own copy.
	ready chan struct{}
	done  bool
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]*parsed{}} }

// parseCached parses a document, or returns the body a parse of the same
// name and text gave or is giving. A nil cache parses.
func (c *Cache) parseCached(doc *source.Document) (*hclsyntax.Body, []diag.Diagnostic) {
	p, mine := c.claim(doc)
	if mine {
		p.parse(doc)
	}
	return p.result(doc)
}

// claim returns the entry of a document's name and text, under way or
// done, or a new one that the caller must parse (mine): the cache holds
// it from now on, so that other imports wait for it instead of parsing
// the same text.
func (c *Cache) claim(doc *source.Document) (p *parsed, mine bool) {
	p = &parsed{src: doc.Src, ready: make(chan struct{})}
	if c == nil {
		return p, true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.entries[doc.File]; old != nil && bytes.Equal(old.src, doc.Src) {
		return old, false
	}
	p.values = valueEstimate(doc.Src)
	c.store(doc.File, p)
	return p, true
}

// parse parses the entry's document. Its waiters wake even when the
// parser panics (the panic goes on to the worker's goroutine.Group).
func (p *parsed) parse(doc *source.Document) {
	defer close(p.ready)
	p.body, p.diags = parse(doc)
	p.done = true
}

// result waits for the entry's parse; when its parser panicked, the
// document is parsed here, to panic in this import too.
func (p *parsed) result(doc *source.Document) (*hclsyntax.Body, []diag.Diagnostic) {
	<-p.ready
	if !p.done {
		return parse(doc)
	}
	return p.body, slices.Clip(p.diags) // a caller's append must not write into the entry
}

// store adds an entry; c.mu is held.
func (c *Cache) store(name string, p *parsed) {
	if p.values > maxCachedValues {
		return
	}
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
