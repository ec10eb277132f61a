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
