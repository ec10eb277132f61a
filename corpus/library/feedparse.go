package library

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/parallax-reader/parallax/corpus"
)

// Feed is a parsed RSS, Atom or RDF feed.
type Feed struct {
	Format string // rss, atom or rdf
	Title  string
	Link   string
	Items  []Item
}

// Item is one entry of a feed.
type Item struct {
	Title, Link, GUID, Author, Summary string
	Published                          *time.Time
}

// ErrNotFeed is wrapped by ParseFeed's error for a document that is not a
// feed (an HTML page, say).
var ErrNotFeed = errors.New("not an RSS, Atom or RDF feed")

// xmlNode is a generic XML element: enough of RSS 2.0, RSS 1.0 (RDF) and
// Atom to read their items, whatever namespace prefixes a feed uses.
type xmlNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Content  string     `xml:",chardata"`
	Children []xmlNode  `xml:",any"`
}

func (n *xmlNode) child(local string) *xmlNode {
	for i := range n.Children {
		if strings.EqualFold(n.Children[i].XMLName.Local, local) {
			return &n.Children[i]
		}
	}
	return nil
}

func (n *xmlNode) text(locals ...string) string {
	for _, l := range locals {
		if c := n.child(l); c != nil {
			if t := strings.TrimSpace(c.Content); t != "" {
				return t
			}
			// <author><name>…</name></author>
			if nm := c.child("name"); nm != nil && strings.TrimSpace(nm.Content) != "" {
				return strings.TrimSpace(nm.Content)
			}
		}
	}
	return ""
}

func (n *xmlNode) attr(local string) string {
	for _, a := range n.Attrs {
		if strings.EqualFold(a.Name.Local, local) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// htmlRoot sniffs an HTML page.
var htmlRoot = regexp.MustCompile(`(?is)^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html)`)

// alternateFeed finds a page's <link rel="alternate" type="application/rss+xml" href="…">.
var alternateFeed = regexp.MustCompile(`(?is)<link[^>]+type=["']application/(?:rss|atom)\+xml["'][^>]*>`)
var hrefAttr = regexp.MustCompile(`(?is)href=["']([^"']+)["']`)

// ParseFeed reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed. The charset
// comes from contentType, the XML declaration or sniffing (windows-1251
// and windows-1256 included); undefined entities are kept as text rather
// than failing the feed. An HTML page is refused with ErrNotFeed, naming
// the feed it links to when it names one. base resolves relative links.
func ParseFeed(body []byte, contentType, base string) (*Feed, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, fmt.Errorf("%w: the response is empty", ErrNotFeed)
	}
	if isHTMLPage(body, contentType) {
		msg := "an HTML page, not a feed"
		if named := namedFeed(body, base); named != "" {
			msg += "; the page names its feed: " + named
		}
		return nil, fmt.Errorf("%w: %s", ErrNotFeed, msg)
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		return charset.NewReaderLabel(label, r)
	}
	if label := charsetOf(contentType); label != "" && !bytes.HasPrefix(bytes.TrimSpace(body), []byte("<?xml")) {
		r, err := charset.NewReaderLabel(label, bytes.NewReader(body))
		if err == nil {
			dec = xml.NewDecoder(r)
			dec.Strict, dec.Entity = false, xml.HTMLEntity
		}
	}
	var root xmlNode
	if err := dec.Decode(&root); err != nil {
		return nil, fmt.Errorf("%w: the XML cannot be read (%v)", ErrNotFeed, err)
	}
	f := &Feed{}
	var items []xmlNode
	switch strings.ToLower(root.XMLName.Local) {
	case "rss":
		f.Format = "rss"
		ch := root.child("channel")
		if ch == nil {
			return nil, fmt.Errorf("%w: an <rss> document without a <channel>", ErrNotFeed)
		}
		f.Title, f.Link = ch.text("title"), ch.text("link")
		for _, c := range ch.Children {
			if strings.EqualFold(c.XMLName.Local, "item") {
				items = append(items, c)
			}
		}
	case "rdf":
		f.Format = "rdf"
		if ch := root.child("channel"); ch != nil {
			f.Title, f.Link = ch.text("title"), ch.text("link")
		}
		for _, c := range root.Children {
			if strings.EqualFold(c.XMLName.Local, "item") {
				items = append(items, c)
			}
		}
	case "feed":
		f.Format = "atom"
		f.Title = root.text("title")
		f.Link = atomLink(&root)
		for _, c := range root.Children {
			if strings.EqualFold(c.XMLName.Local, "entry") {
				items = append(items, c)
			}
		}
	case "html":
		return nil, fmt.Errorf("%w: an HTML page, not a feed", ErrNotFeed)
	default:
		return nil, fmt.Errorf("%w: its root element is <%s>", ErrNotFeed, root.XMLName.Local)
	}
	for i := range items {
		it := &items[i]
		var item Item
		item.Title = cleanLine(it.text("title"))
		if f.Format == "atom" {
			item.Link = atomLink(it)
			item.GUID = it.text("id")
			item.Summary = it.text("summary", "content")
		} else {
			item.Link = it.text("link")
			item.GUID = it.text("guid")
			if item.GUID == "" {
				item.GUID = it.attr("about")
			}
			item.Summary = it.text("description", "encoded")
		}
		item.Link = resolve(base, item.Link)
		item.Author = cleanLine(it.text("creator", "author"))
		if d := it.text("pubDate", "published", "date", "issued", "updated", "modified"); d != "" {
			item.Published = parseFeedDate(d)
		}
		if item.Link == "" && strings.HasPrefix(item.GUID, "http") {
			item.Link = item.GUID
		}
		f.Items = append(f.Items, item)
	}
	return f, nil
}

// atomLink is an Atom element's alternate link (or its first link).
func atomLink(n *xmlNode) string {
	first := ""
	for i := range n.Children {
		c := &n.Children[i]
		if !strings.EqualFold(c.XMLName.Local, "link") {
			continue
		}
		href := c.attr("href")
		if href == "" {
			href = strings.TrimSpace(c.Content)
		}
		if rel := c.attr("rel"); rel == "" || rel == "alternate" {
			return href
		}
		if first == "" {
			first = href
		}
	}
	return first
}

func resolve(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	b, err := url.Parse(base)
	if err != nil || b.Host == "" {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}

// cleanLine sanitises a feed field for one line.
func cleanLine(s string) string {
	s, _ = corpus.Sanitize(s)
	return strings.Join(strings.Fields(s), " ")
}

// parseFeedDate reads RSS (RFC 822 and its variants) and Atom (RFC 3339)
// dates.
func parseFeedDate(s string) *time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
		"2 Jan 2006 15:04:05 -0700", "Mon, 02 Jan 2006 15:04 -0700", time.RFC822Z, time.RFC822, time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return &t
		}
	}
	if t, ok := corpus.ParseDate(s); ok {
		return &t
	}
	return nil
}

// charsetOf is the charset parameter of a Content-Type header.
func charsetOf(ct string) string {
	for _, part := range strings.Split(ct, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if ok && strings.EqualFold(k, "charset") {
			return strings.Trim(v, `"' `)
		}
	}
	return ""
}
