package memlimit

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"testing"
	"time"
)

// Relax leaves the user's GOGC alone; otherwise, once a collection has
// run, the next one is due at least minHeadroom above what it left live.
func TestRelax(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "50")
	waitFor(t, "a watch an earlier run started to end", func() bool { return !watching.Load() })
	debug.SetGCPercent(50) // what the runtime read from GOGC at start-up
	Relax()
	runtime.GC()
	if got := debug.SetGCPercent(50); got != 50 {
		t.Errorf("GOGC=50: the collector's percent is %d, want the user's 50", got)
	}

	t.Setenv("GOGC", "")
	Relax()
	if got := debug.SetGCPercent(-1); got < relaxedGCPercent {
		t.Errorf("GOGC unset: the collector's percent is %d, want at least %d", got, relaxedGCPercent)
	}
	debug.SetGCPercent(100) // a percent the watch must replace after the next collection
	waitFor(t, "the heap goal to be minHeadroom above the live heap", func() bool {
		goal, live := heapGoalAndLive()
		return goal >= live+minHeadroom
	})
}

// waitFor collects until cond holds: the watch runs on the runtime's
// cleanup goroutine, some time after a collection.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10 s for %s", what)
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
}

func heapGoalAndLive() (goal, live uint64) {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64()
}

// gcPercentFor's percent puts the runtime's goal (the larger of live ×
// (1 + p/100) and runtimeHeapMinimum × p/100) at the larger of live +
// minHeadroom and live × (1 + relaxedGCPercent/100), or at most one
// percent point above it (the percent is rounded up).
func TestGCPercentFor(t *testing.T) {
	const kib, mib = 1 << 10, 1 << 20
	for _, live := range []uint64{0, 1, 300 * kib, 1 * mib, 3 * mib, 4 * mib, 5*mib + 123, 8 * mib, 11 * mib,
		16 * mib, 17 * mib, 40 * mib, 1 << 30} {
		p := uint64(gcPercentFor(live))
		goal := max(live*(100+p)/100, runtimeHeapMinimum*p/100)
		want := max(live+minHeadroom, live*(100+relaxedGCPercent)/100)
		slack := max(live, runtimeHeapMinimum) / 100 // one percent point
		if goal < want || goal > want+slack {
			t.Errorf("live %d: GOGC=%d puts the goal at %d, want %d", live, p, goal, want)
		}
	}
}

// A cgroup v2 line and a v1 memory line each give their cgroup's file and
// those above it; other v1 controllers give none.
func TestLimitFiles(t *testing.T) {
	got := limitFiles("/cg", "12:cpu,cpuacct:/x\n4:memory:/docker/abc\n0::/user.slice/session-1.scope\n")
	want := []string{
		"/cg/memory/docker/abc/memory.limit_in_bytes", "/cg/memory/docker/memory.limit_in_bytes", "/cg/memory/memory.limit_in_bytes",
		"/cg/user.slice/session-1.scope/memory.max", "/cg/user.slice/memory.max", "/cg/memory.max",
	}
	if !slices.Equal(got, want) {
		t.Errorf("limitFiles =\n%q\nwant\n%q", got, want)
	}
}

// "max" (v2) and v1's largest page-aligned int64 mean no limit, as do a
// missing file and one that is not a number.
func TestReadLimit(t *testing.T) {
	dir := t.TempDir()
	for text, want := range map[string]int64{
		"536870912\n":           536870912,
		"max\n":                 0,
		"9223372036854771712\n": 0,
		"":                      0,
		"garbage":               0,
	} {
		file := filepath.Join(dir, "memory.max")
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := readLimit(file); got != want {
			t.Errorf("readLimit(%q) = %d, want %d", text, got, want)
		}
	}
	if got := readLimit(filepath.Join(dir, "none")); got != 0 {
		t.Errorf("readLimit of no file = %d, want 0", got)
	}
}

// GOMEMLIMIT is the user's choice: Set leaves it alone.
func TestSetKeepsGOMEMLIMIT(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "1GiB")
	if got := Set(); got != 0 {
		t.Errorf("Set under GOMEMLIMIT = %d, want 0 (untouched)", got)
	}
}

// BenchmarkSet is what the limit adds to every run's start (issue 12
// measures process start): reading /proc/self/cgroup and a few limit files.
func BenchmarkSet(b *testing.B) {
	for b.Loop() {
		Cgroup()
	}
}
