package compare

import "unicode"

// nextField returns the first field of s at or after byte i, as
// strings.Fields splits (runs of unicode.IsSpace; invalid bytes are not
// space), and the byte offset just past it; "" when no field is left.
// Walking the fields this way allocates nothing.
func nextField(s string, i int) (string, int) {
	start := -1
	for j, r := range s[i:] {
		switch {
		case unicode.IsSpace(r):
			if start >= 0 {
				return s[start : i+j], i + j
			}
		case start < 0:
			start = i + j
		}
	}
	if start < 0 {
		return "", len(s)
	}
	return s[start:], len(s)
}

// lastFields returns the last three fields of s as strings.Fields would
// give them, in order, in f[:n], n being at most three.
func lastFields(s string) (f [3]string, n int) {
	for w, i := nextField(s, 0); w != ""; w, i = nextField(s, i) {
		if n == len(f) {
			f[0], f[1] = f[1], f[2]
			n--
		}
		f[n] = w
		n++
	}
	return f, n
}
