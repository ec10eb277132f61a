package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/parallax-reader/parallax/ui"
)

// The documentation is part of the product: these tests keep README.md a
// landing page, every relative link in it and in docs/ pointing at a file
// and heading that exist, and the key table in docs/reader.md the one the
// key map generates.

var update = flag.Bool("update", false, "rewrite the generated key table in docs/reader.md")

// readmeMaxWords is the landing page's budget; the rest belongs in docs/.
const readmeMaxWords = 2000

// pendingPages are pages the README's index links to that are being
// written on other branches. A missing one is logged, not failed; once it
// exists its links and headings are checked like any other page.
var pendingPages = map[string]bool{
	"docs/speed.md":       true,
	"docs/reliability.md": true,
	"docs/stories.md":     true,
}

// keyTablePage holds the generated key table between the two markers.
const (
	keyTablePage  = "docs/reader.md"
	keyTableBegin = "<!-- keys:begin"
	keyTableEnd   = "<!-- keys:end -->"
)

func TestDocsReadmeIsALandingPage(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	// Words as wc -w counts them: runs of non-space characters.
	if n := len(strings.Fields(string(b))); n > readmeMaxWords {
		t.Errorf("README.md has %d words, more than %d: move the detail into a page under docs/ and link it", n, readmeMaxWords)
	}
}

func TestDocsLinks(t *testing.T) {
	pages := docPages(t)
	headings := map[string]map[string]bool{} // page → its heading anchors
	anchorsOf := func(page string) (map[string]bool, error) {
		if h, ok := headings[page]; ok {
			return h, nil
		}
		b, err := os.ReadFile(page)
		if err != nil {
			return nil, err
		}
		h := markdownAnchors(string(b))
		headings[page] = h
		return h, nil
	}
	checked := 0
	for _, page := range pages {
		b, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range markdownLinks(string(b)) {
			target, frag, _ := strings.Cut(l.target, "#")
			dest := page
			if target != "" {
				dest = filepath.ToSlash(filepath.Clean(filepath.Join(filepath.Dir(page), target)))
			}
			where := fmt.Sprintf("%s:%d: link %q", page, l.line, l.target)
			if strings.HasPrefix(dest, "../") {
				t.Errorf("%s leaves the repository", where)
				continue
			}
			if _, err := os.Stat(dest); err != nil {
				if pendingPages[dest] {
					t.Logf("%s: %s is not written yet (pending on another branch)", where, dest)
					continue
				}
				t.Errorf("%s: %s does not exist", where, dest)
				continue
			}
			checked++
			if frag == "" || !strings.HasSuffix(dest, ".md") {
				continue
			}
			anchors, err := anchorsOf(dest)
			if err != nil {
				t.Errorf("%s: %v", where, err)
				continue
			}
			if !anchors[frag] {
				t.Errorf("%s: %s has no heading with the anchor #%s", where, dest, frag)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no relative links found: the link scanner is broken")
	}
}

func TestDocsKeyTable(t *testing.T) {
	b, err := os.ReadFile(keyTablePage)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	begin := strings.Index(doc, keyTableBegin)
	end := strings.Index(doc, keyTableEnd)
	if begin < 0 || end < begin {
		t.Fatalf("%s has no generated key table between %q and %q", keyTablePage, keyTableBegin, keyTableEnd)
	}
	begin += strings.Index(doc[begin:], "\n") + 1 // the table starts after the marker's line
	want := ui.KeysMarkdown()
	if doc[begin:end] == want {
		return
	}
	if *update {
		if err := os.WriteFile(keyTablePage, []byte(doc[:begin]+want+doc[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote the key table in %s", keyTablePage)
		return
	}
	t.Errorf("the key table in %s is not the one the key map generates; run: go test . -run TestDocsKeyTable -update", keyTablePage)
}

// docPages returns README.md and every Markdown page under docs/.
func docPages(t *testing.T) []string {
	t.Helper()
	pages := []string{"README.md"}
	err := filepath.WalkDir("docs", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			pages = append(pages, filepath.ToSlash(p))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// link is a relative Markdown link (or image) and the line it is on.
type link struct {
	target string
	line   int
}

// linkRE matches [text](target) and ![alt](target), with an optional title.
var linkRE = regexp.MustCompile(`!?\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)`)

// markdownLinks returns the links to files of the repository: not those in
// code blocks or code spans, not web addresses.
func markdownLinks(doc string) []link {
	var out []link
	for i, ln := range proseLines(doc) {
		if ln == "" {
			continue
		}
		code := codeSpans(ln)
		for _, m := range linkRE.FindAllStringSubmatchIndex(ln, -1) {
			if code[m[0]] {
				continue
			}
			target := ln[m[4]:m[5]]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") || strings.HasPrefix(target, "//") {
				continue
			}
			out = append(out, link{target: target, line: i + 1})
		}
	}
	return out
}

// markdownAnchors returns the anchors GitHub gives the headings of a page.
func markdownAnchors(doc string) map[string]bool {
	out := map[string]bool{}
	seen := map[string]int{}
	for _, ln := range proseLines(doc) {
		level := len(ln) - len(strings.TrimLeft(ln, "#"))
		if level == 0 || level > 6 || !strings.HasPrefix(ln[level:], " ") {
			continue
		}
		s := slug(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(ln[level:]), "#")))
		if n := seen[s]; n > 0 {
			out[fmt.Sprintf("%s-%d", s, n)] = true
		} else {
			out[s] = true
		}
		seen[s]++
	}
	return out
}

// proseLines returns the page's lines with those of code blocks (fenced,
// or indented by four spaces after a blank line) blanked, so line numbers
// stay right.
func proseLines(doc string) []string {
	lines := strings.Split(doc, "\n")
	out := make([]string, len(lines))
	fence := ""
	indented := false
	for i, ln := range lines {
		trim := strings.TrimLeft(ln, " ")
		switch {
		case fence != "":
			if strings.HasPrefix(trim, fence) {
				fence = ""
			}
			continue
		case strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~"):
			fence = trim[:3]
			continue
		}
		blankBefore := i == 0 || strings.TrimSpace(lines[i-1]) == ""
		isIndented := strings.HasPrefix(ln, "    ") || strings.HasPrefix(ln, "\t")
		if isIndented && (blankBefore || indented) {
			indented = true
			continue
		}
		indented = indented && strings.TrimSpace(ln) == ""
		out[i] = ln
	}
	return out
}

// codeSpans marks the bytes of a line that are inside `code spans`.
func codeSpans(ln string) []bool {
	in := make([]bool, len(ln)+1)
	for i := 0; i < len(ln); {
		if ln[i] != '`' {
			i++
			continue
		}
		n := 1
		for i+n < len(ln) && ln[i+n] == '`' {
			n++
		}
		tick := strings.Repeat("`", n)
		closing := strings.Index(ln[i+n:], tick)
		if closing < 0 {
			i += n
			continue
		}
		end := i + n + closing + n
		for j := i; j < end; j++ {
			in[j] = true
		}
		i = end
	}
	return in
}

// slug is GitHub's anchor for a heading: the text as rendered (links as
// their text, code without backticks), lower-cased, without punctuation
// other than hyphens and underscores, spaces turned into hyphens.
func slug(heading string) string {
	heading = linkRE.ReplaceAllString(heading, "$1")
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestDocsSlug(t *testing.T) {
	for _, c := range []struct{ heading, want string }{
		{"Shared facts, discrepancies and omissions (`corpus/compare`)", "shared-facts-discrepancies-and-omissions-corpuscompare"},
		{"JSON (`--format json`) — W3C Web Annotation tools; `parallax import`", "json---format-json--w3c-web-annotation-tools-parallax-import"},
		{"`parallax list --json`", "parallax-list---json"},
		{"3. A memo, a repeated tag, the tags of a sentence", "3-a-memo-a-repeated-tag-the-tags-of-a-sentence"},
		{"See [the notes](notes.md) first", "see-the-notes-first"},
		{"Größe und Café", "größe-und-café"},
	} {
		if got := slug(c.heading); got != c.want {
			t.Errorf("slug(%q) = %q, want %q", c.heading, got, c.want)
		}
	}
	got := markdownAnchors("# A\n\n```\n# not a heading\n```\n\n## A\n\n    # indented code\n")
	want := map[string]bool{"a": true, "a-1": true}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("anchors: got %v, want %v", got, want)
	}
}

func TestDocsLinkScanner(t *testing.T) {
	doc := "See [a](a.md#x) and ![img](p.png), not `[b](b.md)` nor [web](https://example.org).\n\n" +
		"```\n[c](c.md)\n```\n\n    [d](d.md)\n\nText [e](e.md \"title\").\n"
	var got []string
	for _, l := range markdownLinks(doc) {
		got = append(got, fmt.Sprintf("%s@%d", l.target, l.line))
	}
	if want := "[a.md#x@1 p.png@1 e.md@9]"; fmt.Sprint(got) != want {
		t.Errorf("links: got %v, want %s", got, want)
	}
}
