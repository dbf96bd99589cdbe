package cli

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestCompletionInShells loads the completion scripts into the shells
// installed here (testdata/completion) and checks what they offer.
func TestCompletionInShells(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/completion",
		Condition: func(cond string) (bool, error) {
			if cond == "bash-completion" {
				_, err := os.Stat("/usr/share/bash-completion/bash_completion")
				return err == nil, nil
			}
			return false, nil
		},
	})
}
