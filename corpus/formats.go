package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
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
	// Parsed once, decoded twice: into the fields read by name, and into
	// a map for the date keys.
	var node yaml.Node
	var fm frontMatter
	err := yaml.Unmarshal([]byte(rest[:end]), &node)
	if err == nil && node.Kind != 0 {
		err = node.Decode(&fm)
	}
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
	var fields map[string]any
	if node.Kind != 0 {
		_ = node.Decode(&fields) // fm decoded: it is a mapping
	}
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

// rawJSON is a JSON value that is not a string, printed as the file has it.
type rawJSON string

func (r rawJSON) String() string { return string(r) }

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

// jsonRecord is one article in a JSON array or JSON Lines file.
type jsonRecord struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Outlet   string `json:"outlet"`
	URL      string `json:"url"`
	Author   string `json:"author"`
	Language string `json:"language"`
	Text     string `json:"text"`
	HTML     string `json:"html"`
}

// recordError is a bad record in a JSON file; it names the record.
type recordError struct {
	N   int
	Err error
}

func (e recordError) Error() string { return fmt.Sprintf("record %d: %v", e.N, e.Err) }

// parseJSON reads a JSON array (format json) or JSON Lines (jsonl) of
// article records. A bad record becomes a recordError; the good ones load.
func parseJSON(path, format, text string) ([]doc, []recordError, error) {
	var raws []json.RawMessage
	var bad []recordError
	if format == "json" {
		var err error
		if raws, err = jsonRecords(text); err != nil {
			return nil, nil, err
		}
	} else {
		sc := bufio.NewScanner(strings.NewReader(text))
		sc.Buffer(make([]byte, 0, 64*1024), len(text)+1)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				raws = append(raws, nil)
				continue
			}
			raws = append(raws, json.RawMessage(line))
		}
		if err := sc.Err(); err != nil {
			return nil, nil, fmt.Errorf("read JSON Lines: %w", err)
		}
	}
	var docs []doc
	for i, raw := range raws {
		n := i + 1
		if raw == nil {
			continue
		}
		var r jsonRecord
		dec := json.NewDecoder(bytes.NewReader(raw))
		if err := dec.Decode(&r); err != nil {
			bad = append(bad, recordError{n, fmt.Errorf("not an article object: %s", JSONProblem(err, raw))})
			continue
		}
		d := doc{Path: fmt.Sprintf("%s#%d", path, n), Format: format}
		switch {
		case strings.TrimSpace(r.Text) != "":
			d.Text = r.Text
		case strings.TrimSpace(r.HTML) != "":
			hd, err := parseHTML(d.Path, []byte(r.HTML), true)
			if err != nil {
				bad = append(bad, recordError{n, err})
				continue
			}
			d.Text, d.Warnings, d.Captions = hd.Text, hd.Warnings, hd.Captions
			if r.Title == "" {
				r.Title = hd.Meta.Title
			}
		default:
			bad = append(bad, recordError{n, fmt.Errorf("has neither \"text\" nor \"html\"")})
			continue
		}
		d.Meta = meta{ID: r.ID, Title: r.Title, Outlet: r.Outlet, Source: "JSON record", URL: r.URL, Author: r.Author, Language: r.Language}
		if d.Meta.ID == "" {
			id, ok := idFromPath(path)
			d.Meta.ID = fmt.Sprintf("%s-%d", id, n)
			d.Warnings = append(d.Warnings, idWarning(path, d.Meta.ID, ok)...)
		}
		var fields map[string]json.RawMessage
		_ = json.Unmarshal(raw, &fields) // r decoded: it is an object
		if err := recordDate(&d, dateFields(fields)); err != nil {
			bad = append(bad, recordError{n, err})
			continue
		}
		docs = append(docs, d)
	}
	return docs, bad, nil
}

// recordDate sets d's publication date from a JSON record's date fields.
// A bad "published" makes the record bad, as it always has; a bad value
// under another key ("date" may be anything in someone's feed) is a
// warning naming the key and value, and the next key is tried.
func recordDate(d *doc, fields []dateField) error {
	for _, f := range fields {
		raw := f.val.(json.RawMessage)
		if len(raw) == 0 || string(raw) == "null" {
			continue
		}
		var v any
		var s string
		if err := json.Unmarshal(raw, &s); err == nil {
			v = s
		} else {
			if f.folded == "published" {
				return fmt.Errorf("%s must be a string date like \"2019-11-08\"", f.key)
			}
			v = rawJSON(raw)
		}
		t, err := anyDate(v)
		if err != nil {
			if f.folded == "published" {
				return fmt.Errorf("%s: %w", f.key, err)
			}
			d.Warnings = append(d.Warnings, f.key+": "+err.Error())
			continue
		}
		d.Meta.Published = &t
		d.Meta.PublishedFrom = dateEvidence("JSON record", f)
		return nil
	}
	return nil
}

// jsonRecords splits a JSON file into article records: an array of
// records, an object holding such an array under "articles", "items" or
// "data", or a single record object.
func jsonRecords(text string) ([]json.RawMessage, error) {
	const want = "a JSON array of articles ({id, title, outlet, published, url, text|html})"
	trimmed := strings.TrimSpace(text)
	if strings.HasPrefix(trimmed, "[") {
		var raws []json.RawMessage
		if err := json.Unmarshal([]byte(trimmed), &raws); err != nil {
			return nil, fmt.Errorf("not %s: %s", want, JSONProblem(err, []byte(trimmed)))
		}
		return raws, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(trimmed), &obj); err != nil {
		return nil, fmt.Errorf("not %s: %s", want, JSONProblem(err, []byte(trimmed)))
	}
	for _, k := range []string{"articles", "items", "data"} {
		if v, ok := obj[k]; ok {
			var raws []json.RawMessage
			if err := json.Unmarshal(v, &raws); err != nil {
				return nil, fmt.Errorf("%q is not an array of articles: %s", k, JSONProblem(err, v))
			}
			return raws, nil
		}
	}
	if _, ok := obj["text"]; ok {
		return []json.RawMessage{json.RawMessage(trimmed)}, nil
	}
	if _, ok := obj["html"]; ok {
		return []json.RawMessage{json.RawMessage(trimmed)}, nil
	}
	return nil, fmt.Errorf("not %s: an object without \"articles\", \"text\" or \"html\"", want)
}

// parseHTML extracts the article text and metadata from a saved web page
// with go-readability. raw is decoded with the page's declared charset
// unless isUTF8.
// isUTF8 is true when raw is already decoded text (HTML inside a JSON
// record, or a page decoded from UTF-16), whatever charset it declares.
func parseHTML(path string, raw []byte, isUTF8 bool) (doc, error) {
	d := doc{Path: path, Format: "html"}
	var r io.Reader = bytes.NewReader(raw)
	if !isUTF8 {
		cr, err := charset.NewReader(r, "text/html")
		if err != nil {
			return d, fmt.Errorf("decode HTML charset: %w", err)
		}
		r = cr
	}
	node, err := html.Parse(r)
	if err != nil {
		return d, fmt.Errorf("parse HTML: %w", err)
	}
	pm := pageMeta(node)
	signoffs := signoffLines(node) // before readability, which may change the tree
	var base *url.URL
	if pm.URL != "" {
		base, _ = url.Parse(pm.URL)
	}
	if base == nil {
		base = &url.URL{Scheme: "file", Path: "/" + filepath.ToSlash(filepath.Base(path))}
	}
	art, err := readability.FromDocument(node, base)
	if err != nil {
		return d, fmt.Errorf("extract article from HTML: %w", err)
	}
	var sb strings.Builder
	if art.Node != nil {
		if err := art.RenderText(&sb); err != nil {
			return d, fmt.Errorf("render article text: %w", err)
		}
	}
	body := normalizeExtracted(sb.String())
	d.Captions = figcaptions(art.Node)
	title := firstNonEmpty(pm.Title, art.Title(), stripSiteName(pm.DocTitle, pm.SiteName))
	if title != "" && !strings.HasPrefix(strings.TrimSpace(body), title) {
		body = title + "\n\n" + body
	}
	// A reporting credit in the page footer is the article's, but
	// readability drops the footer: keep it (as furniture) at the end.
	folded := strings.Join(strings.Fields(body), " ")
	for _, l := range signoffs {
		if !strings.Contains(folded, l) {
			body += "\n" + l + "\n"
			folded += " " + l
		}
	}
	clean, counts := sanitize(body)
	d.Text = clean
	d.Warnings = append(d.Warnings, counts.warnings()...)
	d.Meta = meta{Title: title, URL: pm.URL, Author: firstNonEmpty(pm.Author, art.Byline()), Language: firstNonEmpty(pm.Language, art.Language())}
	switch {
	case pm.SiteName != "":
		d.Meta.Outlet, d.Meta.Source = pm.SiteName, "HTML "+pm.SiteNameFrom
	}
	if pm.Published != "" {
		if t, ok := ParseDate(pm.Published); ok {
			d.Meta.Published, d.Meta.PublishedFrom = &t, "HTML "+pm.PublishedFrom
		}
	}
	if d.Meta.Published == nil {
		if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
			d.Meta.Published, d.Meta.PublishedFrom = &t, "HTML metadata"
		}
	}
	if strings.TrimSpace(d.Text) == "" {
		return d, fmt.Errorf("no article text found in the HTML page")
	}
	return d, nil
}

// signoffLines returns the reporting and editing credits of a page
// ("Reporting by Aidan Lewis; Editing by Mark Heinrich"), each on one
// line as the extracted text would have it, wherever they stand.
func signoffLines(doc *html.Node) []string {
	const maxLen = 400 // longer text is not a credit line
	var out []string
	// walk returns n's text roughly (enough to test it), or full when
	// n's text is too long or holds a credit already taken.
	var walk func(n *html.Node) (text string, full bool)
	walk = func(n *html.Node) (string, bool) {
		switch n.Type {
		case html.TextNode:
			return n.Data, len(n.Data) > maxLen
		case html.ElementNode:
			switch n.Data {
			case "head", "script", "style", "noscript", "template", "svg":
				return "", false
			case "br":
				return " ", false
			}
		case html.DocumentNode:
		default:
			return "", false
		}
		var b strings.Builder
		full := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t, f := walk(c)
			full = full || f
			if !full {
				b.WriteString(t)
				if c.Type == html.ElementNode && blockElements[c.Data] {
					b.WriteByte(' ')
				}
			}
		}
		if full || b.Len() > maxLen {
			return "", true
		}
		t := strings.Join(strings.Fields(b.String()), " ")
		if n.Type != html.ElementNode || countWords(t, 30) > 30 || !signoffRE.MatchString(t) {
			return t, false
		}
		// The credit's lines as rendered, without what shares its element.
		taken := false
		for l := range strings.SplitSeq(normalizeExtracted(render.InnerText(n)), "\n") {
			if l = strings.Join(strings.Fields(l), " "); signoffRE.MatchString(l) {
				out = append(out, l)
				taken = true
			}
		}
		return t, taken
	}
	walk(doc)
	return out
}

// blockElements are the HTML elements whose text stands apart from its
// neighbours'.
var blockElements = map[string]bool{
	"p": true, "div": true, "li": true, "ul": true, "ol": true, "section": true, "article": true, "aside": true,
	"footer": true, "header": true, "main": true, "nav": true, "figure": true, "figcaption": true, "blockquote": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "td": true, "th": true, "tr": true,
	"table": true, "dd": true, "dt": true, "dl": true, "address": true, "pre": true, "hr": true,
}

// figcaptions returns the lines of the <figcaption> elements under n as
// they appear in the extracted text: the page says they are captions,
// whatever they look like.
func figcaptions(n *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "figcaption" {
			for l := range strings.SplitSeq(normalizeExtracted(render.InnerText(n)), "\n") {
				if l != "" {
					out = append(out, l)
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	return out
}

// normalizeExtracted tidies text rendered from HTML: trims each line and
// keeps at most one blank line between paragraphs.
func normalizeExtracted(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	lines := strings.Split(s, "\n")
	var out []string
	blank := false
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n")) + "\n"
}

// stripSiteName removes a trailing " - Site", " | Site" or " — Site" from a
// page title when Site is the page's site name.
func stripSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" - ", " | ", " — ", " – ", " :: "} {
		if i := strings.LastIndex(title, sep); i > 0 && strings.EqualFold(strings.TrimSpace(title[i+len(sep):]), site) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return strings.TrimSpace(x)
		}
	}
	return ""
}

// htmlMeta is the metadata a saved page states in its head.
type htmlMeta struct {
	Title, SiteName, SiteNameFrom, URL, Published, PublishedFrom, Author, Language string
	DocTitle                                                                       string // <title>, often with the site name after a separator
}

// pageMeta reads <title>, <html lang>, og:site_name, og:url, og:title,
// article:published_time, canonical links and JSON-LD from a page.
func pageMeta(n *html.Node) htmlMeta {
	var m htmlMeta
	var docTitle, ogTitle string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				if l := attr(n, "lang"); l != "" {
					m.Language = l
				}
			case "title":
				if n.FirstChild != nil && docTitle == "" {
					docTitle = strings.TrimSpace(n.FirstChild.Data)
				}
			case "meta":
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:site_name", "application-name":
					if m.SiteName == "" && val != "" {
						m.SiteName, m.SiteNameFrom = val, key
					}
				case "og:url":
					m.URL = firstNonEmpty(m.URL, val)
				case "og:title":
					ogTitle = firstNonEmpty(ogTitle, val)
				case "article:published_time", "datepublished", "pubdate", "date":
					if m.Published == "" && val != "" {
						m.Published, m.PublishedFrom = val, key
					}
				case "author", "article:author":
					m.Author = firstNonEmpty(m.Author, val)
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					m.URL = firstNonEmpty(m.URL, attr(n, "href"))
				}
			case "script":
				if strings.EqualFold(attr(n, "type"), "application/ld+json") && n.FirstChild != nil {
					jsonLD(n.FirstChild.Data, &m)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	m.Title = firstNonEmpty(ogTitle, m.Title)
	m.DocTitle = docTitle
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// jsonLD reads NewsArticle fields from a JSON-LD block: headline,
// datePublished, url, author name, publisher name.
func jsonLD(src string, m *htmlMeta) {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	var visit func(any)
	visit = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g)
			}
			str := func(k string) string { s, _ := x[k].(string); return strings.TrimSpace(s) }
			name := func(k string) string {
				switch y := x[k].(type) {
				case string:
					return y
				case map[string]any:
					s, _ := y["name"].(string)
					return s
				case []any:
					if len(y) > 0 {
						if z, ok := y[0].(map[string]any); ok {
							s, _ := z["name"].(string)
							return s
						}
					}
				}
				return ""
			}
			if _, ok := x["headline"]; !ok {
				if _, ok := x["datePublished"]; !ok {
					return
				}
			}
			if m.Published == "" && str("datePublished") != "" {
				m.Published, m.PublishedFrom = str("datePublished"), "JSON-LD datePublished"
			}
			if m.URL == "" {
				m.URL = str("url")
			}
			if m.Title == "" {
				m.Title = str("headline")
			}
			if m.Author == "" {
				m.Author = strings.TrimSpace(name("author"))
			}
			if m.SiteName == "" {
				if p := strings.TrimSpace(name("publisher")); p != "" {
					m.SiteName, m.SiteNameFrom = p, "JSON-LD publisher"
				}
			}
		}
	}
	visit(v)
}
