package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/editor"
)

// TestMemoEditorMissingSaysSetEditor: ctrl+e in the memo dialog with no
// editor to run says to set $EDITOR, and that enter saves the memo typed
// in the dialog (its keys: enter saves, alt+enter is a new line), instead
// of exec's "executable file not found in $PATH".
func TestMemoEditorMissingSaysSetEditor(t *testing.T) {
	m, _ := newNotesModel(t, 80, 24)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	m = send(m, keys("m")...)
	if e := memoOf(m); e == nil || !strings.Contains(e.hint(), "enter: save") {
		t.Fatalf("memo dialog: %T, view:\n%s", m.ctx.dialog, m.View())
	}
	// The editor's answer goes to the memo editor that asked for it.
	editorDone := func(err error) {
		m = send(m, editorDoneMsg{from: memoOf(m), err: err})
	}
	falseBin, lookErr := exec.LookPath("false")
	// The editor's command as the memo dialog builds it, run where no
	// editor is on the PATH.
	run := func(env string) error {
		t.Setenv("EDITOR", env)
		t.Setenv("PATH", t.TempDir())
		c, err := editor.Cmd("parallax", filepath.Join(t.TempDir(), "memo.md"))
		if err != nil {
			t.Fatal(err)
		}
		return c.Run()
	}
	for _, tc := range []struct {
		editor     string
		want, deny []string
	}{
		{"", []string{"no editor found: set $EDITOR (for example EDITOR=vim)", "enter saves the memo typed here"}, []string{"nano", "$PATH"}},
		{"  ", []string{"no editor found: set $EDITOR"}, nil},
		{"parallax-no-such-editor --wait", []string{`editor “parallax-no-such-editor” (from $EDITOR) not found: set $EDITOR to an installed editor`, "enter saves"}, []string{"$PATH"}},
		{"/nowhere/parallax-editor", []string{`editor “/nowhere/parallax-editor” (from $EDITOR) not found`}, nil},
	} {
		editorDone(run(tc.editor))
		for _, w := range tc.want {
			if !strings.Contains(m.msg, w) {
				t.Errorf("EDITOR=%q: message %q lacks %q", tc.editor, m.msg, w)
			}
		}
		for _, d := range tc.deny {
			if strings.Contains(m.msg, d) {
				t.Errorf("EDITOR=%q: message %q says %q", tc.editor, m.msg, d)
			}
		}
		if memoOf(m) == nil {
			t.Fatalf("EDITOR=%q: the memo dialog closed", tc.editor)
		}
	}
	// The memo's file gone after the editor ran is not a missing editor.
	t.Setenv("EDITOR", "vim")
	editorDone(func() error { _, err := os.ReadFile(filepath.Join(t.TempDir(), "gone.md")); return err }())
	if !strings.HasPrefix(m.msg, "editor: open ") {
		t.Errorf("the memo file gone: %q", m.msg)
	}
	// An editor that ran and failed says so as before.
	if lookErr == nil {
		editorDone(run(falseBin))
		if !strings.HasPrefix(m.msg, "editor: exit status 1") {
			t.Errorf("an editor that failed: %q", m.msg)
		}
	}
}
