#!/usr/bin/env bash
# bench.sh — the performance comparisons of docs/performance.md, with public tools.
#
#   scripts/bench.sh [--runs N] [--install-vacuum] [--skip-scaling]
#
# Runs from the repository root. Each comparison runs its commands interleaved
# (A B A B …) N times (default 7) under /usr/bin/time and prints the medians of
# wall time and peak RSS and their ratio. apigw-oas and the reference
# programs are built as releases are (CGO_ENABLED=0 -trimpath -ldflags="-s -w"),
# so the figures are those of the binary users run. Needs Go, /usr/bin/time and
# ../shared/bench and ../shared/corpus (the large and real-world inputs, not
# part of the repository). vacuum is compared when $VACUUM names it, or it
# is on PATH or in $(go env GOPATH)/bin; --install-vacuum installs it first
# with `go install` from the Go module proxy (docs/performance.md says how to
# build it from a source checkout when the proxy refuses it).
set -euo pipefail

runs=7
install_vacuum=false
scaling=true
vacuum_version=${VACUUM_VERSION:-v0.30.3}
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --install-vacuum) install_vacuum=true; shift ;;
    --skip-scaling) scaling=false; shift ;;
    *) echo "usage: scripts/bench.sh [--runs N] [--install-vacuum] [--skip-scaling]" >&2; exit 2 ;;
  esac
done

bench=../shared/bench/api.github.com.apigw.json
tiny=fixtures/oas30-image-service.yaml
corpus=../shared/corpus
for need in "$bench" "$corpus" /usr/bin/time; do
  [ -e "$need" ] || { echo "bench.sh: $need not found" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "# machine"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB, $(go version | cut -d' ' -f3)"
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# The two reference programs: decoding the bench file with encoding/json
# into any, and a Go program that does nothing.
mkdir -p "$work/src-floor" "$work/src-nothing"
cat > "$work/src-floor/main.go" <<'EOF'
package main

import (
	"encoding/json"
	"os"
)

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		panic(err)
	}
}
EOF
printf 'package main\n\nfunc main() {}\n' > "$work/src-nothing/main.go"
# The third reference program only allocates, as a parse does: 4,000 trees of
# 2,000 nodes, built by one goroutine per core, each garbage once the next is
# built. Run on one core and on two, it shows what this machine and Go's
# collector give such work from a second core, with nothing else to share.
mkdir -p "$work/src-alloc"
cat > "$work/src-alloc/main.go" <<'EOF'
package main

import (
	"runtime"
	"strconv"
	"sync"
)

type node struct {
	kids []*node
	text string
	n    int
}

func tree(size int) *node {
	root := &node{}
	at := root
	for i := range size {
		kid := &node{text: strconv.Itoa(i), n: i}
		at.kids = append(at.kids, kid)
		if i%8 == 0 {
			at = kid
		}
	}
	return root
}

var last []*node

func main() {
	workers := runtime.GOMAXPROCS(0)
	last = make([]*node, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for range 4000 / workers {
				last[w] = tree(2000)
			}
		})
	}
	wg.Wait()
}
EOF
# Every program is built as releases are (.goreleaser.yaml, Dockerfile):
# static, without paths or symbol tables. The figures are then those of the
# binary users run, whose size and start-up (page faults) differ from a
# plain go build's, and the reference programs are built alike.
release_build() { CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" "$@"; }
for p in floor nothing alloc; do
  printf 'module %s\n\ngo 1.25\n' "$p" > "$work/src-$p/go.mod"
  (cd "$work/src-$p" && release_build -o "$work/$p.bin" .)
done
release_build -o "$work/apigw-oas" ./cmd/apigw-oas
bin=$work/apigw-oas

vacuum=${VACUUM:-$(command -v vacuum || true)}
[ -n "$vacuum" ] || [ ! -x "$(go env GOPATH)/bin/vacuum" ] || vacuum=$(go env GOPATH)/bin/vacuum
if [ -z "$vacuum" ] && $install_vacuum; then
  echo "installing vacuum $vacuum_version from the Go module proxy"
  GOBIN=$work/gobin go install "github.com/daveshanley/vacuum@$vacuum_version"
  vacuum=$work/gobin/vacuum
fi

# measure NAME COMMAND…: one run, appending "wall_seconds max_rss_kib
# cpu_seconds" to $work/NAME. Wall time is taken from $EPOCHREALTIME
# (microseconds; /usr/bin/time's %e has 10 ms steps, too coarse for a small
# file), peak RSS and CPU time (user + system, which other processes on a
# busy machine disturb less than wall time) from /usr/bin/time. Exit codes
# are ignored: linters exit 1 on findings.
measure() {
  local name=$1 start end; shift
  start=$EPOCHREALTIME
  /usr/bin/time -f '%M %U %S' -o "$work/time" "$@" > /dev/null 2>&1 || true
  end=$EPOCHREALTIME
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.6f", e - s}') $(tail -n 1 "$work/time" | awk '{printf "%d %.2f", $1, $2 + $3}')" >> "$work/$name"
}

# median NAME FIELD: the median of a column of $work/NAME.
median() {
  cut -d' ' -f"$2" "$work/$1" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}

# report A B: medians of both and the ratios of A's wall and CPU time to B's.
report() {
  local aw bw ac bc
  aw=$(median "$1" 1); bw=$(median "$2" 1); ac=$(median "$1" 3); bc=$(median "$2" 3)
  printf '%-22s wall %8.4f s  CPU %7.2f s  peak RSS %6.1f MiB\n' "$1" "$aw" "$ac" "$(awk "BEGIN {print $(median "$1" 2)/1024}")"
  printf '%-22s wall %8.4f s  CPU %7.2f s  peak RSS %6.1f MiB\n' "$2" "$bw" "$bc" "$(awk "BEGIN {print $(median "$2" 2)/1024}")"
  awk -v a="$aw" -v b="$bw" -v ac="$ac" -v bc="$bc" -v n1="$1" -v n2="$2" 'BEGIN {
    if (b > 0) printf "ratio %s / %s = %.2f wall", n1, n2, a/b
    if (bc > 0) printf ", %.2f CPU", ac/bc
    print ""
  }'
}

echo
echo "# 1. lint of $(basename "$bench") vs encoding/json into any (targets: ratio <= 2, RSS <= 100 MiB)"
for _ in $(seq "$runs"); do
  measure lint "$bin" lint "$bench"
  measure decode "$work/floor.bin" "$bench"
done
report lint decode

if [ -n "$vacuum" ]; then
  echo
  echo "# 2. vacuum ($vacuum, version $("$vacuum" version 2>/dev/null | head -n 1)) vs lint on the same file (target: ratio >= 8)"
  for _ in $(seq "$runs"); do
    measure vacuum "$vacuum" lint --no-update-check -b -q "$bench"
    measure lint2 "$bin" lint "$bench"
  done
  report vacuum lint2
else
  echo
  echo "# 2. vacuum: not installed (--install-vacuum installs $vacuum_version)"
fi

echo
echo "# 3. lint of $tiny vs a Go program that does nothing (target: ratio <= 2)"
for _ in $(seq $((runs * 3))); do
  measure tiny "$bin" lint "$tiny"
  measure nothing "$work/nothing.bin"
done
report tiny nothing

echo
echo "# 4. a folder of about 1,000 definitions (whole copies of the corpus, so that files naming"
echo "#    each other still find each other) vs the same folder on one core (GOMAXPROCS=1: the sum"
echo "#    of the single-file times, in one process), and vs the corpus files one by one, a process"
echo "#    each, scaled to the folder (target: ratio <= 1.2, memory of a few files); and the same"
echo "#    ratio for a program that only allocates, the most a second core gives such work here"
count=$(find "$corpus" -type f ! -name '*.md' | wc -l)
copies=$(( (1000 + count / 2) / count ))
for c in $(seq "$copies"); do
  mkdir -p "$work/defs/$c" && cp "$corpus"/* "$work/defs/$c/" && rm -f "$work/defs/$c"/*.md
done
cat > "$work/each.sh" <<EOF
#!/usr/bin/env bash
for f in "$corpus"/*; do case \$f in *.md) continue ;; esac; "$bin" lint "\$f" > /dev/null 2>&1 || true; done
EOF
chmod +x "$work/each.sh"
for _ in $(seq "$runs"); do
  measure folder "$bin" lint "$work/defs"
  measure serial env GOMAXPROCS=1 "$bin" lint "$work/defs"
  measure each "$work/each.sh"
  # GOGC=800: with so little live, the heap grows to 32 MiB between
  # collections (4 MiB x 800/100), as lint's does with its ballast
  measure alloc2 env GOGC=800 "$work/alloc.bin"
  measure alloc1 env GOGC=800 GOMAXPROCS=1 "$work/alloc.bin"
done
fw=$(median folder 1); sw=$(median serial 1); ew=$(median each 1)
printf 'folder of %d files     wall %8.4f s  CPU %7.2f s  peak RSS %6.1f MiB\n' $((copies * count)) "$fw" "$(median folder 3)" "$(awk "BEGIN {print $(median folder 2)/1024}")"
printf 'same on one core       wall %8.4f s  CPU %7.2f s  peak RSS %6.1f MiB\n' "$sw" "$(median serial 3)" "$(awk "BEGIN {print $(median serial 2)/1024}")"
printf '%d files one by one    wall %8.4f s  CPU %7.2f s  (largest process %.1f MiB)\n' "$count" "$ew" "$(median each 3)" "$(awk "BEGIN {print $(median each 2)/1024}")"
awk -v f="$fw" -v s="$sw" 'BEGIN {printf "folder / (one core / 2) = %.2f\n", f / (s / 2)}'
awk -v f="$fw" -v e="$ew" -v c="$copies" 'BEGIN {s = e * c; printf "sum of single-process times = %.3f s; folder / (sum / 2) = %.2f\n", s, f / (s / 2)}'
awk -v a="$(median alloc2 1)" -v b="$(median alloc1 1)" 'BEGIN {printf "the same ratio for a program that only allocates (parse-like trees, no I/O): %.2f (%.3f s on two cores, %.3f s on one)\n", a / (b / 2), a, b}'

if $scaling; then
  echo
  echo "# 5. rule scaling: each rule on one of its own bad examples, paths copied 20, 80 and 320 times;"
  echo "#    CPU time at 16x / (16 x CPU time at 1x), near 1 when linear (go test -bench, fastest of 5), and findings"
  go test ./lint/rules -run '^$' -bench BenchmarkRuleScaling -count 5 | tee "$work/scaling" |
    awk '/^BenchmarkRuleScaling\// {
        split($1, p, "/"); size = p[3]; sub(/-[0-9]+$/, "", size); k = p[2] SUBSEP size
        for (i = 4; i < NF; i++) {
          if ($(i + 1) == "cpu-ns/op" && (!(k in t) || $i < t[k])) t[k] = $i
          if ($(i + 1) == "findings/op") f[k] = $i
        }
        names[p[2]] = 1
      }
      END {
        for (n in names) if (t[n, "x1"] > 0) printf "%-34s x1 %12.0f CPU ns  x4/4x1 %5.2f  x16/16x1 %5.2f  findings %4d -> %5d\n", n, t[n, "x1"], t[n, "x4"] / (4 * t[n, "x1"]), t[n, "x16"] / (16 * t[n, "x1"]), f[n, "x1"], f[n, "x16"]
      }' | sort
fi

echo
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
