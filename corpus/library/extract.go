package library

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/parallax-reader/parallax/corpus"
)

// ExtractorVersion is recorded with every version the extractor produced;
// it changes when the extraction rules change enough to alter texts.
const ExtractorVersion = "1"

// The extractors a version can come from.
const (
	ExtractorRules       = "rules"       // per-outlet CSS selectors (rules.json)
	ExtractorJSONLD      = "jsonld"      // the page's JSON-LD articleBody
	ExtractorReadability = "readability" // go-readability
)

// minBody is the least body text (in bytes) an extractor must find for
// its result to be taken.
const minBody = 200

// Extracted is the article a page holds.
type Extracted struct {
	Title, Canonical, Author, Language, SiteName string
	Published                                    *time.Time
	// Text is the article text, its title line first.
	Text string
	// Extractor names what produced Text: "rules:TASS", "jsonld" or
	// "readability".
	Extractor string
}

// Extract finds the article in an HTML page fetched from pageURL. The
// charset comes from contentType, the page's meta tags or sniffing. The
// page's own rules (by its domain) are tried first, then the JSON-LD
// articleBody, then readability.
func Extract(raw []byte, pageURL, contentType string, rules *Rules) (Extracted, error) {
	return extract(raw, pageURL, contentType, rules, true)
}

// extract is Extract; without useJSONLD the JSON-LD articleBody is not
// tried (to measure readability alone).
func extract(raw []byte, pageURL, contentType string, rules *Rules, useJSONLD bool) (Extracted, error) {
	var ex Extracted
	r, err := charset.NewReader(bytes.NewReader(raw), contentType)
	if err != nil {
		return ex, fmt.Errorf("decode the page's charset: %w", err)
	}
	doc, err := html.Parse(r)
	if err != nil {
		return ex, fmt.Errorf("parse HTML: %w", err)
	}
	m := readMeta(doc)
	ex.Canonical, ex.Author, ex.Language, ex.SiteName = m.canonical, m.author, m.language, m.siteName
	if m.published != "" {
		if t, ok := corpus.ParseDate(m.published); ok {
			ex.Published = &t
		}
	}
	base, _ := url.Parse(pageURL)
	if base == nil || base.Host == "" {
		base, _ = url.Parse(m.canonical)
	}
	if base == nil {
		base = &url.URL{Scheme: "https", Host: "localhost", Path: "/"}
	}
	var body string
	if rule := rules.For(pageURL, m.canonical); rule != nil {
		if t := rule.apply(doc); len(t) >= minBody {
			body, ex.Extractor = t, ExtractorRules+":"+rule.Outlet
		}
	}
	if body == "" && useJSONLD && len(m.articleBody) >= minBody {
		body, ex.Extractor = paragraphsOf(m.articleBody), ExtractorJSONLD
	}
	var art readability.Article
	if body == "" || m.title == "" {
		parser := readability.NewParser()
		a, err := parser.ParseDocument(doc, base)
		if err != nil && body == "" {
			return ex, fmt.Errorf("extract the article: %w", err)
		}
		art = a
		if body == "" && a.Node != nil {
			var sb strings.Builder
			if err := a.RenderText(&sb); err != nil {
				return ex, fmt.Errorf("render the article text: %w", err)
			}
			body, ex.Extractor = tidy(sb.String()), ExtractorReadability
		}
	}
	if strings.TrimSpace(body) == "" {
		return ex, fmt.Errorf("no article text found in the page")
	}
	ex.Title = corpus.FirstNonEmpty(m.title, art.Title(), m.docTitle)
	if ex.Author == "" {
		ex.Author = art.Byline()
	}
	if ex.Language == "" {
		ex.Language = art.Language()
	}
	if ex.Published == nil {
		if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
			ex.Published = &t
		}
	}
	if ex.Title != "" && !strings.HasPrefix(strings.TrimSpace(body), ex.Title) {
		body = ex.Title + "\n\n" + body
	}
	ex.Text = body
	return ex, nil
}

// tidy trims each line, squeezes its white space and keeps one blank line
// between paragraphs (corpus.TidyLines).
func tidy(s string) string { return corpus.TidyLines(s, true) }

// paragraphsOf turns a JSON-LD articleBody (paragraphs on lines, or one
// run of text, sometimes with HTML tags) into paragraphs.
func paragraphsOf(s string) string {
	if strings.Contains(s, "<") {
		if n, err := html.Parse(strings.NewReader(s)); err == nil {
			s = render.InnerText(n)
		}
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n\n") + "\n"
}

// pageMeta is what a page says about its article in its head.
type pageMeta struct {
	title, docTitle, canonical, author, language, siteName, published, articleBody string
}

// readMeta reads <title>, <html lang>, og: and article: meta tags,
// rel=canonical and JSON-LD (headline, datePublished, author,
// articleBody, url).
func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var og, ld pageMeta
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				m.language = corpus.FirstNonEmpty(m.language, corpus.HTMLAttr(n, "lang"))
			case "title":
				if n.FirstChild != nil && m.docTitle == "" {
					m.docTitle = strings.TrimSpace(n.FirstChild.Data)
				}
			case "meta":
				key := strings.ToLower(corpus.FirstNonEmpty(corpus.HTMLAttr(n, "property"), corpus.HTMLAttr(n, "name"), corpus.HTMLAttr(n, "itemprop")))
				val := strings.TrimSpace(corpus.HTMLAttr(n, "content"))
				switch key {
				case "og:title":
					og.title = corpus.FirstNonEmpty(og.title, val)
				case "og:url":
					og.canonical = corpus.FirstNonEmpty(og.canonical, val)
				case "og:site_name":
					m.siteName = corpus.FirstNonEmpty(m.siteName, val)
				case "article:published_time", "datepublished", "pubdate":
					og.published = corpus.FirstNonEmpty(og.published, val)
				case "author", "article:author":
					if !strings.HasPrefix(val, "http") {
						og.author = corpus.FirstNonEmpty(og.author, val)
					}
				}
			case "link":
				if strings.EqualFold(corpus.HTMLAttr(n, "rel"), "canonical") {
					m.canonical = corpus.FirstNonEmpty(m.canonical, corpus.HTMLAttr(n, "href"))
				}
			case "script":
				if strings.EqualFold(strings.TrimSpace(corpus.HTMLAttr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					readJSONLD(n.FirstChild.Data, &ld)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	m.title = corpus.FirstNonEmpty(ld.title, og.title)
	m.canonical = corpus.FirstNonEmpty(m.canonical, og.canonical, ld.canonical)
	m.published = corpus.FirstNonEmpty(ld.published, og.published)
	m.author = corpus.FirstNonEmpty(ld.author, og.author)
	m.articleBody = ld.articleBody
	return m
}

// articleTypes are the schema.org types whose fields describe the article.
var articleTypes = map[string]bool{"newsarticle": true, "article": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "blogposting": true, "webpage": false}

// readJSONLD reads an article's fields from a JSON-LD block; a malformed
// block is ignored.
func readJSONLD(src string, m *pageMeta) {
	corpus.WalkJSONLD(src, func(x map[string]any) {
		if !isArticleType(x["@type"]) {
			return
		}
		str := func(k string) string { s, _ := x[k].(string); return strings.TrimSpace(s) }
		m.title = corpus.FirstNonEmpty(m.title, str("headline"))
		m.published = corpus.FirstNonEmpty(m.published, str("datePublished"))
		m.canonical = corpus.FirstNonEmpty(m.canonical, str("url"))
		if len(str("articleBody")) > len(m.articleBody) {
			m.articleBody = str("articleBody")
		}
		m.author = corpus.FirstNonEmpty(m.author, names(x["author"]))
	})
}

func isArticleType(t any) bool {
	switch y := t.(type) {
	case string:
		return articleTypes[strings.ToLower(y)]
	case []any:
		for _, e := range y {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// names joins the names of a JSON-LD author value (a string, an object
// with a name, or a list of either).
func names(v any) string {
	switch y := v.(type) {
	case string:
		return strings.TrimSpace(y)
	case map[string]any:
		s, _ := y["name"].(string)
		return strings.TrimSpace(s)
	case []any:
		var out []string
		for _, e := range y {
			if n := names(e); n != "" {
				out = append(out, n)
			}
		}
		return strings.Join(out, ", ")
	}
	return ""
}
