package ui

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

var ctrlC = tea.KeyMsg{Type: tea.KeyCtrlC}

// quitWith presses ctrl+c and runs what it returns, tea.Sequence
// included, the way the program does; it reports whether it quit.
func quitWith(t *testing.T, m Model) (Model, bool) {
	t.Helper()
	nm, cmd := m.Update(ctrlC)
	m = *nm.(*Model)
	quit := false
	var run func(cmd tea.Cmd)
	run = func(cmd tea.Cmd) {
		if cmd == nil || quit {
			return
		}
		msg := cmd()
		if _, ok := msg.(tea.QuitMsg); ok {
			quit = true
			return
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice { // tea.Sequence, tea.Batch
			for i := 0; i < v.Len(); i++ {
				c, _ := v.Index(i).Interface().(tea.Cmd)
				run(c)
			}
			return
		}
		nm, next := m.Update(msg)
		m = *nm.(*Model)
		run(next)
	}
	run(cmd)
	return m, quit
}

// memoOpen tags the second sentence and opens its memo editor with text
// typed.
func memoOpen(t *testing.T, text string) (Model, string) {
	t.Helper()
	m, path := newNotesModel(t, 100, 30)
	m = send(m, keys("j t")...)
	m = send(m, typeText("framing")...)
	m = send(m, keyMsg("enter"))
	m = send(m, keys("m")...)
	if memoOf(m) == nil {
		t.Fatal("m did not open the memo editor")
	}
	m = send(m, typeText(text)...)
	return m, path
}

// TestCtrlCSavesTheMemoBeingWritten: ctrl+c in the memo editor quits, and
// the memo typed is saved first and said on standard error, not lost.
func TestCtrlCSavesTheMemoBeingWritten(t *testing.T) {
	m, path := memoOpen(t, "TASS blames the US for the collapse")
	m, quit := quitWith(t, m)
	if !quit {
		t.Fatal("ctrl+c did not quit")
	}
	if ns := storeNotes(t, path); len(ns) != 1 || ns[0].Memo != "TASS blames the US for the collapse" {
		t.Fatalf("the memo typed was not saved: %+v", ns)
	}
	var stderr bytes.Buffer
	m.sayFarewell(&stderr)
	if got := stderr.String(); !strings.Contains(got, "ctrl+c saved the memo you were writing on “") || !strings.Contains(got, path) {
		t.Errorf("standard error after quitting: %q", got)
	}
}

// TestCtrlCLeavesAnUntouchedMemo: with nothing typed, or the memo emptied,
// ctrl+c quits at once and changes nothing (it never deletes a memo).
func TestCtrlCLeavesAnUntouchedMemo(t *testing.T) {
	m, path := memoOpen(t, "first thoughts")
	m = send(m, keyMsg("enter"))
	m = send(m, keys("m")...)
	m, quit := quitWith(t, m)
	if !quit || len(m.farewell) != 0 {
		t.Fatalf("ctrl+c on an untouched memo: quit %v, said %q", quit, m.farewell)
	}
	if ns := storeNotes(t, path); len(ns) != 1 || ns[0].Memo != "first thoughts" {
		t.Fatalf("memo changed: %+v", ns)
	}
}

// TestCtrlCMemoThatCannotBeSaved: when the notes file cannot take the
// memo, standard error carries its text so the user can copy it.
func TestCtrlCMemoThatCannotBeSaved(t *testing.T) {
	m, _ := memoOpen(t, "a line worth keeping")
	m.ctx.notes.store.Close()
	m, quit := quitWith(t, m)
	if !quit {
		t.Fatal("ctrl+c did not quit")
	}
	var stderr bytes.Buffer
	m.sayFarewell(&stderr)
	if got := stderr.String(); !strings.Contains(got, "could not save the memo") || !strings.Contains(got, "a line worth keeping") {
		t.Errorf("standard error after quitting: %q", got)
	}
}
