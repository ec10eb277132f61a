package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
)

// FuzzWrapSpans checks the wrapper on any text: spans are in order, inside
// the text, on rune boundaries, no wider than the width unless one
// grapheme is, and together they keep every non-space byte.
func FuzzWrapSpans(f *testing.F) {
	f.Add("the quick brown fox jumps", 7)
	f.Add("中文字符测试 mixed with ascii", 5)
	f.Add("e\u0301\u0301 combining", 1)
	f.Add("  leading and trailing  ", 3)
	f.Fuzz(func(t *testing.T, s string, width int) {
		if width < 0 {
			width = -(width + 1)
		}
		width = width%200 + 1
		s = safeText(s)
		spans := wrapSpans(s, width)
		prev := 0
		var kept strings.Builder
		for _, sp := range spans {
			if sp.start < prev || sp.end < sp.start || sp.end > len(s) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, s)
			}
			if !utf8.ValidString(s[sp.start:sp.end]) && utf8.ValidString(s) {
				t.Fatalf("span %v splits a rune in %q", sp, s)
			}
			line := s[sp.start:sp.end]
			if w := ansi.StringWidth(line); w > width {
				if c, cw := ansi.FirstGraphemeCluster(line, ansi.GraphemeWidth); len(c) != len(line) || cw <= width {
					t.Fatalf("line %q is %d wide, limit %d", line, w, width)
				}
			}
			kept.WriteString(line)
			prev = sp.end
		}
		strip := func(x string) string { return strings.ReplaceAll(x, " ", "") }
		if strip(kept.String()) != strip(s) {
			t.Fatalf("wrapping lost text: %q -> %q", s, kept.String())
		}
	})
}

// FuzzColumnLines renders any text as an article column: every line is
// exactly the column width and no control byte survives.
func FuzzColumnLines(f *testing.F) {
	f.Add("Plain sentence. Another one.", 40)
	f.Add("\x1b[31mred\x1b[0m. Bell\x07. 中文。 \u202eRTL.", 33)
	f.Fuzz(func(t *testing.T, text string, width int) {
		if width < 0 {
			width = -(width + 1)
		}
		width = width%170 + 30
		var sents []string
		for _, s := range strings.Split(text, ". ") {
			if s != "" {
				sents = append(sents, s)
			}
		}
		if len(sents) == 0 {
			return
		}
		art := makeArticle("f", text, text, "", para{corpus.RoleBody, sents})
		c := &corpus.Corpus{Articles: []*corpus.Article{art}}
		ctx := asciiContext()
		ctx.Data = NewData(c, &Findings{HasFacts: true})
		l := buildLayout(ctx, &palette{brushes: map[string]brush{}}, 0, layoutKey{width: width})
		for _, ln := range l.lines {
			if w := ansi.StringWidth(ln.text); w != width-2 {
				t.Fatalf("line %q is %d wide, want %d", ln.text, w, width-2)
			}
			if strings.ContainsAny(ln.text, "\x1b\x07\r\b\t\n") {
				t.Fatalf("control byte in %q", ln.text)
			}
		}
	})
}
