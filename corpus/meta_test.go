package corpus

import (
	"strings"
	"testing"
)

// TestEveryMetadataFieldIsSanitised gives every front-matter field a
// terminal escape, a C1 control and a bidi override: none survives in the
// article, and a warning counts them.
func TestEveryMetadataFieldIsSanitised(t *testing.T) {
	dir := t.TempDir()
	evil := "\x1b]2;PWNED\x07\u009b2J\u202e"
	writeFile(t, dir, "front.md", "---\n"+
		"id: meta"+evil+"\n"+
		"title: A title"+evil+"\n"+
		"outlet: TASS"+evil+"\n"+
		"url: https://tass.com/a"+evil+"\n"+
		"author: Elena"+evil+" Teslova\n"+
		"language: en"+evil+"\n"+
		"---\n\nMOSCOW, May 2. Body text of the article. More text here.\n")
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 {
		t.Fatalf("%d articles, errors %v", len(c.Articles), c.Errors)
	}
	a := c.Article("meta")
	if a == nil {
		t.Fatalf("no article meta: %q", c.Articles[0].ID)
	}
	for name, v := range map[string]string{"id": a.ID, "title": a.Title, "outlet": a.Outlet, "url": a.URL, "author": a.Author, "language": a.Language, "evidence": a.OutletEvidence} {
		if printsControl(v) || strings.Contains(v, "PWNED") {
			t.Errorf("%s keeps a control: %q", name, v)
		}
	}
	if !hasWarning(a, "removed") {
		t.Errorf("no warning: %q", a.Warnings)
	}
}

// A title that is only a date ("DECEMBER 16, 2008", as blog pages and
// scrapers give) says when the article was published, not what it
// reports: the date is taken from it, its line is furniture, and the
// text's own headline names the article.
func TestTitleThatIsOnlyADate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "blog.md", "---\ntitle: \"Thursday, December 11, 2008\"\noutlet: \"A Blog\"\n---\n\n"+
		"Thursday, December 11, 2008\n\n"+
		"Sox make offer to Teixeira\n\n"+
		"The Red Sox have made an offer to the first baseman, the newspaper reported on Thursday.\n")
	c, err := Load(dir)
	if err != nil || len(c.Articles) != 1 {
		t.Fatalf("%v, %d articles", err, len(c.Articles))
	}
	a := c.Articles[0]
	if a.Published == nil || a.Published.Format("2006-01-02") != "2008-12-11" || !strings.HasPrefix(a.PublishedEvidence, "title") {
		t.Errorf("published %v (%q), want 2008-12-11 from the title", a.Published, a.PublishedEvidence)
	}
	if a.Title != "Sox make offer to Teixeira" {
		t.Errorf("title %q, want the text's headline", a.Title)
	}
	for _, s := range a.Sentences {
		if strings.Contains(s.Text, "2008") {
			t.Errorf("the date line is a sentence (%s): %q", s.Role, s.Text)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2019-11-08", "2019-11-08"},
		{"2019-11-08T10:30:00Z", "2019-11-08"},
		{"2019-11-08T10:30:00+03:00", "2019-11-08"},
		{"2019-11-08 10:30:00 +0300", "2019-11-08"}, // Jekyll's date
		{"2019-11-08 23:30:00 -0200", "2019-11-08"},
		{"November 8, 2019", "2019-11-08"},
		{"Nov. 8, 2019", "2019-11-08"},
		{"8 November 2019", "2019-11-08"},
		{"08.11.2019", "2019-11-08"},
		{"Thursday, December 11, 2008", "2008-12-11"},
		{"Tue. 3 March 2009", "2009-03-03"},
		{"Monday", ""},
		{"November 8", ""},
		{"31 February 2019", ""},
		{"yesterday", ""},
	} {
		got := ""
		if d, ok := ParseDate(c.in); ok {
			got = d.Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("ParseDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
