package corpus

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Printable makes a string that came from outside — a file name or path,
// an id, a message quoting either — safe to print on one line of a
// terminal, and still recognisable: control characters (newline and tab
// included), DEL, C1 controls, the bidi controls, the line and paragraph
// separators and the soft hyphen become visible escapes (\x1b, \n, \u202e),
// bytes that are not UTF-8 become \xff-style escapes, and everything else
// is kept. Use the original string to open a file; print this one.
func Printable(s string) string { return printable(s, false) }

// PrintableLines is Printable for text of several lines: it keeps the
// newlines and escapes the rest.
func PrintableLines(s string) string { return printable(s, true) }

func printable(s string, keepNewlines bool) string {
	clean := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if needsEscape(r, n) && !(keepNewlines && r == '\n') {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case keepNewlines && r == '\n':
			b.WriteByte('\n')
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case needsEscape(r, n):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// needsEscape reports whether a rune (of n bytes) is one Printable escapes.
func needsEscape(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1:
		return true
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200e || r == 0x200f || r == 0x061c: // LRM, RLM, ALM
		return true
	case r == 0x2028 || r == 0x2029 || r == 0xad:
		return true
	}
	return false
}

// SafeWriter returns a writer that passes text on with every terminal
// control escaped as \u001b-style text (\xff for a byte that is not
// UTF-8): C0 controls other than newline, carriage return and tab, DEL,
// C1 controls, and the bidi embedding, override and isolate characters.
// Inside JSON strings those escapes are JSON's own, so it suits JSON
// output as well as text. A character split across two writes is held
// until the next; Flush writes what is held at the end.
func SafeWriter(w io.Writer) *SafeTextWriter { return &SafeTextWriter{w: w} }

// SafeTextWriter is SafeWriter's writer.
type SafeTextWriter struct {
	w    io.Writer
	held []byte
	buf  []byte
}

// Write escapes and writes p; it reports all of p written when the
// escaped text was.
func (s *SafeTextWriter) Write(p []byte) (int, error) {
	data := p
	if len(s.held) > 0 {
		data = append(s.held, p...)
		s.held = nil
	}
	// Hold back a last character that is not complete yet.
	if cut := incompleteTail(data); cut < len(data) {
		s.held = append([]byte(nil), data[cut:]...)
		data = data[:cut]
	}
	s.buf = appendSafe(s.buf[:0], data)
	if _, err := s.w.Write(s.buf); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a held incomplete character (escaped: it never completed).
func (s *SafeTextWriter) Flush() error {
	if len(s.held) == 0 {
		return nil
	}
	s.buf = appendSafe(s.buf[:0], s.held)
	s.held = nil
	_, err := s.w.Write(s.buf)
	return err
}

// incompleteTail returns where a UTF-8 sequence that the end of b cuts
// short begins, or len(b).
func incompleteTail(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-3; i-- {
		c := b[i]
		if c < 0x80 {
			return len(b)
		}
		if c >= 0xc0 { // a lead byte: complete if its sequence fits
			need := 2
			switch {
			case c >= 0xf0:
				need = 4
			case c >= 0xe0:
				need = 3
			}
			if len(b)-i < need {
				return i
			}
			return len(b)
		}
	}
	return len(b)
}

// plainASCII marks the bytes appendSafe passes on as they are without
// decoding: printable ASCII, newline, carriage return and tab.
var plainASCII = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = true
	}
	t['\n'], t['\r'], t['\t'] = true, true, true
	return t
}()

func appendSafe(out, b []byte) []byte {
	for i := 0; i < len(b); {
		// A run of plain ASCII (most of any output) is copied at once.
		j := i
		for j < len(b) && plainASCII[b[j]] {
			j++
		}
		if j > i {
			out = append(out, b[i:j]...)
			if i = j; i == len(b) {
				break
			}
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			out = fmt.Appendf(out, `\x%02x`, b[i])
		case r == '\n' || r == '\r' || r == '\t':
			out = append(out, b[i])
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}
