package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// JSONProblem says what is wrong with JSON that failed to decode in the
// words of the file, not of Go: "field "id" is a number where text was
// expected", "the file is empty", "not valid JSON at line 3, column 7:
// invalid character 'x'...". src, when given, is the text that was
// decoded, for the line and column of a syntax error.
func JSONProblem(err error, src []byte) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF):
		return "the file is empty (no JSON in it)"
	case errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected end of JSON input"):
		return "the JSON ends too early (a bracket or quote is not closed)"
	case errors.As(err, &te):
		what := "it"
		if te.Field != "" {
			f := te.Field
			if i := strings.LastIndex(f, "."); i >= 0 {
				f = f[i+1:]
			}
			what = fmt.Sprintf("field %q", f)
		}
		return fmt.Sprintf("%s is %s where %s was expected", what, jsonKind(te.Value), goKind(te.Type))
	case errors.As(err, &se):
		msg := strings.TrimPrefix(se.Error(), "json: ")
		if src != nil && se.Offset > 0 && int(se.Offset) <= len(src) {
			before := src[:se.Offset]
			line := 1 + strings.Count(string(before), "\n")
			col := int(se.Offset) - strings.LastIndex(string(before), "\n") - 1
			return fmt.Sprintf("not valid JSON at line %d, column %d: %s", line, col, msg)
		}
		return "not valid JSON: " + msg
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// lineOneColumnRE finds the position JSONProblem gives for a syntax
// error in a single line of JSON.
var lineOneColumnRE = regexp.MustCompile(`not valid JSON at line 1, column (\d+)`)

// recordProblem is the message for a bad record of a JSON or JSON Lines
// file whose decoded text is text. A JSON array's record is named by its
// place ("record 3: ..."). A JSON Lines record is named by its line in
// the file ("line 2: ..."): parseJSON numbers the lines, blank ones too,
// but checks each trimmed line on its own, so a syntax error's "line 1,
// column C" is turned into the column in the file's line.
func recordProblem(format, text string, b recordError) string {
	if format != "jsonl" {
		return b.Error()
	}
	msg := b.Err.Error()
	if m := lineOneColumnRE.FindStringSubmatchIndex(msg); m != nil {
		col, _ := strconv.Atoi(msg[m[2]:m[3]])
		col += leadingSpace(nthLine(text, b.N))
		msg = msg[:m[0]] + "not valid JSON at column " + strconv.Itoa(col) + msg[m[1]:]
	}
	return fmt.Sprintf("line %d: %s", b.N, msg)
}

// nthLine returns line n (from 1) of text, or "".
func nthLine(text string, n int) string {
	for i := 1; i < n; i++ {
		j := strings.IndexByte(text, '\n')
		if j < 0 {
			return ""
		}
		text = text[j+1:]
	}
	if j := strings.IndexByte(text, '\n'); j >= 0 {
		text = text[:j]
	}
	return text
}

// leadingSpace is the number of bytes of white space s starts with (what
// strings.TrimSpace removes there).
func leadingSpace(s string) int {
	return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
}

// jsonKind names a JSON value kind as UnmarshalTypeError reports it.
func jsonKind(v string) string {
	switch {
	case v == "object" || v == "array":
		return "an " + v
	case strings.HasPrefix(v, "number"):
		return "a number"
	case v == "string":
		return "text"
	case v == "bool":
		return "true or false"
	}
	return v
}

// goKind names the JSON a Go type expects.
func goKind(t reflect.Type) string {
	if t == nil {
		return "another kind of value"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 && t.Name() == "RawMessage" {
			return "a value"
		}
		return "a list [...]"
	case reflect.Struct, reflect.Map:
		return "an object {...}"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "another kind of value"
}
