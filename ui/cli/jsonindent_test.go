package cli

import (
	"bytes"
	"encoding/json"
	"testing"
)

var indentSamples = []string{
	`{}`, `[]`, `{"a":{}}`, `{"a":[]}`, `[[],{},[[]]]`, `null`, `true`, `-1.5e+10`, `"x"`, `""`,
	`{"a":1,"b":[1,2,{"c":null,"d":"e"}],"f":true,"g":false}`,
	`{"q":"a \"quoted\" word","b":"back\\slash\\","e":"\\\"","u":"\u003cb\u003e \u0026 \u2028 é 中"}`,
	`[{"k":"v,]}:{["},"[{\"x\":1}]",-0,1e-7]`, `{"":""}`, `["\\\\\\"]`,
}

// appendIndented gives json.Indent's bytes for compact JSON.
func TestAppendIndentedIsJSONIndent(t *testing.T) {
	for _, src := range indentSamples {
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(src)); err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		for _, prefix := range []string{"", "    "} {
			for _, tail := range []string{"", "\n"} {
				in := append(compact.Bytes(), tail...)
				var want bytes.Buffer
				if err := json.Indent(&want, in, prefix, "  "); err != nil {
					t.Fatal(err)
				}
				if got := appendIndented(nil, in, prefix, "  "); !bytes.Equal(got, want.Bytes()) {
					t.Errorf("%q, prefix %q:\ngot  %q\nwant %q", in, prefix, got, want.Bytes())
				}
			}
		}
	}
}

func FuzzAppendIndented(f *testing.F) {
	for _, s := range indentSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var compact bytes.Buffer
		if json.Compact(&compact, []byte(src)) != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "  ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented(nil, compact.Bytes(), "  ", "  "); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%q:\ngot  %q\nwant %q", compact.Bytes(), got, want.Bytes())
		}
	})
}
