package export

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/frame"
)

//go:embed report.html.tmpl
var reportTemplate string

// The report's view model: everything the template shows, computed here
// so the template only lays it out.
type (
	htmlReport struct {
		Title, Generated, Corpus string
		Outlets                  []string
		Articles                 []*htmlArticle
		Facts                    []htmlFact
		Codes                    []htmlCode
		Kinds                    []htmlKind
		Tints                    []htmlTint
		Orphans                  []htmlNote
		TagCSS                   template.CSS
		Columns                  int
		NoteCount, MarkerCount   int
		NoFacts, NoMarkers       bool
		Agreement                *htmlAgreement // nil without Input.Agreement
	}
	htmlArticle struct {
		Anchor, ID, Outlet, Date, Title, URL string
		Head                                 *htmlPara // the title line, if the text has one
		Paras                                []htmlPara
		Notes                                []htmlNote
		Furniture                            string // "3 stretches of page furniture not shown.", "" for none
	}
	htmlPara struct {
		Role      string
		Sentences []htmlSentence
	}
	htmlSentence struct {
		Anchor    string
		Facts     []htmlFactRef // the facts it carries, by number; none when not shared
		FactTitle string
		Tint      int
		Segments  []htmlSeg
	}
	// htmlFactRef is the "↗2" after a sentence: fact 2, its matrix row.
	htmlFactRef struct {
		Anchor, Title string
		Number        int
	}
	htmlSeg struct {
		Text    string
		Class   string
		Title   string
		NoteRef []htmlRef // note marks after this segment
	}
	htmlRef struct {
		Anchor, Label, Title string
	}
	htmlNote struct {
		Anchor, Label, Quote, Memo, Outlet, Article string
		Tags                                        []htmlTag
		Orphaned                                    bool
	}
	htmlTag struct {
		Name, Class string
	}
	htmlFact struct {
		Anchor, Label, Title  string
		Number, Outlets, Tint int
		Cells                 []htmlCell
		Discrepancies         []string
	}
	htmlCell struct {
		Href, Title string
	}
	htmlCode struct {
		Name, Class, Colour, Description string
		Count                            int
	}
	htmlKind struct {
		Kind, Class, About string
		Count              int
	}
	htmlTint struct {
		Class, Label string
	}
)

// kindAbout explains each framing marker kind in the legend.
func kindAbout(kind string) string {
	switch kind {
	case frame.KindLoaded:
		return "loaded words"
	case frame.KindEvaluative:
		return "evaluative words"
	case frame.KindAttribution:
		return "attribution (who says so, how)"
	case frame.KindHedge:
		return "hedges"
	case frame.KindScareQuote:
		return "scare quotes"
	case frame.KindIntensifier:
		return "intensifiers"
	case frame.KindUnique:
		return "said by this outlet only"
	}
	return kind
}

// kindClass maps a marker kind to its CSS class.
func kindClass(kind string) string {
	switch kind {
	case frame.KindLoaded, frame.KindEvaluative, frame.KindAttribution, frame.KindHedge,
		frame.KindScareQuote, frame.KindIntensifier, frame.KindUnique:
		return "mk-" + kind
	}
	return "mk-other"
}

// anchorID turns an id into a fragment identifier of ASCII letters,
// digits, '-' and '_' (anything else is hex-escaped), so the ids in the
// page and the links to them always agree.
func anchorID(prefix, id string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, ".%02x", c)
		}
	}
	return b.String()
}

// writeHTML writes a self-contained HTML report: the articles side by
// side with shared facts tinted and linked, framing markers underlined,
// tagged passages highlighted with their memos, a coverage matrix and a
// legend. No scripts, fonts or images are loaded from anywhere.
func writeHTML(w io.Writer, in Input) error {
	tmpl, err := template.New("report").Parse(reportTemplate)
	if err != nil {
		return fmt.Errorf("parse report template: %w", err)
	}
	return tmpl.Execute(w, buildReport(in))
}

// buildReport computes the report's view model.
func buildReport(in Input) *htmlReport {
	r := &htmlReport{
		Title:     in.titleFor("report"),
		Generated: in.generated().UTC().Format("2006-01-02 15:04 UTC"),
		Corpus:    in.corpusName(),
		NoFacts:   len(in.Facts) == 0 && !in.Analysed,
		NoMarkers: len(in.Markers) == 0 && !in.Analysed,
	}
	ps := in.passages()
	r.Outlets = in.outlets(nil)
	r.NoteCount = len(ps)

	// Tag colours become classes tg0, tg1, ... in a generated style sheet;
	// the colours are validated #rrggbb values, never raw user text.
	codes := in.codebook()
	tagClass := map[string]string{}
	var css strings.Builder
	tagCount := map[string]int{}
	for _, p := range ps {
		for _, t := range p.Note.Tags {
			tagCount[t]++
		}
	}
	for i, c := range codes {
		cls := fmt.Sprintf("tg%d", i)
		tagClass[c.Name] = cls
		fmt.Fprintf(&css, ".%s{--tag:%s}\n", cls, c.Colour)
		r.Codes = append(r.Codes, htmlCode{Name: c.Name, Class: cls, Colour: c.Colour, Description: c.Description, Count: tagCount[c.Name]})
	}
	r.TagCSS = template.CSS(css.String())
	tagsOf := func(n []string) []htmlTag {
		out := make([]htmlTag, len(n))
		for i, t := range n {
			out[i] = htmlTag{Name: t, Class: tagClass[t]}
		}
		return out
	}

	// Facts: rows of the coverage matrix, and which sentence is in which.
	// A fact keeps the number the reader gives it, its position in the
	// analysis's list counted from 1 (ui factNumber), and the matrix lists
	// the facts in that order, so "↗7" after a sentence in a printed
	// report is row 7 of the matrix and fact 7 in the reader.
	type memberKey struct {
		article  string
		sentence int
	}
	factsOf := map[memberKey][]int{}
	for fi, f := range in.Facts {
		// Tinted by how widely it is shared among the report's outlets,
		// in the reader's levels (corpus.ShareLevel) and colours.
		hf := htmlFact{Anchor: anchorID("f-", f.ID), Label: f.Label, Number: fi + 1, Outlets: len(f.Outlets), Tint: corpus.ShareLevel(len(f.Outlets), len(r.Outlets))}
		hf.Title = fmt.Sprintf("fact %d, carried by %s", hf.Number, corpus.Count(hf.Outlets, "outlet"))
		first := map[string]compare.Member{}
		for _, m := range f.Members {
			if in.article(m.Article) == nil {
				continue
			}
			key := memberKey{m.Article, m.Sentence}
			if fs := factsOf[key]; len(fs) == 0 || fs[len(fs)-1] != fi {
				factsOf[key] = append(fs, fi)
			}
			outlet := m.Outlet
			if outlet == "" {
				outlet = in.article(m.Article).DisplayOutlet()
			}
			if _, ok := first[outlet]; !ok {
				first[outlet] = m
			}
		}
		for _, o := range r.Outlets {
			m, ok := first[o]
			if !ok {
				hf.Cells = append(hf.Cells, htmlCell{})
				continue
			}
			hf.Cells = append(hf.Cells, htmlCell{Href: "#" + anchorID("s-", m.Article+"-"+fmt.Sprint(m.Sentence)), Title: o + ": " + snippetOf(m.Text, 200)})
		}
		for _, d := range f.Discrepancies {
			dv := d.Distinct()
			vals := make([]string, len(dv))
			for i, v := range dv {
				vals[i] = v.Outlet + ": " + v.Value
			}
			hf.Discrepancies = append(hf.Discrepancies, d.What+" differs — "+strings.Join(vals, "; "))
		}
		r.Facts = append(r.Facts, hf)
	}
	for l := 1; l <= corpus.ShareLevels; l++ {
		if n := corpus.ShareRange(l, len(r.Outlets)); n != "" {
			label := "fact shared by " + n + " outlets"
			if n == "1" {
				label = "fact shared by 1 outlet"
			}
			r.Tints = append(r.Tints, htmlTint{Class: fmt.Sprintf("t%d", l), Label: label})
		}
	}

	// Markers by article.
	markers := map[string][]frame.Marker{}
	kindCount := map[string]int{}
	for _, m := range in.Markers {
		if in.article(m.Article) == nil {
			continue
		}
		markers[m.Article] = append(markers[m.Article], m)
		kindCount[m.Kind]++
		r.MarkerCount++
	}
	kinds := make([]string, 0, len(kindCount))
	for k := range kindCount {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		r.Kinds = append(r.Kinds, htmlKind{Kind: k, Class: kindClass(k), About: kindAbout(k), Count: kindCount[k]})
	}

	// Notes by article; orphans apart.
	placed := map[string][]passage{}
	for _, p := range ps {
		if p.Placed {
			placed[p.Article.ID] = append(placed[p.Article.ID], p)
			continue
		}
		r.Orphans = append(r.Orphans, htmlNote{
			Anchor: anchorID("n-", p.Note.ID), Quote: p.Quote, Memo: p.Note.Memo, Outlet: p.Outlet,
			Article: orDefault(p.Title, p.Note.Anchor.Article), Tags: tagsOf(p.Note.Tags), Orphaned: true,
		})
	}

	if in.Corpus != nil {
		for _, a := range in.Corpus.Articles {
			ha := &htmlArticle{Anchor: anchorID("a-", a.ID), ID: a.ID, Outlet: a.DisplayOutlet(), Title: a.Title, URL: safeURL(a.URL)}
			if n := len(a.Furniture); n > 0 {
				ha.Furniture = corpus.Count(n, "stretch") + " of page furniture not shown."
			}
			if a.Published != nil {
				ha.Date = a.Published.Format("2 January 2006")
				if a.PublishedApproximate {
					ha.Date = "about " + ha.Date
				}
			}
			notesHere := placed[a.ID]
			refs := map[int][]htmlRef{} // byte offset -> note marks ending there
			for i, p := range notesHere {
				label := fmt.Sprintf("%d", i+1)
				hn := htmlNote{Anchor: anchorID("n-", p.Note.ID), Label: label, Quote: p.Quote, Memo: p.Note.Memo, Tags: tagsOf(p.Note.Tags)}
				ha.Notes = append(ha.Notes, hn)
				end := p.End
				if si := a.SentenceAt(end - 1); si < 0 {
					// The passage ends outside any sentence: mark it at the
					// end of the last sentence it touches.
					for j := len(a.Sentences) - 1; j >= 0; j-- {
						if a.Sentences[j].Start < end && a.Sentences[j].End > p.Start {
							end = a.Sentences[j].End
							break
						}
					}
				}
				title := strings.Join(p.Note.Tags, ", ")
				if p.Note.Memo != "" {
					title = strings.TrimSpace(title + " — " + p.Note.Memo)
				}
				refs[end] = append(refs[end], htmlRef{Anchor: hn.Anchor, Label: label, Title: title})
			}
			for pi, para := range a.Paragraphs {
				if para.Role == corpus.RoleFurniture {
					continue
				}
				hp := htmlPara{Role: string(para.Role)}
				for _, s := range a.Sentences {
					if s.Para != pi {
						continue
					}
					hs := htmlSentence{Anchor: anchorID("s-", a.ID+"-"+fmt.Sprint(s.Index))}
					// Tinted, as in the reader, by the most widely shared
					// of its facts.
					var titles []string
					for _, fi := range factsOf[memberKey{a.ID, s.Index}] {
						f := r.Facts[fi]
						hs.Facts = append(hs.Facts, htmlFactRef{Anchor: f.Anchor, Title: f.Title, Number: f.Number})
						hs.Tint = max(hs.Tint, f.Tint)
						titles = append(titles, f.Title+": "+f.Label)
					}
					hs.FactTitle = strings.Join(titles, "\n")
					hs.Segments = segments(a, s, markers[a.ID], notesHere, refs, tagClass)
					hp.Sentences = append(hp.Sentences, hs)
				}
				if len(hp.Sentences) == 0 {
					continue
				}
				if para.Role == corpus.RoleTitle && ha.Head == nil {
					h := hp
					ha.Head = &h
					continue
				}
				ha.Paras = append(ha.Paras, hp)
			}
			r.Articles = append(r.Articles, ha)
		}
	}
	r.Columns = len(r.Articles)
	r.Agreement = agreementHTML(in.Agreement)
	return r
}

// segments splits a sentence at every marker and note boundary inside it
// and says, for each piece, which markers and tags cover it.
func segments(a *corpus.Article, s corpus.Sentence, ms []frame.Marker, ps []passage, refs map[int][]htmlRef, tagClass map[string]string) []htmlSeg {
	cuts := []int{s.Start, s.End}
	add := func(off int) {
		if off > s.Start && off < s.End && utf8.RuneStart(a.Text[off]) {
			cuts = append(cuts, off)
		}
	}
	for _, m := range ms {
		add(m.Start)
		add(m.End)
	}
	for _, p := range ps {
		add(p.Start)
		add(p.End)
	}
	for off := range refs {
		add(off)
	}
	sort.Ints(cuts)
	var out []htmlSeg
	for i := 0; i+1 < len(cuts); i++ {
		st, en := cuts[i], cuts[i+1]
		if st == en {
			continue
		}
		seg := htmlSeg{Text: a.Text[st:en]}
		var classes, titles []string
		for _, m := range ms {
			if m.Start < en && st < m.End {
				classes = append(classes, "mk", kindClass(m.Kind))
				t := m.Kind
				if m.Reason != "" {
					t += ": " + m.Reason
				}
				titles = append(titles, t)
			}
		}
		for _, p := range ps {
			if p.Start < en && st < p.End {
				if len(p.Note.Tags) > 0 {
					classes = append(classes, "tg", tagClass[p.Note.Tags[0]])
					titles = append(titles, "tagged: "+strings.Join(p.Note.Tags, ", "))
				} else {
					classes = append(classes, "tg", "memo")
					titles = append(titles, "memo")
				}
			}
		}
		seg.Class = strings.Join(dedupe(classes), " ")
		seg.Title = strings.Join(dedupe(titles), "\n")
		seg.NoteRef = refs[en]
		out = append(out, seg)
	}
	return out
}

// dedupe drops repeated strings, keeping the order.
func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// safeURL returns u if it is an http(s) URL, else "".
func safeURL(u string) string {
	if mdURL(u) == "" {
		return ""
	}
	return u
}
