// Package release holds no code: its tests check the release files at the
// root of the repository that no Go package reads — the GitHub Action
// (action.yml) and the container image definition (Dockerfile) — since
// neither can run on the machines the tests run on.
package release
