package corpus

import (
	"path/filepath"
	"strings"
	"testing"
)

// loadOne loads the one article of a file written to a temporary folder.
func loadOne(t *testing.T, name, content string) *Article {
	t.Helper()
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

// TestFooterCreditIsKeptAsFurniture checks that a reporting credit that
// readability drops with the page footer is kept, as furniture, once.
func TestFooterCreditIsKeptAsFurniture(t *testing.T) {
	const credit = "Reporting by Aidan Lewis; Editing by Mark Heinrich"
	page := func(article, footer string) string {
		return `<html><head><title>Dam collapse in Derna kills 42</title></head><body><nav><a href="/">Home</a></nav><main><article><h1>Dam collapse in Derna kills 42</h1>` +
			derna + article + `</article></main><footer>` + footer + `</footer></body></html>`
	}
	for _, c := range []struct{ name, article, footer string }{
		{"in the footer", "", "<p>" + credit + "</p><p>Our Standards: The Thomson Reuters Trust Principles.</p>"},
		{"with markup, beside other lines", "", "<div><p>Reporting by <a href=\"/a\">Aidan Lewis</a>; Editing by Mark Heinrich<br>© 2023 Reuters</p></div>"},
		{"in the article and the footer", "<p>" + credit + "</p>", "<p>" + credit + "</p>"},
	} {
		a := loadOne(t, "page.html", page(c.article, c.footer))
		if n := strings.Count(a.Text, "Reporting by"); n != 1 {
			t.Errorf("%s: credit %d times in %q", c.name, n, a.Text)
		}
		if r := furnitureReasons(a)[credit]; r != ReasonSignoff {
			t.Errorf("%s: furniture %v, want %q as %q", c.name, furnitureReasons(a), credit, ReasonSignoff)
		}
		if strings.Contains(a.Text, "Home") || strings.Contains(a.Text, "2023 Reuters") || len(a.Body()) != 4 {
			t.Errorf("%s: more than the credit kept: %q", c.name, a.Text)
		}
	}
}
