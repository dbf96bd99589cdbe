package memlimit

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// ballastBytes is a lint run's ballast: an allocation that is never
// touched, so it takes no memory of the machine's (the kernel maps a page
// only when it is first written; made after the first collection, while
// the heap is smaller than the ballast, it comes from fresh memory the
// runtime need not zero) and the collector marks it at once (it holds no
// pointers), but the collector counts it as live. At GOGC=100 the heap
// then grows to 2 × (live + 16 MiB) before a collection, so at least
// 32 MiB above what is live and twice a large definition's live heap. It
// counts toward the soft limit Set gives, as the heap's goal does.
//
// GOGC alone, even at 200, collects a folder's run every 8-10 MiB of
// allocation: the few MiB it keeps live give a small goal, and the
// runtime's minimum is 4 MiB × GOGC/100. That was 38 collections for the
// folder of 980 corpus files, each costing more on two processors than on
// one (gctrace: 131 against 74 ms of the collector's CPU time over the
// folder, 23 against 2 ms stopping the world); the folder took 25 % more
// CPU time on two processors than on one. docs/performance.md has what
// the ballast changes.
//
// A GOGC set after every collection from the live heap (live + 32 MiB)
// did as well on average, but its setting lags a collection behind (it
// runs in a cleanup, after the collection's sweep), so a live heap that
// grew between two collections was multiplied by a percent meant for a
// small one: 1 run in 4 of a folder of 1,960 files peaked at 90-130 MiB
// instead of 55.
const ballastBytes = 16 << 20

// ballastGCPercent is GOGC once the ballast is in place.
const ballastGCPercent = 100

var (
	armBallast sync.Once
	ballast    atomic.Pointer[[]byte] // nil until the first collection
)

// keepHeadroom sets relaxedGCPercent, and adds the ballast after the
// process's first collection: a small run, which never collects, neither
// allocates it nor pays for the collection that allocating 16 MiB at
// once would start (about 100 page faults, 3 ms here). Once the ballast is
// in place, it sets ballastGCPercent (the command line's tests lint many
// times in one process).
func keepHeadroom() {
	if ballast.Load() != nil {
		debug.SetGCPercent(ballastGCPercent)
		return
	}
	debug.SetGCPercent(relaxedGCPercent)
	armBallast.Do(afterNextCollection)
}

// gcMarker is garbage the moment it is allocated, so that its cleanup runs
// after the next collection. It holds a pointer: the runtime batches tiny
// pointer-free objects into one allocation, whose cleanup may never run.
type gcMarker struct{ _ *byte }

func afterNextCollection() {
	runtime.AddCleanup(new(gcMarker), func(struct{}) { addBallast() }, struct{}{})
}

// addBallast allocates the ballast and sets ballastGCPercent, unless the
// user has chosen a GOGC since (a test can): it looks again after the next
// collection.
func addBallast() {
	if os.Getenv("GOGC") != "" {
		afterNextCollection()
		return
	}
	b := make([]byte, ballastBytes)
	ballast.Store(&b)
	debug.SetGCPercent(ballastGCPercent)
}
