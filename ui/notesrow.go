package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// noteLine is one passage of the notes list in the group of tag group (""
// when the group is not a tag's): the tags its heading does not name, its
// outlet, quote and memo; a note made on an earlier version of its
// article says which (madeon.go).
func (v *notesViewModel) noteLine(n notes.Note, group string, w int) string {
	st := v.ctx.Styles
	var b strings.Builder
	b.WriteString("  ")
	for _, t := range n.Tags {
		b.WriteString(tagStyle(st, codeColour(v.ctx.notes.snap.codes, t)).Render("▐"))
	}
	b.WriteString(" ")
	_, here := v.ctx.Data.artIndex[n.Anchor.Article]
	if n.Orphaned && here {
		b.WriteString(st.Warn.Render("ORPHANED "))
	}
	if m := v.ctx.notes.madeOnShort(n); m != "" {
		b.WriteString(st.Warn.Render(m + " "))
	}
	// The outlet is cut short in a narrow window only: the quote needs
	// the room there. A note of an article not loaded names the outlet
	// stored with it.
	ow := 14
	if w >= 120 {
		ow = 30
	}
	b.WriteString(st.Muted.Render(ellipsize(oneLine(notes.OutletOf(v.ctx.Data.Corpus, n)), ow) + " "))
	if n.Coder != "" {
		b.WriteString(st.Accent.Render(ellipsize(coderLabel(n.Coder), 10)) + " ")
	}
	b.WriteString("“" + oneLine(n.Anchor.Quote) + "”")
	// The tags the group heading does not say, with or without a memo.
	var others []string
	for _, t := range n.Tags {
		if t != group {
			others = append(others, t)
		}
	}
	switch {
	case len(others) == 0:
	case group != "":
		b.WriteString(st.Muted.Render(" [also " + strings.Join(others, ", ") + "]"))
	default:
		b.WriteString(st.Muted.Render(" [" + strings.Join(others, ", ") + "]"))
	}
	if n.Memo != "" {
		b.WriteString(st.Muted.Render(" memo: " + oneLine(n.Memo)))
	}
	return fit(ellipsize(b.String(), w), w)
}

// notesVersionsKey is V as the notes view offers it (on a library only).
func notesVersionsKey(k *KeyMap) key.Binding {
	return helpAs(k.Versions, "diff from the version a note was made on")
}
