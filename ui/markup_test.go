package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// TestMarkupQuoteKeepsItsBar checks that every line of a wrapped block
// quote keeps the quote bar, at widths where glamour's own "│ " bar lost
// it (charmbracelet/glamour#172), and that the standard styles are left
// as they were.
func TestMarkupQuoteKeepsItsBar(t *testing.T) {
	md := "> — Tasnim, 2020-02-17, US Openly Paves Way for INF-Banned Missiles to Be Placed in Europe, Asia: Lavrov, with more words after it to wrap again and again\n"
	for _, style := range []string{"dark", "light", "notty"} {
		mk := NewMarkup(style, termenv.ANSI256)
		for w := 40; w <= 100; w++ {
			out, err := mk.Render(md, w)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(out, "\n") {
				p := strings.TrimSpace(ansi.Strip(l))
				if p != "" && !strings.HasPrefix(p, "▎") && !strings.HasPrefix(p, "|") {
					t.Errorf("%s at %d: quote line without its bar: %q", style, w, p)
				}
			}
		}
	}
	if tok := styles.DarkStyleConfig.BlockQuote.IndentToken; tok == nil || *tok != "│ " {
		t.Errorf("the standard dark style was changed: %v", tok)
	}
}

// TestFitBarsKeepsRowsOnOneLine checks that a profile's bar chart is
// narrowed to the width it is drawn in (bars alike, then labels), so that
// glamour does not wrap a bar under its label, and that a chart that fits
// is left alone.
func TestFitBarsKeepsRowsOnOneLine(t *testing.T) {
	md := "## Voices\n\n```text\nSergey Lavrov (Russia)       ████████████████████████ 8\nEmmanuel Macron (France)     ███····················· 1\n```\n\nprose · with a dot\n"
	if got := fitBars(md, 80); got != md {
		t.Errorf("a chart that fits was changed:\n%s", got)
	}
	for _, w := range []int{40, 30} {
		got := fitBars(md, w)
		for _, l := range strings.Split(got, "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: %q is %d wide", w, l, ansi.StringWidth(l))
			}
		}
		if !strings.Contains(got, "prose · with a dot") {
			t.Errorf("width %d: text outside the chart changed:\n%s", w, got)
		}
		rows := strings.Split(got, "\n")[3:5]
		if strings.Count(rows[0], "█") <= strings.Count(rows[1], "█") {
			t.Errorf("width %d: bars no longer compare: %q", w, rows)
		}
	}
	if got := fitBars(md, 30); !strings.Contains(got, "…") {
		t.Errorf("at 30 the labels should give way:\n%s", got)
	}
}

// TestMarkupKeepsWordsLongerThanTheWidth: the outlets view at 40x12
// headed ECB+'s broabandtrafficmanagement.blogspot.nl, or any outlet of
// one long word, "##" on a line of its own and the name cut at the
// window's edge without an ellipsis: Glamour does not break a word longer
// than a line, and its margin writer cuts it. Such a word now runs on
// over as many lines as it needs.
func TestMarkupKeepsWordsLongerThanTheWidth(t *testing.T) {
	name := "Supercalifragilisticexpialidociousnewsagencyofthefarawaylandwithnospaces"
	md := "## " + name + "\n\n1 article · 2 sentences, see " + name + " again.\n"
	for _, style := range []string{"dark", "notty"} {
		mk := NewMarkup(style, termenv.ANSI256)
		for _, w := range []int{30, 36, 40, 60, 80} {
			out, err := mk.Render(md, w)
			if err != nil {
				t.Fatal(err)
			}
			out = breakLongLines(out, w) // as the outlets view does
			var all strings.Builder
			for _, l := range strings.Split(out, "\n") {
				p := ansi.Strip(l)
				if ansi.StringWidth(strings.TrimRight(p, " ")) > w {
					t.Errorf("%s at %d: a line of %d cells: %q", style, w, ansi.StringWidth(p), p)
				}
				all.WriteString(strings.Join(strings.Fields(p), ""))
			}
			if n := strings.Count(all.String(), name); n != 2 {
				t.Errorf("%s at %d: the long word is whole %d times of 2:\n%s", style, w, n, ansi.Strip(out))
			}
		}
	}
}
