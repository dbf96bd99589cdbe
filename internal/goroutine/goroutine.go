// Package goroutine starts the goroutines of apigw-oas so that a panic in
// one reaches the goroutine that waits for it. Go's recover only catches a
// panic of its own goroutine: without this, a bug in a worker ends the
// process with the runtime's dump and exit 2, as if the input were bad,
// instead of cli.Main's "internal error" and exit 3.
package goroutine

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// Panic is a panic of a goroutine started here, raised again in the
// goroutine that waited for it, with the stack where it happened.
type Panic struct {
	Value any
	Stack []byte
}

func (p *Panic) Error() string { return fmt.Sprint(p.Value) }

// Group runs functions in goroutines; its zero value is ready to use.
type Group struct {
	wg    sync.WaitGroup
	mu    sync.Mutex
	first *Panic
}

// Go runs f in a new goroutine.
func (g *Group) Go(f func()) {
	g.wg.Go(func() {
		defer g.catch()
		f()
	})
}

func (g *Group) catch() {
	r := recover()
	if r == nil {
		return
	}
	p, ok := r.(*Panic) // a nested group's: keep its stack
	if !ok {
		p = &Panic{Value: r, Stack: debug.Stack()}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.first == nil {
		g.first = p
	}
}

// Wait waits for every goroutine of the group, then panics with the first
// Panic one of them had.
func (g *Group) Wait() {
	g.wg.Wait()
	if g.first != nil {
		panic(g.first)
	}
}

// Each calls f(0) … f(n-1) on up to workers goroutines (one per core when
// workers is 0) and waits for them. The workers take the next index
// themselves: a worker that panics stops taking work, and no sender waits
// for it.
func Each(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var g Group
	for range min(workers, n) {
		g.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	g.Wait()
}
