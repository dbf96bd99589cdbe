package review

import (
	"reflect"
	"slices"

	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/model"
)

// Change classifies how a probe's outcome changed.
type Change string

const (
	// Regression: the payload now arrives in a worse form (bytes become
	// base64 or mangled text, a request that passed is now rejected).
	Regression Change = "regression"
	// Fix: the payload now arrives in a better form.
	Fix Change = "fix"
	// Neutral: the outcome changed (another error status, another form of
	// the same worth) but is neither better nor worse.
	Neutral Change = "neutral"
	// None: same status and form (the documented rule may differ).
	None Change = ""
)

// classify compares a probe's two outcomes. A probe only one side has is
// not a change of outcome: its operation or media type was added or removed.
func classify(old, new *Outcome) Change {
	switch {
	case old == nil || new == nil:
		return None
	case (old.Form == Unknown || new.Form == Unknown) && old.Form != new.Form:
		return Neutral // what deploys decides whether it got better or worse
	case new.Form.rank() < old.Form.rank():
		return Regression
	case new.Form.rank() > old.Form.rank():
		return Fix
	case new.Form != old.Form || new.Status != old.Status:
		return Neutral
	}
	return None
}

// compareOperation simulates an operation on both sides and pairs the
// probes by side, client and media type.
func compareOperation(oldAPI, newAPI *model.API, p opPair) *Operation {
	op := &Operation{Presence: presence(p.old != nil, p.new != nil)}
	if p.new != nil {
		op.Method, op.Path = p.new.Method, p.new.Path
	} else {
		op.Method, op.Path = p.old.Method, p.old.Path
	}
	op.Probes = probes(newAPI, p.new)
	if p.old != nil && p.new != nil && sameSettings(oldAPI, p.old, newAPI, p.new) {
		for _, pr := range op.Probes {
			pr.Old = pr.New // the simulation is pure: same settings, same outcomes
		}
		return op
	}
	byKey := map[probeKey]*Probe{}
	for _, pr := range op.Probes {
		byKey[pr.key()] = pr
	}
	for _, pr := range probes(oldAPI, p.old) {
		if match := byKey[pr.key()]; match != nil {
			match.Old = pr.New
			match.Change = classify(match.Old, match.New)
			continue
		}
		pr.Old, pr.New = pr.New, nil
		op.Probes = append(op.Probes, pr)
	}
	return op
}

// sameSettings reports whether an operation's simulation inputs are the
// same on both sides; most operations of a change are, and simulating them
// once halves the work on a large API.
func sameSettings(oldAPI *model.API, old *model.Operation, newAPI *model.API, new *model.Operation) bool {
	return reflect.DeepEqual(matrix.ConfigFor(oldAPI, old), matrix.ConfigFor(newAPI, new)) &&
		slices.Equal(acceptedTypes(old), acceptedTypes(new)) && slices.Equal(matrix.ResponseTypes(old), matrix.ResponseTypes(new))
}

type probeKey struct {
	side              Side
	client, mediaType string
}

func (p *Probe) key() probeKey { return probeKey{p.Side, p.Client, p.MediaType} }
