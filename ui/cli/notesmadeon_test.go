package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNotesJSONMadeOn: notes --json on a library says which text and
// which version each note was made on, and keeps saying it after the
// article is edited and the note re-anchored on the new version.
func TestNotesJSONMadeOn(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.db")
	env := map[string]string{"PARALLAX_LIBRARY": lib, "PARALLAX_DATA_DIR": filepath.Join(dir, "data"), "PARALLAX_CONFIG_DIR": filepath.Join(dir, "config")}
	runCLI := func(t *testing.T, args ...string) (string, string, int) {
		t.Helper()
		return runCLIEnv(t, env, args...)
	}
	art := filepath.Join(dir, "talks.txt")
	os.WriteFile(art, []byte(libArticle), 0o644)
	if _, errs, code := runCLI(t, "add", "--library", lib, art); code != 0 {
		t.Fatalf("add: exit %d: %s", code, errs)
	}
	out, _, _ := runCLI(t, "list", "--library", lib, "--json")
	var listed struct{ Articles []struct{ ID string } }
	if json.Unmarshal([]byte(out), &listed) != nil || len(listed.Articles) != 1 {
		t.Fatalf("list:\n%s", out)
	}
	id := listed.Articles[0].ID
	tag := func(quote, code string) {
		t.Helper()
		if _, errs, code := runCLI(t, "tag", "--coder", "anna", "--article", id, "--quote", quote, "--tag", code); code != 0 {
			t.Fatalf("tag: exit %d: %s", code, errs)
		}
	}
	tag("The delegation of 40 people", "size")
	os.WriteFile(art, []byte("UPDATE: "+strings.Replace(libArticle, "12 soldiers", "15 soldiers", 1)), 0o644)
	if _, errs, code := runCLI(t, "add", "--library", lib, art); code != 0 {
		t.Fatalf("add again: exit %d: %s", code, errs)
	}
	tag("15 soldiers", "casualties")
	out, errs, code := runCLI(t, "notes", "--json")
	if code != 0 {
		t.Fatalf("notes: exit %d: %s", code, errs)
	}
	var got struct {
		Notes []struct {
			Quote         string
			Start         int
			MadeOn        *string `json:"made_on"`
			MadeOnVersion int     `json:"made_on_version"`
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got.Notes) != 2 {
		t.Fatalf("notes --json: %v\n%s", err, out)
	}
	versions := map[string]int{}
	hashes := map[string]string{}
	for _, n := range got.Notes {
		if n.MadeOn == nil || len(*n.MadeOn) != 64 {
			t.Fatalf("note %q has no made_on:\n%s", n.Quote, out)
		}
		versions[n.Quote], hashes[n.Quote] = n.MadeOnVersion, *n.MadeOn
	}
	if versions["The delegation of 40 people"] != 1 || versions["15 soldiers"] != 2 || hashes["The delegation of 40 people"] == hashes["15 soldiers"] {
		t.Fatalf("made on versions %v, hashes %v\n%s", versions, hashes, out)
	}
	// The embedded corpus is no library: made_on, no version.
	env = map[string]string{"PARALLAX_DATA_DIR": filepath.Join(dir, "data2"), "PARALLAX_CONFIG_DIR": filepath.Join(dir, "config")}
	notesFile := filepath.Join(dir, "e.db")
	if _, errs, code := runCLI(t, "tag", "--notes", notesFile, "--article", "003_901c7662e3582013", "--quote", "firmly dismissed all accusations", "--tag", "x"); code != 0 {
		t.Fatalf("tag: exit %d: %s", code, errs)
	}
	out, _, _ = runCLI(t, "notes", "--notes", notesFile, "--json")
	if !strings.Contains(out, `"made_on": "`) || strings.Contains(out, "made_on_version") {
		t.Fatalf("notes --json on files:\n%s", out)
	}
}
