package corpus

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// doc is one article's text and metadata as a file format gives them,
// before analysis.
type doc struct {
	Path     string // file path, with "#N" for the Nth record of a JSON file
	Format   string
	Text     string
	Meta     meta
	Warnings []string
	Captions []string // lines of the figure captions of an HTML page
}

// formatOf returns the format a file name says: text, markdown, html, json
// or jsonl; "" when the extension is not one parallax reads.
func formatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return "text"
	case ".md", ".markdown", ".mdown":
		return "markdown"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".json":
		return "json"
	case ".jsonl", ".ndjson":
		return "jsonl"
	}
	return ""
}

// sniffFormat guesses the format of a file given by name whose extension
// says nothing.
func sniffFormat(b []byte) string {
	t := bytes.TrimSpace(bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF}))
	switch {
	case bytes.HasPrefix(t, []byte("---\n")) || bytes.HasPrefix(t, []byte("---\r\n")):
		return "markdown"
	case len(t) > 0 && t[0] == '<' && bytes.Contains(bytes.ToLower(t[:min(len(t), 2048)]), []byte("<html")):
		return "html"
	}
	return "text"
}

// frontMatter is the YAML front matter of a Markdown article. Unknown
// fields are ignored; the publication date is read from the fields
// dateKeys names.
type frontMatter struct {
	ID                   string `yaml:"id"`
	Title                string `yaml:"title"`
	Outlet               string `yaml:"outlet"`
	PublishedApproximate bool   `yaml:"published_approximate"`
	URL                  string `yaml:"url"`
	Author               string `yaml:"author"`
	Language             string `yaml:"language"`
}

// parseMarkdown splits YAML front matter from the body. A file without
// front matter is all body.
func parseMarkdown(path, text string) (doc, error) {
	d := doc{Path: path, Format: "markdown", Text: text}
	if !strings.HasPrefix(text, "---\n") {
		return d, nil
	}
	rest := text[4:]
	end := -1
	for off := 0; off <= len(rest); {
		nl := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if strings.TrimRight(line, " \t") == "---" || strings.TrimRight(line, " \t") == "..." {
			end = off
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		return d, fmt.Errorf("front matter starts with --- but has no closing --- line")
	}
	fm, fields, err := readFrontMatter(rest[:end])
	if err != nil {
		return d, fmt.Errorf("front matter: %w", err)
	}
	body := rest[end:]
	if nl := strings.IndexByte(body, '\n'); nl >= 0 {
		body = body[nl+1:]
	} else {
		body = ""
	}
	d.Text = body
	d.Meta = meta{ID: fm.ID, Title: fm.Title, Outlet: fm.Outlet, Source: "front matter", URL: fm.URL,
		Author: fm.Author, Language: fm.Language, PublishedApprox: fm.PublishedApproximate}
	// Hugo, Jekyll and Obsidian call the publication date "date": read
	// every key that names it, not only "published".
	for _, f := range dateFields(fields) {
		if f.val == nil { // "date:" with no value
			continue
		}
		t, err := anyDate(f.val)
		if err != nil {
			d.Warnings = append(d.Warnings, "front matter "+f.key+": "+err.Error())
			continue
		}
		d.Meta.Published = &t
		d.Meta.PublishedFrom = dateEvidence("front matter", f)
		break
	}
	return d, nil
}

// dateKeys are the metadata keys that give the publication date, most
// preferred first, as foldKey spells them: published, datePublished
// (schema.org), published_at, publish_date or publishDate (Hugo), pubDate
// (RSS) and date (Hugo, Jekyll, Obsidian). "created" and "updated" are
// not publication dates and are not read.
var dateKeys = []string{"published", "datepublished", "publishedat", "publishdate", "pubdate", "date"}

// foldKey folds a metadata key for matching: lower case, without "_" and
// "-" ("publish_date", "publishDate" and "Publish-Date" are one key).
func foldKey(k string) string { return keyFolder.Replace(strings.ToLower(k)) }

var keyFolder = strings.NewReplacer("_", "", "-", "")

// dateField is a metadata field that may give the publication date, with
// its key as the source spells it.
type dateField struct {
	key, folded string
	val         any
}

// dateFields returns the fields of m whose keys are dateKeys, in the
// order of dateKeys (keys spelled alike in two ways in their sorted order).
func dateFields[V any](m map[string]V) []dateField {
	var out []dateField
	for _, want := range dateKeys {
		var ks []string
		for k := range m {
			if foldKey(k) == want {
				ks = append(ks, k)
			}
		}
		sort.Strings(ks)
		for _, k := range ks {
			out = append(out, dateField{key: k, folded: want, val: m[k]})
		}
	}
	return out
}

// dateEvidence says where a date came from: the source alone for
// "published", as before other keys were read, else the source and key.
func dateEvidence(source string, f dateField) string {
	if f.folded == "published" {
		return source
	}
	return source + " " + f.key
}

// anyDate reads a published value from YAML or JSON: a time (YAML dates
// decode to time.Time) or a string ParseDate understands.
func anyDate(v any) (time.Time, error) {
	switch x := v.(type) {
	case time.Time:
		return x, nil
	case string:
		if strings.TrimSpace(x) == "" {
			return time.Time{}, fmt.Errorf("empty date")
		}
		if t, ok := ParseDate(x); ok {
			return t, nil
		}
		return time.Time{}, fmt.Errorf("%q is not a date (use 2019-11-08 or 2019-11-08T10:30:00Z)", x)
	}
	return time.Time{}, fmt.Errorf("%v is not a date (use 2019-11-08 or 2019-11-08T10:30:00Z)", v)
}
