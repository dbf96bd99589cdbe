# The apigw-oas container image: docker build -t apigw-oas . (docs/ci.md).
# A static binary on distroless's static base, which holds no shell and no
# libc, runs as the nonroot user and lints the folder mounted at /work:
#   docker run --rm -v "$PWD:/work" apigw-oas lint .
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
# CGO_ENABLED=0: no libc to link, which the static base does not have.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/apigw-oas ./cmd/apigw-oas

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/apigw-oas /usr/local/bin/apigw-oas
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/apigw-oas"]
