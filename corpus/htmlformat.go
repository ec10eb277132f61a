package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

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
	title := FirstNonEmpty(pm.Title, art.Title(), stripSiteName(pm.DocTitle, pm.SiteName))
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
	d.Meta = meta{Title: title, URL: pm.URL, Author: FirstNonEmpty(pm.Author, art.Byline()), Language: FirstNonEmpty(pm.Language, art.Language())}
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
		if n.Type != html.ElementNode || CountWords(t, 30) > 30 || !signoffRE.MatchString(t) {
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
func normalizeExtracted(s string) string { return TidyLines(s, false) }

// TidyLines tidies text rendered from HTML: no-break spaces become spaces,
// each line is trimmed (and with squeeze its runs of white space become
// one space), and at most one blank line is kept between paragraphs.
func TidyLines(s string, squeeze bool) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	var out []string
	blank := false
	for _, l := range strings.Split(s, "\n") {
		if squeeze {
			l = strings.Join(strings.Fields(l), " ")
		} else {
			l = strings.TrimSpace(l)
		}
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

// FirstNonEmpty returns the first of s that is not blank, trimmed; "" when
// all are.
func FirstNonEmpty(s ...string) string {
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
				if l := HTMLAttr(n, "lang"); l != "" {
					m.Language = l
				}
			case "title":
				if n.FirstChild != nil && docTitle == "" {
					docTitle = strings.TrimSpace(n.FirstChild.Data)
				}
			case "meta":
				key := strings.ToLower(FirstNonEmpty(HTMLAttr(n, "property"), HTMLAttr(n, "name"), HTMLAttr(n, "itemprop")))
				val := strings.TrimSpace(HTMLAttr(n, "content"))
				switch key {
				case "og:site_name", "application-name":
					if m.SiteName == "" && val != "" {
						m.SiteName, m.SiteNameFrom = val, key
					}
				case "og:url":
					m.URL = FirstNonEmpty(m.URL, val)
				case "og:title":
					ogTitle = FirstNonEmpty(ogTitle, val)
				case "article:published_time", "datepublished", "pubdate", "date":
					if m.Published == "" && val != "" {
						m.Published, m.PublishedFrom = val, key
					}
				case "author", "article:author":
					m.Author = FirstNonEmpty(m.Author, val)
				}
			case "link":
				if strings.EqualFold(HTMLAttr(n, "rel"), "canonical") {
					m.URL = FirstNonEmpty(m.URL, HTMLAttr(n, "href"))
				}
			case "script":
				if strings.EqualFold(HTMLAttr(n, "type"), "application/ld+json") && n.FirstChild != nil {
					jsonLD(n.FirstChild.Data, &m)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	m.Title = FirstNonEmpty(ogTitle, m.Title)
	m.DocTitle = docTitle
	return m
}

// HTMLAttr returns the value of an HTML element's attribute (its name in
// any case), or "".
func HTMLAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// WalkJSONLD calls f with every object of a JSON-LD block (those inside
// lists and @graph included); a malformed block calls it never.
func WalkJSONLD(src string, f func(map[string]any)) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
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
			f(x)
		}
	}
	visit(v)
}

// jsonLD reads NewsArticle fields from a JSON-LD block: headline,
// datePublished, url, author name, publisher name.
func jsonLD(src string, m *htmlMeta) {
	WalkJSONLD(src, func(x map[string]any) {
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
	})
}
