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

// Relax leaves the user's GOGC alone. Otherwise it sets relaxedGCPercent,
// and after a collection the ballast is live and GOGC ballastGCPercent:
// the heap goal is twice a live heap that holds the ballast, so at least
// 2 × ballastBytes above what the program itself keeps live.
func TestRelax(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50) // what the runtime read from GOGC at start-up
	Relax()
	runtime.GC()
	time.Sleep(10 * time.Millisecond) // time for a cleanup to run, were one to change GOGC
	if got := gcPercent(); got != 50 {
		t.Errorf("GOGC=50: the collector's percent is %d, want the user's 50", got)
	}

	t.Setenv("GOGC", "")
	Relax()
	if got := gcPercent(); got != relaxedGCPercent && !(ballast.Load() != nil && got == ballastGCPercent) {
		t.Errorf("GOGC unset: the collector's percent is %d, want %d", got, relaxedGCPercent)
	}
	deadline := time.Now().Add(10 * time.Second) // the ballast comes on the runtime's cleanup goroutine
	for ballast.Load() == nil || gcPercent() != ballastGCPercent {
		if time.Now().After(deadline) {
			t.Fatalf("10 s of collections and no ballast (GOGC %d)", gcPercent())
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	runtime.GC()
	if goal, live := heapGoalAndLive(); live < ballastBytes || goal < 2*live {
		t.Errorf("with the ballast: %d bytes live, goal %d; want the ballast's %d live at least, and a goal twice the live heap", live, goal, ballastBytes)
	}
}

func gcPercent() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int(s[0].Value.Uint64())
}

func heapGoalAndLive() (goal, live uint64) {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64()
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
