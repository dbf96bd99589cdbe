package lazyregexp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Nothing is compiled until the expression is used, and then once.
func TestCompiledOnFirstUse(t *testing.T) {
	r := New(`^a(b+)$`)
	if r.re != nil {
		t.Fatal("compiled by New")
	}
	if m := r.FindStringSubmatch("abb"); len(m) != 2 || m[1] != "bb" {
		t.Errorf("FindStringSubmatch: %q", m)
	}
	first := r.re
	if !r.MatchString("ab") || r.re != first {
		t.Error("compiled again")
	}
}

// A bad expression panics where it is first used, as MustCompile would at
// start-up.
func TestBadExpressionPanicsOnUse(t *testing.T) {
	r := New(`(`)
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	r.MatchString("x")
}

// Every expression the module gives New compiles: what staticcheck checks
// for regexp.MustCompile, and what a run that never reaches a pattern
// would not find out.
func TestModulePatternsCompile(t *testing.T) {
	found := 0
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !isNewCall(call) {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				t.Errorf("%s: lazyregexp.New of a non-literal; give it the expression itself", path)
				return true
			}
			expr, err := strconv.Unquote(lit.Value)
			if err == nil {
				_, err = regexp.Compile(expr)
			}
			if err != nil {
				t.Errorf("%s: %s: %v", path, lit.Value, err)
			}
			found++
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found == 0 {
		t.Error("no lazyregexp.New call found in the module")
	}
}

func isNewCall(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "New" || len(call.Args) != 1 {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "lazyregexp"
}
