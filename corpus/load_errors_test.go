package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadRecordsAreSkippedNotFailedFiles checks that a bad record of a
// JSON or JSON Lines file whose other records load is told apart from a
// file that could not be loaded, and that a JSON Lines error names the
// file's line and column.
func TestBadRecordsAreSkippedNotFailedFiles(t *testing.T) {
	hermetic(t)
	dir := t.TempDir()
	for name, body := range map[string]string{
		"arts.json": `[{"id": "a1", "text": "One. Text."}, {"id": "a2", "text": "Two. Text."}, {"id": 3, "text": "Three. Text."}]`,
		// Line 2 is bad at its second character, line 4 after two
		// spaces of indent; line 3 is blank.
		"c.jsonl":     "{\"id\":\"c1\",\"text\":\"Fine. Text.\"}\n{x: 1}\n\n  {\"id\": y}\n",
		"allbad.json": `[{"id": 1, "text": "x"}, {"title": "no text"}]`,
		"empty.txt":   "",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 3 {
		t.Fatalf("%d articles, want 3 (a1, a2, c1)", len(c.Articles))
	}
	type want struct {
		skipped bool
		msg     string
	}
	got := map[string][]LoadError{}
	for _, e := range c.Errors {
		got[filepath.Base(e.Path)] = append(got[filepath.Base(e.Path)], e)
	}
	for file, ws := range map[string][]want{
		"arts.json":   {{true, `record 3: not an article object: field "id" is a number`}},
		"c.jsonl":     {{true, "line 2: not an article object: not valid JSON at column 2: invalid character 'x'"}, {true, "line 4: not an article object: not valid JSON at column 10: invalid character 'y'"}},
		"allbad.json": {{false, "record 1: "}, {false, "record 2: "}},
		"empty.txt":   {{false, "empty"}},
	} {
		es := got[file]
		if len(es) != len(ws) {
			t.Errorf("%s: errors %+v, want %d", file, es, len(ws))
			continue
		}
		for i, w := range ws {
			if es[i].Skipped != w.skipped || !strings.Contains(es[i].Message, w.msg) {
				t.Errorf("%s: error %+v, want skipped %v and %q", file, es[i], w.skipped, w.msg)
			}
		}
	}
	if files, records := CountLoadErrors(c.Errors); files != 2 || records != 3 {
		t.Errorf("CountLoadErrors = %d files, %d records; want 2 files (allbad.json, empty.txt), 3 records", files, records)
	}
}
