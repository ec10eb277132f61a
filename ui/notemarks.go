package ui

import (
	"sort"

	"github.com/charmbracelet/lipgloss"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// The notes as the read view draws them: a mark beside each sentence a
// tagged passage covers, in its first tag's colour.

// noteMark is what the read view draws beside a tagged sentence.
type noteMark struct {
	style lipgloss.Style
	spans []span // the passages of the notes covering the sentence, in article bytes
	memo  []bool // per span: its note has a memo
	// others are other coders' passages covering the sentence
	// (--compare-notes), drawn as markOther where none of one's own is.
	others []span
}

// onOther reports whether another coder's passage shares a byte with the
// line showing the article's bytes [start, end) (every line when none
// are known).
func (mk noteMark) onOther(start, end int) bool {
	for _, sp := range mk.others {
		if end <= start || sp.start < end && start < sp.end {
			return true
		}
	}
	return false
}

// on returns how many of the mark's passages share a byte with the line
// showing the article's bytes [start, end), and whether one of them that
// has a memo starts on it; a line with no bytes (none known) counts every
// passage and every memo.
func (mk noteMark) on(start, end int) (n int, memo bool) {
	for i, sp := range mk.spans {
		known := end > start
		if known && !(sp.start < end && start < sp.end) {
			continue
		}
		n++
		if i < len(mk.memo) && mk.memo[i] && (!known || start <= sp.start && sp.start < end) {
			memo = true
		}
	}
	return n, memo
}

// codeColour returns the colour of a tag ("" when unknown).
func codeColour(codes []notes.Code, name string) string {
	for _, c := range codes {
		if c.Name == name {
			return c.Colour
		}
	}
	return ""
}

// tagStyle is the style a tag's colour is drawn in (bold in monochrome).
func tagStyle(st *Styles, colour string) lipgloss.Style {
	if st.Mono || colour == "" {
		return st.Bold
	}
	return st.Bold.Foreground(lipgloss.Color(colour))
}

// buildMarks maps each sentence covered by a placed note to its mark.
// Other coders' notes (others) add their passages to the marks apart.
func buildMarks(d *Data, st *Styles, sn notesSnapshot, others []notes.Note) map[int]map[int]noteMark {
	marks := map[int]map[int]noteMark{}
	if d == nil {
		return marks
	}
	for _, n := range sn.all {
		if n.Orphaned {
			continue
		}
		a, ok := d.artIndex[n.Anchor.Article]
		if !ok {
			continue
		}
		colour := ""
		if len(n.Tags) > 0 {
			colour = codeColour(sn.codes, n.Tags[0])
		}
		for _, s := range sentencesIn(d.article(a), n.Anchor.Start, n.Anchor.End) {
			if marks[a] == nil {
				marks[a] = map[int]noteMark{}
			}
			mk, ok := marks[a][s]
			if !ok {
				mk.style = tagStyle(st, colour)
			}
			mk.spans = append(mk.spans, span{n.Anchor.Start, n.Anchor.End})
			mk.memo = append(mk.memo, n.Memo != "")
			marks[a][s] = mk
		}
	}
	for _, n := range others {
		a, ok := d.artIndex[n.Anchor.Article]
		if n.Orphaned || !ok {
			continue
		}
		for _, s := range sentencesIn(d.article(a), n.Anchor.Start, n.Anchor.End) {
			if marks[a] == nil {
				marks[a] = map[int]noteMark{}
			}
			mk := marks[a][s]
			mk.others = append(mk.others, span{n.Anchor.Start, n.Anchor.End})
			marks[a][s] = mk
		}
	}
	return marks
}

// sentencesIn lists the sentences sharing at least one byte with [start, end).
func sentencesIn(art *corpus.Article, start, end int) []int {
	ss := art.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > start })
	var out []int
	for ; i < len(ss) && ss[i].Start < end; i++ {
		out = append(out, i)
	}
	return out
}

// sentenceOf returns the sentence holding byte offset off, -1 if none.
func sentenceOf(art *corpus.Article, off int) int {
	ss := art.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
	if i < len(ss) && ss[i].Start <= off {
		return i
	}
	if i < len(ss) {
		return i
	}
	return len(ss) - 1
}
