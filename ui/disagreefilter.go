package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/agreement"
)

// The Disagreements view's filter (/): as in the notes view, typing
// narrows the list to the disagreements whose code, sentence, coders'
// passages, outlet or title hold its words; enter keeps the filter, esc
// clears it. While the box is open every key is typed into it, never
// taken for a decision. n/N and the decisions move among the
// disagreements shown.

// typing reports whether the filter box has the keys.
func (v *disagreeView) typing() bool { return v.filter.open }

// refilter works out which disagreements the filter shows and keeps the
// cursor on one of them.
func (v *disagreeView) refilter() {
	q := v.filter.Query()
	v.shown = v.shown[:0]
	for i, d := range v.items {
		if q == "" || matchesAll(disagreementText(d), q) {
			v.shown = append(v.shown, i)
		}
	}
	if len(v.shown) > 0 && v.pos() < 0 {
		// The cursor's disagreement is filtered out: the next one shown.
		v.cursor = v.shown[len(v.shown)-1]
		for _, i := range v.shown {
			if i >= v.cursor {
				v.cursor = i
				break
			}
		}
	}
}

// disagreementText is what the filter looks in, case folded.
func disagreementText(d agreement.Disagreement) string {
	parts := []string{d.Code, d.Article.Outlet, d.Article.Title}
	if d.Sentence >= 0 && d.Sentence < len(d.Article.Sentences) {
		parts = append(parts, d.Article.Sentences[d.Sentence].Text)
	}
	for _, ps := range d.Passages {
		for _, n := range ps {
			parts = append(parts, n.Anchor.Quote)
		}
	}
	return foldCase(strings.Join(parts, "\n"))
}

// matchesAll reports whether every word of q is in hay.
func matchesAll(hay, q string) bool {
	for _, w := range strings.Fields(q) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// pos is the cursor's place among the disagreements shown, -1 when it is
// on none.
func (v *disagreeView) pos() int {
	for p, i := range v.shown {
		if i == v.cursor {
			return p
		}
	}
	return -1
}

// current is the disagreement under the cursor, when one is shown.
func (v *disagreeView) current() (int, bool) {
	if v.loading || v.pos() < 0 {
		return 0, false
	}
	return v.cursor, true
}

// step moves the cursor by delta among the disagreements shown.
func (v *disagreeView) step(delta int) {
	p := v.pos()
	if p < 0 {
		return
	}
	v.cursor = v.shown[max(0, min(p+delta, len(v.shown)-1))]
}

// filterLine is the line between the disagreement and the list: the open
// box, the filter kept, or a rule.
func (v *disagreeView) filterLine(w int) string {
	st := v.ctx.Styles
	switch q := strings.TrimSpace(v.filter.Value()); {
	case v.filter.open:
		v.filter.SetWidth(max(w-4, 5))
		return fit(v.filter.View(), w)
	case q != "":
		s := fmt.Sprintf("%s “%s”: %d of %d (%s clears) ", v.keys.Filter.Help().Key, oneLine(q), len(v.shown), len(v.items), v.keys.Close.Help().Key)
		s = ellipsize(s, w)
		return st.Muted.Render(s) + st.ColRule.Render(strings.Repeat("─", max(w-ansi.StringWidth(s), 0)))
	}
	return st.ColRule.Render(strings.Repeat("─", w))
}

// header is the view's first line, shortened to w so that the consensus
// file's name shows: the folder goes first, then the title, then the
// words of the counts; a name longer than the line is cut in its middle.
func (v *disagreeView) header(w int) string {
	settled := 0
	for i := range v.items {
		if v.settled[i] || v.decided[i] != "" {
			settled++
		}
	}
	base := oneLine(shortPath(v.cs.path, false))
	n, a := len(v.items), len(v.agreed)
	for _, h := range []string{
		fmt.Sprintf("Disagreements · %s · %d settled · %d agreed · → %s", plural(n, "disagreement"), settled, a, base),
		fmt.Sprintf("%s · %d settled · %d agreed · → %s", plural(n, "disagreement"), settled, a, base),
		fmt.Sprintf("%d to settle · %d settled · %d agreed → %s", n, settled, a, base),
		fmt.Sprintf("%d/%d settled → %s", settled, n, base),
	} {
		if ansi.StringWidth(h) <= w {
			return h
		}
	}
	return "→ " + ellipsizeMiddle(base, max(w-2, 1))
}
