package ui

import (
	"os"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/editor"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// The memo editor: a text area, or $EDITOR through tea.ExecProcess.

// editorDoneMsg carries a memo back from $EDITOR.
type editorDoneMsg struct {
	text string
	err  error
}

// editorReadyMsg carries the temp file $EDITOR is to open.
type editorReadyMsg struct {
	path string
	err  error
}

// openMemo edits the memo of note n.
func (m *Model) openMemo(n notes.Note) tea.Cmd {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "│ "
	ta.KeyMap.InsertNewline = key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"))
	ta.Cursor.SetMode(cursor.CursorStatic)
	ta.SetWidth(m.memoWidth())
	ta.SetHeight(m.memoHeight())
	ta.CharLimit = 0
	ta.SetValue(n.Memo)
	id := n.ID
	m.dlg = dialog{kind: dlgMemo, title: "Memo on “" + ellipsize(oneLine(n.Anchor.Quote), max(m.width-20, 10)) + "”",
		hint: "enter: save · alt+enter: new line · ctrl+e: $EDITOR · esc: cancel", area: ta,
		onText: func(m *Model, text string) tea.Cmd {
			text = strings.TrimSpace(text)
			return m.ctx.notes.do("", func(s *notes.Store) (string, error) {
				if err := s.SetMemo(id, text); err != nil {
					return "", err
				}
				if text == "" {
					return "memo removed", nil
				}
				return "memo saved", nil
			})
		}}
	return m.dlg.area.Focus()
}

// editorReady starts $EDITOR on the memo's temp file.
func (m *Model) editorReady(msg editorReadyMsg) tea.Cmd {
	if msg.err != nil {
		return m.flash("cannot start the editor: " + msg.err.Error())
	}
	c, err := editor.Cmd("parallax", msg.path)
	if err != nil {
		return m.flash("cannot start the editor: " + err.Error())
	}
	m.dlg.editTmp = msg.path
	path := msg.path
	return tea.ExecProcess(c, func(err error) tea.Msg {
		defer os.Remove(path)
		if err != nil {
			return editorDoneMsg{err: err}
		}
		b, err := os.ReadFile(path)
		return editorDoneMsg{text: string(b), err: err}
	})
}

// editorDone puts the edited memo back in the memo editor.
func (m *Model) editorDone(msg editorDoneMsg) tea.Cmd {
	if msg.err != nil {
		return m.flash(editorError(msg.err, m.ctx.env("EDITOR")))
	}
	if m.dlg.kind != dlgMemo {
		return nil
	}
	m.dlg.area.SetValue(strings.TrimRight(msg.text, "\n"))
	m.dlg.hint = "edited in $EDITOR · enter: save · esc: cancel"
	return nil
}
