package cli

import "bytes"

// appendIndented appends src, a value as encoding/json encodes it
// without indentation (no white space outside strings, but for a final
// newline), indented as json.Indent (and so an Encoder with SetIndent)
// indents it: each element and field on a line of its own after prefix
// and one indent per level, ": " after keys, empty objects and arrays
// as {} and []. It is one pass that copies strings whole, where
// json.Indent runs its scanner over every byte: the indenting was a
// tenth of `list --json`. TestAppendIndentedIsJSONIndent and
// FuzzAppendIndented compare the two.
func appendIndented(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	needIndent := false // after { or [: the next value opens a new level
	// line is a newline, prefix and indents for the deepest level so
	// far: a new line at any level is one copy of its start.
	var lineBuf [128]byte
	line := append(append(lineBuf[:0], '\n'), prefix...)
	newline := func() {
		n := 1 + len(prefix) + max(depth, 0)*len(indent)
		for len(line) < n {
			line = append(line, indent...)
		}
		dst = append(dst, line[:n]...)
	}
	open := func() {
		if needIndent {
			needIndent = false
			depth++
			newline()
		}
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			open()
			// To the closing quote: the first not escaped, that is after
			// an even number of backslashes.
			j := i + 1
			for {
				k := bytes.IndexByte(src[j:], '"')
				if k < 0 {
					j = len(src) - 1
					break
				}
				j += k
				n := 0
				for p := j - 1; p > i && src[p] == '\\'; p-- {
					n++
				}
				if n%2 == 0 {
					break
				}
				j++
			}
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			open()
			needIndent = true
			dst = append(dst, c)
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		case '\n':
			dst = append(dst, c)
		default:
			open()
			// A number or true, false, null: copied to its end.
			j := i + 1
			for j < len(src) && src[j] != ',' && src[j] != ']' && src[j] != '}' && src[j] != '\n' {
				j++
			}
			dst = append(dst, src[i:j]...)
			i = j - 1
		}
	}
	return dst
}
