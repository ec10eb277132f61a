package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	// The config and data dirs a test sets with t.Setenv reach the command
	// the way a user's do; nothing else of the environment does.
	return runCLIEnv(t, map[string]string{
		"PARALLAX_CONFIG_DIR": os.Getenv("PARALLAX_CONFIG_DIR"),
		"PARALLAX_DATA_DIR":   os.Getenv("PARALLAX_DATA_DIR"),
	}, args...)
}

// runCLIEnv runs parallax with env as its whole environment.
func runCLIEnv(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(&Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }}, args)
	return out.String(), errb.String(), code
}

func TestListEmbeddedShowsFiveOutlets(t *testing.T) {
	out, _, code := runCLI(t, "list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, o := range []string{"TASS", "Sputnik", "Tasnim", "Anadolu Agency", "Al Arabiya", "US presents no proof", "\n5 articles from embedded INF corpus\n"} {
		if !strings.Contains(out, o) {
			t.Errorf("list output lacks %q:\n%s", o, out)
		}
	}
}

func TestListJSONContract(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("A headline\n\nMOSCOW, May 2. /TASS/. Body text here. More text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLI(t, "list", dir, "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var got struct {
		Articles []map[string]json.RawMessage `json:"articles"`
		Errors   []struct{ Path, Message string }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got.Articles) != 1 || len(got.Errors) != 1 || !strings.Contains(got.Errors[0].Message, "empty") {
		t.Fatalf("got %d articles, errors %+v", len(got.Articles), got.Errors)
	}
	for _, k := range []string{"id", "path", "outlet", "outlet_evidence", "title", "published", "sentences", "furniture", "warnings"} {
		if _, ok := got.Articles[0][k]; !ok {
			t.Errorf("article lacks %q", k)
		}
	}
	if string(got.Articles[0]["outlet"]) != `"TASS"` || string(got.Articles[0]["published"]) != "null" {
		t.Errorf("outlet %s published %s", got.Articles[0]["outlet"], got.Articles[0]["published"])
	}
	var sents []struct {
		Start, End int
		Text       string
	}
	if err := json.Unmarshal(got.Articles[0]["sentences"], &sents); err != nil || len(sents) != 2 {
		t.Fatalf("sentences %s (%v)", got.Articles[0]["sentences"], err)
	}
	if !strings.HasPrefix(sents[0].Text, "MOSCOW, May 2. /TASS/. Body") {
		t.Errorf("first sentence %q", sents[0].Text)
	}
}

func TestShowUnknownIDListsIDs(t *testing.T) {
	_, errOut, code := runCLI(t, "show", "nope")
	if code == 0 || !strings.Contains(errOut, "003_901c7662e3582013") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	out, _, code := runCLI(t, "show", "003_901c7662e3582013")
	if code != 0 || !strings.Contains(out, "furniture (") || !strings.Contains(out, "MOSCOW, November 8. /TASS/. The United States") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

func TestListNothingReadable(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	missing := filepath.Join(t.TempDir(), "missing.txt")
	out, errOut, code := runCLI(t, "list", missing)
	if code != 1 || out != "" || strings.Count(errOut, missing+": no such file") != 1 || !strings.Contains(errOut, "nothing could be read") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	// Every failing file, with its reason, in the order given (not only
	// the first in path order), for list and for show.
	empty := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	want := "parallax: nothing could be read from " + missing + ", " + empty + ":\n  " + missing + ": no such file or folder (or a broken symbolic link): check the path\n  " + empty + ": the file is empty"
	for _, args := range [][]string{{"list", missing, empty}, {"show", "x", missing, empty}} {
		out, errOut, code := runCLI(t, args...)
		if code != 1 || out != "" || !strings.HasPrefix(errOut, want) || strings.Count(errOut, "empty.txt: ") != 1 || strings.Contains(errOut, "error(s)") {
			t.Errorf("%v: exit %d\nstdout %s\nstderr %s", args[0], code, out, errOut)
		}
	}
	// Nothing on standard output for a script to take for an answer,
	// whichever command and with --json too.
	for _, cmd := range []string{"list", "facts", "framing"} {
		for _, flags := range [][]string{nil, {"--json"}} {
			args := append([]string{cmd, missing}, flags...)
			out, errOut, code := runCLI(t, args...)
			if code != 1 || out != "" || !strings.Contains(errOut, missing+": no such file") {
				t.Errorf("%v: exit %d\nstdout %s\nstderr %s", args, code, out, errOut)
			}
		}
	}
}

func TestHelpHasExamples(t *testing.T) {
	for _, cmd := range []string{"list", "show"} {
		out, _, code := runCLI(t, cmd, "--help")
		if code != 0 || !strings.Contains(out, "Examples:") || !strings.Contains(out, "-json") {
			t.Errorf("%s --help: exit %d\n%s", cmd, code, out)
		}
	}
}

// TestMistypedCommand checks that a word close to a command, naming no
// file, is answered with the command it likely meant.
func TestMistypedCommand(t *testing.T) {
	_, errs, code := runCLI(t, "fatcs")
	if code == 0 || !strings.Contains(errs, `did you mean "parallax facts"`) {
		t.Errorf("parallax fatcs: code %d, %q", code, errs)
	}
	for w, want := range map[string]string{"lsit": "list", "a": "", "--json": "", "./fatcs": "", "zzzzzz": ""} {
		if got := nearCommand(w); got != want {
			t.Errorf("nearCommand(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestTableAlignsWideCharacters checks that columns after a cell of wide
// (CJK) characters start at the same terminal column as in other rows.
func TestTableAlignsWideCharacters(t *testing.T) {
	var tb table
	tb.add("ID", "TITLE", "N")
	tb.add("a", "北约峰会", "1")
	tb.add("b", "NATO summit", "22")
	var b bytes.Buffer
	tb.write(&b, "")
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	col := -1
	for _, l := range lines {
		i := strings.LastIndex(l, " ") + 1
		c := ansi.StringWidth(l[:i])
		if col >= 0 && c != col {
			t.Errorf("last column at cell %d, want %d:\n%s", c, col, b.String())
		}
		col = c
	}
	if got := oneLine("北约峰会北约峰会", 9); ansi.StringWidth(got) > 9 || !strings.HasSuffix(got, "…") {
		t.Errorf("oneLine cut %q to width %d", got, ansi.StringWidth(got))
	}
}

// TestListTellsSkippedRecordsFromFailedFiles checks that a JSON file whose
// other records loaded is not counted among the files that could not be
// loaded.
func TestListTellsSkippedRecordsFromFailedFiles(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	for name, body := range map[string]string{
		"arts.json": `[{"id": "a1", "text": "One. Text."}, {"id": "a2", "text": "Two. Text."}, {"id": 3, "text": "Three. Text."}]`,
		"c.jsonl":   "{\"id\":\"c1\",\"text\":\"Fine. Text.\"}\n{x: 1}\n",
		"empty.txt": "",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, code := runCLI(t, "list", dir)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "\n1 file could not be loaded:\n  "+filepath.Join(dir, "empty.txt")+": the file is empty") ||
		!strings.Contains(out, "\n2 records skipped in files that otherwise loaded:\n  "+filepath.Join(dir, "arts.json")+": record 3: ") ||
		!strings.Contains(out, filepath.Join(dir, "c.jsonl")+": line 2: not an article object: not valid JSON at column 2") {
		t.Errorf("list output:\n%s", out)
	}
}

// TestUndatedArticleReadsUndated checks that list and show say "undated"
// for an article without a date, as the reader does, and that the JSON
// keeps null.
func TestUndatedArticleReadsUndated(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	f := filepath.Join(t.TempDir(), "nodate.txt")
	if err := os.WriteFile(f, []byte("A headline\n\nSome body text. More text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLI(t, "list", f)
	row := strings.Split(out, "\n")[1]
	if code != 0 || !strings.HasPrefix(row, "nodate ") || !strings.Contains(row, " undated ") {
		t.Errorf("list: exit %d\n%s", code, out)
	}
	out, _, code = runCLI(t, "show", "nodate", f)
	if code != 0 || !strings.Contains(out, "\n  date:     undated\n") {
		t.Errorf("show: exit %d\n%s", code, out)
	}
	out, _, code = runCLI(t, "show", "--json", "nodate", f)
	if code != 0 || !strings.Contains(out, `"published": null`) {
		t.Errorf("show --json: exit %d\n%s", code, out)
	}
}

// TestJSONOfAPartLoadReportsFailuresOnStderr checks that facts and
// framing --json, whose JSON has no place for load errors, print what
// loaded and the files that failed on standard error.
func TestJSONOfAPartLoadReportsFailuresOnStderr(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("A headline\n\nMOSCOW, May 2. /TASS/. Body text here. More text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"facts", "framing"} {
		out, errOut, code := runCLI(t, cmd, "--json", dir)
		var v map[string]any
		if code != 0 || json.Unmarshal([]byte(out), &v) != nil || !strings.Contains(errOut, "1 file could not be loaded:\n  "+filepath.Join(dir, "b.txt")+": the file is empty") {
			t.Errorf("%s --json: exit %d\nstdout %s\nstderr %s", cmd, code, out, errOut)
		}
	}
}
