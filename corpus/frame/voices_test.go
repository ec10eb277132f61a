package frame

import (
	"context"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/corpustest"
)

func voicesOf(t *testing.T, arts ...*corpus.Article) map[string][]Voice {
	t.Helper()
	res, err := Analyze(context.Background(), &corpus.Corpus{Articles: arts}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]Voice{}
	for _, p := range res.Outlets {
		out[p.Outlet] = p.Voices
	}
	return out
}

func TestVoicesUnknownNamesMerge(t *testing.T) {
	v := voicesOf(t, corpustest.Article("a", "Daily",
		"Interior Minister Ivan Petrovsky said the border would stay open.",
		`"We have nothing to hide," Petrovsky told reporters.`,
		"He added that talks would resume in May.",
		"Petrovksy warned that any attack would be answered.",
		"The weather was mild."))["Daily"]
	if len(v) != 1 || v[0].Speaker != "Ivan Petrovsky" || v[0].Sentences != 4 {
		t.Fatalf("voices = %+v, want Ivan Petrovsky with 4 sentences (title stripped, surname, pronoun and typo merged)", v)
	}
}

func TestVoicesTableAndSides(t *testing.T) {
	v := voicesOf(t, corpustest.Article("b", "Wire",
		"Russian Foreign Minister Sergei Lavrov said the treaty was dead.",
		"According to Lavrov, talks are possible.",
		"French President Emmanuel Macron, speaking in Paris, urged restraint.",
		`"We will not give in," the president said.`,
		"The foreign minister added that Moscow was ready."))["Wire"]
	got := map[string]Voice{}
	for _, x := range v {
		got[x.Speaker] = x
	}
	if l := got["Sergey Lavrov"]; l.Sentences != 3 || l.Side != "Russia" {
		t.Errorf("Lavrov = %+v, want 3 sentences, side Russia (\"the foreign minister\" resolves to him)", l)
	}
	if m := got["Emmanuel Macron"]; m.Sentences != 2 || m.Side != "France" {
		t.Errorf("Macron = %+v, want 2 sentences, side France", m)
	}
	if len(got) != 2 {
		t.Errorf("voices = %+v, want exactly Lavrov and Macron", v)
	}
}

func TestVoicesQuoteContinuation(t *testing.T) {
	text := `"We asked for proof," Jane Doe said. "Nobody has shown us anything."`
	a := corpustest.Paragraph("q", "Q", text[:36], text[37:])
	v := voicesOf(t, a)["Q"]
	if len(v) != 1 || v[0].Speaker != "Jane Doe" || v[0].Sentences != 2 {
		t.Fatalf("voices = %+v, want Jane Doe with 2 sentences (the next quoted sentence is hers too)", v)
	}
}

func TestVoicesNotFromPassiveOrPlace(t *testing.T) {
	v := voicesOf(t, corpustest.Article("c", "P",
		"Japan and South Korea were mentioned as possible sites.",
		"Leaders met in Beijing, agreeing that trade matters."))["P"]
	if len(v) != 0 {
		t.Errorf("voices = %+v, want none (passive subject, place after a preposition)", v)
	}
}

// TestVoicesRoleOfSomeoneElse checks that "the spokesman" is not given to
// the last speaker when that speaker is known to hold other titles, and is
// when nothing is known of the last speaker.
func TestVoicesRoleOfSomeoneElse(t *testing.T) {
	v := voicesOf(t, corpustest.Article("c", "Wire",
		"Lavrov said the talks would continue.",
		"The spokesman denied any wrongdoing."))["Wire"]
	if len(v) != 1 || v[0].Sentences != 1 {
		t.Errorf("voices = %+v, want Lavrov in one sentence only (the spokesman is someone else)", v)
	}
	v = voicesOf(t, corpustest.Article("d", "Wire",
		"Jane Roe said the plant would close.",
		"The spokeswoman added that no jobs would be lost."))["Wire"]
	if len(v) != 1 || v[0].Speaker != "Jane Roe" || v[0].Sentences != 2 {
		t.Errorf("voices = %+v, want Jane Roe in both sentences (nothing says she is not the spokeswoman)", v)
	}
}

// TestOneWordNameWithSwappedLetters: a one-word voice two swapped letters
// away from a known surname is that person; the first such surname in
// sorted order wins, and a name with no such surname stays as it is.
func TestOneWordNameWithSwappedLetters(t *testing.T) {
	an, err := newAnalyzer(Options{})
	if err != nil {
		t.Fatal(err)
	}
	arts := []*articleInfo{{voices: [][]string{{"Olena Petrenko"}, {"Petrneko"}, {"Oksana Petrnoko"}, {"Kuznetsova"}}}}
	canon := an.canonicalNames(arts)
	if got := canon["Petrneko"]; got != "Olena Petrenko" {
		t.Errorf("Petrneko -> %q, want Olena Petrenko (canon %v)", got, canon)
	}
	if got, ok := canon["Kuznetsova"]; ok {
		t.Errorf("Kuznetsova -> %q, want no change", got)
	}
}
