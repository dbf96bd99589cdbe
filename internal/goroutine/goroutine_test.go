package goroutine

import (
	"strings"
	"sync/atomic"
	"testing"
)

// waitPanic runs wait and returns what it panicked with.
func waitPanic(wait func()) (p *Panic) {
	defer func() { p, _ = recover().(*Panic) }()
	wait()
	return nil
}

func TestWaitRaisesTheWorkersPanic(t *testing.T) {
	var g Group
	g.Go(func() {})
	g.Go(func() { panic("broken worker") })
	p := waitPanic(g.Wait)
	if p == nil || p.Value != "broken worker" {
		t.Fatalf("Wait panicked with %v, want the worker's panic", p)
	}
	if !strings.Contains(string(p.Stack), "TestWaitRaisesTheWorkersPanic") {
		t.Errorf("the stack is not the worker's:\n%s", p.Stack)
	}
}

func TestNestedGroupKeepsTheInnerStack(t *testing.T) {
	var outer Group
	outer.Go(func() {
		var inner Group
		inner.Go(func() { panic("inner") })
		inner.Wait()
	})
	p := waitPanic(outer.Wait)
	if p == nil || p.Value != "inner" || !strings.Contains(string(p.Stack), "TestNestedGroupKeepsTheInnerStack.func1.1") {
		t.Fatalf("got %v with stack\n%s", p, p.Stack)
	}
}

// Every worker panicking on its first index must not leave Each waiting.
func TestEachEndsWhenEveryWorkerPanics(t *testing.T) {
	var calls atomic.Int64
	p := waitPanic(func() {
		Each(100, 4, func(int) {
			calls.Add(1)
			panic("each")
		})
	})
	if p == nil || p.Value != "each" {
		t.Fatalf("Each panicked with %v", p)
	}
	if n := calls.Load(); n != 4 {
		t.Errorf("%d calls, want one per worker", n)
	}
}

func TestEachCallsEveryIndexOnce(t *testing.T) {
	seen := make([]atomic.Int64, 1000)
	Each(len(seen), 0, func(i int) { seen[i].Add(1) })
	for i := range seen {
		if n := seen[i].Load(); n != 1 {
			t.Fatalf("index %d called %d times", i, n)
		}
	}
}
