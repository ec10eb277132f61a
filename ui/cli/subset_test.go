package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// subsetFolder writes a folder of three articles, two with an outlet, and
// tags a passage in each through 'parallax tag'.
func subsetFolder(t *testing.T) string {
	t.Helper()
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	dir := t.TempDir()
	files := map[string]string{
		"one.md":    "---\noutlet: Reuters\n---\n# Talks stall in Geneva\n\nOfficials blamed the United States for the delay. The talks resume next week.\n",
		"two.md":    "---\noutlet: TASS\n---\n# Washington blamed for impasse\n\nThe ministry said Washington openly paves the way for a wider conflict.\n",
		"three.txt": "Negotiators leave without a deal\n\nA spokesman accused the American side of stalling on purpose.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tg := range [][2]string{{"one", "Officials blamed the United States"}, {"two", "Washington openly paves the way"}, {"three", "A spokesman accused the American side"}} {
		if _, errs, code := runCLI(t, "tag", "--article", tg[0], "--quote", tg[1], "--tag", "blame/us", dir); code != 0 {
			t.Fatalf("tag %s: exit %d: %s", tg[0], code, errs)
		}
	}
	return dir
}

// TestOneFileOfAFolderOrphansNothing: opening one file of a folder uses
// the folder's notes file; the other articles' notes are not orphaned —
// not in 'parallax notes', not in its JSON, not in an export, and not in
// the store when the whole folder is loaded again.
func TestOneFileOfAFolderOrphansNothing(t *testing.T) {
	dir := subsetFolder(t)
	one := filepath.Join(dir, "one.md")

	out, errs, code := runCLI(t, "notes", one)
	if code != 0 {
		t.Fatalf("notes: exit %d: %s", code, errs)
	}
	if strings.Contains(out, "ORPHANED") || strings.Contains(out, "orphaned") || strings.Contains(out, "not in this corpus") {
		t.Errorf("notes of one file call the others orphaned:\n%s", out)
	}
	for _, want := range []string{"(2 in articles not loaded now)", "In articles not loaded now (2 passages",
		"two — TASS: Washington blamed for impasse", "three — unknown (three): Negotiators leave without a deal", "not loaded"} {
		if !strings.Contains(out, want) {
			t.Errorf("notes of one file lack %q:\n%s", want, out)
		}
	}
	for _, n := range notesJSON(t, one).Notes {
		if n.Orphaned {
			t.Errorf("notes --json: %s orphaned", n.Article)
		}
	}

	out, errs, code = runCLI(t, "export", "--format", "csv", one)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1][2] != "one" || rows[1][1] != "Reuters" || rows[1][12] != "false" {
		t.Errorf("export of one file:\n%s", out)
	}
	if !strings.Contains(errs, "left out 2 tagged passages of 2 other articles not loaded now") {
		t.Errorf("export does not say what it left out: %q", errs)
	}

	// The whole folder again: every note placed, none orphaned.
	out, errs, code = runCLI(t, "export", "--format", "csv", dir)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	rows, err = csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("export of the folder: %d rows:\n%s", len(rows), out)
	}
	for _, r := range rows[1:] {
		if r[12] != "false" || r[9] == "" {
			t.Errorf("folder export after opening one file: %v", r)
		}
	}
}

// TestImportIntoTheWrongCorpusIsRefused: importing a folder's export with
// its PATH forgotten would put every passage into the embedded corpus's
// notes; it is refused, writing nothing. --force imports them, keeping
// the outlet and title the file gives, and they are not orphaned.
func TestImportIntoTheWrongCorpusIsRefused(t *testing.T) {
	dir := subsetFolder(t)
	js, errs, code := runCLI(t, "export", "--format", "json", dir)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	file := filepath.Join(t.TempDir(), "in.json")
	if err := os.WriteFile(file, []byte(js), 0o644); err != nil {
		t.Fatal(err)
	}
	embedded := filepath.Join(os.Getenv("PARALLAX_DATA_DIR"), "embedded-notes.db")

	out, errs, code := runCLI(t, "import", file)
	if code == 0 || !strings.Contains(errs, "none of the 3 passages' articles (one, three, two) are in the corpus (embedded INF corpus)") ||
		!strings.Contains(errs, "did you mean 'parallax import "+file+" PATH'") || !strings.Contains(errs, "--force") {
		t.Fatalf("import into the embedded corpus: exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(embedded); err == nil {
		t.Fatal("a refused import created the embedded corpus's notes file")
	}

	out, errs, code = runCLI(t, "import", "--force", file)
	if code != 0 || !strings.Contains(out, "3 new passages") || !strings.Contains(out, "3 passages of articles not in the corpus") || strings.Contains(out, "orphaned") {
		t.Fatalf("import --force: exit %d\n%s%s", code, out, errs)
	}
	listed, _, _ := runCLI(t, "notes")
	for _, want := range []string{"two — TASS: Washington blamed for impasse", "one — Reuters: Talks stall in Geneva", "(3 in articles not loaded now)"} {
		if !strings.Contains(listed, want) {
			t.Errorf("after import --force, notes lack %q:\n%s", want, listed)
		}
	}
	if strings.Contains(listed, "ORPHANED") || strings.Contains(listed, "unknown outlet") {
		t.Errorf("after import --force:\n%s", listed)
	}
	// Their articles loaded, they are placed.
	out, errs, code = runCLI(t, "notes", "--notes", embedded, dir)
	if code != 0 || strings.Contains(out, "not loaded") || strings.Contains(out, "ORPHANED") || !strings.Contains(out, "3 tagged passages in") {
		t.Fatalf("notes of the imported passages on their folder: exit %d\n%s%s", code, out, errs)
	}
}

// TestImportFileErrors: a missing file and a missing FILE argument are
// said in the words the other commands use.
func TestImportFileErrors(t *testing.T) {
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	missing := filepath.Join(t.TempDir(), "nosuch.json")
	_, errs, code := runCLI(t, "import", missing)
	if code != 1 || !strings.Contains(errs, "parallax: import "+missing+": no such file or folder") {
		t.Errorf("missing file: exit %d: %q", code, errs)
	}
	_, errs, code = runCLI(t, "import")
	if code != 2 || !strings.Contains(errs, "parallax: import needs a FILE") {
		t.Errorf("no FILE: exit %d: %q", code, errs)
	}
}

// TestExportFileMessages: the success line reads without nested
// parentheses, and --format writing into a file whose extension names
// another format is warned about (the file is still written).
func TestExportFileMessages(t *testing.T) {
	dir := subsetFolder(t)
	out := filepath.Join(t.TempDir(), "out.json")
	_, errs, code := runCLI(t, "export", "--format", "csv", "-o", out, dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	abs, _ := filepath.Abs(out)
	if want := "wrote " + abs + ": CSV table, one row per tag (Excel, LibreOffice, pandas); 3 tagged passages\n"; !strings.Contains(errs, want) {
		t.Errorf("success line: %q, want %q", errs, want)
	}
	if want := "parallax: warning: writing CSV to " + out + ", whose .json extension says JSON: name it " + strings.TrimSuffix(out, ".json") + ".csv, or drop --format to write JSON"; !strings.Contains(errs, want) {
		t.Errorf("no mismatch warning: %q", errs)
	}
	if data, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(data), "tag,outlet,") {
		t.Errorf("not written as CSV: %v %.40q", err, data)
	}
	// Agreeing or unknown extensions, and stdout, are not warned about.
	for _, args := range [][]string{
		{"--format", "csv", "-o", filepath.Join(t.TempDir(), "a.csv")},
		{"--format", "md", "-o", filepath.Join(t.TempDir(), "a.txt")},
		{"--format", "html", "-o", filepath.Join(t.TempDir(), "a.htm")},
		{"--format", "json"},
	} {
		_, errs, code := runCLI(t, append(append([]string{"export"}, args...), dir)...)
		if code != 0 || strings.Contains(errs, "warning") {
			t.Errorf("%v: exit %d: %q", args, code, errs)
		}
	}
}
