package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// lookalikeFolder copies the look-alike corpus (two missile strikes on one
// city, a year apart) into a temp folder, so its notes file goes there.
func lookalikeFolder(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	src := filepath.Join(filepath.Dir(file), "..", "..", "testdata", "lookalike", "articles")
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
	return dir
}

// TestStoriesOpenOne opens a folder mixing two look-alike events, sees
// its two stories, opens one and sees only its articles, one column per
// outlet; then a column per article, everything again, and a correction
// made and undone.
func TestStoriesOpenOne(t *testing.T) {
	dir := lookalikeFolder(t)
	s := start(t, 120, 40, nil, dir)
	// One thread: it opens straight in the read view, every article.
	s.waitFor("READ", "cols 1-3/6") // six outlets, one column each

	s.keys("0")
	scr := s.waitFor("STORIES", "2 stories in 1 thread", "Death toll in Dravnik", "Dravnik without heat")
	assertFits(t, scr, 120, 40)

	// The first story: the 2023 strike, six articles in five outlets.
	s.keys("j")
	s.keys("Enter")
	scr = s.waitFor("READ", "story 1/2", "Northwind Press", "2 articles, 2023-03-14…03-15", "cols 1-3/5")
	for _, other := range []string{"Lakeside Herald", "2024-02"} {
		if strings.Contains(scr, other) {
			t.Errorf("story 1 shows %q, from the other story:\n%s", other, scr)
		}
	}
	// The facts view covers the open story only.
	s.keys("2")
	scr = s.waitFor("FACTS")
	if strings.Contains(scr, "Lake") {
		t.Errorf("the facts view of story 1 has a Lakeside Herald column:\n%s", scr)
	}
	s.keys("1")
	s.waitFor("READ")

	// A column per article: six columns for the story's six articles.
	s.keys("C")
	s.waitFor("one column per article")
	s.keys("j") // a key clears the message: the position shows again
	s.waitFor("cols 1-3/6")
	s.keys("C")
	s.waitFor("one column per outlet")
	s.keys("k")
	s.waitFor("cols 1-3/5")

	// Everything again.
	s.keys("E")
	s.waitFor("cols 1-3/6")
	s.waitGone("story 1/2")

	// Merge the two stories, then undo it.
	s.keys("0")
	s.waitFor("STORIES")
	s.keys("g", "j") // the first story
	s.keys("M")
	s.waitFor("Merge story 1")
	s.keys("Enter")
	s.waitFor("1 story in 1 thread", "1 correction of yours")
	pause()
	s.keys("u")
	s.waitFor("2 stories in 1 thread")
	s.waitGone("correction of yours")
	s.keys("q")
	s.waitExit()
}

// TestStoriesNoColor checks the coverage marks of the Stories view read
// without colour: covered outlets by their initials, missing ones as a dot.
func TestStoriesNoColor(t *testing.T) {
	dir := lookalikeFolder(t)
	s := start(t, 80, 24, map[string]string{"NO_COLOR": "1"}, dir)
	s.waitFor("READ")
	s.keys("0")
	scr := s.waitFor("STORIES", "CW EN HD ·  NP VT", "CW ·  HD LH NP VT")
	assertFits(t, scr, 80, 24)
	out := s.tmux("capture-pane", "-p", "-e", "-t", s.name)
	if c := regexp.MustCompile(`\x1b\[(3[0-7]|38;[25];|9[0-7])[;m]`).FindString(out); c != "" {
		t.Errorf("NO_COLOR screen contains colour sequence %q", c)
	}
	s.keys("q")
	s.waitExit()
}
