// Package export writes the tagged passages of a corpus, and the
// comparison of its outlets, in the formats other tools read: Markdown
// notes, CSV, W3C Web Annotation JSON, a REFI-QDA project (.qdpx) or
// codebook (.qdc), and a self-contained HTML report. It also reads Web
// Annotation JSON back for `parallax import`.
//
// Everything works on a plain Input value, so export depends neither on the
// notes store nor on the analysers: the caller gathers the codebook, notes,
// facts and markers and passes them in. Output is a pure function of the
// Input and Options: the same input gives the same bytes.
package export

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/agreement"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/frame"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// Input is everything an export may show. Only Notes and Codebook are
// needed for the notes formats; the HTML report also uses Facts and
// Markers. Corpus may be nil, in which case passages carry only what their
// anchors hold.
type Input struct {
	Corpus   *corpus.Corpus
	Codebook []notes.Code
	Notes    []notes.Note
	Facts    []compare.Fact
	Markers  []frame.Marker
	// Analysed says Facts and Markers were computed, so that none means
	// none were found rather than that the analysis was left out.
	Analysed bool
	// Generated is the time stamped into the output; tests fix it. The
	// zero value means time.Now().
	Generated time.Time
	// Title heads the Markdown and HTML documents and names the REFI-QDA
	// project; "" means a title made from the corpus name.
	Title string
	// Agreement, when set, is the inter-coder agreement table the
	// Markdown and HTML exports end with (see WriteAgreementCSV for CSV).
	Agreement *agreement.Report
}

// Options tunes an export. The zero value is usable.
type Options struct {
	// GroupBy groups the Markdown notes; "" means by tag.
	GroupBy GroupBy
	// InlineTags writes each passage's tags as #tag lines in Markdown, for
	// note apps such as Obsidian.
	InlineTags bool
	// BOM starts the CSV with a UTF-8 byte order mark, which older Excel
	// versions need to recognise UTF-8. Off by default: RFC 4180 readers
	// would see it as part of the first header.
	BOM bool
}

// Write writes the export of in in format f to w. Text formats pass
// through corpus.SafeWriter: a terminal control that reached a memo or an
// id (through an import, say) is written as a visible escape, so printing
// the export cannot drive the terminal.
func Write(w io.Writer, f Format, in Input, opts Options) error {
	var err error
	if !f.Binary() && f != QDC {
		sw := corpus.SafeWriter(w)
		defer sw.Flush()
		w = sw
	}
	switch f {
	case Markdown:
		err = writeMarkdown(w, in, opts)
		if err == nil && in.Agreement != nil {
			err = writeAgreementMarkdown(w, in.Agreement)
		}
	case CSV:
		err = writeCSV(w, in, opts)
	case JSON:
		err = writeJSON(w, in)
	case QDPX:
		err = writeQDPX(w, in)
	case QDC:
		err = writeQDC(w, in)
	case HTML:
		err = writeHTML(w, in)
	default:
		return fmt.Errorf("export: unknown format %q", f)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", f, err)
	}
	return nil
}

// passage is one note placed in its article, with everything the writers
// show about it.
type passage struct {
	Note    notes.Note
	Article *corpus.Article // nil when the corpus does not hold the article
	Outlet  string
	Title   string
	Date    string // yyyy-mm-dd, "" when undated
	// DateApprox is set when the date is only approximate (guessed from
	// the text, not given): written "~2020-02-17" where people read it.
	DateApprox bool
	URL        string
	Quote      string
	// Placed reports whether Start/End locate Quote in the article text.
	Placed     bool
	Start, End int // byte offsets
	// CharStart and CharEnd are the offsets in Unicode code points.
	CharStart, CharEnd int
}

// dateLabel is the passage's date as people read it: "~2020-02-17" when
// approximate, as the reader and parallax list write it; "" when undated.
func (p passage) dateLabel() string {
	if p.Date != "" && p.DateApprox {
		return "~" + p.Date
	}
	return p.Date
}

// generated returns the export time stamp.
func (in Input) generated() time.Time {
	if in.Generated.IsZero() {
		return time.Now().UTC()
	}
	return in.Generated
}

// title returns the title of a notes document.
func (in Input) title() string { return in.titleFor("notes") }

// titleFor returns the document title; kind says what the document is
// ("notes", "report").
func (in Input) titleFor(kind string) string {
	if in.Title != "" {
		return in.Title
	}
	if in.Corpus != nil && in.Corpus.Name != "" {
		return "parallax " + kind + ": " + in.Corpus.Name
	}
	return "parallax " + kind
}

// corpusName returns the corpus name or "".
func (in Input) corpusName() string {
	if in.Corpus == nil {
		return ""
	}
	return in.Corpus.Name
}

// article returns the article with the given id, or nil.
func (in Input) article(id string) *corpus.Article {
	if in.Corpus == nil {
		return nil
	}
	return in.Corpus.Article(id)
}

// articleOrder returns each article id's position in the corpus.
func (in Input) articleOrder() map[string]int {
	order := map[string]int{}
	if in.Corpus != nil {
		for i, a := range in.Corpus.Articles {
			order[a.ID] = i
		}
	}
	return order
}

// LeftOut counts the notes an export leaves out because their article is
// not in the corpus (a notes file shared by a folder, exported with one of
// its files loaded), and those notes' articles. An export shows the corpus
// it is given: such a note is neither placed nor orphaned there, and the
// REFI-QDA project and the report could not show its article anyway.
// Without a corpus nothing is left out.
func (in Input) LeftOut() (passages, articles int) {
	if in.Corpus == nil {
		return 0, 0
	}
	seen := map[string]bool{}
	for _, n := range in.Notes {
		if !notes.Loaded(in.Corpus, n) {
			passages++
			if !seen[n.Anchor.Article] {
				seen[n.Anchor.Article] = true
				articles++
			}
		}
	}
	return passages, articles
}

// passages places every note in its article, ordered by article (corpus
// order, then unknown articles by id), position and note id. Notes whose
// article is not in the corpus are left out (see LeftOut); without a
// corpus every note is kept with the outlet and title stored with it.
func (in Input) passages() []passage {
	out := make([]passage, 0, len(in.Notes))
	for _, n := range in.Notes {
		if in.Corpus != nil && !notes.Loaded(in.Corpus, n) {
			continue
		}
		p := passage{Note: n, Quote: n.Anchor.Quote, Start: n.Anchor.Start, End: n.Anchor.End}
		p.Note.Tags = cleanTags(n.Tags)
		if a := in.article(n.Anchor.Article); a != nil {
			p.Article = a
			p.Outlet = a.DisplayOutlet()
			p.Title = a.Title
			p.URL = a.URL
			if a.Published != nil {
				p.Date = a.Published.Format("2006-01-02")
				p.DateApprox = a.PublishedApproximate
			}
			s, e := n.Anchor.Start, n.Anchor.End
			if !n.Orphaned && s >= 0 && s <= e && e <= len(a.Text) && (n.Anchor.Quote == "" || a.Text[s:e] == n.Anchor.Quote) {
				p.Placed = true
				p.Quote = a.Text[s:e]
				p.CharStart = utf8.RuneCountInString(a.Text[:s])
				p.CharEnd = p.CharStart + utf8.RuneCountInString(a.Text[s:e])
			}
		} else {
			p.Outlet = notes.OutletOf(nil, n)
			p.Title = notes.TitleOf(nil, n)
		}
		if !p.Placed {
			p.CharStart = -1
			p.CharEnd = -1
		}
		out = append(out, p)
	}
	order := in.articleOrder()
	rank := func(id string) int {
		if r, ok := order[id]; ok {
			return r
		}
		return len(order)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Note, out[j].Note
		if ra, rb := rank(a.Anchor.Article), rank(b.Anchor.Article); ra != rb {
			return ra < rb
		}
		if a.Anchor.Article != b.Anchor.Article {
			return a.Anchor.Article < b.Anchor.Article
		}
		if a.Anchor.Start != b.Anchor.Start {
			return a.Anchor.Start < b.Anchor.Start
		}
		if a.Anchor.End != b.Anchor.End {
			return a.Anchor.End < b.Anchor.End
		}
		return a.ID < b.ID
	})
	return out
}

// cleanTags drops empty and repeated tags, keeping the order.
func cleanTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}

// codebook returns the codebook with a code added for every tag a note
// uses that the codebook lacks (and for every missing parent), each with a
// valid #rrggbb colour. Order: codebook order, then added codes by name.
func (in Input) codebook() []notes.Code {
	var out []notes.Code
	have := map[string]bool{}
	for _, c := range in.Codebook {
		c.Name = strings.TrimSpace(c.Name)
		if c.Name == "" || have[c.Name] {
			continue
		}
		have[c.Name] = true
		out = append(out, c)
	}
	var extra []string
	for _, n := range in.Notes {
		for _, t := range cleanTags(n.Tags) {
			if !have[t] {
				have[t] = true
				extra = append(extra, t)
			}
		}
	}
	for _, c := range out {
		if c.Parent != "" && !have[c.Parent] {
			have[c.Parent] = true
			extra = append(extra, c.Parent)
		}
	}
	sort.Strings(extra)
	for _, t := range extra {
		out = append(out, notes.Code{Name: t})
	}
	for i := range out {
		out[i].Colour = colourOf(out[i])
	}
	return out
}

var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// palette holds the colours, six hex digits each, given to codes without
// a valid colour of their own.
const palette = "e6194b3cb44b4363d8f58231911eb442d4f4f032e69a6324800000469990808000000075"

// colourOf returns the code's colour as lower-case #rrggbb, or a colour
// picked from the palette by the code's name.
func colourOf(c notes.Code) string {
	if hexColour.MatchString(c.Colour) {
		return strings.ToLower(c.Colour)
	}
	if len(c.Colour) == 4 && c.Colour[0] == '#' {
		if long := "#" + strings.Repeat(c.Colour[1:2], 2) + strings.Repeat(c.Colour[2:3], 2) + strings.Repeat(c.Colour[3:4], 2); hexColour.MatchString(long) {
			return strings.ToLower(long)
		}
	}
	var h uint32 = 2166136261
	for i := 0; i < len(c.Name); i++ {
		h = (h ^ uint32(c.Name[i])) * 16777619
	}
	i := int(h%uint32(len(palette)/6)) * 6
	return "#" + palette[i:i+6]
}

// tagNames returns the names of the codebook in order.
func tagNames(codes []notes.Code) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c.Name
	}
	return out
}

// outlets returns the outlets of the corpus in order of first appearance,
// followed by outlets that only passages name.
func (in Input) outlets(ps []passage) []string {
	var out []string
	seen := map[string]bool{}
	add := func(o string) {
		if !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	if in.Corpus != nil {
		for _, a := range in.Corpus.Articles {
			add(a.DisplayOutlet())
		}
	}
	for _, p := range ps {
		add(p.Outlet)
	}
	return out
}
