package export

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

func TestHTMLReportIsSelfContainedAndEscaped(t *testing.T) {
	in := fixture(t)
	in.Notes[0].Memo = `</q><script>alert("x")</script>`
	in.Corpus.Article(tass).URL = `javascript:alert(1)`
	out := string(render(t, HTML, in, Options{}))
	if strings.Contains(out, "<script") || strings.Contains(out, "javascript:") {
		t.Error("user text reached the page unescaped")
	}
	if !strings.Contains(out, "&lt;script&gt;") {
		t.Error("the memo is missing from the page")
	}
	// Nothing is loaded from anywhere: no src attributes, style sheets,
	// imports or CSS urls.
	for _, re := range []string{`(?i)\ssrc=`, `(?i)<link\b`, `(?i)@import`, `(?i)url\(`, `(?i)<iframe`, `(?i)<object`} {
		if regexp.MustCompile(re).MatchString(out) {
			t.Errorf("the report refers to an external resource (%s)", re)
		}
	}
	// Paragraphs, quotes and memos take their direction from their text,
	// so an Arabic or Hebrew article reads right to left.
	for _, want := range []string{"@media print", "@page", `id="coverage"`, `class="legend"`, `<p dir="auto"`, `<q dir="auto"`} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// Every in-page link has a target.
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`id="([^"]+)"`).FindAllStringSubmatch(out, -1) {
		ids[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(out, -1) {
		if !ids[m[1]] {
			t.Errorf("link to #%s has no target", m[1])
		}
	}
}

func TestHTMLReportStructure(t *testing.T) {
	in := fixture(t)
	r := buildReport(in)
	if len(r.Articles) != 5 || r.Columns != 5 {
		t.Fatalf("%d article columns, want 5", len(r.Articles))
	}
	// The matrix lists the facts in the analysis's order, numbered from 1
	// as the reader numbers them.
	if len(r.Facts) != 2 || r.Facts[0].Number != 1 || r.Facts[1].Number != 2 || r.Facts[1].Outlets != 3 {
		t.Fatalf("facts not in the reader's order: %+v", r.Facts)
	}
	// The 3-outlet fact has a cell for Tasnim, TASS and Al Arabiya only.
	var filled []string
	for i, c := range r.Facts[1].Cells {
		if c.Href != "" {
			filled = append(filled, r.Outlets[i])
		}
	}
	if strings.Join(filled, ",") != "Tasnim,TASS,Al Arabiya" {
		t.Errorf("coverage row: %v", filled)
	}
	// Markers are underlined on exactly their words.
	var found bool
	for _, a := range r.Articles {
		for _, p := range a.Paras {
			for _, s := range p.Sentences {
				for _, seg := range s.Segments {
					if strings.Contains(seg.Class, "mk-intensifier") {
						found = true
						if seg.Text != "emphatically" || !strings.Contains(seg.Title, "intensifier") {
							t.Errorf("intensifier segment %q title %q", seg.Text, seg.Title)
						}
					}
				}
			}
		}
	}
	if !found {
		t.Error("no intensifier marker in the report")
	}
	// The text of every column is the article text: segments rejoin to
	// the sentences.
	for _, ha := range r.Articles {
		a := in.Corpus.Article(ha.ID)
		paras := ha.Paras
		if ha.Head != nil {
			paras = append(paras, *ha.Head)
		}
		for _, p := range paras {
			for _, s := range p.Sentences {
				var b strings.Builder
				for _, seg := range s.Segments {
					b.WriteString(seg.Text)
				}
				if !strings.Contains(a.Text, b.String()) || b.Len() == 0 {
					t.Errorf("%s: sentence text %q is not in the article", ha.ID, b.String())
				}
			}
		}
	}
	if len(r.Orphans) != 1 {
		t.Errorf("%d orphaned notes listed, want 1", len(r.Orphans))
	}
}

func TestHTMLPassageOverSeveralSentences(t *testing.T) {
	in := fixture(t)
	a := in.Corpus.Article(tass)
	// From inside sentence 3 to the end of sentence 4, across the space.
	s3, s4 := a.Sentences[3], a.Sentences[4]
	an := anchorAt(a, s3.Start+10, s4.End)
	in.Notes = []notes.Note{{ID: "span", Anchor: an, Tags: []string{"evidence"}}}
	r := buildReport(in)
	var col *htmlArticle
	for _, c := range r.Articles {
		if c.ID == tass {
			col = c
		}
	}
	var refs int
	var tagged strings.Builder
	for _, p := range col.Paras {
		for _, s := range p.Sentences {
			for _, seg := range s.Segments {
				refs += len(seg.NoteRef)
				if strings.Contains(seg.Class, "tg") {
					tagged.WriteString(seg.Text)
				}
			}
		}
	}
	if refs != 1 {
		t.Errorf("a passage over two sentences has %d note marks, want 1", refs)
	}
	if want := a.Text[s3.Start+10:s3.End] + s4.Text; tagged.String() != want {
		t.Errorf("highlighted %q, want %q", tagged.String(), want)
	}
}

// textOf returns the text content of an HTML node.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" {
			for _, c := range strings.Fields(a.Val) {
				if c == class {
					return true
				}
			}
		}
	}
	return false
}

// TestHTMLReportInBrowser opens the report in headless Chromium, takes a
// screenshot and checks the rendered DOM has a column of text per article.
func TestHTMLReportInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	chromium := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	if chromium == "" {
		needTool(t, "chromium", "chromium")
	}
	in := fixture(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := WriteFile(page, HTML, in, Options{}, false); err != nil {
		t.Fatal(err)
	}
	run := func(extra ...string) []byte {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		args := append([]string{
			"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir=" + filepath.Join(dir, "profile"), "--window-size=1400,1000",
		}, extra...)
		args = append(args, "file://"+page)
		cmd := exec.CommandContext(ctx, chromium, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("chromium %v: %v\n%s", extra, err, stderr.String())
		}
		return stdout.Bytes()
	}

	shot := filepath.Join(dir, "report.png")
	run("--screenshot=" + shot)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	colours := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[r>>8<<16|g>>8<<8|bl>>8] = true
		}
	}
	if len(colours) < 20 {
		t.Errorf("the screenshot looks blank (%d colours)", len(colours))
	}
	if dst := os.Getenv("PARALLAX_SCREENSHOT"); dst != "" {
		if data, err := os.ReadFile(shot); err == nil {
			_ = os.WriteFile(dst, data, 0o644)
		}
	}

	// It prints: Chromium lays the print style sheet out into a PDF.
	pdf := filepath.Join(dir, "report.pdf")
	run("--no-pdf-header-footer", "--print-to-pdf="+pdf)
	if data, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(data, []byte("%PDF")) || len(data) < 20000 {
		t.Errorf("printing to PDF failed: %v (%d bytes)", err, len(data))
	}

	dom := run("--dump-dom")
	doc, err := html.Parse(bytes.NewReader(dom))
	if err != nil {
		t.Fatalf("dumped DOM does not parse: %v", err)
	}
	var cols []*html.Node
	var rows int
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "article" && hasClass(n, "col") {
			cols = append(cols, n)
		}
		if n.Type == html.ElementNode && n.Data == "tr" {
			rows++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(cols) != len(in.Corpus.Articles) {
		t.Fatalf("rendered DOM has %d article columns, want %d", len(cols), len(in.Corpus.Articles))
	}
	for i, c := range cols {
		a := in.Corpus.Articles[i]
		text := textOf(c)
		if !strings.Contains(text, a.DisplayOutlet()) || len(text) < 500 {
			t.Errorf("column %d (%s) has %d bytes of text", i, a.ID, len(text))
		}
		if body := a.Body(); len(body) > 0 && !strings.Contains(text, body[0].Text) {
			t.Errorf("column %d lacks its first sentence %q", i, body[0].Text)
		}
	}
	if rows != 1+len(in.Facts) {
		t.Errorf("coverage matrix has %d rows, want %d", rows, 1+len(in.Facts))
	}
}

// TestHTMLReportSaysWhyNoFacts checks that a report without facts says the
// analysis was left out only when it was, not when it found none.
func TestHTMLReportSaysWhyNoFacts(t *testing.T) {
	in := fixture(t)
	in.Facts, in.Markers = nil, nil
	if out := string(render(t, HTML, in, Options{})); !strings.Contains(out, "No shared-fact analysis is included") {
		t.Error("a report without analysis does not say so")
	}
	in.Analysed = true
	out := string(render(t, HTML, in, Options{}))
	if strings.Contains(out, "No shared-fact analysis is included") || strings.Contains(out, "No framing markers are included") {
		t.Error("a report whose analysis found nothing says the analysis was left out")
	}
	if !strings.Contains(out, "No shared facts.") {
		t.Error("a report whose analysis found no facts does not say so")
	}
}

// The note under a column counts the furniture in words: one stretch is
// "1 stretch", not "1 stretches".
func TestHTMLFurnitureNoteCounts(t *testing.T) {
	in := fixture(t)
	counts := map[int]bool{}
	for _, a := range in.Corpus.Articles {
		counts[len(a.Furniture)] = true
	}
	if !counts[1] || !counts[3] {
		t.Fatalf("the fixture no longer has articles with 1 and 3 stretches of furniture: %v", counts)
	}
	out := string(render(t, HTML, in, Options{}))
	for _, want := range []string{`<p class="fur">1 stretch of page furniture not shown.</p>`, `<p class="fur">3 stretches of page furniture not shown.</p>`} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %s", want)
		}
	}
	if strings.Contains(out, ">1 stretches") {
		t.Error("report says '1 stretches'")
	}
}

// A sentence's "↗" names the fact it carries by the number the reader
// gives it (its position in the facts, from 1), which is also the "#"
// column of the coverage matrix, not by how many outlets carry it: in a
// printed report "↗2" must lead to row 2.
func TestHTMLFactRefsAreFactNumbers(t *testing.T) {
	in := fixture(t)
	// Fact 1 is carried by 2 outlets, fact 2 by 3: an outlet count
	// would read as the other fact's number.
	if len(in.Facts) != 2 || len(in.Facts[0].Outlets) != 2 || len(in.Facts[1].Outlets) != 3 {
		t.Fatalf("fixture facts changed: %+v", in.Facts)
	}
	out := string(render(t, HTML, in, Options{}))
	refs := regexp.MustCompile(`<span class="fref">↗<a href="#([^"]+)" title="([^"]*)">(\d+)</a></span>`).FindAllStringSubmatch(out, -1)
	if len(refs) == 0 {
		t.Fatal("no fact links after sentences")
	}
	for _, m := range refs {
		fi := -1
		for i, f := range in.Facts {
			if anchorID("f-", f.ID) == m[1] {
				fi = i
			}
		}
		if fi < 0 {
			t.Fatalf("link to #%s: no such fact", m[1])
		}
		f := in.Facts[fi]
		if want := fmt.Sprint(fi + 1); m[3] != want {
			t.Errorf("link to %s reads ↗%s, want ↗%s (its fact number)", f.ID, m[3], want)
		}
		if want := fmt.Sprintf("fact %d, carried by %d outlets", fi+1, len(f.Outlets)); m[2] != want {
			t.Errorf("link to %s has title %q, want %q", f.ID, m[2], want)
		}
	}
	// The matrix has a "#" column, its rows in number order.
	if !strings.Contains(out, `>#</th><th>Fact</th>`) {
		t.Error("coverage matrix lacks a # column")
	}
	rows := regexp.MustCompile(`<tr id="([^"]+)" title="([^"]*)"><td class="num">(\d+)</td>`).FindAllStringSubmatch(out, -1)
	if len(rows) != len(in.Facts) {
		t.Fatalf("%d numbered matrix rows, want %d", len(rows), len(in.Facts))
	}
	for i, m := range rows {
		f := in.Facts[i]
		if m[1] != anchorID("f-", f.ID) || m[3] != fmt.Sprint(i+1) || m[2] != fmt.Sprintf("fact %d, carried by %d outlets", i+1, len(f.Outlets)) {
			t.Errorf("matrix row %d: id %s, title %q, # %s", i+1, m[1], m[2], m[3])
		}
	}
}

// A sentence in two facts links to both, and is tinted, as in the
// reader, by the more widely shared one.
func TestHTMLSentenceInTwoFacts(t *testing.T) {
	in := fixture(t)
	// Fact 1 (2 outlets) also takes in the 3-outlet fact's Tasnim sentence.
	in.Facts[0].Members = append(in.Facts[0].Members, in.Facts[1].Members[0])
	r := buildReport(in)
	m := in.Facts[1].Members[0]
	var got *htmlSentence
	for _, a := range r.Articles {
		for _, p := range append(a.Paras, htmlPara{}) {
			for i := range p.Sentences {
				if s := &p.Sentences[i]; s.Anchor == anchorID("s-", m.Article+"-"+fmt.Sprint(m.Sentence)) {
					got = s
				}
			}
		}
	}
	if got == nil {
		t.Fatal("the shared sentence is not in the report")
	}
	if len(got.Facts) != 2 || got.Facts[0].Number != 1 || got.Facts[1].Number != 2 {
		t.Errorf("sentence links to %+v, want facts 1 and 2", got.Facts)
	}
	var b bytes.Buffer
	if err := writeHTML(&b, in); err != nil {
		t.Fatal(err)
	}
	if want := `<span class="fref">↗<a href="#f-fact-no-deploy" title="fact 1, carried by 2 outlets">1</a>,<a href="#f-fact-lavrov-talks" title="fact 2, carried by 3 outlets">2</a></span>`; !strings.Contains(b.String(), want) {
		t.Errorf("report lacks %s", want)
	}
	if want := corpus.ShareLevel(3, len(r.Outlets)); got.Tint != want || want <= corpus.ShareLevel(2, len(r.Outlets)) {
		t.Errorf("tint t%d, want t%d (the 3-outlet fact's level, above the 2-outlet one's)", got.Tint, want)
	}
}

// The report tints facts in the reader's levels (corpus.ShareLevel of the
// report's outlets), each level a colour far from the others, and its
// legend gives each level's outlet counts.
func TestHTMLTintsAreTheReadersLevels(t *testing.T) {
	in := fixture(t)
	r := buildReport(in)
	for _, f := range r.Facts {
		if want := corpus.ShareLevel(f.Outlets, len(r.Outlets)); f.Tint != want {
			t.Errorf("fact %d in %d of %d outlets: tint %d, want %d", f.Number, f.Outlets, len(r.Outlets), f.Tint, want)
		}
	}
	var labels []string
	for _, tn := range r.Tints {
		labels = append(labels, tn.Class+": "+tn.Label)
	}
	if want := "t1: fact shared by 2 outlets|t2: fact shared by 3 outlets|t3: fact shared by 4–5 outlets"; strings.Join(labels, "|") != want {
		t.Errorf("legend %q, want %q", strings.Join(labels, "|"), want)
	}
	css := map[string][3]float64{}
	for _, m := range regexp.MustCompile(`\.(t[0-9])\{background:#([0-9a-f]{6})\}`).FindAllStringSubmatch(reportTemplate, -1) {
		var c [3]float64
		for i := range c {
			var v int
			fmt.Sscanf(m[2][2*i:2*i+2], "%02x", &v)
			c[i] = float64(v)
		}
		css[m[1]] = c
	}
	if len(css) != corpus.ShareLevels {
		t.Fatalf("the style sheet tints %d levels (%v), want %d", len(css), css, corpus.ShareLevels)
	}
	// Far apart: at least 40 of 255 on some channel between any two (the
	// old yellows differed only in opacity).
	for a, ca := range css {
		for b, cb := range css {
			if a >= b {
				continue
			}
			far := false
			for i := range ca {
				if ca[i]-cb[i] >= 40 || cb[i]-ca[i] >= 40 {
					far = true
				}
			}
			if !far {
				t.Errorf("tints %s %v and %s %v are too close", a, ca, b, cb)
			}
		}
	}
}
