package frame

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTokenize checks that tokens never leave their text and that each
// token's bytes are what it says.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"U.S. officials don't hide it.", "“It’s over,” he said.", "Washington's claims", "a--b''c", "\"\"", "Le Drian’s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		prev := 0
		for _, tk := range tokenize(s, 0) {
			if tk.start < prev || tk.end > len(s) || tk.start >= tk.end {
				t.Fatalf("token %+v out of order or range in %q", tk, s)
			}
			if s[tk.start:tk.end] != tk.text {
				t.Fatalf("token text %q != %q", tk.text, s[tk.start:tk.end])
			}
			prev = tk.end
		}
	})
}

// FuzzParseLexicon checks that no lexicon file makes the parser panic and
// that accepted entries have words to match.
func FuzzParseLexicon(f *testing.F) {
	f.Add("@kind loaded\nregime | glosses\n")
	f.Add("@kind attribution\n@stance neutral\nsay | reports\n")
	f.Add("@kind hedge\n@match exact\nso-called\n")
	f.Add("entry before kind\n")
	f.Fuzz(func(t *testing.T, data string) {
		lx := &lexicons{irregular: map[string]string{}, byFirst: map[string][]*entry{}, reporting: map[string]*entry{}}
		if err := lx.parse("fuzz.txt", data); err != nil {
			if !strings.Contains(err.Error(), "fuzz.txt") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, e := range lx.entries {
			if len(e.words) == 0 || len(e.allowed) != len(e.words) {
				t.Fatalf("entry %+v has no words", e)
			}
		}
	})
}

// FuzzAnalyzeSentence runs every rule over arbitrary text and checks that
// markers stay inside the text and quote it exactly.
func FuzzAnalyzeSentence(f *testing.F) {
	for _, s := range []string{
		`"We will respond," he said.`, `Lavrov slammed Washington's position, saying "no".`,
		"the US claims breach the deal", `a "special military operation"`, "‘x’ ’s ‘", `, said`, "According to", "— Lavrov", "X: ",
		`"a" "b" "c`, "rather", "He, who, said", "by [", "Russia's top diplomat said",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 2000 {
			return
		}
		ms := markersFor(t, s)
		for _, m := range ms {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text || m.Reason == "" {
				t.Fatalf("bad marker %+v for %q", m, s)
			}
		}
	})
}
