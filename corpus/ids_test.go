package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGiveID checks the exchange of a contested id: the article given it
// loses its warning, the one that held it is renamed with a warning that
// names both files and the reason, and a third claimant names the new
// keeper.
func TestGiveID(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a/story.txt", "b/story.txt", "c/story.txt"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte("Title "+p+"\n\nText of "+p+".\n"), 0o644)
	}
	c, err := LoadWith(t.Context(), Options{Outlets: ShippedOutlets()}, dir)
	if err != nil {
		t.Fatal(err)
	}
	a, b, cc := c.Articles[0], c.Articles[1], c.Articles[2]
	if a.ID != "story" || b.ID != "story-2" || cc.ID != "story-3" || b.ClaimedID != "story" || !strings.Contains(b.Warnings[0], "comes first") {
		t.Fatalf("before: %q %q %q %q", a.ID, b.ID, cc.ID, b.Warnings)
	}
	contested := c.Contested()
	if got := contested["story"]; len(got) != 3 || got[0] != a {
		t.Fatalf("contested: %v", contested)
	}
	c.GiveID(b, "the notes were made on its text")
	if a.ID != "story-2" || b.ID != "story" || a.ClaimedID != "story" || b.ClaimedID != "" || len(b.Warnings) != 0 {
		t.Fatalf("after: a %q (%q), b %q (%q), b warnings %q", a.ID, a.ClaimedID, b.ID, b.ClaimedID, b.Warnings)
	}
	w := strings.Join(a.Warnings, "\n")
	if !strings.Contains(w, a.Path) || !strings.Contains(w, b.Path) || !strings.Contains(w, "notes were made on its text") || !strings.Contains(w, `"story-2"`) {
		t.Errorf("the renamed file's warning: %q", w)
	}
	if w := strings.Join(cc.Warnings, "\n"); !strings.Contains(w, b.Path) || strings.Count(w, "renamed") != 1 {
		t.Errorf("the third claimant's warning: %q", w)
	}
	if c.Article("story") != b || c.Article("story-2") != a {
		t.Error("the corpus does not find the articles by their new ids")
	}
}
