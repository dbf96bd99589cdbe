package source

import (
	"encoding/binary"
	"math/bits"
)

// The JSON parser reads strings, indentation and columns eight bytes at a
// time (SIMD within a register): a pretty-printed definition is a third
// spaces, and its strings are most of the rest.

const (
	lows  = 0x0101010101010101 // 0x01 in every byte
	highs = 0x8080808080808080 // the high bit of every byte
)

// word reads the eight bytes at b[i:] (which must exist), little-endian so
// that the first byte is the lowest.
func word(b []byte, i int) uint64 { return binary.LittleEndian.Uint64(b[i:]) }

// bytesBelow marks with its high bit each byte of w that is below n
// (n <= 0x80). Marks above the lowest one may be false (a borrow runs into
// the next byte), so only the lowest one says where.
func bytesBelow(w uint64, n byte) uint64 { return (w - lows*uint64(n)) &^ w & highs }

// bytesEqual marks the bytes of w equal to c, as bytesBelow does.
func bytesEqual(w uint64, c byte) uint64 { return bytesBelow(w^(lows*uint64(c)), 1) }

// stringStop returns how many bytes from b[i:] on are plain string text,
// stopping at the first '"', '\\' or control character, or where fewer
// than eight bytes are left (the caller's byte-by-byte loop reads those).
func stringStop(b []byte, i int) int {
	from := i
	for ; i+8 <= len(b); i += 8 {
		w := word(b, i)
		if m := bytesEqual(w, '"') | bytesEqual(w, '\\') | bytesBelow(w, 0x20); m != 0 {
			return i - from + bits.TrailingZeros64(m)/8
		}
	}
	return i - from
}

// spaceRun returns how many bytes from b[i:] on are spaces, counted in
// whole words (the caller's loop takes the rest).
func spaceRun(b []byte, i int) int {
	from := i
	for i+8 <= len(b) && word(b, i) == lows*' ' {
		i += 8
	}
	return i - from
}

// codePoints counts the code points of UTF-8 text: the bytes that do not
// continue a sequence (10xxxxxx).
func codePoints(b []byte) int {
	n := len(b)
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if w := word(b, i); w&highs != 0 {
			n -= bits.OnesCount64(w &^ (w << 1) & highs)
		}
	}
	for _, c := range b[i:] {
		if c&0xC0 == 0x80 {
			n--
		}
	}
	return n
}
