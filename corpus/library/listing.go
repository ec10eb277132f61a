package library

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"path"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// A followed address that answers with a web page rather than a feed is
// not given up on: many outlets publish no feed, and a feed's address
// sometimes starts serving the site's front page. When the page names its
// feed (<link rel="alternate" type="application/rss+xml">), that feed is
// read instead; otherwise the page is read as a listing — a section front
// or a "latest news" page — and the links on it that look like articles
// of the same site become the items. The feed report says which was done.

// isHTMLPage reports whether a response is an HTML page rather than a feed.
func isHTMLPage(body []byte, contentType string) bool {
	head := body[:min(len(body), 4096)]
	return htmlRoot.Match(head) || mediaType(contentType) == "text/html" && !bytes.Contains(head, []byte("<rss")) && !bytes.Contains(head, []byte("<feed"))
}

// namedFeed is the address of the feed an HTML page names, resolved
// against base, or "".
func namedFeed(body []byte, base string) string {
	if m := alternateFeed.Find(body); m != nil {
		if h := hrefAttr.FindSubmatch(m); h != nil {
			return resolve(base, html.UnescapeString(string(h[1])))
		}
	}
	return ""
}

// listingItems reads an HTML page as a list of articles: the links to
// pages of the same site whose address looks like an article's, in the
// page's order, each once, titled by its longest link text.
func listingItems(body []byte, contentType, base string) []Item {
	page, err := url.Parse(base)
	if err != nil || page.Host == "" {
		return nil
	}
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		r = bytes.NewReader(body)
	}
	z := html.NewTokenizer(r)
	var items []Item
	at := map[string]int{} // link -> index in items
	href, depth := "", 0
	var text strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return items
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "a":
				href, depth = "", 1
				text.Reset()
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "href" {
						href = string(v)
					}
				}
			case "script", "style", "noscript", "svg":
				skipElement(z, string(name))
			default:
				if depth > 0 {
					depth++
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if string(name) != "a" || depth == 0 {
				if depth > 1 {
					depth--
				}
				continue
			}
			depth = 0
			link, ok := articleLink(page, href)
			if !ok {
				continue
			}
			title := strings.Join(strings.Fields(text.String()), " ")
			if i, seen := at[link]; seen {
				if len(title) > len(items[i].Title) {
					items[i].Title = title
				}
				continue
			}
			at[link] = len(items)
			items = append(items, Item{Title: title, Link: link})
		case html.TextToken:
			if depth > 0 {
				text.Write(z.Text())
				text.WriteByte(' ')
			}
		}
	}
}

// skipElement reads past the end of an element whose text is not page
// text (a script, a style sheet).
func skipElement(z *html.Tokenizer, name string) {
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.EndTagToken:
			if n, _ := z.TagName(); string(n) == name {
				return
			}
		}
	}
}

// notArticle are path segments of a site's own pages — indexes, accounts,
// policies — rather than of its articles.
var notArticle = map[string]bool{
	"tag": true, "tags": true, "category": true, "categories": true, "topic": true, "topics": true,
	"section": true, "sections": true, "author": true, "authors": true, "search": true, "login": true,
	"signin": true, "sign-in": true, "register": true, "subscribe": true, "subscription": true,
	"account": true, "about": true, "about-us": true, "contact": true, "contacts": true, "privacy": true,
	"privacy-policy": true, "terms": true, "cookies": true, "advertise": true, "advertising": true,
	"rss": true, "feed": true, "feeds": true, "page": true, "newsletter": true, "newsletters": true,
	"archive": true, "sitemap": true, "help": true, "faq": true, "jobs": true, "careers": true,
}

// notArticleExt are file types a link to an article does not have.
var notArticleExt = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true, ".pdf": true,
	".mp3": true, ".mp4": true, ".zip": true, ".xml": true, ".json": true, ".css": true, ".js": true, ".ico": true,
}

// articleLink resolves a link of a listing page and reports whether it
// looks like an article of the same site: another page of the site (or of
// a subdomain), whose path ends in a slug of three words or more, or holds
// a number of four digits or more (an id, a year) below a section, or
// names an .html page below a section — and none of whose segments names
// one of the site's own pages.
func articleLink(page *url.URL, href string) (string, bool) {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return "", false
	}
	u, err := page.Parse(href)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !sameSite(page.Hostname(), u.Hostname()) {
		return "", false
	}
	u.Fragment = ""
	if u.Path == page.Path && u.RawQuery == page.RawQuery {
		return "", false
	}
	p := strings.Trim(u.Path, "/")
	if p == "" || notArticleExt[strings.ToLower(path.Ext(p))] {
		return "", false
	}
	segs := strings.Split(strings.ToLower(p), "/")
	for _, s := range segs {
		if notArticle[s] {
			return "", false
		}
	}
	last := strings.TrimSuffix(strings.TrimSuffix(segs[len(segs)-1], ".html"), ".htm")
	switch {
	case slugWords(last) >= 3:
	case len(segs) >= 2 && (longNumber(p) || strings.HasSuffix(segs[len(segs)-1], ".html") || strings.HasSuffix(segs[len(segs)-1], ".htm")):
	default:
		return "", false
	}
	return u.String(), true
}

// sameSite reports whether host b is host a or one of its subdomains (or
// a the subdomain), ignoring a leading "www.".
func sameSite(a, b string) bool {
	a, b = strings.TrimPrefix(strings.ToLower(a), "www."), strings.TrimPrefix(strings.ToLower(b), "www.")
	return a == b || strings.HasSuffix(b, "."+a) || strings.HasSuffix(a, "."+b)
}

// slugWords counts the words of a path segment written as a slug
// ("lavrov-says-us-prepared-missile-test"): parts between hyphens or
// underscores holding a letter.
func slugWords(s string) int {
	n := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' }) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// longNumber reports whether s holds a run of four digits or more.
func longNumber(s string) bool {
	run := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			run++
			if run >= 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// readPage reads a followed address that answered with a web page: the
// feed the page names when it names one that can be read, else the page
// as a listing of articles. notFeed is ParseFeed's error for the page;
// note says what was done.
func readPage(ctx context.Context, f *Fetcher, r *Response, notFeed error) (feed *Feed, note string, err error) {
	if named := namedFeed(r.Body, r.URL); named != "" && named != r.URL {
		if nr, err := f.Get(ctx, named, "", "", feedAccept); err == nil && !nr.NotModified {
			if feed, err := ParseFeed(nr.Body, nr.ContentType, nr.URL); err == nil {
				return feed, "a web page; read the feed it names, " + named + " (follow that address instead)", nil
			}
		}
	}
	items := listingItems(r.Body, r.ContentType, r.URL)
	if len(items) == 0 {
		return nil, "", fmt.Errorf("%w; no link on it looks like an article", notFeed)
	}
	return &Feed{Format: "html", Items: items}, fmt.Sprintf("a web page, not a feed: read as a listing of %d article links", len(items)), nil
}
