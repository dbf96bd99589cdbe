package memlimit

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync/atomic"
)

// minHeadroom is the least a lint run's heap grows between two
// collections. GOGC alone collects when the heap reaches (1 + GOGC/100)
// times what is live, and at least 4 MiB × GOGC/100: with the few MiB a
// folder's run keeps live, that is a collection every 8-10 MiB of
// allocation, 38 for the folder of 980 corpus files. Each collection costs
// more on two processors than on one (gctrace: 131 against 74 ms of the
// collector's CPU time over the folder, 23 against 2 ms stopping the
// world), and the folder took 25 % more CPU time on two. With 32 MiB
// between collections it takes 11, and 14 % less wall time on two
// processors (0.535 against 0.619 s), for 54 MiB of peak memory instead
// of 35. A large definition, whose live heap gives GOGC more room than
// that, is not affected (the bench files: same time and memory).
const minHeadroom = 32 << 20

// runtimeHeapMinimum is the Go runtime's smallest heap goal at GOGC=100
// (defaultHeapMinimum in runtime/mgcpacer.go); the goal is never below
// runtimeHeapMinimum × GOGC/100.
const runtimeHeapMinimum = 4 << 20

// watching says afterCollection waits for a collection: one watch serves
// every lint run of a process (the command line's tests run many).
var watching atomic.Bool

// keepHeadroom sets GOGC now and after every collection so that the next
// one comes at least minHeadroom above the heap the last one left live.
// Relax calls it as lint starts, before anything is read: nearly nothing
// is live yet.
func keepHeadroom() {
	if watching.CompareAndSwap(false, true) {
		setGCPercent(gcPercentFor(0))
		watchNextCollection()
	}
}

// gcMarker is garbage the moment it is allocated, so that its cleanup runs
// after the next collection. It holds a pointer: the runtime batches tiny
// pointer-free objects into one allocation, whose cleanup may never run.
type gcMarker struct{ _ *byte }

func watchNextCollection() {
	runtime.AddCleanup(new(gcMarker), func(struct{}) { afterCollection() }, struct{}{})
}

// afterCollection sets GOGC for the heap the last collection left live,
// then waits for the next one.
func afterCollection() {
	if os.Getenv("GOGC") != "" { // the user's choice, set since (by a test)
		watching.Store(false)
		return
	}
	setGCPercent(gcPercentFor(liveAtMost()))
	watchNextCollection()
}

// percentSet is the GOGC setGCPercent set last.
var percentSet atomic.Int64

func setGCPercent(p int) {
	percentSet.Store(int64(p))
	debug.SetGCPercent(p)
}

// liveAtMost is what the last collection left live, read back from the
// goal it set (runtime.MemStats.NextGC): the runtime puts the goal at
// live × (1 + GOGC/100), plus its stacks and globals × GOGC/100, or at
// its minimum when that is larger, so the figure is never below what is
// live and the headroom it gives is at least minHeadroom. (runtime/metrics
// has the exact figure, but linking that package costs every run, the
// smallest ones included, some 35 page faults: about a millisecond here.)
func liveAtMost() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NextGC * 100 / uint64(100+percentSet.Load())
}

// gcPercentFor is the GOGC that puts the next collection at least
// minHeadroom above live, and never below relaxedGCPercent's goal:
// whichever is larger of live + minHeadroom and live × (1 + relaxed/100).
// The percent is the smaller of the one that makes live × (1 + p/100)
// reach live + minHeadroom and the one that makes the runtime's own
// minimum (runtimeHeapMinimum × p/100) reach it: a small live heap would
// otherwise raise that minimum far above what was asked for.
func gcPercentFor(live uint64) int {
	p := ceilDiv((live+minHeadroom)*100, runtimeHeapMinimum)
	if live > 0 { // 0 before the first collection
		p = min(p, ceilDiv(minHeadroom*100, live))
	}
	return int(max(p, relaxedGCPercent))
}

// ceilDiv is a / b rounded up: a percent rounded down would put the goal
// short of the headroom.
func ceilDiv(a, b uint64) uint64 { return (a + b - 1) / b }
