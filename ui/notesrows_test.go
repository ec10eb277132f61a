package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// TestNoteRowsNameTagsTheHeadingDoesNot: a row of the notes list names
// the tags its group heading does not say, with or without a memo: none
// of its own in its tag's group (the others as "also"), all of them
// grouped by outlet or article and among the articles not loaded now.
func TestNoteRowsNameTagsTheHeadingDoesNot(t *testing.T) {
	c, _ := testCorpus()
	path := filepath.Join(t.TempDir(), "notes.db")
	s, err := notes.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	sentence := func(art int, i int) notes.Anchor {
		ar := c.Articles[art]
		return notes.NewAnchor(ar, ar.Sentences[i].Start, ar.Sentences[i].End)
	}
	memoed, both := sentence(0, 1), sentence(1, 1)
	away := sentence(1, 2)
	away.Article, away.Outlet, away.Title = "elsewhere-1", "Far Away Times", "An article in another file"
	for _, tg := range []struct {
		an   notes.Anchor
		tags []string
		memo string
	}{{memoed, []string{"blame"}, "m1"}, {both, []string{"blame", "hedge"}, ""}, {away, []string{"lost"}, ""}} {
		if _, err := s.Tag(tg.an, tg.tags, tg.memo); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	m := notesModelAt(t, path, 200, 40)

	// rows returns the list rows quoting q, in order.
	rows := func(q string) []string {
		var out []string
		for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
			if strings.Contains(l, "“"+q+"”") {
				out = append(out, strings.TrimRight(l, " "))
			}
		}
		return out
	}
	m = send(m, keys("4")...)
	if got := rows(memoed.Quote); len(got) != 1 || !strings.HasSuffix(got[0], "” memo: m1") {
		t.Errorf("in its tag's group, the row with a memo repeats the tag or lost the memo: %q", got)
	}
	if got := rows(both.Quote); len(got) != 2 || !strings.HasSuffix(got[0], "” [also hedge]") || !strings.HasSuffix(got[1], "” [also blame]") {
		t.Errorf("in each tag's group, a row with two tags names the other: %q", got)
	}
	if got := rows(away.Quote); len(got) != 1 || !strings.HasSuffix(got[0], "” [lost]") {
		t.Errorf("among the articles not loaded, a row without a memo names no tag: %q", got)
	}
	for _, grouping := range []string{"outlet", "article"} {
		m = send(m, keys("s")...)
		if !strings.Contains(m.msg, grouping) {
			t.Fatalf("s: %q, want grouped by %s", m.msg, grouping)
		}
		if got := rows(memoed.Quote); len(got) != 1 || !strings.HasSuffix(got[0], "” [blame] memo: m1") {
			t.Errorf("grouped by %s: %q", grouping, got)
		}
		if got := rows(both.Quote); len(got) != 1 || !strings.HasSuffix(got[0], "” [blame, hedge]") {
			t.Errorf("grouped by %s: %q", grouping, got)
		}
		if got := rows(away.Quote); len(got) != 1 || !strings.HasSuffix(got[0], "” [lost]") {
			t.Errorf("grouped by %s, not loaded: %q", grouping, got)
		}
	}
}
