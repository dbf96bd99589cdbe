package matrix

import (
	"strconv"
	"testing"

	"github.com/apigw-oas/apigw-oas/model"
)

const (
	unset = model.Passthrough
	ctt   = model.ConvertToText
	ctb   = model.ConvertToBinary
)

// Each row of the request table of AWS's 'Content type conversions in API
// Gateway' page, in the page's order. "list" is binaryMediaTypes.
func TestRequestTable(t *testing.T) {
	cases := []struct {
		row         int
		list        []string
		contentType string
		ch          model.ContentHandling
		want        Action
	}{
		{1, nil, "text/plain", unset, AsText},
		{2, nil, "text/plain", ctb, Base64Decode},
		{3, nil, "text/plain", ctt, AsText},
		{4, []string{"image/png"}, "text/plain", unset, AsText},
		{5, []string{"image/png"}, "text/plain", ctb, Base64Decode},
		{6, []string{"image/png"}, "text/plain", ctt, AsText},
		{7, []string{"image/png"}, "image/png", unset, Unchanged},
		{8, []string{"image/png"}, "image/png", ctb, Unchanged},
		{9, []string{"image/png"}, "image/png", ctt, Base64Encode},
	}
	for _, c := range cases {
		cfg := Config{Kind: model.RESTAPI, Integration: model.AWS, BinaryMediaTypes: c.list, ContentHandling: c.ch}
		res := SimulateRequest(cfg, Request{ContentType: c.contentType, HasContentType: true})
		if want := requestRows[c.row-1].ID; res.Behavior.ID != want || res.Action != c.want || res.Status != 200 {
			t.Errorf("row %d: got %s %s %d, want %s %s 200", c.row, res.Behavior.ID, res.Action, res.Status, want, c.want)
		}
	}
}

// Each row of the response table of the same page; "accept" is the first
// Accept media range, "payload" the integration response's Content-Type.
func TestResponseTable(t *testing.T) {
	list := []string{"image/png"}
	cases := []struct {
		row             int
		list            []string
		accept, payload string
		ch              model.ContentHandling
		want            Action
	}{
		{1, nil, "text/html", "image/png", unset, AsText},
		{2, nil, "text/html", "image/png", ctb, Base64Decode},
		{3, nil, "text/html", "image/png", ctt, AsText},
		{4, list, "text/html", "application/json", unset, AsText},
		{5, list, "text/html", "application/json", ctb, Base64Decode},
		{6, list, "text/html", "application/json", ctt, AsText},
		{7, list, "image/png", "application/json", unset, Base64Decode},
		{8, list, "image/png", "application/json", ctb, Base64Decode},
		{9, list, "image/png", "application/json", ctt, AsText},
		{10, list, "text/html", "image/png", unset, Base64Encode},
		{11, list, "text/html", "image/png", ctb, Unchanged},
		{12, list, "text/html", "image/png", ctt, Base64Encode},
		{13, list, "image/png", "image/png", unset, Unchanged},
		{14, list, "image/png", "image/png", ctb, Unchanged},
		{15, list, "image/png", "image/png", ctt, Base64Encode},
	}
	for _, c := range cases {
		cfg := Config{Kind: model.RESTAPI, Integration: model.HTTP, BinaryMediaTypes: c.list,
			Responses: []IntegrationResponse{{Pattern: "default", StatusCode: "200", ContentHandling: c.ch}}}
		res := SimulateResponse(cfg, Response{Accept: c.accept + ",*/*;q=0.8", HasAccept: true, ContentType: c.payload, HasContentType: true})
		if want := responseRows[c.row-1].ID; res.Behavior.ID != want || res.Action != c.want || res.Status != 200 {
			t.Errorf("row %d: got %s %s %d, want %s %s 200", c.row, res.Behavior.ID, res.Action, res.Status, want, c.want)
		}
	}
}

// Every combination of the tables' inputs lands on exactly one row, and
// every row is reached.
func TestTablesAreExhaustive(t *testing.T) {
	handlings := []model.ContentHandling{unset, ctt, ctb, model.ContentHandlingInvalid}
	reached := map[string]int{}
	for _, listEmpty := range []bool{true, false} {
		for _, payloadBinary := range []bool{false, true} {
			for _, ch := range handlings {
				if listEmpty && payloadBinary {
					continue // without a list nothing is binary
				}
				rule, action := requestRow(listEmpty, payloadBinary, ch)
				if rule.ID == "" || action == "" {
					t.Errorf("request %v %v %v: no row", listEmpty, payloadBinary, ch)
				}
				reached[rule.ID]++
				for _, acceptBinary := range []bool{false, true} {
					if listEmpty && acceptBinary {
						continue
					}
					rule, action := responseRow(listEmpty, payloadBinary, acceptBinary, ch)
					if rule.ID == "" || action == "" {
						t.Errorf("response %v %v %v %v: no row", listEmpty, payloadBinary, acceptBinary, ch)
					}
					reached[rule.ID]++
				}
			}
		}
	}
	for _, rows := range [][]Behavior{requestRows[:], responseRows[:]} {
		for _, r := range rows {
			// each row is reached by its contentHandling, and the unset
			// column also by an invalid value
			if n := reached[r.ID]; n != 1 && n != 2 {
				t.Errorf("%s reached %d times", r.ID, n)
			}
		}
	}
	if len(reached) != len(requestRows)+len(responseRows) {
		t.Errorf("%d distinct rows reached, want %d", len(reached), len(requestRows)+len(responseRows))
	}
}

// Each row's ID and source name the table and number of its place in it:
// the rows are written out, so the numbers are typed by hand.
func TestRowsNumberedInOrder(t *testing.T) {
	for table, rows := range map[string][]Behavior{"request": requestRows[:], "response": responseRows[:]} {
		for i, r := range rows {
			n := strconv.Itoa(i + 1)
			if r.ID != table+"-table-"+n || r.Source != conversionsPage+", "+table+" table row "+n {
				t.Errorf("%s row %s is %q from %q", table, n, r.ID, r.Source)
			}
		}
	}
}
