package agreement

import (
	"sort"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// The values a coder gives a unit for a code.
const (
	Applied    = "applied"
	NotApplied = "not applied"
)

// The units of a report.
const (
	UnitSentence = "sentence"
	UnitSpan     = "span"
)

// Report is the agreement of several coders on the loaded articles, per
// code and over all codes.
type Report struct {
	// Unit is UnitSentence or UnitSpan.
	Unit string `json:"unit"`
	// Coded says which articles count as coded by a coder (Coverage).
	Coded  Coverage    `json:"coded"`
	Coders []CoderInfo `json:"coders"`
	// Articles counts the articles the units come from: those at least
	// one coder coded (sentence), or every coder coded (span).
	Articles int `json:"articles"`
	// Sentences counts the sentences of those articles (sentence unit).
	Sentences int `json:"sentences,omitempty"`
	// Characters is the length of the continuum: the characters of those
	// articles outside page furniture (span unit).
	Characters int `json:"characters,omitempty"`
	// LeftOut lists the ids of articles some coders coded but not all,
	// which a continuum every coder unitized cannot include (span unit).
	LeftOut []string `json:"left_out,omitempty"`
	Codes   []Row    `json:"codes"`
	// Overall pools every code: each (unit, code) pair is one unit of
	// applied / not applied (sentence); αu over all codes (span).
	Overall Row `json:"overall"`
}

// Row is the agreement on one code (or, in Overall, on all of them).
type Row struct {
	Code string `json:"code"`
	// Units counts the units the coefficients can use: sentences at least
	// two coders coded (sentence), or the passages the coders marked with
	// the code, overlapping ones of a coder joined (span).
	Units int `json:"units"`
	// Coders counts the coders who coded at least one of those units.
	Coders int `json:"coders"`
	// Applied counts, per coder in Report.Coders order, the units they
	// marked with the code: of the Units sentences (sentence), or their
	// passages on the continuum (span).
	Applied []int `json:"applied"`

	PercentAgreement  *Coefficient `json:"percent_agreement,omitempty"`
	CohenKappa        *Coefficient `json:"cohen_kappa,omitempty"`
	FleissKappa       *Coefficient `json:"fleiss_kappa,omitempty"`
	KrippendorffAlpha *Coefficient `json:"krippendorff_alpha,omitempty"`
	UnitizedAlpha     *Unitized    `json:"unitized_alpha,omitempty"`
}

// nominalRow computes the sentence coefficients of one code's data.
func nominalRow(code string, d Data) Row {
	r := Row{Code: code, Units: d.Pairable(), Coders: d.CodersPresent(), Applied: make([]int, d.Coders)}
	for u, row := range d.Values {
		if d.given(u) < 2 {
			continue
		}
		for i, v := range row {
			if v == Applied {
				r.Applied[i]++
			}
		}
	}
	pa, ck, fk, ka := PercentAgreement(d), CohenKappa(d), FleissKappa(d), KrippendorffAlpha(d)
	r.PercentAgreement, r.CohenKappa, r.FleissKappa, r.KrippendorffAlpha = &pa, &ck, &fk, &ka
	return r
}

// Sentences reports agreement with the sentences of the loaded articles
// as units: a coder applied code C to sentence S when one of their notes
// tagged C shares a byte with S. A sentence of an article the coder did
// not code (Options.Coded) is missing data for that coder.
func Sentences(c *corpus.Corpus, coders []Coder, opt Options) *Report {
	opt, ps, codes, index := prepare(c, coders, opt)
	m := len(coders)
	data := make([]Data, len(codes))
	for k := range data {
		data[k].Coders = m
	}
	rep := &Report{Unit: UnitSentence, Coded: opt.Coded, Coders: infos(ps)}
	for _, a := range c.Articles {
		marks := make([][][]bool, m) // coder → sentence → code
		anyone := false
		for i, p := range ps {
			if p.coded[a] {
				anyone = true
				marks[i] = sentenceMarks(a, p.notes[a], index)
			}
		}
		if !anyone || len(a.Sentences) == 0 {
			continue
		}
		rep.Articles++
		rep.Sentences += len(a.Sentences)
		for k := range codes {
			for s := range a.Sentences {
				row := make([]string, m)
				for i := range ps {
					switch {
					case marks[i] == nil:
						row[i] = Missing
					case marks[i][s] != nil && marks[i][s][k]:
						row[i] = Applied
					default:
						row[i] = NotApplied
					}
				}
				data[k].Add(row...)
			}
		}
	}
	all := Data{Coders: m}
	for k, code := range codes {
		rep.Codes = append(rep.Codes, nominalRow(code, data[k]))
		all.Append(data[k])
	}
	if rep.Codes == nil {
		rep.Codes = []Row{}
	}
	rep.Overall = nominalRow("", all)
	return rep
}

// sentenceMarks says, for each sentence of a, which codes the notes apply
// to it (nil for a sentence with none).
func sentenceMarks(a *corpus.Article, ns []notes.Note, index map[string]int) [][]bool {
	marks := make([][]bool, len(a.Sentences))
	for _, n := range ns {
		start, end := n.Anchor.Start, max(n.Anchor.End, n.Anchor.Start+1)
		// The first sentence ending after the note starts.
		s := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].End > start })
		for ; s < len(a.Sentences) && a.Sentences[s].Start < end; s++ {
			for _, t := range n.Tags {
				k, ok := index[t]
				if !ok {
					continue
				}
				if marks[s] == nil {
					marks[s] = make([]bool, len(index))
				}
				marks[s][k] = true
			}
		}
	}
	return marks
}
