package corpus

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPublicationDateKeys checks that front matter and JSON records give
// their publication date under the keys blogs and feeds use ("date" in
// Hugo, Jekyll and Obsidian), parsed as "published" is, and that a value
// that is not a date is said, naming the key and the value.
func TestPublicationDateKeys(t *testing.T) {
	const body = "Dam bursts above Derna\n\nAt least 42 people were killed, officials said.\n"
	md := func(fm string) string { return "---\ntitle: Dam bursts\n" + fm + "---\n" + body }
	js := func(field string) string {
		return `{"id": "x", "title": "Dam bursts", ` + field + `"text": "At least 42 people were killed, officials said."}` + "\n"
	}
	for _, c := range []struct {
		name, file, content string
		date, evidence      string // "" date: undated
		warning, recordErr  string
	}{
		{"published", "a.md", md("published: 2023-09-12\n"), "2023-09-12", "front matter", "", ""},
		{"date", "a.md", md("date: 2023-09-13\n"), "2023-09-13", "front matter date", "", ""},
		{"quoted date", "a.md", md("date: \"2023-09-13T10:30:00+02:00\"\n"), "2023-09-13", "front matter date", "", ""},
		{"Jekyll date", "a.md", md("date: 2023-09-13 10:30:00 +0200\n"), "2023-09-13", "front matter date", "", ""},
		{"Hugo publishDate over date", "a.md", md("date: 2023-09-01\npublishDate: 2023-09-13\n"), "2023-09-13", "front matter publishDate", "", ""},
		{"published over date", "a.md", md("date: 2023-09-01\npublished: 2023-09-12\n"), "2023-09-12", "front matter", "", ""},
		{"pubDate", "a.md", md("pubDate: Sep 13, 2023\n"), "2023-09-13", "front matter pubDate", "", ""},
		{"published_at", "a.md", md("published_at: 2023-09-13\n"), "2023-09-13", "front matter published_at", "", ""},
		{"bad date", "a.md", md("date: 13/09/23\n"), "", "", `front matter date: "13/09/23" is not a date`, ""},
		{"number date", "a.md", md("date: 2023\n"), "", "", "front matter date: 2023 is not a date", ""},
		{"bad published, good date", "a.md", md("published: soon\ndate: 2023-09-13\n"), "2023-09-13", "front matter date", `front matter published: "soon" is not a date`, ""},
		{"empty date", "a.md", md("date:\n"), "", "", "", ""},
		{"created is not read", "a.md", md("created: 2023-09-13\n"), "", "", "", ""},
		{"jsonl published", "a.jsonl", js(`"published": "2023-09-12", `), "2023-09-12", "JSON record", "", ""},
		{"jsonl date", "a.jsonl", js(`"date": "2023-09-13", `), "2023-09-13", "JSON record date", "", ""},
		{"jsonl datePublished", "a.jsonl", js(`"datePublished": "2023-09-13T08:00:00Z", `), "2023-09-13", "JSON record datePublished", "", ""},
		{"jsonl bad date", "a.jsonl", js(`"date": "Tuesday", `), "", "", `date: "Tuesday" is not a date`, ""},
		{"jsonl number date", "a.jsonl", js(`"date": 1694563200, `), "", "", "date: 1694563200 is not a date", ""},
		{"jsonl bad published skips the record", "a.jsonl", js(`"published": "Tuesday", "date": "2023-09-13", `) + js(`"id": "y", `), "", "", "", `line 1: published: "Tuesday" is not a date`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, c.file, c.content)
			corp, err := Load(filepath.Join(dir, c.file))
			if err != nil || len(corp.Articles) != 1 {
				t.Fatalf("load: %v, %d articles, errors %v", err, len(corp.Articles), corp.Errors)
			}
			a := corp.Articles[0]
			if got := dateString(ptrTime(a.Published)); got != c.date {
				t.Errorf("published %q (%s), want %q", got, a.PublishedEvidence, c.date)
			}
			if c.date != "" && a.PublishedEvidence != c.evidence {
				t.Errorf("evidence %q, want %q", a.PublishedEvidence, c.evidence)
			}
			if c.warning != "" && !hasWarning(a, c.warning) {
				t.Errorf("warnings %q lack %q", a.Warnings, c.warning)
			}
			if c.warning == "" && len(a.Warnings) != 0 {
				t.Errorf("unexpected warnings %q", a.Warnings)
			}
			var errs []string
			for _, e := range corp.Errors {
				errs = append(errs, e.Message)
			}
			if got := strings.Join(errs, "; "); !strings.HasPrefix(got, c.recordErr) || (c.recordErr == "") != (got == "") {
				t.Errorf("errors %q, want %q", got, c.recordErr)
			}
		})
	}
}
