package review

import "github.com/apigw-oas/apigw-oas/model"

// filePair is a file of the old side and the same file on the new side;
// a zero File stands for one that side does not have.
type filePair struct{ old, new File }

func pairFiles(old, new []File) []filePair {
	if len(old) == 1 && len(new) == 1 {
		return []filePair{{old[0], new[0]}}
	}
	var pairs []filePair
	byKey := map[string]File{}
	for _, f := range old {
		byKey[f.key()] = f
	}
	paired := map[string]bool{}
	for _, f := range new {
		pairs = append(pairs, filePair{byKey[f.key()], f})
		paired[f.key()] = true
	}
	for _, f := range old {
		if !paired[f.key()] {
			pairs = append(pairs, filePair{old: f})
		}
	}
	return pairs
}

type apiPair struct{ old, new *model.API }

// pairAPIs pairs the APIs of two versions of a file by name (a logical ID,
// a resource address); when each side holds one API they are the same API,
// whatever its name, so that renaming a title or a resource still compares.
func pairAPIs(old, new File) []apiPair {
	if len(old.APIs) == 1 && len(new.APIs) == 1 {
		return []apiPair{{old.APIs[0], new.APIs[0]}}
	}
	var pairs []apiPair
	paired := map[*model.API]bool{}
	for _, n := range new.APIs {
		var match *model.API
		for _, o := range old.APIs {
			if o.Name == n.Name && !paired[o] {
				match = o
				break
			}
		}
		paired[match] = true
		pairs = append(pairs, apiPair{match, n})
	}
	for _, o := range old.APIs {
		if !paired[o] {
			pairs = append(pairs, apiPair{old: o})
		}
	}
	return pairs
}

type opPair struct{ old, new *model.Operation }

// pairOperations pairs operations by method and path, in the new side's
// order, then the old side's removed ones.
func pairOperations(old, new *model.API) []opPair {
	var pairs []opPair
	if new != nil {
		for _, n := range new.Operations {
			var o *model.Operation
			if old != nil {
				o = old.Operation(n.Path, n.Method)
			}
			pairs = append(pairs, opPair{o, n})
		}
	}
	if old != nil {
		for _, o := range old.Operations {
			if new == nil || new.Operation(o.Path, o.Method) == nil {
				pairs = append(pairs, opPair{old: o})
			}
		}
	}
	return pairs
}
