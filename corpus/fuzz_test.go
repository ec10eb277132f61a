package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func addSeedCorpus(f *testing.F, add func(b []byte)) {
	f.Helper()
	for _, dir := range []string{"../testdata/seeds", "../testdata/corpus/bad"} {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			// Small seeds keep minimisation quick in CI's few seconds.
			if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && len(b) <= 8192 {
				add(b)
			}
		}
	}
}

// FuzzDecode checks that decoding never panics and that what it returns is
// clean: valid UTF-8 without CR, escape sequences, stray controls or bidi
// overrides.
func FuzzDecode(f *testing.F) {
	addSeedCorpus(f, func(b []byte) { f.Add(b) })
	f.Add([]byte("\xff\xfe\x00"))
	f.Add([]byte("a\x1b]52;c;QUFB\x07b\r\n\u202e"))
	f.Fuzz(func(t *testing.T, b []byte) {
		text, _, err := Decode(b)
		if err != nil {
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 out: %q", text)
		}
		for _, r := range text {
			if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
				(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
				t.Fatalf("control %U left in %q", r, text)
			}
		}
		if clean, n := Sanitize(text); clean != text || n != 0 {
			t.Fatalf("decoded text not stable under Sanitize: removed %d", n)
		}
	})
}

// FuzzSegment checks that analysing any text never panics and that every
// offset is inside the text, in order and non-overlapping.
func FuzzSegment(f *testing.F) {
	addSeedCorpus(f, func(b []byte) { f.Add(string(b)) })
	f.Add("MOSCOW, November 8. /TASS/.")
	f.Add("他说。「好。」她说！？ 」x。｡")
	f.Add("\"\u201c. .\u201d\" U.S. No. 5. J. R.\n- \n\n© x")
	z := testBuilder(f)
	f.Fuzz(func(t *testing.T, text string) {
		text, _ = Sanitize(strings.ToValidUTF8(text, "\uFFFD"))
		a := z.build("fuzz.txt", "text", text, meta{}, nil)
		prev := 0
		for i, s := range a.Sentences {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) || text[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %d %v bad (prev end %d, len %d)", i, s.Span, prev, len(text))
			}
			prev = s.End
		}
		prev = 0
		for i, p := range a.Paragraphs {
			if p.Start < prev || p.End <= p.Start || p.End > len(text) {
				t.Fatalf("paragraph %d %v bad", i, p.Span)
			}
			prev = p.End
		}
		for _, fu := range a.Furniture {
			if fu.End > len(text) || text[fu.Start:fu.End] != fu.Text {
				t.Fatalf("furniture %v bad", fu.Span)
			}
		}
		if a.Dateline != nil && (a.Dateline.Start < 0 || a.Dateline.End > len(text) || a.Dateline.Start > a.Dateline.End) {
			t.Fatalf("dateline %v bad", a.Dateline.Span)
		}
	})
}

// BenchmarkLoad1000 loads and segments 1,000 article files made from the
// seeds (each one a little different, as a real corpus would be).
func BenchmarkLoad1000(b *testing.B) {
	dir := b.TempDir()
	seeds, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		b.Fatal("no seeds", err)
	}
	var texts []string
	for _, s := range seeds {
		t, err := os.ReadFile(s)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
	}
	for i := range 1000 {
		body := strings.Replace(texts[i%len(texts)], "Lavrov", fmt.Sprintf("Lavrov (%d)", i), 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		c, err := Load(dir)
		if err != nil || len(c.Articles) != 1000 {
			b.Fatalf("loaded %d: %v", len(c.Articles), err)
		}
	}
}
