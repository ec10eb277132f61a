package ui

import (
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// Tagging from the keyboard: the visual selection of the read view, its
// marks, what t tags, the tagging keys and the list of a sentence's tags.
// The dialogs they open are in dialog.go and memo.go.

// selection is the read view's visual selection: from sentence from of
// article to the cursor, less trimStart words at its start and trimEnd
// words at its end while the cursor stays on sentence at (word-level
// trimming; moving the cursor drops it).
type selection struct {
	on                 bool
	article            int
	from               int
	trimStart, trimEnd int
	at                 int
}

// trimmed reports whether the selection of article a is trimmed to words.
func (r readModel) trimmed(a int) bool {
	return r.sel.on && r.sel.article == a && r.sel.at == r.cursor[a] && (r.sel.trimStart > 0 || r.sel.trimEnd > 0)
}

// selRange returns the selected sentences of article a, if any.
func (r readModel) selRange(a int) (lo, hi int, ok bool) {
	if !r.sel.on || r.sel.article != a || a < 0 {
		return 0, 0, false
	}
	lo, hi = r.sel.from, r.cursor[a]
	if lo > hi {
		lo, hi = hi, lo
	}
	// A selection stays within one article of a merged column.
	first, last := r.ctx.Data.memberSentences(a, r.cursor[a])
	return max(lo, first), min(hi, last), true
}

// noteGutter draws the visual selection in the left gutter and a tagged
// sentence's tag colour in the right one (marks.go). It is drawn at View
// time, so the cached layout needs no invalidation when notes change.
func (r readModel) noteGutter(a int, ln rline, focused bool, left, right string) (string, string) {
	s := ln.sent
	if s < 0 {
		return left, right
	}
	if lo, hi, ok := r.selRange(a); ok && focused && s >= lo && s <= hi && s != r.cursor[a] {
		left = r.ctx.Styles.Accent.Render(markSelection)
	}
	if r.ctx.notes != nil {
		// Only the lines the passage is on: a passage trimmed to the
		// last words of a long sentence marks its last line.
		ra, rs := r.ctx.Data.real(a, s)
		_, start, end := r.ctx.Data.realSpan(a, ln.start, ln.end)
		if mk, ok := r.ctx.notes.marks[ra][rs]; ok {
			if n, memo := mk.on(start, end); n > 0 {
				g := markTag
				switch {
				case memo:
					g = markMemo
				case n > 1:
					g = markTags
				}
				right = mk.style.Render(g)
			}
		}
	}
	return left, right
}

// tagTarget is the passage t tags in the read view: the visual selection,
// else the sentence under the cursor.
func (m *Model) tagTarget() (notes.Anchor, string, bool) {
	a, start, end, what, ok := m.read.target()
	if !ok {
		return notes.Anchor{}, "", false
	}
	return notes.NewAnchor(m.ctx.Data.article(a), start, end), what, true
}

// target is what t would tag in the focused column: the article, the byte
// span (the sentence under the cursor, or the selection, trimmed to words)
// and how to call it.
func (r readModel) target() (a, start, end int, what string, ok bool) {
	a = r.focusedArticle()
	if a < 0 {
		return 0, 0, 0, "", false
	}
	art := r.ctx.Data.article(a)
	if len(art.Sentences) == 0 {
		return 0, 0, 0, "", false
	}
	lo, hi, sel := r.selRange(a)
	if !sel {
		lo, hi = r.cursor[a], r.cursor[a]
	}
	what = "this sentence"
	if hi > lo {
		what = fmt.Sprintf("%d sentences", hi-lo+1)
	}
	start, end = art.Sentences[lo].Start, art.Sentences[hi].End
	if sel && r.trimmed(a) {
		start, end = trimWords(art.Text, start, end, r.sel.trimStart, r.sel.trimEnd)
		what = "this passage"
	}
	a, start, end = r.ctx.Data.realSpan(a, start, end) // the article of a merged column
	return a, start, end, what, true
}

// wordSpans returns the words of text[start:end] as byte spans of text:
// runs of non-space characters, except that Chinese and Japanese, written
// without spaces, give a word per character (opening brackets go with the
// character after them, other punctuation with the one before).
func wordSpans(text string, start, end int) [][2]int {
	var out [][2]int
	in := -1          // start of the open word, relative to start
	openOnly := false // the open word is only opening punctuation so far
	for i, r := range text[start:end] {
		n := utf8.RuneLen(r)
		switch {
		case unicode.IsSpace(r):
			if in >= 0 {
				out = append(out, [2]int{start + in, start + i})
				in = -1
			}
		case ideographic(r):
			from := i
			if in >= 0 {
				if openOnly {
					from = in
				} else {
					out = append(out, [2]int{start + in, start + i})
				}
				in = -1
			}
			out = append(out, [2]int{start + from, start + i + n})
		case in < 0 && len(out) > 0 && out[len(out)-1][1] == start+i && unicode.IsPunct(r) && !unicode.In(r, unicode.Ps, unicode.Pi):
			out[len(out)-1][1] = start + i + n // "。" after "说"
		case in < 0:
			in = i
			openOnly = unicode.In(r, unicode.Ps, unicode.Pi)
		default:
			openOnly = openOnly && unicode.In(r, unicode.Ps, unicode.Pi)
		}
	}
	if in >= 0 {
		out = append(out, [2]int{start + in, end})
	}
	return out
}

// ideographic reports whether r is a Chinese character or Japanese kana,
// scripts written without spaces between words.
func ideographic(r rune) bool {
	return r >= 0x2e80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// trimWords narrows text[start:end] by skip words at its start and drop at
// its end, keeping at least one word; trailing punctuation of the last
// word kept stays with it.
func trimWords(text string, start, end, skip, drop int) (int, int) {
	ws := wordSpans(text, start, end)
	if len(ws) == 0 {
		return start, end
	}
	skip = min(max(skip, 0), len(ws)-1)
	drop = min(max(drop, 0), len(ws)-1-skip)
	return ws[skip][0], ws[len(ws)-1-drop][1]
}

// tagAnchor tags a passage with one tag (created when new) in a Cmd.
func (m *Model) tagAnchor(an notes.Anchor, tag string, isNew bool) tea.Cmd {
	quote := ellipsize(oneLine(an.Quote), 40)
	return m.ctx.notes.do(tag, func(s *notes.Store) (string, error) {
		if _, err := s.Tag(an, []string{tag}, ""); err != nil {
			return "", err
		}
		if isNew {
			return fmt.Sprintf("new tag “%s” applied to “%s”", tag, quote), nil
		}
		return fmt.Sprintf("tagged “%s”: “%s”", tag, quote), nil
	})
}

// openTagChooser opens the tag chooser for a passage.
func (m *Model) openTagChooser(an notes.Anchor, what string) tea.Cmd {
	return m.openTagsChooser("Tag "+what, an.Quote, func(m *Model, it chooseItem, isNew bool) tea.Cmd {
		m.read.sel = selection{}
		return m.tagAnchor(an, it.name, isNew)
	})
}

// updateNotesKey handles the tagging keys of the read view and the keys
// every view shares (undo, redo, export). ok is false when the key is not
// one of them.
func (m *Model) updateNotesKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k, nk := m.ctx.Keys, m.ctx.notes.keys
	if m.ctx.notes.store == nil {
		// The keys are disabled without a store (so the help leaves them
		// out), but pressing one still says why nothing happens.
		keys := []key.Binding{k.Export, nk.Undo, nk.Redo} // every view's
		if m.view == viewRead {
			keys = append(keys, k.Tag, k.Visual, nk.Memo)
		}
		for _, b := range keys {
			if slices.Contains(b.Keys(), msg.String()) {
				return m.flash(m.ctx.notes.unavailable()), true
			}
		}
		return nil, false
	}
	switch {
	case key.Matches(msg, nk.Undo) && !m.ctx.notes.snap.canUndo:
		return m.flash("nothing to undo"), true
	case key.Matches(msg, nk.Redo) && !m.ctx.notes.snap.canRedo:
		return m.flash("nothing to redo"), true
	case key.Matches(msg, nk.Undo):
		return m.ctx.notes.do("", func(s *notes.Store) (string, error) {
			d, err := s.Undo()
			return "undone: " + d, err
		}), true
	case key.Matches(msg, nk.Redo):
		return m.ctx.notes.do("", func(s *notes.Store) (string, error) {
			d, err := s.Redo()
			return "redone: " + d, err
		}), true
	case key.Matches(msg, k.Export):
		return m.openExport(), true
	}
	if m.view != viewRead {
		return nil, false
	}
	r := &m.read
	a := r.focusedArticle()
	if r.sel.on && (key.Matches(msg, k.Back) || r.sel.article != a) {
		r.sel = selection{}
		if key.Matches(msg, k.Back) {
			return m.flash("selection cancelled"), true
		}
	}
	if a < 0 {
		return nil, false
	}
	switch {
	case r.sel.on && (key.Matches(msg, nk.TrimStart) || key.Matches(msg, nk.TrimEnd) || key.Matches(msg, nk.GrowStart) || key.Matches(msg, nk.GrowEnd)):
		if r.sel.at != r.cursor[a] {
			// The selection moved since it was last trimmed.
			r.sel.trimStart, r.sel.trimEnd, r.sel.at = 0, 0, r.cursor[a]
		}
		switch {
		case key.Matches(msg, nk.TrimStart):
			r.sel.trimStart++
		case key.Matches(msg, nk.TrimEnd):
			r.sel.trimEnd++
		case key.Matches(msg, nk.GrowStart):
			r.sel.trimStart = max(r.sel.trimStart-1, 0)
		case key.Matches(msg, nk.GrowEnd):
			r.sel.trimEnd = max(r.sel.trimEnd-1, 0)
		}
		// Keep the counts to what the passage has, so giving words back
		// takes effect at once.
		art := m.ctx.Data.article(a)
		lo, hi, _ := r.selRange(a)
		n := len(wordSpans(art.Text, art.Sentences[lo].Start, art.Sentences[hi].End))
		r.sel.trimStart = min(r.sel.trimStart, max(n-1, 0))
		r.sel.trimEnd = min(r.sel.trimEnd, max(n-1-r.sel.trimStart, 0))
		m.msg = "" // the status line shows the trimmed passage
		return nil, true
	case key.Matches(msg, k.Visual):
		if r.sel.on {
			r.sel = selection{}
			return m.flash("selection cancelled"), true
		}
		r.sel = selection{on: true, article: a, from: r.cursor[a]}
		return m.flash(fmt.Sprintf("selecting: %s/%s extend · %s%s trim words · %s tag · esc cancel",
			k.Down.Help().Key, k.Up.Help().Key, nk.TrimStart.Help().Key, nk.TrimEnd.Help().Key, k.Tag.Help().Key)), true
	case key.Matches(msg, k.Tag):
		an, what, ok := m.tagTarget()
		if !ok {
			return nil, true
		}
		return m.openTagChooser(an, what), true
	case key.Matches(msg, nk.Repeat):
		if m.ctx.notes.last == "" {
			return m.flash("no tag to repeat yet: " + k.Tag.Help().Key + " tags a passage, then . repeats that tag"), true
		}
		an, _, ok := m.tagTarget()
		if !ok {
			return nil, true
		}
		r.sel = selection{}
		return m.tagAnchor(an, m.ctx.notes.last, false), true
	case key.Matches(msg, nk.Memo):
		ns := m.ctx.notes.at(a, r.cursor[a])
		if len(ns) == 0 {
			return m.flash("no tagged passage here: " + k.Tag.Help().Key + " tags this sentence first"), true
		}
		return m.openMemo(ns[0]), true
	case key.Matches(msg, nk.ListTags):
		ns := m.ctx.notes.at(a, r.cursor[a])
		if len(ns) == 0 {
			return m.flash("no tags on this sentence"), true
		}
		var items []chooseItem
		for _, n := range ns {
			for _, t := range n.Tags {
				desc := "“" + oneLine(n.Anchor.Quote) + "”"
				if n.Memo != "" {
					desc = "memo: " + oneLine(n.Memo) + " · " + desc
				}
				items = append(items, chooseItem{name: t, desc: desc, colour: codeColour(m.ctx.notes.snap.codes, t), note: n.ID})
			}
		}
		m.openChooser("Tags on this sentence", "d: remove the tag · enter or esc: close", items, false, false,
			func(*Model, chooseItem, bool) tea.Cmd { return nil })
		m.dlg.onDelete = func(m *Model, it chooseItem) tea.Cmd {
			return m.untag(it.note, it.name)
		}
		return nil, true
	}
	return nil, false
}

// untag removes one tag from a note in a Cmd.
func (m *Model) untag(noteID, tag string) tea.Cmd {
	return m.ctx.notes.do("", func(s *notes.Store) (string, error) {
		if err := s.Untag(noteID, tag); err != nil {
			return "", err
		}
		return fmt.Sprintf("removed tag “%s” (u undoes)", tag), nil
	})
}
