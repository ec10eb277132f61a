package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// lookalikeCopy copies the look-alike corpus into a temp folder (its
// default notes file goes beside it) and saves the given corrections in
// that notes file.
func lookalikeCopy(t *testing.T, cs ...notes.Correction) string {
	t.Helper()
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	src := filepath.Join("..", "..", "testdata", "lookalike", "articles")
	dir := t.TempDir()
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if len(cs) > 0 {
		s, err := notes.Open(filepath.Join(dir, notes.FileName))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if _, err := s.AddCorrection(c); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
	}
	return dir
}

// storiesJSON runs 'parallax stories --json' and returns its stories.
func storiesJSON(t *testing.T, args ...string) []compare.Story {
	t.Helper()
	out, errs, code := runCLI(t, append([]string{"stories", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("stories: exit %d: %s", code, errs)
	}
	var got struct{ Stories []compare.Story }
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	return got.Stories
}

// together reports whether two articles share a story.
func together(sts []compare.Story, a, b string) bool {
	for _, st := range sts {
		if slices.Contains(st.Articles, a) && slices.Contains(st.Articles, b) {
			return true
		}
	}
	return false
}

const (
	toll2023  = "2023-03-15-northwind-toll"
	harbour24 = "2024-02-03-harbour"
)

func TestCommandsApplyStoryCorrections(t *testing.T) {
	plain := lookalikeCopy(t)
	if together(storiesJSON(t, plain), toll2023, harbour24) {
		t.Fatal("the two strikes are one story before any correction")
	}
	dir := lookalikeCopy(t, notes.Correction{Kind: notes.CorrectMove, Article: toll2023, Target: harbour24})
	sts := storiesJSON(t, dir)
	if !together(sts, toll2023, harbour24) {
		t.Fatal("stories ignores the notes file's correction")
	}
	// facts: the facts' stories are the corrected ones.
	out, errs, code := runCLI(t, "facts", "--json", dir)
	if code != 0 {
		t.Fatalf("facts: exit %d: %s", code, errs)
	}
	var res compare.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if !together(res.Stories, toll2023, harbour24) {
		t.Fatal("facts ignores the notes file's correction")
	}
	// --notes names another file: its corrections apply instead.
	other := filepath.Join(t.TempDir(), "other.db")
	s, err := notes.Open(other)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if together(storiesJSON(t, "--notes", other, dir), toll2023, harbour24) {
		t.Fatal("--notes with no corrections still applied the default file's")
	}
	if _, errs, code := runCLI(t, "stories", "--notes", filepath.Join(t.TempDir(), "none.db"), dir); code == 0 || !strings.Contains(errs, "no notes file") {
		t.Fatalf("--notes naming no file: exit %d: %s", code, errs)
	}
	// export --story exports the corrected story: the moved article in it.
	var story string
	for _, st := range sts {
		if slices.Contains(st.Articles, harbour24) {
			story = st.ID
		}
	}
	out, errs, code = runCLI(t, "export", "--format", "html", "--story", story, dir)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Death toll in Dravnik missile strike rises to 11") {
		t.Error("the exported story lacks the article moved into it")
	}
	// framing --story finds the corrected story too.
	if _, errs, code := runCLI(t, "framing", "--story", story, dir); code != 0 {
		t.Fatalf("framing --story of a corrected story: exit %d: %s", code, errs)
	}
}

func TestCommandsWarnOfUnappliedCorrections(t *testing.T) {
	dir := lookalikeCopy(t, notes.Correction{Kind: notes.CorrectMove, Article: "gone", Target: harbour24})
	_, errs, code := runCLI(t, "stories", dir)
	if code != 0 || !strings.Contains(errs, "story correction names article \"gone\"") {
		t.Fatalf("exit %d, stderr: %s", code, errs)
	}
}
