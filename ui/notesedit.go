package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// The store changes more than one page asks for: tagging a passage,
// removing a tag, saving a memo. Each runs in a Cmd (notesService.do) and
// says what it did in the status line.

// tag tags a passage with one tag (created when new).
func (n *notesService) tag(an notes.Anchor, tag string, isNew bool) tea.Cmd {
	quote := ellipsize(oneLine(an.Quote), 40)
	return n.do(tag, func(s *notes.Store) (string, error) {
		if _, err := s.Tag(an, []string{tag}, ""); err != nil {
			return "", err
		}
		if isNew {
			return fmt.Sprintf("new tag “%s” applied to “%s”", tag, quote), nil
		}
		return fmt.Sprintf("tagged “%s”: “%s”", tag, quote), nil
	})
}

// untag removes one tag from a note.
func (n *notesService) untag(noteID, tag string) tea.Cmd {
	undo := n.keys.Undo.Help().Key
	return n.do("", func(s *notes.Store) (string, error) {
		if err := s.Untag(noteID, tag); err != nil {
			return "", err
		}
		return fmt.Sprintf("removed tag “%s” (%s undoes)", tag, undo), nil
	})
}

// setMemo saves the memo of a note ("" removes it).
func (n *notesService) setMemo(noteID, text string) tea.Cmd {
	text = strings.TrimSpace(text)
	return n.do("", func(s *notes.Store) (string, error) {
		if err := s.SetMemo(noteID, text); err != nil {
			return "", err
		}
		if text == "" {
			return "memo removed", nil
		}
		return "memo saved", nil
	})
}

// key handles the notes keys every page shares: undo, redo and export;
// ok is false for any other key. w×h is the area the export dialog opens
// in.
func (n *notesService) key(msg tea.KeyMsg, w, h int) (tea.Cmd, bool) {
	k, nk := n.ctx.Keys, n.keys
	if n.store == nil {
		// The keys are disabled without a store (so the help leaves them
		// out), but pressing one still says why nothing happens.
		for _, b := range everyPageNotesKeys(n.ctx) {
			for _, s := range b.Keys() {
				if s == msg.String() {
					return say(n.unavailable()), true
				}
			}
		}
		return nil, false
	}
	switch {
	case key.Matches(msg, nk.Undo) && !n.snap.canUndo:
		return say("nothing to undo"), true
	case key.Matches(msg, nk.Redo) && !n.snap.canRedo:
		return say("nothing to redo"), true
	case key.Matches(msg, nk.Undo):
		return n.do("", func(s *notes.Store) (string, error) {
			// "undone: untagged …" when the tag is back: the message names
			// the change taken back, not what taking it back did.
			d, err := s.UndoStep()
			return "undone: " + d, err
		}), true
	case key.Matches(msg, nk.Redo):
		return n.do("", func(s *notes.Store) (string, error) {
			d, err := s.Redo()
			return "redone: " + d, err
		}), true
	case key.Matches(msg, k.Export):
		return openExport(n.ctx, w, h), true
	}
	return nil, false
}
