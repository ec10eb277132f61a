package ui

import (
	"fmt"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// The read view's tagging keys: v selects, ( ) { } trim the selection to
// words, t tags (the tag chooser), . tags again with the last tag, m edits
// the memo, T lists the sentence's tags; and what the dialogs they open
// answer.

// tagReq is the tag chooser's question: tag this passage.
type tagReq struct{ anchor notes.Anchor }

// sentenceTagsReq is the list of a sentence's tags (T), whose tags d
// removes.
type sentenceTagsReq struct{}

// updateTagKey handles a tagging key; ok is false for any other key.
func (r *readModel) updateTagKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k, nk := r.ctx.Keys, r.ctx.notes.keys
	if r.ctx.notes.store == nil {
		// The keys are disabled without a store (so the help leaves them
		// out), but pressing one still says why nothing happens.
		for _, b := range []key.Binding{k.Tag, k.Visual, nk.Memo} {
			if slices.Contains(b.Keys(), msg.String()) {
				return say(r.ctx.notes.unavailable()), true
			}
		}
		return nil, false
	}
	a := r.focusedArticle()
	if a < 0 {
		return nil, false
	}
	switch {
	case r.sel.on && (key.Matches(msg, nk.TrimStart) || key.Matches(msg, nk.TrimEnd) || key.Matches(msg, nk.GrowStart) || key.Matches(msg, nk.GrowEnd)):
		r.trim(a, msg)
		return nil, true
	case key.Matches(msg, k.Visual):
		if r.sel.on {
			r.sel = selection{}
			return say("selection cancelled"), true
		}
		r.sel = selection{on: true, article: a, from: r.cursor[a]}
		return say(fmt.Sprintf("selecting: %s/%s extend · %s%s trim words · %s tag · %s cancel",
			k.Down.Help().Key, k.Up.Help().Key, nk.TrimStart.Help().Key, nk.TrimEnd.Help().Key, k.Tag.Help().Key, k.Back.Help().Key)), true
	case key.Matches(msg, k.Tag):
		an, what, ok := r.tagTarget()
		if !ok {
			return nil, true
		}
		c, cmd := newTagChooser(r.ctx, viewRead, tagReq{an}, "Tag "+what, an.Quote)
		return openDialog(r.ctx, r.width, r.height, c, cmd), true
	case key.Matches(msg, nk.Repeat):
		last := r.ctx.notes.last
		if last == "" {
			return say("no tag to repeat yet: " + k.Tag.Help().Key + " tags a passage, then " + nk.Repeat.Help().Key + " repeats that tag"), true
		}
		an, _, ok := r.tagTarget()
		if !ok {
			return nil, true
		}
		r.sel = selection{}
		return r.ctx.notes.tag(an, last, false), true
	case key.Matches(msg, nk.Memo):
		ns := r.ctx.notes.at(a, r.cursor[a])
		if len(ns) == 0 {
			return say("no tagged passage here: " + k.Tag.Help().Key + " tags this sentence first"), true
		}
		return openMemo(r.ctx, viewRead, ns[0], r.width, r.height), true
	case key.Matches(msg, nk.ListTags):
		return r.listTags(a), true
	}
	return nil, false
}

// trim takes a word off either end of the selection, or gives one back.
func (r *readModel) trim(a int, msg tea.KeyMsg) {
	nk := r.ctx.notes.keys
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
	art := r.ctx.Data.article(a)
	lo, hi, _ := r.selRange(a)
	n := len(wordSpans(art.Text, art.Sentences[lo].Start, art.Sentences[hi].End))
	r.sel.trimStart = min(r.sel.trimStart, max(n-1, 0))
	r.sel.trimEnd = min(r.sel.trimEnd, max(n-1-r.sel.trimStart, 0))
}

// listTags opens the list of the tags on the sentence under the cursor.
func (r *readModel) listTags(a int) tea.Cmd {
	k, nk := r.ctx.Keys, r.ctx.notes.keys
	ns := r.ctx.notes.at(a, r.cursor[a])
	if len(ns) == 0 {
		return say("no tags on this sentence")
	}
	var items []chooseItem
	for _, n := range ns {
		for _, t := range n.Tags {
			desc := "“" + oneLine(n.Anchor.Quote) + "”"
			if n.Memo != "" {
				desc = "memo: " + oneLine(n.Memo) + " · " + desc
			}
			items = append(items, chooseItem{name: t, desc: desc, colour: codeColour(r.ctx.notes.snap.codes, t), note: n.ID})
		}
	}
	c, cmd := newChooser(r.ctx, viewRead, sentenceTagsReq{}, "Tags on this sentence", items, false, false)
	c.removable = true
	c.hint = []key.Binding{helpAs(nk.Delete, "remove the tag"), helpAs(k.Confirm, "close"), helpAs(k.Back, "close")}
	return openDialog(r.ctx, r.width, r.height, c, cmd)
}

// answered takes a dialog's answer to the read view: the tag chosen for
// the passage, a tag to remove from it, the memo edited.
func (r *readModel) answered(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case chosenMsg:
		if req, ok := msg.req.(tagReq); ok {
			r.sel = selection{}
			return r.ctx.notes.tag(req.anchor, msg.item.name, msg.isNew)
		}
	case removeChosenMsg:
		return r.ctx.notes.untag(msg.item.note, msg.item.name)
	case textMsg:
		if req, ok := msg.req.(memoReq); ok {
			return r.ctx.notes.setMemo(req.note, msg.text)
		}
	}
	return nil
}

// back cancels the visual selection.
func (r *readModel) back() (tea.Cmd, bool) {
	if !r.sel.on {
		return nil, false
	}
	r.sel = selection{}
	return say("selection cancelled"), true
}

// dropStaleSelection ends a selection whose column lost the focus.
func (r *readModel) dropStaleSelection() {
	if r.sel.on && r.sel.article != r.focusedArticle() {
		r.sel = selection{}
	}
}

// tagKeys puts the tagging keys into the read view's footer help, after
// its first key (disabled ones are not shown).
func (r readModel) tagKeys(own []key.Binding) []key.Binding {
	if len(own) == 0 {
		return own
	}
	k, nk := r.ctx.Keys, r.ctx.notes.keys
	keys := []key.Binding{own[0], k.Tag}
	// m is offered where it works: on a tagged sentence.
	if a := r.focusedArticle(); a >= 0 {
		if ra, rs := r.ctx.Data.real(a, r.cursor[a]); r.ctx.notes.marks[ra][rs].spans != nil {
			keys = append(keys, nk.Memo)
		}
	}
	return append(keys, own[1:]...)
}

// tagHelp is the read view's tagging keys, for the full help.
func (r readModel) tagHelp() []key.Binding {
	k, nk := r.ctx.Keys, r.ctx.notes.keys
	// t and v are in the read view's own groups already.
	return []key.Binding{nk.TrimStart, nk.TrimEnd, nk.GrowStart, nk.GrowEnd, nk.Memo, nk.Repeat, nk.ListTags, nk.Undo, nk.Redo, k.Export}
}
