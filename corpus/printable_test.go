package corpus

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestPrintable(t *testing.T) {
	cases := map[string]string{
		"plain id":                  "plain id",
		"a-\x1b]2;PWNED\x07.txt":    `a-\x1b]2;PWNED\x07.txt`,
		"c-\nsplit\t.txt":           `c-\nsplit\t.txt`,
		"d-\u202eevil\u2066.txt":    `d-\u202eevil\u2066.txt`,
		"e-\u009b31m":               `e-\u009b31m`,
		"f-\xff":                    `f-\xff`,
		"ملف\u200f.txt":             `ملف\u200f.txt`,
		"中文 ZWJ 👨\u200d👩\u200d👦 ok": "中文 ZWJ 👨\u200d👩\u200d👦 ok",
	}
	for in, want := range cases {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
	if got := PrintableLines("one\x1b[2J\ntwo"); got != "one\\x1b[2J\ntwo" {
		t.Errorf("PrintableLines: %q", got)
	}
}

// TestSafeWriter checks that controls become escapes JSON decodes back
// to the same string, even when a write splits a character in two.
func TestSafeWriter(t *testing.T) {
	in := map[string]string{"path": "d-\u202eevil\u0085\u009b.txt", "memo": "ok ✓ 中文"}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := SafeWriter(&out)
	for i := 0; i < len(data); i += 3 { // three bytes at a time: some characters are cut
		w.Write(data[i:min(i+3, len(data))])
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if bytes.ContainsAny(out.Bytes(), "\u202e\u0085\u009b") {
		t.Fatalf("controls left: %q", out.String())
	}
	var back map[string]string
	if err := json.Unmarshal(out.Bytes(), &back); err != nil || back["path"] != in["path"] || back["memo"] != in["memo"] {
		t.Fatalf("round trip: %q %v → %v", out.String(), err, back)
	}
	out.Reset()
	w = SafeWriter(&out)
	w.Write([]byte("cut \xe4\xb8"))
	w.Flush()
	if out.String() != `cut \xe4\xb8` {
		t.Errorf("an unfinished character at the end: %q", out.String())
	}
}

// TestIDsFromHostileFileNames checks that an id made from a file name
// carries none of its controls, keeps an ordinary name as it is, and says
// when it was cleaned.
func TestIDsFromHostileFileNames(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("these names are not valid Windows file names")
	}
	dir := t.TempDir()
	names := map[string]string{
		"plain  name.txt":        "plain  name",
		"a-\x1b]2;PWNED\x07.txt": "a-",
		"c-\nsplit.txt":          "c- split",
		"d-\u202eevil.txt":       "d-evil",
		"f-\xff.txt":             "f-\uFFFD",
		"\x1b[2J.txt":            "article",
	}
	for name := range names {
		os.WriteFile(filepath.Join(dir, name), []byte("A title\n\nSome text of the article. More text.\n"), 0o644)
	}
	c, err := LoadWith(t.Context(), Options{Outlets: ShippedOutlets()}, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range c.Articles {
		want, ok := names[filepath.Base(a.Path)]
		if !ok || a.ID != want {
			t.Errorf("%q: id %q, want %q", a.Path, a.ID, want)
		}
		warned := strings.Contains(strings.Join(a.Warnings, "\n"), "the file name")
		if warned != (want != strings.TrimSuffix(filepath.Base(a.Path), ".txt")) {
			t.Errorf("%q: warnings %q", a.Path, a.Warnings)
		}
	}
}
