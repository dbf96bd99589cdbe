#!/usr/bin/env bash
# image.sh — the container image of the Dockerfile, built without a container
# engine (docs/ci.md).
#
#   scripts/image.sh OUT.tar
#
# Builds the static binary as the Dockerfile's build stage does and assembles
# the Dockerfile's image around it with crane (go-containerregistry): an empty
# (scratch) base, one layer holding /usr/local/bin/apigw-oas and /work, user
# 65532:65532, working folder /work, the binary as entrypoint. crane edits
# images only in a registry, so the image passes through crane's own registry,
# served in memory on 127.0.0.1 for the length of the build. OUT.tar is a
# tarball that `docker load` (as apigw-oas:latest) and `crane push` read. Needs Go and crane (on
# PATH, or $CRANE).
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: scripts/image.sh OUT.tar" >&2; exit 2; }
out=$(realpath -m "$1")
crane=${CRANE:-crane}
cd "$(dirname "$0")/.."

tmp=$(mktemp -d)
registry=
trap '[ -z "$registry" ] || kill "$registry"; rm -rf "$tmp"' EXIT

mkdir -p "$tmp/root/usr/local/bin" "$tmp/root/work"
CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$tmp/root/usr/local/bin/apigw-oas" ./cmd/apigw-oas
# owned by root and dated 1970, as a COPY into a fresh image would be owned
# (the date keeps the layer the same from build to build)
tar --owner=0 --group=0 --numeric-owner --mtime=@0 --sort=name -C "$tmp/root" -cf "$tmp/layer.tar" usr work

"$crane" registry serve --address 127.0.0.1:0 2>"$tmp/registry.log" &
registry=$!
for _ in $(seq 50); do
  port=$(sed -n 's/.*serving on port \([0-9]*\).*/\1/p' "$tmp/registry.log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "crane registry serve did not start:" >&2; cat "$tmp/registry.log" >&2; exit 1; }
image="127.0.0.1:$port/apigw-oas"

# the tarball's tag is apigw-oas:latest, what `docker build -t apigw-oas .` names it
"$crane" append --oci-empty-base -f "$tmp/layer.tar" -t "$image" 2>>"$tmp/crane.log" >/dev/null
"$crane" mutate "$image" -t apigw-oas:latest -o "$out" --set-platform "linux/$(go env GOARCH)" \
  --entrypoint /usr/local/bin/apigw-oas --user 65532:65532 --workdir /work 2>>"$tmp/crane.log" >/dev/null ||
  { cat "$tmp/crane.log" >&2; exit 1; }
echo "wrote $out"
