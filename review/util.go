package review

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw-oas/apigw-oas/clients"
)

func itoa(n int) string { return strconv.Itoa(n) }

func jsonString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

func contains(list []string, s string) bool { return slices.Contains(list, s) }

func clientNames() []string { return clients.Names() }

func joinComma(list []string) string { return strings.Join(list, ", ") }

// plural is "1 fix", "2 fixes".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}
