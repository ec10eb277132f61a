package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// errBinary and errEmpty are the decoding failures that make a file
// unloadable; load turns them into a LoadError naming the file.
var (
	errBinary = errors.New("looks like a binary file (it contains NUL or many control bytes), not text: pass text, Markdown, HTML or JSON files")
	errEmpty  = errors.New("the file is empty (or holds only white space): nothing to load")
)

// decoded is the result of turning a file's bytes into clean text.
type decoded struct {
	Text     string
	Encoding string // utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252
	Warnings []string
}

// Decode turns raw file bytes into clean UTF-8 text: it honours a UTF-8 or
// UTF-16 byte order mark, falls back to Windows-1252 for text that is not
// UTF-8, replaces invalid bytes, normalises CRLF and CR to LF and removes
// terminal escape sequences, control characters and bidi overrides. Every
// change is reported in the returned warnings. It fails for binary or empty
// input.
func Decode(b []byte) (text string, warnings []string, err error) {
	d, err := decode(b)
	if err != nil {
		return "", nil, err
	}
	return d.Text, d.Warnings, nil
}

func decode(b []byte) (decoded, error) {
	var d decoded
	var s string
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		d.Encoding = "utf-8-bom"
		s = string(b[3:])
		if !utf8.ValidString(s) {
			// A byte order mark promises UTF-8, not that the rest keeps it.
			var n int
			s, n = replaceInvalid(b[3:])
			d.Warnings = append(d.Warnings, "replaced "+Count(n, "invalid UTF-8 byte sequence")+" with U+FFFD")
		}
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		endian, name := unicode.LittleEndian, "utf-16le"
		if b[0] == 0xFE {
			endian, name = unicode.BigEndian, "utf-16be"
		}
		out, err := unicode.UTF16(endian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil {
			return d, fmt.Errorf("decode %s: %w", name, err)
		}
		d.Encoding = name
		d.Warnings = append(d.Warnings, "decoded from "+strings.ToUpper(name)+" (byte order mark)")
		s = string(out)
	default:
		if looksBinary(b) {
			return d, errBinary
		}
		switch {
		case utf8.Valid(b):
			d.Encoding = "utf-8"
			s = string(b)
		case hasMultibyteUTF8(b):
			// Mostly UTF-8 with damage: keep UTF-8, replace the bad bytes.
			d.Encoding = "utf-8"
			var n int
			s, n = replaceInvalid(b)
			d.Warnings = append(d.Warnings, "replaced "+Count(n, "invalid UTF-8 byte sequence")+" with U+FFFD")
		default:
			out, err := charmap.Windows1252.NewDecoder().Bytes(b)
			if err != nil {
				return d, fmt.Errorf("decode windows-1252: %w", err)
			}
			d.Encoding = "windows-1252"
			d.Warnings = append(d.Warnings, "not valid UTF-8: decoded as Windows-1252")
			s = string(out)
		}
	}
	if strings.ContainsRune(s, 0) && d.Encoding != "utf-8" && d.Encoding != "windows-1252" {
		// UTF-16 text holding NULs is binary data with a lucky prefix.
		return d, errBinary
	}
	if n := strings.Count(s, "\r\n"); n > 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		d.Warnings = append(d.Warnings, "normalised "+Count(n, "CRLF line ending")+" to LF")
	}
	if n := strings.Count(s, "\r"); n > 0 {
		s = strings.ReplaceAll(s, "\r", "\n")
		d.Warnings = append(d.Warnings, "normalised "+Count(n, "CR line ending")+" to LF")
	}
	clean, counts := sanitize(s)
	d.Warnings = append(d.Warnings, counts.warnings()...)
	if strings.TrimSpace(clean) == "" {
		return d, errEmpty
	}
	d.Text = clean
	return d, nil
}

// looksBinary reports whether b (without a UTF-16 BOM) is binary: it has a
// NUL byte, or more than one in ten of its first 8 KB are control bytes
// other than tab, newline, carriage return, form feed and escape.
func looksBinary(b []byte) bool {
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	return len(head) > 0 && ctl*10 > len(head)
}

// hasMultibyteUTF8 reports whether b holds at least one well-formed
// multi-byte UTF-8 sequence, the sign of a UTF-8 file with some damage
// rather than a Windows-1252 one.
func hasMultibyteUTF8(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError && size > 1 {
			return true
		}
		i++
	}
	return false
}

// replaceInvalid returns b with each invalid UTF-8 sequence replaced by
// U+FFFD, and how many were replaced.
func replaceInvalid(b []byte) (string, int) {
	var sb strings.Builder
	sb.Grow(len(b))
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			sb.WriteRune(utf8.RuneError)
			n++
			i++
			continue
		}
		sb.Write(b[i : i+size])
		i += size
	}
	return sb.String(), n
}

// sanitizeCounts counts what sanitize removed, by kind.
type sanitizeCounts struct {
	Escapes  int // CSI, OSC, DCS and other escape sequences
	Controls int // C0 (except \n and \t), DEL and C1 control characters
	Bidi     int // bidi embedding, override and isolate controls
}

func (c sanitizeCounts) total() int { return c.Escapes + c.Controls + c.Bidi }

func (c sanitizeCounts) warnings() []string {
	var w []string
	if c.Escapes > 0 {
		w = append(w, "removed "+Count(c.Escapes, "terminal escape sequence"))
	}
	if c.Controls > 0 {
		w = append(w, "removed "+Count(c.Controls, "control character"))
	}
	if c.Bidi > 0 {
		w = append(w, "removed "+Count(c.Bidi, "bidi override character"))
	}
	return w
}

// Sanitize removes terminal escape sequences (CSI, OSC such as OSC 52
// clipboard writes, DCS, APC, PM, SOS and two-byte escapes), C0 controls
// other than newline and tab, DEL, C1 controls and the bidi embedding,
// override and isolate characters (U+202A–U+202E, U+2066–U+2069) from s. It
// keeps ZWJ and ZWNJ. Soft hyphens (U+00AD) go too, uncounted: they are
// invisible hints whose width terminals disagree on. It returns the clean
// text and how many sequences or characters it removed.
func Sanitize(s string) (clean string, removed int) {
	out, c := sanitize(s)
	return out, c.total()
}

func sanitize(s string) (string, sanitizeCounts) {
	var c sanitizeCounts
	if !needsSanitizing(s) {
		return s, c
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b: // ESC
			i = skipEscape(s, i+1)
			c.Escapes++
			continue
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
			c.Escapes++
			continue
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(s, i+size)
			c.Escapes++
			continue
		case r == '\n' || r == '\t':
			sb.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			c.Controls++
		case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			c.Bidi++
		case r == 0xad:
			// A soft hyphen only marks where a word may break. Terminals
			// disagree on its width (none or one cell), which shifts every
			// cell after it; dropping it loses nothing a reader sees, so it
			// is not counted as removed.
		default:
			sb.WriteString(s[i : i+size])
		}
		i += size
	}
	return sb.String(), c
}

// sanitizeLead marks the bytes needsSanitizing looks at more closely:
// controls but newline and tab, DEL, and the lead bytes of C1 controls,
// the soft hyphen and the bidi controls.
var sanitizeLead = func() (t [256]bool) {
	for b := range 0x20 {
		t[b] = b != '\n' && b != '\t'
	}
	t[0x7f], t[0xc2], t[0xe2] = true, true, true
	return t
}()

// needsSanitizing is the fast path: most text has nothing to remove.
func needsSanitizing(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !sanitizeLead[b] {
			continue // one look-up for the common byte
		}
		if b < 0x20 && b != '\n' && b != '\t' || b == 0x7f {
			return true
		}
		if b == 0xc2 && i+1 < len(s) && (s[i+1] >= 0x80 && s[i+1] <= 0x9f || s[i+1] == 0xad) { // C1, soft hyphen
			return true
		}
		if b == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0xaa && s[i+2] <= 0xae { // U+202A–E
			return true
		}
		if b == 0xe2 && i+2 < len(s) && s[i+1] == 0x81 && s[i+2] >= 0xa6 && s[i+2] <= 0xa9 { // U+2066–9
			return true
		}
	}
	return false
}

// skipEscape returns the index after the escape sequence whose ESC byte
// ends just before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// Two-byte escape (ESC c, ESC 7, ESC ( B ...): intermediates 0x20–0x2F
	// then one final byte.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipCSI skips the parameter, intermediate and final bytes of a CSI
// sequence starting at i.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips an OSC/DCS/APC string up to and including its
// terminator (BEL, ESC \ or C1 ST) or a newline, which no legitimate
// sequence spans in article text.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case s[i] == '\n':
			return i
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
		i++
	}
	return i
}
