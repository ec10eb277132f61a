package frame

import (
	"context"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/corpustest"
)

// markersFor analyses one sentence and returns its markers.
func markersFor(t *testing.T, text string) []Marker {
	t.Helper()
	c := &corpus.Corpus{Articles: []*corpus.Article{singleSentence(text, "Test")}}
	res, err := Analyze(context.Background(), c, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Markers
}

// find returns the first marker of a kind whose text is want.
func find(ms []Marker, kind, want string) *Marker {
	for i := range ms {
		if ms[i].Kind == kind && ms[i].Text == want {
			return &ms[i]
		}
	}
	return nil
}

func hasKind(ms []Marker, kind string) bool {
	for _, m := range ms {
		if m.Kind == kind {
			return true
		}
	}
	return false
}

type markerCase struct {
	name, text string
	kind       string
	want       string // marked text; "" = no marker of this kind
	speaker    string // for attribution
}

func runMarkerCases(t *testing.T, cases []markerCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ms := markersFor(t, tc.text)
			if tc.want == "" {
				if hasKind(ms, tc.kind) {
					t.Errorf("%q: unexpected %s marker in %+v", tc.text, tc.kind, ms)
				}
				return
			}
			m := find(ms, tc.kind, tc.want)
			if m == nil {
				t.Fatalf("%q: no %s marker on %q; got %+v", tc.text, tc.kind, tc.want, ms)
			}
			if tc.text[m.Start:m.End] != m.Text {
				t.Errorf("offsets %d-%d give %q, marker text %q", m.Start, m.End, tc.text[m.Start:m.End], m.Text)
			}
			if m.Reason == "" {
				t.Error("marker without a reason")
			}
			if tc.speaker != "" && m.Speaker != tc.speaker {
				t.Errorf("speaker = %q, want %q", m.Speaker, tc.speaker)
			}
		})
	}
}

func TestLoadedAndEvaluative(t *testing.T) {
	runMarkerCases(t, []markerCase{
		{"inflected verb", "Most members obeyed the order.", KindLoaded, "obeyed", ""},
		{"plural noun", "They looked for pretexts to leave.", KindLoaded, "pretexts", ""},
		{"adverb from adjective", "The plan was dropped arrogantly.", KindLoaded, "arrogantly", ""},
		{"phrase with contraction", "They don't hide it at all.", KindLoaded, "don't hide", ""},
		{"phrase with negation", "Their promises are not to be trusted.", KindLoaded, "not to be trusted", ""},
		{"irregular past in phrase", "The talks went nowhere.", KindEvaluative, "went nowhere", ""},
		{"hyphenated", "The charges were far-fetched.", KindEvaluative, "far-fetched", ""},
		{"neutral sentence", "The company reported revenue of $2 billion for the quarter.", KindLoaded, "", ""},
		{"stem is not enough: question vs questionable", "Reporters questioned the minister on Tuesday.", KindEvaluative, "", ""},
		{"hostile vs hostilities", "Both sides ceased hostilities in May.", KindLoaded, "", ""},
		{"passive, no doer", "About 2,000 homes were destroyed in the flood.", KindLoaded, "", ""},
		{"passive, a thing as doer", "About 2,000 homes had been destroyed by the flood.", KindLoaded, "", ""},
		{"passive, an actor as doer", "The treaty was destroyed by Washington.", KindLoaded, "destroyed", ""},
		{"active, an actor", "It was Washington who destroyed the treaty.", KindLoaded, "destroyed", ""},
	})
}

func TestAttribution(t *testing.T) {
	runMarkerCases(t, []markerCase{
		{"stance verb with named subject", "Lavrov slammed Washington's position on the treaty.", KindAttribution, "slammed", "Sergey Lavrov"},
		{"aux before verb", "Russian President Vladimir Putin has threatened to respond.", KindAttribution, "threatened", "Vladimir Putin"},
		{"claims as a verb", "Missiles that the US claims breach the deal were tested.", KindAttribution, "claims", "United States"},
		{"participle after comma", "The ministry announced the move, claiming that the rules had changed.", KindAttribution, "claiming", ""},
		{"trailing attribution", `"We will never accept this," the spokesman insisted.`, KindAttribution, "insisted", ""},
		{"inverted", `"It is over," admitted Jane Doe.`, KindAttribution, "admitted", "Jane Doe"},
		{"base form after plural subject", "Officials claim that the deal is dead.", KindAttribution, "claim", ""},
		{"passive without agent", "The mother is accused of drowning her children.", KindAttribution, "", ""},
		{"ing noun", "Markets rallied without warning from the bank.", KindAttribution, "", ""},
		{"appositive", "Ken Livingstone, the London mayor, claimed the police had foiled attacks.", KindAttribution, "claimed", "Ken Livingstone"},
		{"long appositive", "Jane Roe, head of administration in the southern province of the country, claimed the blast was an accident.", KindAttribution, "claimed", "Jane Roe"},
		{"time phrase before verb", "Acme Corp on Thursday claimed record profits.", KindAttribution, "claimed", "Acme Corp"},
		{"said is neutral", "Lavrov said the talks would continue.", KindAttribution, "", ""},
		{"told is neutral", "The minister told reporters the talks would continue.", KindAttribution, "", ""},
		{"claims as a noun: insurance claims", "Insurance claims rose sharply after the storm.", KindAttribution, "", ""},
		{"claims as a noun after a dateline", "WASHINGTON (Reuters) - Insurance claims rose sharply after the storm.", KindAttribution, "", ""},
		{"claims as a noun after a dash dateline", "TEHRAN (Tasnim) – Insurance claims rose sharply after the storm.", KindAttribution, "", ""},
		{"claims as a verb after a dateline", "WASHINGTON (Reuters) - The US claims that the deal is dead.", KindAttribution, "claims", "United States"},
		{"claims as a noun: subject of were", "US claims were rejected by the court.", KindAttribution, "", ""},
		{"claims as a noun: after possessive", "The company withdrew its claims against the bank.", KindAttribution, "", ""},
		{"alleged as adjective is a hedge, not a verb", "The alleged violations were never shown.", KindAttribution, "", ""},
		{"attack as a physical act", "Troops attacked the village at dawn.", KindAttribution, "", ""},
		{"states in United States", "The United States presented no evidence.", KindAttribution, "", ""},
	})
}

func TestAttributionStanceField(t *testing.T) {
	ms := markersFor(t, "Lavrov insisted that the treaty was dead.")
	m := find(ms, KindAttribution, "insisted")
	if m == nil || m.Stance != StanceBearing {
		t.Fatalf("want stance-bearing marker on 'insisted', got %+v", ms)
	}
	if !strings.Contains(m.Reason, "stance-bearing reporting verb 'insisted'") || !strings.Contains(m.Reason, "Sergey Lavrov") {
		t.Errorf("reason %q should name the verb, its stance and the speaker", m.Reason)
	}
}

func TestHedges(t *testing.T) {
	runMarkerCases(t, []markerCase{
		{"allegedly", "The missile allegedly flies farther than allowed.", KindHedge, "allegedly", ""},
		{"so-called", "They call it a so-called peace plan.", KindHedge, "so-called", ""},
		{"opinion phrase", "In their opinion the deal had failed.", KindHedge, "In their opinion", ""},
		{"alleged adjective", "The alleged violations were never shown.", KindHedge, "alleged", ""},
		{"no hedge in plain report", "The missile flies 500 kilometres.", KindHedge, "", ""},
		{"allege as a verb is attribution, not hedge", "Prosecutors alleged that he lied.", KindHedge, "", ""},
	})
}

func TestIntensifiers(t *testing.T) {
	runMarkerCases(t, []markerCase{
		{"emphatically", "They emphatically refused to do so.", KindIntensifier, "emphatically", ""},
		{"rather before adverb", "The proposals were rejected rather arrogantly.", KindIntensifier, "rather arrogantly", ""},
		{"openly", "The US openly paves the way.", KindIntensifier, "openly", ""},
		{"rather than", "They chose talks rather than sanctions.", KindIntensifier, "", ""},
		{"would rather", "He would rather stay home.", KindIntensifier, "", ""},
		{"particular is not particularly", "Particular measures were proposed.", KindIntensifier, "", ""},
	})
}

func TestScareQuotes(t *testing.T) {
	runMarkerCases(t, []markerCase{
		{"unattributed short quote", `Russia launched a "special military operation" in 2022, Lavrov said "talks are hard to imagine now."`, KindScareQuote, `"special military operation"`, ""},
		{"curly quotes", "The plan is a “peace initiative” in name only.", KindScareQuote, "“peace initiative”", ""},
		{"base form noun is not attribution", "They sought to support the still unproven claim that the weapons existed.", KindAttribution, "", ""},
		{"single typographic quotes", "Officials defended the ‘security measures’ at the border.", KindScareQuote, "‘security measures’", ""},
		{"apostrophes are not quotes", "The ministers’ plan and the country’s ‘reset’ policy.", KindScareQuote, "‘reset’", ""},
		{"quoted full sentence with speaker", `"We will not deploy these systems first," Lavrov said.`, KindScareQuote, "", ""},
		{"short quote with trailing speaker", `"We will respond," he said.`, KindScareQuote, "", ""},
		{"fragment after reporting verb", `Shoigu called for "symmetric steps" in Europe.`, KindScareQuote, "", ""},
		{"naming", `The operation, dubbed "Desert Storm", began in January.`, KindScareQuote, "", ""},
		{"no letters", `They met in the "2 + 2" format.`, KindScareQuote, "", ""},
		{"a web address", `See "http://example.org/page" for details.`, KindScareQuote, "", ""},
		{"stray closing mark", `The plan” rests on a "rules-based order" today.`, KindScareQuote, `"rules-based order"`, ""},
		{"too long", `He described it as "a variant of the old land attack missile" on Monday.`, KindScareQuote, "", ""},
	})
}

type fakeCmp struct {
	with map[int]bool
	om   []string
}

func (f fakeCmp) HasCounterpart(article string, sentence int) bool { return f.with[sentence] }
func (f fakeCmp) OmittedBy(outlet string) []string                 { return f.om }

func TestUniqueAndOmissions(t *testing.T) {
	text := "The talks failed. Both sides met again."
	a := corpustest.Paragraph("u1", "Test", text[:17], text[18:])
	c := &corpus.Corpus{Articles: []*corpus.Article{a}}
	res, err := Analyze(context.Background(), c, fakeCmp{with: map[int]bool{0: true}, om: []string{"the deal expires"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ms := res.MarkersOf("u1", 0); hasKind(ms, KindUnique) {
		t.Errorf("sentence with a counterpart marked unique: %+v", ms)
	}
	ms := res.MarkersOf("u1", 1)
	if !hasKind(ms, KindUnique) || ms[0].Text != "Both sides met again." {
		t.Errorf("sentence without counterpart not marked unique: %+v", ms)
	}
	p := res.Profile("Test")
	if p == nil || len(p.Omissions) != 1 || p.Omissions[0] != "the deal expires" {
		t.Fatalf("omissions = %+v", p)
	}
	if p.MarkerRates[KindUnique] != 50 {
		t.Errorf("unique rate = %v per 100 sentences, want 50", p.MarkerRates[KindUnique])
	}
	// Without a comparison: no unique markers at all.
	res, _ = Analyze(context.Background(), c, nil, Options{})
	for _, m := range res.Markers {
		if m.Kind == KindUnique {
			t.Errorf("unique marker without a comparison: %+v", m)
		}
	}
}

func TestMarkNeutral(t *testing.T) {
	a := singleSentence("Lavrov said the talks would continue.", "N")
	res, err := Analyze(context.Background(), &corpus.Corpus{Articles: []*corpus.Article{a}}, nil, Options{MarkNeutral: true})
	if err != nil {
		t.Fatal(err)
	}
	m := find(res.Markers, KindAttribution, "said")
	if m == nil || m.Stance != StanceNeutral || m.Speaker != "Sergey Lavrov" || !strings.HasPrefix(m.Reason, "neutral reporting verb 'said'") {
		t.Fatalf("want a neutral marker on 'said' attributed to Lavrov, got %+v", res.Markers)
	}
}

func TestParticipleBeforeNoun(t *testing.T) {
	an, err := newAnalyzer(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		in   string
		word string
		want bool
	}{
		{"a plan to rebuild destroyed homes", "destroyed", false},
		{"the reconstruction of destroyed homes", "destroyed", true},
		{"the wrecked cars were towed", "wrecked", true},
		{"the power that destroyed the treaty", "destroyed", false},
		{"the US ignored Moscow's efforts", "ignored", false},
		{"Destroyed homes line the road", "destroyed", true},
	} {
		toks := tokenize(c.in, 0)
		got, found := false, false
		for i, tk := range toks {
			if tk.lower == c.word {
				got, found = an.participleBeforeNoun(toks, i), true
			}
		}
		if !found {
			t.Fatalf("%q: %q not tokenized", c.in, c.word)
		}
		if got != c.want {
			t.Errorf("participleBeforeNoun(%q at %q) = %v, want %v", c.in, c.word, got, c.want)
		}
	}
}
