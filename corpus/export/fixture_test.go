package export

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/frame"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// Article ids of the embedded corpus.
const (
	tasnim   = "000_d4373ea2e64dc0f0"
	aa       = "001_6f4b6ec31b45714c"
	sputnik  = "002_09be80acf871a14e"
	tass     = "003_901c7662e3582013"
	arabiya  = "004_fac3f59eecb8c957"
	fixedGen = "2026-03-01T12:00:00Z"
)

// span returns the byte range of quote in an article of c; the test fails
// when the quote is not there exactly once.
func span(t testing.TB, c *corpus.Corpus, article, quote string) (int, int) {
	t.Helper()
	a := c.Article(article)
	if a == nil {
		t.Fatalf("fixture: no article %s in the embedded corpus", article)
	}
	i := strings.Index(a.Text, quote)
	if i < 0 || strings.Count(a.Text, quote) != 1 {
		t.Fatalf("fixture: %q found %d times in %s", quote, strings.Count(a.Text, quote), article)
	}
	return i, i + len(quote)
}

// fixture is a notes set over the embedded corpus: passages on real
// sentences of every outlet, hierarchical and unlisted tags, Markdown and
// formula characters in memos, a memo-only note and an orphaned note, plus
// hand-made facts and markers for the report. Times are fixed.
func fixture(t testing.TB) Input {
	t.Helper()
	c := corpus.Default()
	base := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	var ns []notes.Note
	add := func(id, article, quote string, tags []string, memo string) {
		s, e := span(t, c, article, quote)
		a := anchorAt(c.Article(article), s, e)
		at := base.Add(time.Duration(len(ns)) * time.Minute)
		ns = append(ns, notes.Note{ID: id, Anchor: a, Tags: tags, Memo: memo, Created: at, Modified: at.Add(30 * time.Second)})
	}
	add("n-tass-satellite", tass, "Nobody has ever shown us satellite images, which in my opinion are the sole way of confirming the charges.",
		[]string{"evidence", "denial"}, "TASS gives Lavrov's *demand for proof* the lead; no US response quoted.")
	add("n-tasnim-shifts", tasnim, "said he felt “certain shifts” in how the US approaches arms control now",
		[]string{"blame/us"}, "Scare quotes? Compare | AA [link](http://x) and `code` & <b>html</b>.\nSecond line: 1. not a list")
	add("n-aa-hesitate", aa, "\"We will not hesitate to respond if the US deploys ground-launched IRBMs,\" He added.",
		[]string{"threat", "+escalation"}, "")
	add("n-sputnik-deploy", sputnik, "We will not deploy such systems in a region unless there are similar American systems there",
		[]string{"moratorium", "threat"}, "-same pledge as TASS; @check date")
	add("n-arabiya-denies", arabiya, "Russia denies violations",
		[]string{"denial"}, "=HYPERLINK(\"http://evil.example\",\"click\")")
	add("n-tass-arrogantly", tass, "were rejected rather arrogantly",
		nil, "Memo only: evaluative adverb in Lavrov's paraphrase.")
	add("n-aa-islands-unlisted", tasnim, "\"Pacific islands\"",
		[]string{"location"}, "")
	// An orphaned note: its passage was edited out of the article.
	ns = append(ns, notes.Note{
		ID:       "n-tass-orphan",
		Anchor:   notes.Anchor{Article: tass, Hash: "0000", Start: 5, End: 40, Quote: "a sentence that is no longer there", Prefix: "before ", Suffix: " after"},
		Tags:     []string{"evidence"},
		Memo:     "kept although its text is gone",
		Created:  base.Add(time.Hour),
		Modified: base.Add(time.Hour),
		Orphaned: true,
	})

	codebook := []notes.Code{
		{Name: "blame", Colour: "#e15759", Description: "Who is held responsible"},
		{Name: "blame/us", Colour: "#f28e2b", Description: "The US is blamed", Parent: "blame"},
		{Name: "evidence", Colour: "#4e79a7", Description: "Claims about proof | evidence"},
		{Name: "denial", Colour: "#76b7b2"},
		{Name: "threat", Colour: "#59a14f", Description: "Threats and warnings"},
		{Name: "moratorium"}, // no colour: the palette gives one
		{Name: "+escalation", Colour: "#b07aa1", Description: "=1+1 formula-like description"},
	}

	// Facts and markers for the report, on real sentences.
	member := func(article, quote string) compare.Member {
		s, e := span(t, c, article, quote)
		a := c.Article(article)
		si := a.SentenceAt(s)
		if si < 0 {
			t.Fatalf("fixture: %q is not in a sentence of %s", quote, article)
		}
		st := a.Sentences[si]
		_ = e
		return compare.Member{Article: article, Outlet: a.Outlet, Sentence: si, Start: st.Start, End: st.End, Text: st.Text, Score: 0.8}
	}
	facts := []compare.Fact{
		{
			ID: "fact-no-deploy", Label: "Russia will not deploy missiles unless the US does",
			Outlets: []string{"Sputnik", "Anadolu Agency"},
			Members: []compare.Member{
				member(sputnik, "We will not deploy such systems in a region unless there are similar American systems there"),
				member(aa, "We will not hesitate to respond if the US deploys ground-launched IRBMs"),
			},
		},
		{
			ID: "fact-lavrov-talks", Label: "Lavrov calls for talks on arms control",
			Outlets: []string{"Tasnim", "TASS", "Al Arabiya"},
			Members: []compare.Member{
				member(tasnim, "we need multilateral talks and multilateral consultations"),
				member(tass, "Nobody has ever shown us satellite images"),
				member(arabiya, "We are still ready to work to save the Intermediate-Range Nuclear Forces Treaty"),
			},
			Discrepancies: []compare.Discrepancy{{What: "date", Values: []compare.Value{
				{Article: tasnim, Outlet: "Tasnim", Value: "Monday"}, {Article: arabiya, Outlet: "Al Arabiya", Value: "Wednesday"},
			}}},
		},
	}
	marker := func(article, quote, kind, reason string) frame.Marker {
		s, e := span(t, c, article, quote)
		return frame.Marker{Article: article, Sentence: c.Article(article).SentenceAt(s), Start: s, End: e, Text: quote, Kind: kind, Reason: reason}
	}
	markers := []frame.Marker{
		marker(tass, "emphatically", frame.KindIntensifier, "intensifier: emphatically"),
		marker(tass, "arrogantly", frame.KindLoaded, "loaded word: arrogantly <evaluative>"),
		marker(tasnim, "\"Pacific islands\"", frame.KindScareQuote, "scare quotes around a place name"),
		marker(aa, "He added", frame.KindAttribution, "neutral reporting verb: add"),
		marker(sputnik, "unless there are similar American systems", frame.KindHedge, "conditional: unless"),
	}

	gen, _ := time.Parse(time.RFC3339, fixedGen)
	return Input{Corpus: c, Codebook: codebook, Notes: ns, Facts: facts, Markers: markers, Generated: gen}
}
