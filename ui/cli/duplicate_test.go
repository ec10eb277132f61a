package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDuplicateIDKeepsItsNotes tags an article, then adds a file with the
// same id that sorts before it: the notes stay with the text they were
// made on, which keeps the id, and the new file is the one renamed, with
// a warning naming both files.
func TestDuplicateIDKeepsItsNotes(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	dir := t.TempDir()
	old := filepath.Join(dir, "b", "lavrov.txt")
	os.MkdirAll(filepath.Dir(old), 0o755)
	if err := os.WriteFile(old, []byte(tagArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI(t, "tag", "--article", "lavrov", "--quote", "inspection of the missile", "--tag", "offer", dir); code != 0 {
		t.Fatal(errs)
	}
	added := filepath.Join(dir, "a", "lavrov.md")
	os.MkdirAll(filepath.Dir(added), 0o755)
	if err := os.WriteFile(added, []byte("Another story\n\nMOSCOW. Lavrov spoke about something else entirely today.\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	out, _, code := runCLI(t, "list", "--json", dir)
	if code != 0 {
		t.Fatal(out)
	}
	var got struct {
		Articles []struct {
			ID, Path string
			Warnings []string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	var warning string
	for _, a := range got.Articles {
		ids[a.Path] = a.ID
		for _, w := range a.Warnings {
			if strings.Contains(w, "renamed") {
				warning = w
			}
		}
	}
	if ids[old] != "lavrov" || ids[added] != "lavrov-2" {
		t.Fatalf("ids %v: the file the notes were made on must keep its id", ids)
	}
	if !strings.Contains(warning, added) || !strings.Contains(warning, old) || !strings.Contains(warning, `"lavrov-2"`) {
		t.Errorf("the warning does not name the renamed file and the one that keeps the id: %q", warning)
	}
	n := notesJSON(t, dir)
	if len(n.Notes) != 1 || n.Notes[0].Article != "lavrov" || n.Notes[0].Orphaned || tagArticle[n.Notes[0].Start:n.Notes[0].End] != "inspection of the missile" {
		t.Fatalf("the note left its text: %+v", n.Notes)
	}
	// 'show' and 'tag' agree with 'list' on which file is which.
	if out, _, _ := runCLI(t, "show", "lavrov", dir); !strings.Contains(out, old) {
		t.Errorf("show lavrov is not the tagged file:\n%s", out)
	}
	if _, errs, code := runCLI(t, "tag", "--article", "lavrov-2", "--quote", "something else entirely", "--tag", "other", dir); code != 0 {
		t.Errorf("tag the renamed article: %s", errs)
	}
}
