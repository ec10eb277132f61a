package ui

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// Tagging from the keyboard: the visual selection of the read view, its
// marks and what t tags. The tagging keys are in readtagkeys.go.

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
	{
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
			} else if mk.onOther(start, end) {
				right = r.ctx.Styles.Muted.Render(markOther)
			}
		}
	}
	return left, right
}

// tagTarget is the passage t tags in the read view: the visual selection,
// else the sentence under the cursor.
func (r *readModel) tagTarget() (notes.Anchor, string, bool) {
	a, start, end, what, ok := r.target()
	if !ok {
		return notes.Anchor{}, "", false
	}
	return notes.NewAnchor(r.ctx.Data.article(a), start, end), what, true
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
