// Package memlimit gives the Go runtime a soft memory limit under the
// memory limit of the process's cgroup (a container's), so that the
// garbage collector works harder as memory runs out instead of letting the
// heap grow to twice what is live and the kernel end the process; and lets
// a lint run's heap grow further between collections (Relax).
//
// The address-space limit (ulimit -v, RLIMIT_AS) is not used: the runtime
// reserves far more address space than it touches (about 0.8 GB before
// main on linux/amd64, in steps of 64 MB arenas after), so that limit says
// nothing about how much heap fits.
package memlimit

import (
	"os"
	"path"
	"runtime/debug"
	"strconv"
	"strings"
)

// share is the part of the cgroup's limit the heap may use: the rest is for
// what the runtime does not count (stacks, the binary, fragmentation).
const share = 0.9

// Set sets the soft memory limit from the cgroup's limit, and returns it: 0
// when there is none, or when GOMEMLIMIT already chose one.
func Set() int64 {
	if os.Getenv("GOMEMLIMIT") != "" {
		return 0 // the user's choice
	}
	limit := Cgroup()
	if limit <= 0 {
		return 0
	}
	soft := int64(float64(limit) * share)
	debug.SetMemoryLimit(soft)
	return soft
}

// relaxedGCPercent is a lint run's GOGC: the heap grows to three times
// what is live before a collection, not twice. A folder's files are
// parsed one after another, each tree garbage once linted, with a few
// MiB live: at GOGC=100 the folder of 980 corpus files takes 77
// collections, about 13 % of its CPU time (gctrace), and each stops both
// workers and makes the runtime hand memory back to the kernel that it
// then faults in again (9.6 MB returned against 3.6 at 200). At 200 it
// takes 31-39 collections and 11-14 % less CPU time, on one core or two,
// for 48-63 MiB of peak memory instead of 42-50; the GitHub bench file,
// mostly live, peaks at 69-71 MiB either way. 300 and 400 fault in more
// fresh memory than they save in collections (page faults cost about
// 18 us each on this machine). It holds until the run's first collection;
// then the ballast (headroom.go) takes over.
const relaxedGCPercent = 200

// Relax sets GOGC to relaxedGCPercent, and after the first collection adds
// a ballast (headroom.go), unless GOGC already chose one (the user's
// choice). The soft limit Set gives still bounds the heap.
func Relax() {
	if os.Getenv("GOGC") == "" {
		keepHeadroom()
	}
}

// Cgroup is the smallest memory limit of the process's cgroup and those
// above it, cgroup v2 or v1; 0 when there is none.
func Cgroup() int64 {
	data, err := os.ReadFile("/proc/self/cgroup") // kernel files, a few bytes each
	if err != nil {
		return 0
	}
	var limit int64
	for _, file := range limitFiles("/sys/fs/cgroup", string(data)) {
		if l := readLimit(file); l > 0 && (limit == 0 || l < limit) {
			limit = l
		}
	}
	return limit
}

// limitFiles are the files that may hold a memory limit for the cgroups
// /proc/self/cgroup lists: "0::/a/b" (v2) or "4:memory:/a/b" (v1), and each
// cgroup above. Inside a container the mount shows the container's own
// cgroup as its root, so the walk up ends there.
func limitFiles(root, procCgroup string) []string {
	var files []string
	for _, line := range strings.Split(procCgroup, "\n") {
		id, rest, _ := strings.Cut(line, ":")
		controllers, dir, ok := strings.Cut(rest, ":")
		var base, name string
		switch {
		case !ok || !strings.HasPrefix(dir, "/"):
			continue
		case id == "0" && controllers == "":
			base, name = root, "memory.max"
		case hasMemory(controllers):
			base, name = root+"/memory", "memory.limit_in_bytes"
		default:
			continue
		}
		for ; ; dir = path.Dir(dir) {
			files = append(files, path.Join(base, dir, name))
			if dir == "/" {
				break
			}
		}
	}
	return files
}

func hasMemory(controllers string) bool {
	for _, c := range strings.Split(controllers, ",") {
		if c == "memory" {
			return true
		}
	}
	return false
}

// unlimited is a limit that limits nothing: cgroup v1 writes "no limit" as
// the largest page-aligned int64.
const unlimited = 1 << 62

// readLimit reads a memory limit file: a number of bytes, or "max" (v2)
// for none; 0 for none or no file.
func readLimit(file string) int64 {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
	if err != nil || n <= 0 || n >= unlimited {
		return 0
	}
	return n
}
