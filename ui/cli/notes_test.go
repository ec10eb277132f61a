package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/notes"
)

type notesOut struct {
	Codebook []map[string]string `json:"codebook"`
	Notes    []struct {
		ID       string   `json:"id"`
		Article  string   `json:"article"`
		Start    int      `json:"start"`
		End      int      `json:"end"`
		Quote    string   `json:"quote"`
		Tags     []string `json:"tags"`
		Memo     string   `json:"memo"`
		Orphaned bool     `json:"orphaned"`
	} `json:"notes"`
}

func notesJSON(t *testing.T, args ...string) notesOut {
	t.Helper()
	out, errs, code := runCLI(t, append([]string{"notes", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("notes --json: exit %d: %s", code, errs)
	}
	var got notesOut
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return got
}

const tagArticle = "Lavrov says US to blame\n\nMOSCOW, May 2. /TASS/. The United States is to blame for the collapse of the treaty, Lavrov said. " +
	"He said Russia had offered an inspection of the missile. Lavrov said the offer stands.\n"

func TestTagThenNotesJSON(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	dir := t.TempDir()
	file := filepath.Join(dir, "lavrov.txt")
	if err := os.WriteFile(file, []byte(tagArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	// No notes yet: empty contract, and no file created by listing.
	if got := notesJSON(t, dir); len(got.Codebook) != 0 || len(got.Notes) != 0 {
		t.Fatalf("empty store: %+v", got)
	}
	if _, err := os.Stat(filepath.Join(dir, notes.FileName)); err == nil {
		t.Fatal("listing created the notes file")
	}

	out, errs, code := runCLI(t, "tag", "--article", "lavrov", "--quote", "The United States is to blame", "--tag", "blame/us", "--memo", "TASS only", dir)
	if code != 0 {
		t.Fatalf("tag: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "saved in "+filepath.Join(dir, notes.FileName)) {
		t.Fatalf("tag output: %s", out)
	}
	// Whitespace-normalised quote, and a second tag on the same passage.
	if _, errs, code := runCLI(t, "tag", dir, "--article", "lavrov", "--quote", "The United  States\nis to blame", "--tag", "loaded language"); code != 0 {
		t.Fatalf("second tag: %s", errs)
	}
	got := notesJSON(t, dir)
	if len(got.Notes) != 1 || len(got.Codebook) != 3 {
		t.Fatalf("got %+v", got)
	}
	n := got.Notes[0]
	if n.Article != "lavrov" || n.Quote != "The United States is to blame" || tagArticle[n.Start:n.End] != n.Quote ||
		strings.Join(n.Tags, "|") != "blame/us|loaded language" || n.Memo != "TASS only" || n.Orphaned || n.ID == "" {
		t.Fatalf("note %+v", n)
	}
	for _, k := range []string{"name", "colour", "description", "parent"} {
		if _, ok := got.Codebook[0][k]; !ok {
			t.Fatalf("codebook entry lacks %q: %v", k, got.Codebook[0])
		}
	}

	// Errors: ambiguous, missing quote, unknown article, missing flags.
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--article", "lavrov", "--quote", "Lavrov said", "--tag", "x"}, 1, "occurs 2 times"},
		{[]string{"--article", "lavrov", "--quote", "Putin said", "--tag", "x"}, 1, "does not occur"},
		{[]string{"--article", "nope", "--quote", "Lavrov", "--tag", "x"}, 1, "its ids are: lavrov"},
		{[]string{"--article", "lavrov", "--tag", "x"}, 2, "needs --quote"},
		{[]string{"--article", "lavrov", "--quote", "Lavrov says", "--tag", "a//b"}, 1, "--tag"},
	} {
		_, errs, code := runCLI(t, append(append([]string{"tag"}, c.args...), dir)...)
		if code != c.code || !strings.Contains(errs, c.says) {
			t.Errorf("tag %v: exit %d, %q; want %d and %q", c.args, code, errs, c.code, c.says)
		}
	}

	// Edit the article: the note is re-anchored, then orphaned, never lost.
	edited := strings.Replace(tagArticle, "MOSCOW, May 2.", "MOSCOW, Thursday, May 2.", 1)
	os.WriteFile(file, []byte(edited), 0o644)
	got = notesJSON(t, dir)
	if n := got.Notes[0]; n.Orphaned || edited[n.Start:n.End] != "The United States is to blame" {
		t.Fatalf("after edit: %+v", n)
	}
	os.WriteFile(file, []byte("Lavrov says nothing\n\nMOSCOW. Nothing to see here at all, really.\n"), 0o644)
	got = notesJSON(t, dir)
	if len(got.Notes) != 1 || !got.Notes[0].Orphaned || got.Notes[0].Quote != "The United States is to blame" {
		t.Fatalf("after deletion: %+v", got.Notes)
	}
	text, _, code := runCLI(t, "notes", dir)
	if code != 0 || !strings.Contains(text, "ORPHANED") || !strings.Contains(text, "1 orphaned") {
		t.Fatalf("text listing:\n%s", text)
	}
}

func TestNotesFlagAndBadFile(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(tagArticle), 0o644)
	custom := filepath.Join(t.TempDir(), "study.db")
	if _, errs, code := runCLI(t, "tag", "--notes", custom, "--article", "a", "--quote", "offered an inspection", "--tag", "offer", dir); code != 0 {
		t.Fatal(errs)
	}
	if got := notesJSON(t, "--notes", custom, dir); len(got.Notes) != 1 {
		t.Fatalf("--notes: %+v", got)
	}
	if got := notesJSON(t, dir); len(got.Notes) != 0 {
		t.Fatal("the default file got the note too")
	}
	bad := filepath.Join(t.TempDir(), "bad.db")
	os.WriteFile(bad, []byte("not a database at all, just text that someone typed"), 0o644)
	_, errs, code := runCLI(t, "notes", "--notes", bad, dir)
	if code != 1 || !strings.Contains(errs, bad) || !strings.Contains(errs, "not an SQLite database") {
		t.Fatalf("bad file: exit %d %s", code, errs)
	}
	_, errs, code = runCLI(t, "tag", "--notes", bad, "--article", "a", "--quote", "offered an inspection", "--tag", "offer", dir)
	if code != 1 || !strings.Contains(errs, "was not changed") {
		t.Fatalf("tag into bad file: exit %d %s", code, errs)
	}
	if b, _ := os.ReadFile(bad); string(b) != "not a database at all, just text that someone typed" {
		t.Fatal("bad file changed")
	}
}

func TestNotesCodebookFlags(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(tagArticle), 0o644)
	out := t.TempDir()
	if _, errs, code := runCLI(t, "notes", "--export-codebook", filepath.Join(out, "x.csv"), dir); code != 1 || !strings.Contains(errs, "no codebook yet") {
		t.Fatalf("export before any notes: %d %s", code, errs)
	}
	_, errs, code := runCLI(t, "notes", "--starter", "propaganda", dir)
	if code != 0 || !strings.Contains(errs, "added 14 codes from starter propaganda") {
		t.Fatalf("starter: %d %s", code, errs)
	}
	qdc := filepath.Join(out, "cb.qdc")
	if _, errs, code := runCLI(t, "notes", "--export-codebook", qdc, dir); code != 0 {
		t.Fatal(errs)
	}
	// Into another notes file, through the .qdc and then CSV.
	other := filepath.Join(out, "other.db")
	if _, errs, code := runCLI(t, "notes", "--notes", other, "--import-codebook", qdc, "--export-codebook", filepath.Join(out, "cb.csv"), dir); code != 0 {
		t.Fatal(errs)
	}
	got := notesJSON(t, "--notes", other, dir)
	if len(got.Codebook) != 14 || got.Codebook[1]["name"] != "name calling, labeling" {
		t.Fatalf("imported codebook: %v", got.Codebook)
	}
	csvText, _ := os.ReadFile(filepath.Join(out, "cb.csv"))
	if !strings.HasPrefix(string(csvText), "name,colour,description,parent\n") || strings.Count(string(csvText), "\n") != 15 {
		t.Fatalf("csv:\n%s", csvText)
	}
	// Never overwrite; refuse unknown formats.
	before, _ := os.ReadFile(qdc)
	if _, errs, code := runCLI(t, "notes", "--export-codebook", qdc, dir); code != 1 || !strings.Contains(errs, "does not overwrite") {
		t.Fatalf("overwrite: %d %s", code, errs)
	}
	if after, _ := os.ReadFile(qdc); string(after) != string(before) {
		t.Fatal("existing file changed")
	}
	if _, errs, code := runCLI(t, "notes", "--import-codebook", filepath.Join(out, "x.txt"), dir); code != 1 || !strings.Contains(errs, ".qdc") {
		t.Fatalf("unknown format: %d %s", code, errs)
	}
	if _, errs, code := runCLI(t, "notes", "--starter", "nope", dir); code != 1 || !strings.Contains(errs, "media-frames") {
		t.Fatalf("unknown starter: %d %s", code, errs)
	}
}
