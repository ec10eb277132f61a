package ui

import "github.com/charmbracelet/bubbles/key"

// NotesKeyMap is the key bindings of tagging, the notes view and the export
// dialog. Help is generated from it.
type NotesKeyMap struct {
	// Read view.
	Memo, Repeat, Undo, Redo, ListTags key.Binding
	// Visual selection: trim a word off either end, or give it back.
	TrimStart, TrimEnd, GrowStart, GrowEnd key.Binding
	// Notes view.
	Jump, Group, Retag, Delete, Codebook key.Binding
	// ByCoder cycles the coder whose notes the notes view shows;
	// Disagree opens the Disagreements view.
	ByCoder, Disagree key.Binding
	// Codebook.
	NewCode, Rename, Merge, DeleteCode, Starter key.Binding
	// Dialogs.
	Newline, Editor, Yes, No, NextField, PrevField key.Binding
}

// DefaultNotesKeyMap returns the tagging and notes keys.
func DefaultNotesKeyMap() *NotesKeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return &NotesKeyMap{
		Memo:     b([]string{"m"}, "m", "memo on tagged passage"),
		Repeat:   b([]string{"."}, ".", "repeat last tag here"),
		Undo:     b([]string{"u"}, "u", "undo"),
		Redo:     b([]string{"ctrl+r"}, "ctrl+r", "redo"),
		ListTags: b([]string{"T"}, "T", "tags on this sentence"),

		TrimStart: b([]string{"("}, "(", "selection: drop 1st word"),
		TrimEnd:   b([]string{")"}, ")", "selection: drop last word"),
		GrowStart: b([]string{"{"}, "{", "1st word back"),
		GrowEnd:   b([]string{"}"}, "}", "last word back"),

		Jump:     b([]string{"enter"}, "enter", "show in read view"),
		Group:    b([]string{"s"}, "s", "group by tag/outlet/article"),
		Retag:    b([]string{"t"}, "t", "add a tag"),
		Delete:   b([]string{"d", "delete"}, "d", "delete passage or tag"),
		Codebook: b([]string{"c"}, "c", "codebook"),
		ByCoder:  b([]string{"b"}, "b", "by coder: cycle all/each coder"),
		Disagree: b([]string{"D"}, "D", "disagreements → consensus"),

		NewCode:    b([]string{"a"}, "a", "add a tag"),
		Rename:     b([]string{"r"}, "r", "rename tag"),
		Merge:      b([]string{"M"}, "M", "merge into…"),
		DeleteCode: b([]string{"d", "delete"}, "d", "delete tag"),
		Starter:    b([]string{"S"}, "S", "add a starter codebook"),

		Newline:   b([]string{"alt+enter", "ctrl+j"}, "alt+enter", "new line"),
		Editor:    b([]string{"ctrl+e"}, "ctrl+e", "open $EDITOR"),
		Yes:       b([]string{"y"}, "y", "yes"),
		No:        b([]string{"n", "esc", "q"}, "n/esc/q", "no"),
		NextField: b([]string{"tab"}, "tab", "next field"),
		PrevField: b([]string{"shift+tab"}, "shift+tab", "previous field"),
	}
}

// everyPageNotesKeys are the notes keys that work on every page (export,
// undo, redo), as a group of the full help.
func everyPageNotesKeys(ctx *Context) []key.Binding {
	nk := ctx.notes.keys
	return []key.Binding{ctx.Keys.Export, nk.Undo, nk.Redo}
}
