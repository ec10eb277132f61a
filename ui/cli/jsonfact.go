package cli

import (
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/compare"
)

// appendFactJSON appends f as jsonEncoder.encode(f, prefix) gives it,
// byte for byte, writing the known fields by hand: encoding/json's
// reflection and the second, indenting pass were most of the time of
// writing `facts --json`, whose facts are most of its bytes. It
// reports false, having appended nothing of use, for what it leaves to
// encoding/json (a score that is not a finite number, which is an
// error there). TestAppendFactJSON compares the two.
func appendFactJSON(dst []byte, f *compare.Fact, prefix string) ([]byte, bool) {
	// The prefixes of the deeper lines are all slices of one string.
	deep := prefix + "          "
	in := deep[:len(prefix)+2]
	dst = append(dst, '{')
	dst = jsonKey(dst, in, "id", true)
	dst = appendJSONString(dst, f.ID)
	dst = jsonKey(dst, in, "story", false)
	dst = appendJSONString(dst, f.Story)
	dst = jsonKey(dst, in, "label", false)
	dst = appendJSONString(dst, f.Label)
	dst = jsonKey(dst, in, "outlets", false)
	dst = appendJSONStrings(dst, f.Outlets, deep, len(in))
	dst = jsonKey(dst, in, "members", false)
	dst, ok := appendJSONArray(dst, f.Members, deep, len(in), appendMemberJSON)
	if !ok {
		return dst, false
	}
	dst = jsonKey(dst, in, "discrepancies", false)
	dst, _ = appendJSONArray(dst, f.Discrepancies, deep, len(in), appendDiscrepancyJSON)
	dst = jsonKey(dst, in, "thread", false)
	dst = appendJSONString(dst, f.Thread)
	dst = jsonKey(dst, in, "stories", false)
	dst = appendJSONStrings(dst, f.Stories, deep, len(in))
	if len(f.Timeline) > 0 {
		// Times: encoding/json's, indented as encode would.
		b, err := json.Marshal(f.Timeline)
		if err != nil {
			return dst, false
		}
		dst = jsonKey(dst, in, "timeline", false)
		dst = appendIndented(dst, b, in, "  ")
	}
	dst = jsonLine(dst, prefix)
	return append(dst, '}'), true
}

// appendMemberJSON appends m, on a line starting with deep[:n].
func appendMemberJSON(dst []byte, m *compare.Member, deep string, n int) ([]byte, bool) {
	prefix, in := deep[:n], deep[:n+2]
	dst = append(dst, '{')
	dst = jsonKey(dst, in, "article", true)
	dst = appendJSONString(dst, m.Article)
	dst = jsonKey(dst, in, "outlet", false)
	dst = appendJSONString(dst, m.Outlet)
	dst = jsonKey(dst, in, "sentence", false)
	dst = strconv.AppendInt(dst, int64(m.Sentence), 10)
	dst = jsonKey(dst, in, "start", false)
	dst = strconv.AppendInt(dst, int64(m.Start), 10)
	dst = jsonKey(dst, in, "end", false)
	dst = strconv.AppendInt(dst, int64(m.End), 10)
	dst = jsonKey(dst, in, "text", false)
	dst = appendJSONString(dst, m.Text)
	dst = jsonKey(dst, in, "score", false)
	if math.IsNaN(m.Score) || math.IsInf(m.Score, 0) {
		return dst, false
	}
	dst = appendJSONFloat(dst, m.Score)
	dst = jsonKey(dst, in, "evidence", false)
	ev, ein := &m.Evidence, deep[:n+4]
	dst = append(dst, '{')
	dst = jsonKey(dst, ein, "terms", true)
	dst = appendJSONStrings(dst, ev.Terms, deep, n+4)
	dst = jsonKey(dst, ein, "numbers", false)
	dst = appendJSONStrings(dst, ev.Numbers, deep, n+4)
	dst = jsonKey(dst, ein, "dates", false)
	dst = appendJSONStrings(dst, ev.Dates, deep, n+4)
	dst = jsonKey(dst, ein, "names", false)
	dst = appendJSONStrings(dst, ev.Names, deep, n+4)
	if ev.Quote != "" {
		dst = jsonKey(dst, ein, "quote", false)
		dst = appendJSONString(dst, ev.Quote)
	}
	dst = jsonLine(dst, in)
	dst = append(dst, '}')
	dst = jsonLine(dst, prefix)
	return append(dst, '}'), true
}

// appendDiscrepancyJSON appends d, on a line starting with deep[:n].
func appendDiscrepancyJSON(dst []byte, d *compare.Discrepancy, deep string, n int) ([]byte, bool) {
	prefix, in := deep[:n], deep[:n+2]
	dst = append(dst, '{')
	dst = jsonKey(dst, in, "what", true)
	dst = appendJSONString(dst, d.What)
	dst = jsonKey(dst, in, "values", false)
	dst, _ = appendJSONArray(dst, d.Values, deep, n+2, appendValueJSON)
	dst = jsonLine(dst, prefix)
	return append(dst, '}'), true
}

// appendValueJSON appends v, on a line starting with deep[:n].
func appendValueJSON(dst []byte, v *compare.Value, deep string, n int) ([]byte, bool) {
	prefix, in := deep[:n], deep[:n+2]
	dst = append(dst, '{')
	dst = jsonKey(dst, in, "article", true)
	dst = appendJSONString(dst, v.Article)
	dst = jsonKey(dst, in, "outlet", false)
	dst = appendJSONString(dst, v.Outlet)
	dst = jsonKey(dst, in, "value", false)
	dst = appendJSONString(dst, v.Value)
	dst = jsonKey(dst, in, "text", false)
	dst = appendJSONString(dst, v.Text)
	dst = jsonLine(dst, prefix)
	return append(dst, '}'), true
}

// appendJSONArray appends xs as encoding/json indents a slice whose
// field is on a line starting with deep[:n], each element by appendElem
// (which reports false for what it leaves to encoding/json).
func appendJSONArray[T any](dst []byte, xs []T, deep string, n int, appendElem func([]byte, *T, string, int) ([]byte, bool)) ([]byte, bool) {
	switch {
	case xs == nil:
		return append(dst, "null"...), true
	case len(xs) == 0:
		return append(dst, "[]"...), true
	}
	dst = append(dst, '[')
	for i := range xs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = jsonLine(dst, deep[:n+2])
		var ok bool
		if dst, ok = appendElem(dst, &xs[i], deep, n+2); !ok {
			return dst, false
		}
	}
	dst = jsonLine(dst, deep[:n])
	return append(dst, ']'), true
}

// jsonLine starts a new line indented by prefix.
func jsonLine(dst []byte, prefix string) []byte {
	dst = append(dst, '\n')
	return append(dst, prefix...)
}

// jsonKey starts the field key (a name that needs no escaping) on a
// line of its own after prefix, after a comma unless it is the first.
func jsonKey(dst []byte, prefix, key string, first bool) []byte {
	if !first {
		dst = append(dst, ',')
	}
	dst = jsonLine(dst, prefix)
	dst = append(dst, '"')
	dst = append(dst, key...)
	return append(dst, '"', ':', ' ')
}

// appendJSONStrings appends ss as encoding/json indents a []string
// whose field is on a line starting with deep[:n].
func appendJSONStrings(dst []byte, ss []string, deep string, n int) []byte {
	switch {
	case ss == nil:
		return append(dst, "null"...)
	case len(ss) == 0:
		return append(dst, "[]"...)
	}
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = jsonLine(dst, deep[:n+2])
		dst = appendJSONString(dst, s)
	}
	dst = jsonLine(dst, deep[:n])
	return append(dst, ']')
}

// appendJSONFloat appends f, finite, as encoding/json writes a float64.
func appendJSONFloat(dst []byte, f float64) []byte {
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		b, _ := json.Marshal(f) // exponent form: leave its clean-up to encoding/json
		return append(dst, b...)
	}
	return strconv.AppendFloat(dst, f, 'f', -1, 64)
}

// appendJSONString appends s quoted as encoding/json quotes it (HTML
// characters escaped): printable ASCII and valid UTF-8 are copied, a
// quote or backslash escaped, and a string with anything else (control
// characters, <, >, &, U+2028, U+2029, invalid UTF-8) is left to
// encoding/json.
func appendJSONString(dst []byte, s string) []byte {
	n := len(dst)
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				dst = append(dst, s[start:i]...)
				dst = append(dst, '\\', c)
				i++
				start = i
				continue
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				b, _ := json.Marshal(s)
				return append(dst[:n], b...)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == '\u2028' || r == '\u2029' {
			b, _ := json.Marshal(s)
			return append(dst[:n], b...)
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
