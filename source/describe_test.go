package source

import "testing"

func TestDescribe(t *testing.T) {
	cases := []struct{ tag, text, want string }{
		{TagMap, "", "an object"},
		{TagSeq, "", "a list"},
		{TagStr, `image/"png"`, `the string "image/\"png\""`},
		{TagNull, "~", "null"},
		{TagInt, "0x1F", "the number 0x1F"},
		{TagFloat, "1.5", "the number 1.5"},
		{TagBool, "yes", "the boolean yes"},
		{TagTimestamp, "2024-01-01", "the date 2024-01-01"},
		{"!Ref", "Types", "a !Ref value"},
		{"", "x", "the value x"},
	}
	for _, c := range cases {
		if got := Describe(c.tag, c.text); got != c.want {
			t.Errorf("Describe(%q, %q) = %q, want %q", c.tag, c.text, got, c.want)
		}
	}
}
