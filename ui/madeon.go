package ui

import (
	"fmt"
	"sort"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// Which version of its article a note was made on (docs/library.md, "Notes
// and versions"). A note records the hash of the text it was made on
// (notes.Anchor.MadeOn), which re-anchoring never changes; when that is
// not the text it is placed on now, the article changed under it. On a
// library the reader maps the hash to a stored version, in a tea.Cmd,
// comparing it with the hashes of every version's text as the reader loads
// it (Library.TextHashes), and the notes view and the Why? panel say
// "made on version 1 of 3"; V opens the diff from that version to the
// latest.

// madeOnKey is a note's article and the hash of the text it was made on.
type madeOnKey struct{ article, hash string }

// madeOnVersion is the version of its article a text hash names: n of
// of, fetched then; n is 0 when none of the library's versions has that
// text, and of is 0 when the library could not be read for it.
type madeOnVersion struct {
	n, of   int
	fetched time.Time
}

// madeOnMsg carries versions found in the background.
type madeOnMsg struct{ found map[madeOnKey]madeOnVersion }

// madeEarlier reports whether a note was made on another text of its
// article than the one it is placed on now (re-anchored since); false
// when the text it was made on is unknown (notes made before schema 6).
func madeEarlier(n notes.Note) bool {
	return n.Anchor.MadeOn != "" && n.Anchor.MadeOn != n.Anchor.Hash
}

// resolveMadeOn returns the Cmd that finds the versions the notes made on
// an earlier text were made on, for those not asked about yet; nil without
// a library or with nothing to find.
func (n *notesService) resolveMadeOn() tea.Cmd {
	if n.ctx.lib == nil {
		return nil
	}
	if n.madeOnAsked == nil {
		n.madeOnAsked = map[madeOnKey]bool{}
	}
	byArticle := map[string][]madeOnKey{}
	for _, note := range append(n.otherNotes(), n.snap.all...) { // other coders' too (--compare-notes)
		k := madeOnKey{note.Anchor.Article, note.Anchor.MadeOn}
		if !madeEarlier(note) || n.madeOnAsked[k] {
			continue
		}
		n.madeOnAsked[k] = true
		byArticle[k.article] = append(byArticle[k.article], k)
	}
	if len(byArticle) == 0 {
		return nil
	}
	ids := make([]string, 0, len(byArticle))
	for id := range byArticle {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	src, bg := n.ctx.lib.src, n.bg
	return func() tea.Msg {
		found := map[madeOnKey]madeOnVersion{}
		for _, id := range ids {
			for _, k := range byArticle[id] {
				found[k] = madeOnVersion{}
			}
			vs, err := src.Versions(bg, id)
			if err != nil {
				continue // not the library's, or unreadable: said as unknown
			}
			hs, err := src.TextHashes(bg, id)
			if err != nil || len(hs) != len(vs) {
				continue
			}
			for _, k := range byArticle[id] {
				v := madeOnVersion{of: len(vs)}
				for i, h := range hs {
					if h == k.hash {
						v.n, v.fetched = vs[i].N, vs[i].Fetched
					}
				}
				found[k] = v
			}
		}
		return madeOnMsg{found: found}
	}
}

// setMadeOn keeps versions found.
func (n *notesService) setMadeOn(msg madeOnMsg) {
	if n.madeOn == nil {
		n.madeOn = map[madeOnKey]madeOnVersion{}
	}
	for k, v := range msg.found {
		n.madeOn[k] = v
	}
}

// madeOnOf returns the version a note made on an earlier text was made
// on, and whether the library was asked and answered.
func (n *notesService) madeOnOf(note notes.Note) (madeOnVersion, bool) {
	v, ok := n.madeOn[madeOnKey{note.Anchor.Article, note.Anchor.MadeOn}]
	return v, ok && v.of > 0
}

// madeOnShort is the notes list's mark of a note made on an earlier text:
// "made on v1/3", "made earlier"; "" for a note made on the text shown.
func (n *notesService) madeOnShort(note notes.Note) string {
	if !madeEarlier(note) {
		return ""
	}
	if v, ok := n.madeOnOf(note); ok && v.n > 0 {
		return fmt.Sprintf("made on v%d/%d", v.n, v.of)
	}
	return "made earlier"
}

// madeOnLong says which text a note made on an earlier one was made on,
// and whether V shows what changed; "" for a note made on the text shown.
func (n *notesService) madeOnLong(note notes.Note) string {
	if !madeEarlier(note) {
		return ""
	}
	v, ok := n.madeOnOf(note)
	switch {
	case ok && v.n > 0:
		return fmt.Sprintf("made on version %d of %d, fetched %s UTC; the article changed since (%s: what changed)",
			v.n, v.of, v.fetched.UTC().Format("2006-01-02 15:04"), n.ctx.Keys.Versions.Help().Key)
	case ok:
		return fmt.Sprintf("made on a text of the article that none of the library's %s holds; the article changed since", plural(v.of, "version"))
	}
	k := madeOnKey{note.Anchor.Article, note.Anchor.MadeOn}
	if _, done := n.madeOn[k]; n.ctx.lib != nil && n.madeOnAsked[k] && !done {
		return "made on an earlier version of the article (finding which…)"
	}
	return "made on an earlier text of the article; it changed since"
}

// openMadeOn opens the diff from the version a note was made on to the
// latest (V on a note), or, for a note made on the text shown, the
// article's version history.
func (n *notesService) openMadeOn(note notes.Note) tea.Cmd {
	if n.ctx.lib == nil {
		return say("these articles are not a library's: versions are kept for the articles of 'parallax add' and 'parallax update'")
	}
	a := note.Anchor
	msg := openVersionsMsg{article: a.Article, outlet: notes.OutletOf(n.ctx.Data.Corpus, note), title: notes.TitleOf(n.ctx.Data.Corpus, note)}
	if madeEarlier(note) {
		v, ok := n.madeOnOf(note)
		if !ok || v.n == 0 {
			return say(n.madeOnLong(note))
		}
		msg.diffFrom = v.n
		msg.note = &note
	}
	return func() tea.Msg { return msg }
}

// madeEarlierNote returns the first of the Why? panel's notes made on an
// earlier version of the article.
func (p panelModel) madeEarlierNote() (notes.Note, bool) {
	for _, n := range p.notes {
		if madeEarlier(n) {
			return n, true
		}
	}
	return notes.Note{}, false
}

// versionsKey is V as the Why? panel of a sentence offers it, on a
// library: the diff from the version a note on the sentence was made on,
// else the article's versions.
func (p panelModel) versionsKey() (key.Binding, bool) {
	k := p.ctx.Keys
	if p.req.article < 0 || !k.Versions.Enabled() {
		return key.Binding{}, false
	}
	if _, ok := p.madeEarlierNote(); ok {
		return helpAs(k.Versions, "diff from the note's version"), true
	}
	return k.Versions, true
}

// openVersions opens the diff from the version a note on the sentence
// was made on, or else the history of the sentence's article.
func (p panelModel) openVersions() tea.Cmd {
	if n, ok := p.madeEarlierNote(); ok {
		return p.ctx.notes.openMadeOn(n)
	}
	d := p.ctx.Data
	a, _ := d.real(p.req.article, p.req.sentence)
	art := d.article(a)
	return func() tea.Msg { return openVersionsMsg{article: art.ID, outlet: art.DisplayOutlet(), title: art.Title} }
}
