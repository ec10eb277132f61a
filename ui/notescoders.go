package ui

import (
	"fmt"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// The notes view's coders: each note names its coder, b shows one coder's
// notes at a time, and the other coders' notes (--compare-notes) can be
// read and jumped to but never changed.

// cycleCoder shows the next coder's notes: every coder's, then each in
// turn.
func (v *notesViewModel) cycleCoder() tea.Cmd {
	labels := make([]string, len(v.coders))
	for i, c := range v.coders {
		labels[i] = notes.CoderLabel(c)
	}
	next := ""
	if len(labels) > 0 {
		i := -1
		for j, l := range labels {
			if l == v.coder {
				i = j
			}
		}
		if v.coder == "" {
			next = labels[0]
		} else if i+1 < len(labels) {
			next = labels[i+1]
		}
	}
	v.coder = next
	v.rebuild()
	if next == "" {
		return say(fmt.Sprintf("notes of every coder (%d)", len(labels)))
	}
	return say("notes of coder " + oneLine(next))
}

// coderSummary is the summary line's word on coders: whose notes are
// shown, when there are several or one is chosen.
func (v *notesViewModel) coderSummary() string {
	key := v.ctx.notes.keys.ByCoder.Help().Key
	switch {
	case v.coder != "":
		return fmt.Sprintf(" · coder %s (%s: next)", ellipsize(oneLine(v.coder), 16), key)
	case len(v.coders) > 1:
		return fmt.Sprintf(" · %d coders (%s: one)", len(v.coders), key)
	}
	return ""
}

// coderDetail is the selected note's coder and, for another coder's
// note, the file it is read from.
func (v *notesViewModel) coderDetail(n notes.Note) string {
	d := " · coder: " + coderLabel(n.Coder)
	if o := v.otherFile(); o != "" {
		d += " (read-only, from " + oneLine(filepath.Base(o)) + ")"
	}
	return d
}

// otherFile is the file of the other coder's note under the cursor, ""
// for one's own.
func (v *notesViewModel) otherFile() string {
	if v.cursor < 0 || v.cursor >= len(v.rows) {
		return ""
	}
	i := v.rows[v.cursor].note - v.own
	if i < 0 {
		return ""
	}
	for _, o := range v.ctx.notes.others {
		if i < len(o.notes) {
			return o.path
		}
		i -= len(o.notes)
	}
	return ""
}

// readOnly says why the note under the cursor cannot be changed: it is
// another coder's, from a file opened with --compare-notes ("" when it is
// one's own).
func (v *notesViewModel) readOnly() string {
	o := v.otherFile()
	if o == "" {
		return ""
	}
	n, _ := v.selected()
	return fmt.Sprintf("read-only: %s's note, from %s (--compare-notes), is never changed here; tag the passage yourself with %s in the read view",
		coderLabel(n.Coder), oneLine(filepath.Base(o)), v.ctx.Keys.Tag.Help().Key)
}
