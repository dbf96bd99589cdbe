package diag

import (
	"fmt"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// Fix is a change that resolves a finding, written as data so that it can
// be applied, checked and shown without re-running the rule: the advice
// test applies it and lints again, and `lint --fix` writes the same edits
// into the file's bytes. Only suggestions that are true in the state the
// finding fires in carry one.
type Fix struct {
	// Edits are applied in order, each to the result of the previous one.
	Edits []Edit `json:"edits"`
	// File is the file the edits address: the file the finding's span is
	// in, which may be another than the file linted (a body a template's
	// DefinitionUri names, a .tf file of a module); lint.Run sets it.
	File string `json:"file,omitempty"`
	// Origin is the file linted when the fix was resolved, whose import
	// reads File: the file to lint again once File has changed.
	Origin string `json:"-"`
	// Replacements are the edits as changes of the file's bytes, against
	// the text that was linted, sorted; lint.Run sets them (and Safety),
	// and drops a fix whose edits cannot be written in the file's style.
	Replacements []source.Replacement `json:"replacements,omitempty"`
	Safety       Safety               `json:"safety,omitempty"`
	// Changes names the exchanges an unsafe fix serves differently
	// ("GET /photos 200 image/png to chrome-img").
	Changes []string `json:"changes,omitempty"`
	// Unchecked says why what the fix changes could not be simulated (an
	// HTTP API, a binary media type known only at deploy time): such a fix
	// is Unsafe, since nobody checked it serves the same.
	Unchecked string `json:"unchecked,omitempty"`
}

// Safety says whether a fix may be applied without asking: Safe when no
// request and no client that worked before is served differently after
// it, Unsafe otherwise.
type Safety string

const (
	Safe   Safety = "safe"
	Unsafe Safety = "unsafe"
)

// Edit is one JSON Patch operation (RFC 6902) on the file the finding's
// span is in (Fix.File), addressed by a JSON pointer into that file's tree.
type Edit struct {
	Op EditOp `json:"op"`
	// Pointer is where: for EditAdd a mapping key to set, an index of a
	// list to insert before, or "-" to append; for the others an existing
	// value.
	Pointer string `json:"path"`
	// Value is a string or a []string; unused by EditRemove.
	Value any `json:"value,omitempty"`
}

// EditOp is what an Edit does.
type EditOp string

const (
	EditAdd     EditOp = "add"     // set a key, or insert into a list
	EditReplace EditOp = "replace" // change an existing value
	EditRemove  EditOp = "remove"  // delete a key or a list item
)

// Describe says what applying the fix takes and, for an unsafe one, what
// it serves differently (the first few exchanges).
func (f *Fix) Describe() string {
	if f.Safety == Safe {
		return "safe: lint --fix applies it"
	}
	text := "unsafe: lint --unsafe-fixes applies it"
	if f.Unchecked != "" {
		text += "; " + f.Unchecked
	}
	const shown = 3
	switch n := len(f.Changes); {
	case n > shown:
		return text + "; it serves differently " + strings.Join(f.Changes[:shown], "; ") + fmt.Sprintf(" and %d more", n-shown)
	case n > 0:
		return text + "; it serves differently " + strings.Join(f.Changes, "; ")
	}
	return text
}
