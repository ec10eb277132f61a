package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
)

// TestStartErrorListsEveryFailingFile checks that the start-up screen
// names every file that could not be read, in the order of the
// arguments, and counts the rest when they do not fit.
func TestStartErrorListsEveryFailingFile(t *testing.T) {
	l := newLoadingModel(asciiContext(), termenv.Ascii)
	l.SetSize(80, 23)
	l.err = &corpus.NothingReadError{Paths: []string{"nosuch", "dir/empty.txt"}, Errors: []corpus.LoadError{
		{Path: "nosuch", Message: "no such file or folder"},
		{Path: "dir/empty.txt", Message: "the file is empty"},
	}}
	v := ansi.Strip(l.View())
	i, j := strings.Index(v, "- nosuch: no such file or folder"), strings.Index(v, "- dir/empty.txt: the file is empty")
	if i < 0 || j < i || strings.Contains(v, "error(s)") || strings.Contains(v, "more") {
		t.Errorf("start-up error:\n%s", v)
	}

	nr := &corpus.NothingReadError{Paths: []string{"dir"}}
	for k := range 40 {
		nr.Errors = append(nr.Errors, corpus.LoadError{Path: fmt.Sprintf("dir/e%02d.txt", k), Message: "the file is empty"})
	}
	l.err = nr
	v = ansi.Strip(l.View())
	lines := strings.Split(v, "\n")
	if len(lines) != 23 || !strings.Contains(v, "- dir/e00.txt") {
		t.Fatalf("%d lines:\n%s", len(lines), v)
	}
	shown := strings.Count(v, "- dir/e")
	if want := fmt.Sprintf("and %d more", 40-shown); shown < 10 || !strings.Contains(v, want) {
		t.Errorf("%d files shown, want the rest counted as %q:\n%s", shown, want, v)
	}
}
