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
