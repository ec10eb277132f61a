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
