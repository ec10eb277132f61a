package ui

import tea "github.com/charmbracelet/bubbletea"

// Messages for the status line. A page, a dialog or the notes service
// never writes the root's status line: it returns say(text), and the root
// shows the text for a few seconds (flash).

// statusMsg asks the root to show a message in the status line.
type statusMsg string

// say returns a Cmd that shows s in the status line.
func say(s string) tea.Cmd {
	return func() tea.Msg { return statusMsg(s) }
}

// clearMsg clears the transient status message it was issued for.
type clearMsg struct{ id int }
