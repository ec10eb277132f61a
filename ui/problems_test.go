package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/parallax-reader/parallax/corpus"
)

// TestProblemsTellSkippedRecordsFromFailedFiles checks that a JSON file
// of which one record was skipped is not listed among the files that
// could not be loaded.
func TestProblemsTellSkippedRecordsFromFailedFiles(t *testing.T) {
	c, a := testCorpus()
	c.Errors = []corpus.LoadError{
		{Path: "arts.json", Message: "record 3: not an article object", Skipped: true},
		{Path: "empty.txt", Message: "the file is empty"},
	}
	m := newTestModel(t, c, a, 100, 30)
	m = send(m, keyMsg("5"))
	v := m.View()
	failed, skipped, ok := strings.Cut(v, "Records skipped in files that otherwise loaded (1)")
	if !ok || !strings.Contains(failed, "Files that could not be loaded (1)") || !strings.Contains(failed, "empty.txt: the file is empty") ||
		strings.Contains(failed, "arts.json") || !strings.Contains(skipped, "arts.json: record 3: not an article object") {
		t.Errorf("problems view:\n%s", v)
	}
}

// TestProblemsSayThereIsMore: forty files that failed to load fill more
// than a page at 80x24, and the page ended as if the list did; it now
// says there is more, and how to see it, until the end is on screen.
func TestProblemsSayThereIsMore(t *testing.T) {
	c, a := testCorpus()
	for i := range 40 {
		c.Errors = append(c.Errors, corpus.LoadError{Path: fmt.Sprintf("bad%02d.txt", i), Message: "looks like a binary file"})
	}
	m := newTestModel(t, c, a, 80, 24)
	m = send(m, keyMsg("5"))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "↓ more: ↓/j") {
		t.Errorf("a list longer than the page does not say so:\n%s", v)
	}
	m = send(m, keyMsg("G"))
	if v := ansi.Strip(m.View()); strings.Contains(v, "↓ more") || !strings.Contains(v, "bad39.txt") {
		t.Errorf("at the end of the list:\n%s", v)
	}
}
