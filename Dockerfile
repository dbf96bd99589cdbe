# The apigw-oas container image: docker build -t apigw-oas . (docs/ci.md).
# A static binary on an empty (scratch) base, with no shell and no libc, run
# as an unprivileged numeric user, linting the folder mounted at /work:
#   docker run --rm -v "$PWD:/work" apigw-oas lint .
# scripts/image.sh builds the same image without a container engine, and
# internal/release checks that the two agree.
ARG GO_VERSION=1.25

FROM golang:${GO_VERSION} AS build
WORKDIR /src
# The modules first, so that a change to the source reuses this layer.
COPY go.mod go.sum ./
RUN go mod download
# The whole checkout, .git included (.dockerignore keeps it): go build records
# the module version from it (the tag of a clean tagged checkout, else a
# pseudo-version), which apigw-oas --version prints.
COPY . .
# CGO_ENABLED=0: no libc to link, which the empty base does not have.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/apigw-oas ./cmd/apigw-oas

# scratch rather than a distroless base: apigw-oas needs no CA certificates,
# time zones or user names (it never opens a connection), and an empty base
# is one that can be assembled without pulling anything.
FROM scratch
COPY --from=build /out/apigw-oas /usr/local/bin/apigw-oas
# 65532, distroless's nonroot user: numeric, since scratch has no /etc/passwd
USER 65532:65532
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/apigw-oas"]
