package export

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// An imported quote is placed as the notes store re-anchors one: despite
// other spacing, straight quote marks or a small edit, by its context.
func TestPlaceFindsEditedPassages(t *testing.T) {
	in := fixture(t)
	a := in.Corpus.Article(tass)
	quote := "Nobody has ever shown us satellite images"
	s := strings.Index(a.Text, quote)
	prefix, suffix := a.Text[max(0, s-30):s], a.Text[s+len(quote):s+len(quote)+30]
	for _, q := range []string{
		"Nobody  has ever\nshown us satellite images", // spacing
		"Nobody has ever shown us satelite images",    // a typo
		"Nobody has ever shown us the satellite images",
	} {
		im := ImportedNote{Note: notes.Note{Anchor: notes.Anchor{Article: tass, Quote: q, Prefix: prefix, Suffix: suffix}}, CharStart: -1, CharEnd: -1}
		an, ok := Place(in.Corpus, im)
		if !ok || an.Start != s || an.End != s+len(quote) || an.Quote != quote {
			t.Errorf("Place(%q) = %d–%d %q, %v; want %d–%d", q, an.Start, an.End, an.Quote, ok, s, s+len(quote))
		}
	}
}

func TestPlaceFindsMovedPassages(t *testing.T) {
	in := fixture(t)
	a := in.Corpus.Article(tass)
	quote := "Nobody has ever shown us satellite images"
	s := strings.Index(a.Text, quote)
	cases := []struct {
		name string
		im   ImportedNote
	}{
		{"bytes", ImportedNote{Note: notes.Note{Anchor: notes.Anchor{Article: tass, Start: s, End: s + len(quote), Quote: quote}}, HasBytes: true, CharStart: -1, CharEnd: -1}},
		{"stale bytes, quote", ImportedNote{Note: notes.Note{Anchor: notes.Anchor{Article: tass, Start: 3, End: 9, Quote: quote}}, HasBytes: true, CharStart: -1, CharEnd: -1}},
		{"chars only", ImportedNote{Note: notes.Note{Anchor: notes.Anchor{Article: tass}}, CharStart: len([]rune(a.Text[:s])), CharEnd: len([]rune(a.Text[:s+len(quote)]))}},
		{"url source", ImportedNote{Note: notes.Note{Anchor: notes.Anchor{Quote: quote}}, Source: "https://tass.com/x/", CharStart: -1, CharEnd: -1}},
	}
	a.URL = "https://tass.com/x"
	for _, tc := range cases {
		an, ok := Place(in.Corpus, tc.im)
		if !ok || an.Start != s || an.End != s+len(quote) || an.Quote != quote || an.Article != tass || an.Hash == "" {
			t.Errorf("%s: Place = %+v, %v", tc.name, an, ok)
		}
	}
	// Of several occurrences, the context decides.
	said := "Lavrov said"
	first := strings.Index(a.Text, said)
	second := first + 1 + strings.Index(a.Text[first+1:], said)
	im := ImportedNote{Note: notes.Note{Anchor: notes.Anchor{Article: tass, Quote: said, Prefix: a.Text[second-20 : second]}}, CharStart: -1, CharEnd: -1}
	if an, ok := Place(in.Corpus, im); !ok || an.Start != second {
		t.Errorf("context: got start %d, want %d (first at %d)", an.Start, second, first)
	}
	if _, ok := Place(in.Corpus, ImportedNote{Note: notes.Note{Anchor: notes.Anchor{Article: tass, Quote: "not in the text"}}, CharStart: -1}); ok {
		t.Error("placed a quote that is not in the text")
	}
	if _, ok := Place(in.Corpus, ImportedNote{Note: notes.Note{Anchor: notes.Anchor{Article: "nope", Quote: quote}}, CharStart: -1}); ok {
		t.Error("placed a note of an unknown article")
	}
}

func TestReadAnnotationsShapes(t *testing.T) {
	single := `{"@context":"http://www.w3.org/ns/anno.jsonld","id":"http://example.org/anno1","type":"Annotation",
	 "motivation":"commenting","body":{"type":"TextualBody","value":"a comment"},
	 "target":{"source":"urn:parallax:article:003_901c7662e3582013","selector":{"type":"TextQuoteSelector","exact":"satellite images"}}}`
	_, ns, err := ReadAnnotations(strings.NewReader(single))
	if err != nil || len(ns) != 1 {
		t.Fatalf("single annotation: %v, %d", err, len(ns))
	}
	if n := ns[0]; n.Note.Memo != "a comment" || n.Note.Anchor.Article != tass || n.Note.Anchor.Quote != "satellite images" || n.Problem != "" || n.Note.ID != "http://example.org/anno1" {
		t.Errorf("single annotation read as %+v", n)
	}
	list := `[{"type":"Annotation","body":[{"type":"TextualBody","purpose":"tagging","value":"x"},{"type":"TextualBody","purpose":"tagging","value":"x"}],
	  "target":{"source":"http://a","selector":[{"type":"TextPositionSelector","start":3,"end":8}]}},
	 {"type":"Annotation","body":[{"purpose":"tagging","value":"y"}],"target":"http://only-a-document"},
	 {"type":"Annotation","target":{"source":"http://a","selector":{"type":"TextQuoteSelector","exact":"q"}}}]`
	_, ns, err = ReadAnnotations(strings.NewReader(list))
	if err != nil || len(ns) != 3 {
		t.Fatalf("list: %v, %d", err, len(ns))
	}
	if ns[0].Problem != "" || len(ns[0].Note.Tags) != 1 || ns[0].CharStart != 3 || ns[0].CharEnd != 8 {
		t.Errorf("first: %+v", ns[0])
	}
	if ns[1].Problem == "" || ns[2].Problem == "" {
		t.Errorf("annotations without a passage or without content must carry a problem: %q, %q", ns[1].Problem, ns[2].Problem)
	}
	hypothesis := `{"total":1,"rows":[{"id":"hyp1","uri":"https://tass.com/x","text":"a comment","tags":["evidence"," "],
	  "target":[{"source":"https://tass.com/x","selector":[{"type":"TextQuoteSelector","exact":"satellite images","prefix":"shown us ","suffix":", which"}]}]}]}`
	_, ns, err = ReadAnnotations(strings.NewReader(hypothesis))
	if err != nil || len(ns) != 1 || ns[0].Problem != "" || ns[0].Note.Memo != "a comment" || len(ns[0].Note.Tags) != 1 || ns[0].Source != "https://tass.com/x" {
		t.Fatalf("Hypothesis rows: %v %+v", err, ns)
	}
	for _, bad := range []string{"", "not json", `{"type":"Other"}`, `42`, `{"type":"AnnotationCollection","first":"http://x/page1","total":3}`} {
		if _, _, err := ReadAnnotations(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadAnnotations(%q) gave no error", bad)
		}
	}
}

func FuzzReadAnnotations(f *testing.F) {
	f.Add(`{"type":"AnnotationCollection","first":{"items":[{"type":"Annotation","target":{"selector":[{"type":"TextPositionSelector","start":1,"end":2}]}}]}}`)
	f.Add(`[{"type":["Annotation"],"body":"http://x","target":[{"source":"urn:parallax:article:%zz","parallax:byteStart":-5,"parallax:byteEnd":1e30}]}]`)
	f.Add(`{"type":"AnnotationPage","items":[null,1,"x",{"type":"Annotation","target":{"selector":{"type":"TextQuoteSelector","exact":"Lavrov"}}}]}`)
	in := fixture(f)
	f.Fuzz(func(t *testing.T, s string) {
		_, ns, err := ReadAnnotations(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, n := range ns {
			if a, ok := Place(in.Corpus, n); ok {
				art := in.Corpus.Article(a.Article)
				if art == nil || a.Start < 0 || a.End > len(art.Text) || art.Text[a.Start:a.End] != a.Quote {
					t.Fatalf("Place returned an anchor that does not hold its quote: %+v", a)
				}
			}
		}
	})
}

// TestImportKeepsMadeOn: an annotation that says which text it was made
// on (parallax:madeOn) keeps it when placed on the text loaded now; one
// that does not, or says something that is no hash, is made on the text
// it is placed on.
func TestImportKeepsMadeOn(t *testing.T) {
	in := fixture(t)
	a := in.Corpus.Article(tass)
	earlier := notes.TextHash("an earlier version of the article")
	ann := func(madeOn string) string {
		return `{"type":"Annotation","body":{"type":"TextualBody","purpose":"tagging","value":"x"},
		 "target":{"source":"urn:parallax:article:` + tass + `","parallax:madeOn":"` + madeOn + `","selector":{"type":"TextQuoteSelector","exact":"satellite images"}}}`
	}
	for madeOn, want := range map[string]string{earlier: earlier, "": a.Hash, "not a hash \\u001b[2J": a.Hash, strings.ToUpper(earlier): a.Hash} {
		_, ns, err := ReadAnnotations(strings.NewReader(ann(madeOn)))
		if err != nil || len(ns) != 1 {
			t.Fatalf("%q: %v %+v", madeOn, err, ns)
		}
		an, ok := Place(in.Corpus, ns[0])
		if !ok || an.MadeOn != want || an.Hash != a.Hash {
			t.Errorf("parallax:madeOn %q: placed %v, made on %q, hash %q; want made on %q", madeOn, ok, an.MadeOn, an.Hash, want)
		}
	}
}
