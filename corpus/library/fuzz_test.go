package library

import (
	"strings"
	"testing"
)

// FuzzParseFeed feeds arbitrary bytes to the feed reader: it may refuse
// them, never panic, and every item's text is on one line.
func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(rssFeed("News", [3]string{"One", "https://e.org/1", "g1"})), "application/rss+xml")
	f.Add([]byte(`<feed><entry><title>x</title><link href="/a"/></entry></feed>`), "")
	f.Add([]byte(`<rdf:RDF><item><title>&bogus;</title></item></rdf:RDF>`), "text/xml; charset=windows-1251")
	f.Add([]byte("<html><body>no</body></html>"), "text/html")
	f.Fuzz(func(t *testing.T, data []byte, ct string) {
		feed, err := ParseFeed(data, ct, "https://e.org/feed")
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if strings.ContainsAny(it.Title+it.Author, "\n\r\x1b") {
				t.Fatalf("an item's title or author spans lines or holds an escape: %q %q", it.Title, it.Author)
			}
		}
	})
}

// FuzzCanonicalURL checks that canonicalising is idempotent.
func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://www.e.org/a/amp?utm_source=x#f", "http://amp.e.org:80/amp/b/", "https://e.org/a.amp.html?b=2&a=1", "mailto:x", "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CanonicalURL(s)
		if c2 := CanonicalURL(c); c2 != c {
			t.Fatalf("CanonicalURL(%q) = %q, but CanonicalURL of that is %q", s, c, c2)
		}
	})
}
