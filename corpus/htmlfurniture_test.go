package corpus

import (
	"path/filepath"
	"strings"
	"testing"
)

// loadOne loads the one article of a file written to a temporary folder.
func loadOne(t *testing.T, name, content string) *Article {
	t.Helper()
	hermetic(t)
	dir := t.TempDir()
	writeFile(t, dir, name, content)
	c, err := Load(filepath.Join(dir, name))
	if err != nil || len(c.Articles) != 1 {
		t.Fatalf("load: %v, %d articles, errors %v", err, len(c.Articles), c.Errors)
	}
	checkSpans(t, c.Articles[0])
	return c.Articles[0]
}

func furnitureReasons(a *Article) map[string]string {
	out := map[string]string{}
	for _, f := range a.Furniture {
		out[f.Text] = f.Reason
	}
	return out
}

const derna = `<p>DERNA, Libya, Sept 12 (Reuters) - At least 42 people were killed and dozens more were missing after a dam burst above the eastern Libyan city of Derna on Monday, local officials said.</p>
<p>The Wadi Derna dam, built in the 1970s, gave way after days of heavy rain brought by Storm Daniel, sending a wall of water through the city centre.</p>
<p>Officials said about 2,000 homes had been destroyed and that rescue teams were still searching the rubble.</p>
<p>The United Nations said it was sending emergency teams to the region.</p>`

// TestFigcaptionIsFurniture checks that a page's figure captions are
// furniture, with or without a credit, never a heading.
func TestFigcaptionIsFurniture(t *testing.T) {
	page := func(caption string) string {
		return `<html><head><title>Dam collapse in Derna kills 42</title></head><body><article><h1>Dam collapse in Derna kills 42</h1>
<figure><img src="derna.jpg" alt="Flooded street"><figcaption>` + caption + `</figcaption></figure>` + derna + `</article></body></html>`
	}
	for _, c := range []struct{ caption, reason string }{
		{"Rescue workers search a flooded street in Derna. Photo: Esam Omran/AFP", ReasonCaption},
		{"Rescue workers search a flooded street in Derna", ReasonFigcaption},
		{"Rescue workers search a <em>flooded</em> street<br>in Derna", ReasonFigcaption},
	} {
		a := loadOne(t, "page.html", page(c.caption))
		for _, s := range a.Sentences {
			if strings.Contains(s.Text, "Rescue workers") {
				t.Errorf("%q: caption is a %s sentence: %q", c.caption, s.Role, s.Text)
			}
		}
		got := ""
		for text, reason := range furnitureReasons(a) {
			if strings.Contains(text, "Rescue workers") {
				got = reason
			}
		}
		if got != c.reason {
			t.Errorf("%q: furniture %v, want the caption as %q", c.caption, furnitureReasons(a), c.reason)
		}
		if len(a.Body()) != 4 {
			t.Errorf("%q: body sentences %+v", c.caption, a.Body())
		}
	}
	// HTML inside a JSON record too.
	rec := `{"id": "r", "title": "Dam collapse in Derna kills 42", "html": "<article><figure><figcaption>Rescue workers in Derna</figcaption></figure>` +
		strings.ReplaceAll(strings.ReplaceAll(derna, "\n", ""), `"`, `\"`) + `</article>"}` + "\n"
	a := loadOne(t, "feed.jsonl", rec)
	if r := furnitureReasons(a)["Rescue workers in Derna"]; r != ReasonFigcaption {
		t.Errorf("json html record: furniture %v, text %q", furnitureReasons(a), a.Text)
	}
}
