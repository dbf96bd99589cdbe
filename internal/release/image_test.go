package release

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// craneEnv names the crane command (go-containerregistry v0.22.1) that
// .ci/run installs and scripts/image.sh builds the image with.
const craneEnv = "APIGW_OAS_CRANE"

// imageConfig is the part of an image's configuration the tests read.
type imageConfig struct {
	OS, Architecture string
	Config           struct {
		User       string
		WorkingDir string
		Entrypoint []string
	} `json:"config"`
}

// scripts/image.sh builds, without a container engine, the image the
// Dockerfile describes: its user, working folder and entrypoint are the
// Dockerfile's, the user is not root, and its one layer holds the binary
// and /work, nothing else. The binary then runs alone in that file tree
// as that user: it is static and needs nothing from a base.
func TestImageIsTheDockerfilesAndRunsAlone(t *testing.T) {
	crane := os.Getenv(craneEnv)
	if crane == "" {
		t.Skipf("skipped: %s is not set; it names crane from go-containerregistry (.ci/run installs it)", craneEnv)
	}
	dir := t.TempDir()
	image := filepath.Join(dir, "image.tar")
	build := exec.Command("bash", filepath.Join("..", "..", "scripts", "image.sh"), image)
	build.Env = append(os.Environ(), "CRANE="+crane)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("scripts/image.sh: %v\n%s", err, out)
	}
	config, layers := readImage(t, image)

	all := stages(t)
	final := all[len(all)-1]
	if from := find(final, "FROM"); !slices.Equal(from, []string{"scratch"}) {
		t.Errorf("the Dockerfile's image is based on %q; scripts/image.sh builds on scratch", from)
	}
	var entrypoint []string
	if e := find(final, "ENTRYPOINT"); len(e) != 1 || json.Unmarshal([]byte(e[0]), &entrypoint) != nil {
		t.Fatalf("the Dockerfile's ENTRYPOINT is %q", e)
	}
	c := config.Config
	if user := find(final, "USER"); len(user) != 1 || c.User != user[0] {
		t.Errorf("the image runs as %q, the Dockerfile as %q", c.User, user)
	}
	if uid, _, _ := strings.Cut(c.User, ":"); uid == "" || uid == "0" || uid == "root" {
		t.Errorf("the image runs as %q, want a user other than root", c.User)
	}
	if workdir := find(final, "WORKDIR"); len(workdir) != 1 || c.WorkingDir != workdir[0] {
		t.Errorf("the image works in %q, the Dockerfile in %q", c.WorkingDir, workdir)
	}
	if !slices.Equal(c.Entrypoint, entrypoint) {
		t.Errorf("the image's entrypoint is %q, the Dockerfile's %q", c.Entrypoint, entrypoint)
	}
	if config.OS != "linux" {
		t.Errorf("the image is for %s/%s, want linux", config.OS, config.Architecture)
	}

	rootfs := filepath.Join(dir, "rootfs")
	var entries []string
	for _, layer := range layers {
		entries = append(entries, extract(t, layer, rootfs, true)...)
	}
	slices.Sort(entries)
	want := []string{"usr", "usr/local", "usr/local/bin", strings.TrimPrefix(entrypoint[0], "/"), strings.TrimPrefix(c.WorkingDir, "/")}
	slices.Sort(want)
	if !slices.Equal(entries, want) {
		t.Errorf("the image holds %q, want %q", entries, want)
	}
	runInImage(t, rootfs, c.User, c.WorkingDir, entrypoint)
}

// runInImage runs the entrypoint with the image's file tree as its root,
// in its working folder, as its user (user namespaces stand in for a
// container engine): version, and lint over a definition put in /work.
func runInImage(t *testing.T, rootfs, user, workdir string, entrypoint []string) {
	t.Helper()
	if exec.Command("unshare", "--map-root-user", "true").Run() != nil {
		t.Skip("skipped the run: unshare cannot make user namespaces here")
	}
	uid, gid, _ := strings.Cut(user, ":")
	definition, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "oas30-image-service.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(rootfs, workdir, "api.yaml"), definition, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"version"}, 0, "apigw-oas version "},
		{[]string{"lint", "."}, 0, "api.yaml:61:13: warning: "},
	} {
		args := append([]string{"--map-user=" + uid, "--map-group=" + gid, "--root=" + rootfs, "--wd=" + workdir}, entrypoint...)
		cmd := exec.Command("unshare", append(args, c.args...)...)
		cmd.Env = []string{} // an image sets no environment
		out, _ := cmd.CombinedOutput()
		if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != c.code || !strings.Contains(string(out), c.out) {
			t.Errorf("apigw-oas %s in the image: exit %v, want %d and %q in:\n%s", strings.Join(c.args, " "), cmd.ProcessState, c.code, c.out, out)
		}
	}
}

// readImage reads a `docker save` tarball, as crane writes it: its one
// image's configuration and its layers, each the path of a file it wrote.
func readImage(t *testing.T, tarball string) (imageConfig, []string) {
	t.Helper()
	dir := filepath.Join(filepath.Dir(tarball), "image")
	extract(t, tarball, dir, false)
	var manifest []struct {
		Config string
		Layers []string
	}
	if err := json.Unmarshal(readFile(t, filepath.Join(dir, "manifest.json")), &manifest); err != nil || len(manifest) != 1 {
		t.Fatalf("manifest.json: %v, %d images", err, len(manifest))
	}
	var config imageConfig
	if err := json.Unmarshal(readFile(t, filepath.Join(dir, manifest[0].Config)), &config); err != nil {
		t.Fatalf("the image's configuration: %v", err)
	}
	var layers []string
	for _, l := range manifest[0].Layers {
		layers = append(layers, filepath.Join(dir, l))
	}
	return config, layers
}

// extract unpacks the regular files and folders of a tar file (gzipped or
// not) into dir and returns their paths; any other kind of entry fails the
// test, since neither an image tarball nor our layer holds one.
func extract(t *testing.T, file, dir string, gzipped bool) []string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if gzipped {
		if r, err = gzip.NewReader(f); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	var names []string
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return names
		}
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		name := path.Clean(h.Name)
		if !filepath.IsLocal(name) {
			t.Fatalf("%s holds %q, outside its root", file, h.Name)
		}
		names = append(names, name)
		target := filepath.Join(dir, name)
		switch h.Typeflag {
		case tar.TypeDir:
			err = os.MkdirAll(target, 0o755)
		case tar.TypeReg:
			err = writeEntry(target, tr, h.FileInfo().Mode().Perm())
		default:
			t.Fatalf("%s: %q is a %c entry", file, h.Name, h.Typeflag)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func writeEntry(target string, r io.Reader, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
