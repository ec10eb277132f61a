package ui

import (
	"strings"
	"testing"

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
