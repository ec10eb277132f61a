package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// tricky holds text that Markdown would otherwise turn into markup.
var tricky = []string{
	"plain text",
	"a | pipe and || two",
	"*not emphasis* and _not either_ and **nor this**",
	"[not a link](http://example.com) ![nor an image](x.png)",
	"<b>not html</b> <script>alert(1)</script> &amp; &#39; AT&T",
	"`not code` and ``double``",
	"- not a list item",
	"+ nor this",
	"1. not an ordered list",
	"2) nor this",
	"# not a heading",
	"> not a quote",
	"=== not a setext underline",
	"back\\slash \\* escaped",
	"~~not struck~~ and ~single~",
	"http://example.com/auto <http://example.com> www.example.org and awww.x",
	"$x$ and 50% %% not a comment %%",
	"a #hashtag and ^[inline footnote]",
}

var (
	tagRE  = regexp.MustCompile(`<[^>]+>`)
	linkRE = regexp.MustCompile(`</?a\b[^>]*>`)
)

// markup counts the HTML tags in out, leaving out the links GFM makes of
// bare web addresses (they keep the text).
func markup(out string) int { return len(tagRE.FindAllString(linkRE.ReplaceAllString(out, ""), -1)) }

// renderMD renders Markdown with CommonMark plus the GFM extensions
// (tables, strikethrough, autolinks).
func renderMD(t *testing.T, src string) string {
	t.Helper()
	var buf bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	if err := md.Convert([]byte(src), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestMarkdownEscapeRendersLiterally(t *testing.T) {
	for _, s := range tricky {
		// As a line of a block quote.
		out := renderMD(t, "> "+mdLine(s)+"\n")
		body := strings.TrimSpace(out)
		if !strings.HasPrefix(body, "<blockquote>\n<p>") || !strings.HasSuffix(body, "</p>\n</blockquote>") || markup(body) != 4 {
			t.Errorf("quote line %q rendered with markup:\n%s", s, out)
		}
		if got := html.UnescapeString(tagRE.ReplaceAllString(out, "")); strings.TrimSpace(got) != s {
			t.Errorf("quote line %q renders as text %q", s, strings.TrimSpace(got))
		}
		// As a table cell: one row of exactly two cells.
		table := "| a | b |\n| --- | --- |\n| " + mdCell(s) + " | end |\n"
		out = renderMD(t, table)
		if n := strings.Count(out, "<td>"); n != 2 {
			t.Errorf("table cell %q split into %d cells:\n%s", s, n, out)
		}
		cell := out[strings.Index(out, "<td>")+4 : strings.Index(out, "</td>")]
		if got := html.UnescapeString(linkRE.ReplaceAllString(cell, "")); got != s {
			t.Errorf("table cell %q renders as %q", s, got)
		}
	}
}

func TestMarkdownEscapesObsidianSyntax(t *testing.T) {
	got := mdEscape("cost $5 and $6 %% hidden %% #tag")
	for _, want := range []string{`\$5`, `\$6`, `%\%`, `\#tag`} {
		if !strings.Contains(got, want) {
			t.Errorf("mdEscape: %q lacks %q", got, want)
		}
	}
	if hashTag("blame us!") != "blame-us-" || hashTag("blame/us") != "blame/us" || hashTag("2019") != "tag-2019" {
		t.Errorf("hashTag: %q %q %q", hashTag("blame us!"), hashTag("blame/us"), hashTag("2019"))
	}
}

func TestMarkdownContent(t *testing.T) {
	in := fixture(t)
	md := string(render(t, Markdown, in, Options{InlineTags: true}))
	for _, want := range []string{
		"## Tags per outlet", "## Quote matrix", "> #threat #-escalation",
		"— **TASS**, \\~2019-11-08, *US presents no proof", // approximate: issue 17 item 14
		"**Memo:** Scare quotes? Compare \\| AA \\[link\\](http://x)",
		"| evidence | 0 | 0 | 0 | 2 | 0 | 2 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	// Every table row of the summary has as many cells as its header.
	out := renderMD(t, md)
	if strings.Count(out, "<table>") != 2 {
		t.Errorf("want 2 tables (summary, quote matrix), got %d", strings.Count(out, "<table>"))
	}
	if strings.Contains(out, "<em>demand for proof</em>") || strings.Contains(out, `">link</a>`) {
		t.Error("memo text was rendered as Markdown")
	}
	if !regexp.MustCompile(`html&lt;/b&gt;\.<br\s*/?>\s*Second line`).MatchString(out) {
		t.Error("a line break in a memo is not kept")
	}
	// A source link is written when the article has a URL.
	in.Corpus.Article(tass).URL = "https://tass.com/politics/1088223"
	md = string(render(t, Markdown, in, Options{}))
	if !strings.Contains(md, "[US presents no proof of Russia’s deployment of intermediate range missiles — Lavrov](<https://tass.com/politics/1088223>)") {
		t.Error("no source link for an article with a URL")
	}
}

func TestCSVRereadAndFormulaCells(t *testing.T) {
	in := fixture(t)
	data := render(t, CSV, in, Options{})
	r := csv.NewReader(bytes.NewReader(data))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read the export back: %v", err)
	}
	header := rows[0]
	if strings.Join(header, ",") != strings.Join(csvHeader(), ",") {
		t.Fatalf("header = %v", header)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	want := 0
	for _, n := range in.Notes {
		want += max(1, len(n.Tags))
	}
	if len(rows)-1 != want {
		t.Fatalf("%d data rows, want one per (passage, tag) = %d", len(rows)-1, want)
	}
	if !bytes.Contains(data, []byte("\r\n")) || bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("rows are not CRLF-terminated (RFC 4180)")
	}
	for _, row := range rows[1:] {
		for i, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("column %s starts with a formula character: %q", header[i], cell)
			}
		}
		// Quotes and offsets agree with the article text.
		a := in.Corpus.Article(row[col["article"]])
		if row[col["orphaned"]] == "false" {
			s, err1 := strconv.Atoi(row[col["start"]])
			e, err2 := strconv.Atoi(row[col["end"]])
			if err1 != nil || err2 != nil {
				t.Fatalf("offsets %q, %q are not numbers", row[col["start"]], row[col["end"]])
			}
			if a.Text[s:e] != row[col["quote"]] {
				t.Errorf("row quote %q is not text[%d:%d]", row[col["quote"]], s, e)
			}
		}
	}
	var formula, tagged bool
	for _, row := range rows[1:] {
		if row[col["memo"]] == `'=HYPERLINK("http://evil.example","click")` {
			formula = true
		}
		if row[col["tag"]] == "'+escalation" {
			tagged = true
		}
	}
	if !formula || !tagged {
		t.Errorf("formula cells not escaped with a leading apostrophe (memo %v, tag %v)", formula, tagged)
	}
	// A memo with a line break survives the round trip.
	found := false
	for _, row := range rows[1:] {
		if row[col["memo"]] == in.Notes[1].Memo {
			found = true
		}
	}
	if !found {
		t.Error("a two-line memo did not survive CSV")
	}
	// The BOM option prefixes exactly the UTF-8 byte order mark.
	bom := render(t, CSV, in, Options{BOM: true})
	if !bytes.Equal(bom, append([]byte("\uFEFF"), data...)) {
		t.Error("BOM option does not just prefix U+FEFF")
	}
}

func TestCellText(t *testing.T) {
	cases := map[string]string{
		"":            "",
		"=1+1":        "'=1+1",
		"+1":          "'+1",
		"-1":          "'-1",
		"@SUM(A1)":    "'@SUM(A1)",
		"\tx":         "'\tx",
		"\rx":         "'\rx",
		"plain":       "plain",
		"a=b":         "a=b",
		"line\r\nnew": "line\nnew",
	}
	for in, want := range cases {
		if got := cellText(in); got != want {
			t.Errorf("cellText(%q) = %q, want %q", in, got, want)
		}
	}
}

// importAll places the imported notes the way `parallax import` does and
// merges them into existing notes, a note per passage: a passage already
// noted gains the new tags, and a new memo is appended.
func importAll(t *testing.T, in Input, existing []notes.Note, imported []ImportedNote) []notes.Note {
	t.Helper()
	out := append([]notes.Note(nil), existing...)
	for _, im := range imported {
		if im.Problem != "" {
			t.Fatalf("annotation %s not importable: %s", im.Note.ID, im.Problem)
		}
		n := im.Note
		if a, ok := Place(in.Corpus, im); ok {
			n.Anchor = a
		}
		merged := false
		for i := range out {
			o := &out[i]
			if o.Anchor.Article == n.Anchor.Article && o.Anchor.Start == n.Anchor.Start && o.Anchor.End == n.Anchor.End && o.Anchor.Quote == n.Anchor.Quote {
				for _, tg := range n.Tags {
					if !contains(o.Tags, tg) {
						o.Tags = append(o.Tags, tg)
					}
				}
				if n.Memo != "" && n.Memo != o.Memo {
					o.Memo = strings.TrimSpace(o.Memo + "\n\n" + n.Memo)
				}
				merged = true
			}
		}
		if !merged {
			out = append(out, n)
		}
	}
	return out
}

func TestJSONRoundTrip(t *testing.T) {
	in := fixture(t)
	first := render(t, JSON, in, Options{})

	var doc map[string]any
	if err := json.Unmarshal(first, &doc); err != nil {
		t.Fatal(err)
	}
	if ctx := doc["@context"].([]any); ctx[0] != AnnoContext {
		t.Fatalf("@context starts with %v, want %s", ctx[0], AnnoContext)
	}
	items := doc["first"].(map[string]any)["items"].([]any)
	a0 := items[0].(map[string]any)
	if a0["type"] != "Annotation" {
		t.Errorf("item type %v", a0["type"])
	}
	sel := a0["target"].(map[string]any)["selector"].([]any)
	if sel[0].(map[string]any)["type"] != "TextQuoteSelector" || sel[1].(map[string]any)["type"] != "TextPositionSelector" {
		t.Errorf("selectors: %v", sel)
	}

	codes, imported, err := ReadAnnotations(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if len(imported) != len(in.Notes) {
		t.Fatalf("read %d annotations, want %d", len(imported), len(in.Notes))
	}
	// Import into an empty store, export again: the same file.
	again := in
	again.Codebook = codes
	again.Notes = importAll(t, in, nil, imported)
	second := render(t, JSON, again, Options{})
	if !bytes.Equal(first, second) {
		t.Fatalf("export → import → export differs:\n%s", firstDiff(first, second))
	}
	// Importing the same file twice adds nothing.
	twice := importAll(t, in, again.Notes, imported)
	if len(twice) != len(in.Notes) {
		t.Fatalf("importing twice gives %d notes, want %d", len(twice), len(in.Notes))
	}
	again.Notes = twice
	if third := render(t, JSON, again, Options{}); !bytes.Equal(first, third) {
		t.Fatalf("importing twice changed the notes:\n%s", firstDiff(first, third))
	}
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths differ"
}

// needTool returns the path of a program the test needs, or skips the
// test when it is missing (and fails under CI, where it must be present).
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required under CI (Debian package %s; .ci/run installs it)", name, pkg)
		}
		t.Skipf("%s not installed (Debian package %s); skipping", name, pkg)
	}
	return p
}

// validate runs xmllint --schema on a document.
func validate(t *testing.T, xmllint, schema string, doc []byte) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "doc.xml")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", filepath.Join(goldenDir, schema), path).CombinedOutput()
	if err != nil {
		t.Fatalf("%s does not validate against %s: %v\n%s", filepath.Base(path), schema, err, out)
	}
}

func TestQDPXValidatesAgainstSchema(t *testing.T) {
	xmllint := needTool(t, "xmllint", "libxml2-utils")
	in := fixture(t)
	files := unzip(t, render(t, QDPX, in, Options{}))
	validate(t, xmllint, "Project.xsd", files["project.qde"])
	validate(t, xmllint, "Codebook.xsd", render(t, QDC, in, Options{}))
	// Selections count code points of the source file.
	for _, a := range in.Corpus.Articles {
		src := []rune(string(files["sources/"+guid("article", a.ID)+".txt"]))
		for _, p := range in.passages() {
			if p.Placed && p.Article == a && string(src[p.CharStart:p.CharEnd]) != p.Quote {
				t.Errorf("selection %d–%d of %s is not the quote", p.CharStart, p.CharEnd, a.ID)
			}
		}
	}
	// The schema test can fail: a project without its root namespace
	// does not validate.
	bad := bytes.Replace(files["project.qde"], []byte(` xmlns="urn:QDA-XML:project:1.0"`), nil, 1)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.qde"), bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if exec.Command(xmllint, "--noout", "--schema", filepath.Join(goldenDir, "Project.xsd"), filepath.Join(dir, "bad.qde")).Run() == nil {
		t.Error("a namespace-less project validated: the schema check proves nothing")
	}
	// Even an empty input writes a valid project.
	validate(t, xmllint, "Project.xsd", unzip(t, render(t, QDPX, Input{}, Options{}))["project.qde"])
}

// FuzzMarkdownEscape checks that any one-line text, escaped, renders as
// exactly that text in a block quote and in a table cell.
func FuzzMarkdownEscape(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.TrimSpace(s) != s || s == "" || strings.IndexFunc(s, func(r rune) bool {
			return unicode.IsControl(r) || unicode.IsSpace(r) && r != ' ' || r == utf8.RuneError
		}) >= 0 {
			return // the loader strips control characters; lines are trimmed
		}
		var buf bytes.Buffer
		if err := md.Convert([]byte("> "+mdLine(s)+"\n"), &buf); err != nil {
			t.Fatal(err)
		}
		got := strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(buf.String(), "")))
		if got != s || markup(buf.String()) != 4 {
			t.Fatalf("quote line %q renders as %q:\n%s", s, got, buf.String())
		}
		buf.Reset()
		if err := md.Convert([]byte("| a | b |\n| --- | --- |\n| "+mdCell(s)+" | end |\n"), &buf); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if strings.Count(out, "<td>") != 2 {
			t.Fatalf("table cell %q split:\n%s", s, out)
		}
		if cell := html.UnescapeString(linkRE.ReplaceAllString(out[strings.Index(out, "<td>")+4:strings.Index(out, "</td>")], "")); cell != s {
			t.Fatalf("table cell %q renders as %q", s, cell)
		}
	})
}

// TestMarkdownKeepsApproximateDate is issue 17 item 14: an approximate
// date is written "~2020-02-17" (escaped for Markdown) as the reader
// shows it, not as if it were exact; the HTML report says "about".
func TestMarkdownKeepsApproximateDate(t *testing.T) {
	in := fixture(t)
	a := in.Corpus.Article(tasnim)
	if a.Published == nil || !a.PublishedApproximate {
		t.Fatalf("the fixture's Tasnim article is not approximately dated: %v %v", a.Published, a.PublishedApproximate)
	}
	day := a.Published.Format("2006-01-02")
	md := string(render(t, Markdown, in, Options{}))
	if !strings.Contains(md, `\~`+day) || strings.Contains(md, ", "+day+",") {
		t.Errorf("the Markdown export drops the ~ of %s", day)
	}
	html := string(render(t, HTML, in, Options{}))
	if !strings.Contains(html, "about "+a.Published.Format("2 January 2006")) {
		t.Errorf("the HTML report does not say the date is approximate")
	}
}
