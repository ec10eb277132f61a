package corpus

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONProblem(t *testing.T) {
	type rec struct {
		ID   string   `json:"id"`
		Tags []string `json:"tags"`
	}
	for _, c := range []struct {
		src  string
		into any
		want string
	}{
		{`{"id": 7}`, &rec{}, `field "id" is a number where text was expected`},
		{`{"tags": "x"}`, &rec{}, `field "tags" is text where a list [...] was expected`},
		{`{"a": 1}`, &[]json.RawMessage{}, `it is an object where a list [...] was expected`},
		{"{\n  \"id\": x}", &rec{}, "not valid JSON at line 2, column 9: invalid character 'x' looking for beginning of value"},
		{`{"id": "a"`, &rec{}, "the JSON ends too early"},
	} {
		err := json.Unmarshal([]byte(c.src), c.into)
		if err == nil {
			t.Fatalf("%s decoded", c.src)
		}
		got := JSONProblem(err, []byte(c.src))
		if !strings.Contains(got, c.want) || strings.Contains(got, "Go ") {
			t.Errorf("JSONProblem(%s) = %q, want %q", c.src, got, c.want)
		}
	}
	err := json.NewDecoder(strings.NewReader("")).Decode(new(any))
	if got := JSONProblem(err, nil); !strings.Contains(got, "empty") {
		t.Errorf("empty input: %q", got)
	}
}
