package corpus

import (
	"errors"
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
	if failed, skipped := SplitLoadErrors(c.Errors); FilesIn(failed) != 2 || len(skipped) != 3 {
		t.Errorf("SplitLoadErrors = %d files, %d records; want 2 files (allbad.json, empty.txt), 3 records", FilesIn(failed), len(skipped))
	}
}

// TestNothingReadListsEveryFailureInArgumentOrder checks that the error
// for a load that read nothing names every failing file with its reason,
// in the order of the arguments, not only the first in path order.
func TestNothingReadListsEveryFailureInArgumentOrder(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "zz-missing") // sorts after empty.txt
	_, err := Load(missing, empty)
	var nr *NothingReadError
	if !errors.As(err, &nr) {
		t.Fatalf("error %v (%T), want a *NothingReadError", err, err)
	}
	if len(nr.Errors) != 2 || nr.Errors[0].Path != missing || nr.Errors[1].Path != empty {
		t.Fatalf("errors %+v, want %s then %s", nr.Errors, missing, empty)
	}
	want := "nothing could be read from " + missing + ", " + empty + ":\n  " +
		missing + ": no such file or folder (or a broken symbolic link): check the path\n  " +
		empty + ": the file is empty (or holds only white space): nothing to load"
	if err.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", err, want)
	}

	many := &NothingReadError{Paths: []string{"a", "b", "c", "d"}}
	for i := range 5 {
		many.Errors = append(many.Errors, LoadError{Path: string(rune('a' + i)), Message: "bad"})
	}
	if got, want := many.List(3), "nothing could be read from 4 paths:\n  a: bad\n  b: bad\n  c: bad\n  and 2 more"; got != want {
		t.Errorf("List(3) = %q, want %q", got, want)
	}
	if got := many.List(4); !strings.HasSuffix(got, "  e: bad") {
		t.Errorf("List(4) of 5 should list the fifth rather than say 'and 1 more': %q", got)
	}
}
