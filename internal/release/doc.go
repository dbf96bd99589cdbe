// Package release holds no code: its tests check the release files at the
// root of the repository that no Go package reads — the GitHub Action
// (action.yml), the container image (Dockerfile, scripts/image.sh) and the
// pre-commit hook (.pre-commit-hooks.yaml) — running them as far as this
// machine can: the image without a container engine, the hook with
// pre-commit itself.
package release
