package corpus

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// printsControl reports whether s holds a rune a terminal would obey:
// a C0 control, DEL, a C1 control, a bidi control, or a byte that is not
// UTF-8.
func printsControl(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if needsEscape(r, n) {
			return true
		}
		i += n
	}
	return false
}

// FuzzFileNames names an article file with any bytes a file system takes
// and loads it: the id must carry no control of the name, and the path
// and any load error must print without one.
func FuzzFileNames(f *testing.F) {
	for _, name := range []string{"plain.txt", "a-\x1b]2;PWNED\x07.txt", "b-\x1b[2J.md", "c-\nsplit.txt",
		"d-\u202eevil.txt", "e-\u009b31m.html", "f-\xff\xfe.txt", "\x1b.txt", "..txt", "x#1.json", "中文 👨\u200d👩\u200d👦.txt"} {
		f.Add(name, []byte("A title\n\nSome text of the article. More text.\n"))
	}
	f.Add("empty.txt", []byte{})
	f.Fuzz(func(t *testing.T, name string, body []byte) {
		if runtime.GOOS == "windows" || name == "" || name == "." || name == ".." || len(name) > 200 ||
			strings.ContainsAny(name, "/\x00") {
			return // not a file name on this system
		}
		if len(body) > 4096 {
			body = body[:4096]
		}
		dir := t.TempDir()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, body, 0o644); err != nil {
			return
		}
		c, _ := LoadWith(t.Context(), Options{Outlets: ShippedOutlets()}, path)
		if c == nil {
			t.Fatal("no corpus")
		}
		for _, a := range c.Articles {
			if printsControl(a.ID) || strings.ContainsAny(a.ID, "\n\t") || a.ID == "" {
				t.Fatalf("id %q from file name %q", a.ID, name)
			}
			if a.Path != path {
				t.Fatalf("the real path %q became %q", path, a.Path)
			}
			for _, w := range a.Warnings {
				if printsControl(w) {
					t.Fatalf("warning %q prints a control", w)
				}
			}
		}
		for _, e := range c.Errors {
			if printsControl(e.Error()) {
				t.Fatalf("load error %q prints a control", e.Error())
			}
		}
		if p := Printable(path); printsControl(p) {
			t.Fatalf("Printable(%q) = %q", path, p)
		}
	})
}
