package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/editor"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// The memo editor: a text area, or $EDITOR through tea.ExecProcess. It
// answers textMsg with the memo (req memoReq) to the page that opened it.

// memoReq is what the memo editor edits: the memo of a note.
type memoReq struct{ note string }

// memoEditor edits the memo of a note.
type memoEditor struct {
	ctx           *Context
	width, height int
	to            viewID
	note          string
	title         string
	edited        bool // the memo came back from $EDITOR
	area          textarea.Model
	// draft keeps the text when esc cancels; its orig is the memo when
	// the editor opened.
	draft draft
}

// editorReadyMsg carries the temp file $EDITOR is to open.
type editorReadyMsg struct {
	from *memoEditor
	path string
	err  error
}

// editorDoneMsg carries a memo back from $EDITOR.
type editorDoneMsg struct {
	from *memoEditor
	text string
	err  error
}

func (m editorReadyMsg) asker() layer { return m.from }
func (m editorDoneMsg) asker() layer  { return m.from }

// unclaimed: the memo editor closed before $EDITOR could start: its temp
// file goes.
func (m editorReadyMsg) unclaimed() tea.Cmd {
	if m.err == nil {
		os.Remove(m.path)
	}
	return nil
}

// unclaimed: the memo editor closed while $EDITOR ran: only a failure is
// worth saying.
func (m editorDoneMsg) unclaimed() tea.Cmd {
	if m.err != nil {
		return say(editorError(m.err, m.from.ctx.env("EDITOR"), m.from.ctx.Keys.Confirm))
	}
	return nil
}

// openMemo opens the memo editor on note n for page to.
func openMemo(ctx *Context, to viewID, n notes.Note, w, h int) tea.Cmd {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "│ "
	ta.KeyMap.InsertNewline = ctx.notes.keys.Newline
	ta.Cursor.SetMode(cursor.CursorStatic)
	ta.CharLimit = 0
	d, text := openDraft(ctx, memoReq{n.ID}, n.Memo, "the memo")
	ta.SetValue(text)
	e := &memoEditor{ctx: ctx, to: to, note: n.ID, area: ta, draft: d,
		title: "Memo on “" + ellipsize(oneLine(n.Anchor.Quote), max(w-20, 10)) + "”"}
	e.SetSize(w, h)
	return openDialog(ctx, w, h, e, e.area.Focus())
}

// SetSize sets the editor's area: the text area grows with the window.
func (e *memoEditor) SetSize(w, h int) {
	e.width, e.height = w, h
	e.area.SetWidth(max(w-4, 10))
	e.area.SetHeight(max(min(8, h-9), 2))
}

func (e *memoEditor) typing() bool { return true }

// Update edits the memo: enter answers with it, ctrl+e hands it to
// $EDITOR, esc cancels and keeps the text typed as a draft.
func (e *memoEditor) Update(msg tea.Msg) (layer, tea.Cmd) {
	k, nk := e.ctx.Keys, e.ctx.notes.keys
	switch msg := msg.(type) {
	case editorReadyMsg:
		return e, e.startEditor(msg)
	case editorDoneMsg:
		if msg.err != nil {
			return e, say(editorError(msg.err, e.ctx.env("EDITOR"), e.ctx.Keys.Confirm))
		}
		e.area.SetValue(strings.TrimRight(msg.text, "\n"))
		e.edited = true
		return e, nil
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Back):
			e.draft.keep(e.area.Value())
			return nil, nil
		case key.Matches(msg, k.Confirm):
			e.draft.drop()
			return nil, answer(textMsg{to: e.to, req: memoReq{e.note}, text: e.area.Value()})
		case key.Matches(msg, nk.Editor):
			text := e.area.Value()
			return e, func() tea.Msg {
				f, err := os.CreateTemp("", "parallax-memo-*.md")
				if err != nil {
					return editorReadyMsg{from: e, err: err}
				}
				_, err = f.WriteString(text)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
				return editorReadyMsg{from: e, path: f.Name(), err: err}
			}
		}
	}
	var cmd tea.Cmd
	e.area, cmd = e.area.Update(msg)
	return e, cmd
}

// startEditor starts $EDITOR on the memo's temp file.
func (e *memoEditor) startEditor(msg editorReadyMsg) tea.Cmd {
	if msg.err != nil {
		return say("cannot start the editor: " + msg.err.Error())
	}
	c, err := editor.Cmd("parallax", msg.path)
	if err != nil {
		os.Remove(msg.path)
		return say("cannot start the editor: " + err.Error())
	}
	path := msg.path
	return tea.ExecProcess(c, func(err error) tea.Msg {
		defer os.Remove(path)
		if err != nil {
			return editorDoneMsg{from: e, err: err}
		}
		b, err := os.ReadFile(path)
		return editorDoneMsg{from: e, text: string(b), err: err}
	})
}

// quitSavedMsg says what a dialog saved as the program quit (ctrl+c), for
// standard error once the screen is gone.
type quitSavedMsg struct{ say string }

// saveOnQuit saves the memo being written when ctrl+c quits: nothing the
// user wrote is lost. A memo left as it was, or emptied, is not touched
// (ctrl+c never deletes a memo). When the save fails, the text goes to
// standard error, so the user can still copy it.
func (e *memoEditor) saveOnQuit() tea.Cmd {
	if !e.draft.changed(e.area.Value()) {
		return nil
	}
	text := strings.TrimSpace(e.area.Value())
	s, note, on := e.ctx.notes.store, e.note, strings.TrimPrefix(e.title, "Memo ")
	return func() tea.Msg {
		err := errors.New("the notes file is not open")
		if s != nil {
			err = s.SetMemo(note, text)
		}
		if err != nil {
			return quitSavedMsg{say: fmt.Sprintf("ctrl+c could not save the memo you were writing %s: %v\nits text:\n%s", on, err, text)}
		}
		return quitSavedMsg{say: fmt.Sprintf("ctrl+c saved the memo you were writing %s in %s", on, s.Path())}
	}
}

// hint is the line under the title.
func (e *memoEditor) hint() string {
	k, nk := e.ctx.Keys, e.ctx.notes.keys
	text := e.area.Value()
	if e.edited {
		return "edited in $EDITOR · " + keyHints(e.draft.keys(text, helpAs(k.Confirm, "save"), helpAs(k.Back, "cancel"))...)
	}
	return keyHints(e.draft.keys(text, helpAs(k.Confirm, "save"), nk.Newline, nk.Editor, helpAs(k.Back, "cancel"))...)
}

// View draws the title, the hint and the text area.
func (e *memoEditor) View() string {
	lines := dialogHead(e.ctx.Styles, e.title, "", e.hint(), e.width, false, 0)
	lines = append(lines, strings.Split(e.area.View(), "\n")...)
	return fitBlock(strings.Join(lines, "\n"), e.width, e.height)
}

// ShortHelp is the editor's keys.
func (e *memoEditor) ShortHelp() []key.Binding {
	k, nk := e.ctx.Keys, e.ctx.notes.keys
	return e.draft.keys(e.area.Value(), k.Confirm, nk.Editor, k.Back)
}

// FullHelp is the editor's keys.
func (e *memoEditor) FullHelp() [][]key.Binding {
	k, nk := e.ctx.Keys, e.ctx.notes.keys
	return [][]key.Binding{e.draft.keys(e.area.Value(), k.Confirm, nk.Newline, nk.Editor, k.Back)}
}
