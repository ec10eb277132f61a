package agreement

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// twoArticles loads
//
//	one: [0,31) "Moscow says the treaty is dead." [32,57) "Washington
//	     blames Moscow." [58,77) "Both sides deny it."
//	two: furniture [0,10) "Share this", then [11,67) "The Kremlin
//	     («Кремль») said the treaty was over." [68,95) "Washington
//	     replied at once."
func twoArticles(t *testing.T) *corpus.Corpus {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"one.txt": "Moscow says the treaty is dead. Washington blames Moscow. Both sides deny it.\n",
		"two.txt": "Share this\nThe Kremlin («Кремль») said the treaty was over. Washington replied at once.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := corpus.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	one, two := c.Article("one"), c.Article("two")
	if one == nil || two == nil || len(one.Sentences) != 3 || len(two.Sentences) != 2 ||
		one.Sentences[1].Start != 32 || one.Sentences[2].Start != 58 || two.Sentences[0].Start != 11 || len(two.Furniture) != 1 {
		t.Fatalf("the test articles segment differently now; fix the offsets in this test: %+v %+v", one, two)
	}
	return c
}

func note(c *corpus.Corpus, article string, start, end int, tags ...string) notes.Note {
	a := c.Article(article)
	if a == nil {
		return notes.Note{ID: article, Anchor: notes.Anchor{Article: article, Start: start, End: end}, Tags: tags}
	}
	return notes.Note{ID: article, Anchor: notes.NewAnchor(a, start, end), Tags: tags}
}

// twoCoders: A tags sentence 1 of one with x, a passage reaching from
// sentence 2 into 3 with x and y, and "Кремль" in two with y. B tags
// "says" (sentence 1) with x, sentence 3 with y, the space between
// sentences 2 and 3 with z (no sentence), and has an orphaned note and
// one on an article not loaded; B has no note on two.
func twoCoders(c *corpus.Corpus) []Coder {
	orphan := note(c, "one", 0, 6, "x")
	orphan.Orphaned = true
	return []Coder{
		{Name: "A", Source: "a.db", Notes: []notes.Note{
			note(c, "one", 0, 31, "x"),
			note(c, "one", 40, 60, "x", "y"),
			note(c, "two", 26, 38, "y"),
		}},
		{Name: "B", Source: "b.db", Notes: []notes.Note{
			note(c, "one", 7, 11, "x"),
			note(c, "one", 58, 77, "y"),
			note(c, "one", 57, 58, "z"),
			orphan,
			note(c, "gone", 0, 4, "x"),
		}},
	}
}

const ap, no, mi = Applied, NotApplied, Missing

func data(rows ...[]string) Data {
	d := Data{Coders: 2}
	for _, r := range rows {
		d.Add(r...)
	}
	return d
}

func TestSentenceUnits(t *testing.T) {
	c := twoArticles(t)
	rep := Sentences(c, twoCoders(c), Options{Codes: []string{"y", "x"}})

	if rep.Unit != UnitSentence || rep.Coded != CodedTagged || rep.Articles != 2 || rep.Sentences != 5 {
		t.Errorf("report %s/%s on %d articles, %d sentences; want sentence/tagged on 2, 5", rep.Unit, rep.Coded, rep.Articles, rep.Sentences)
	}
	wantCoders := []CoderInfo{
		{Name: "A", Source: "a.db", Articles: 2, Notes: 3},
		{Name: "B", Source: "b.db", Articles: 1, Notes: 3, Orphaned: 1, NotLoaded: 1},
	}
	if !reflect.DeepEqual(rep.Coders, wantCoders) {
		t.Errorf("coders %+v\nwant %+v", rep.Coders, wantCoders)
	}
	// Rows are sentences one 1–3, two 1–2; B did not code two.
	want := map[string]Data{
		"y": data([]string{no, no}, []string{ap, no}, []string{ap, ap}, []string{ap, mi}, []string{no, mi}),
		"x": data([]string{ap, ap}, []string{ap, no}, []string{ap, no}, []string{no, mi}, []string{no, mi}),
		"z": data([]string{no, no}, []string{no, no}, []string{no, no}, []string{no, mi}, []string{no, mi}),
	}
	var names []string
	all := Data{Coders: 2}
	for _, r := range rep.Codes {
		names = append(names, r.Code)
		if w := nominalRow(r.Code, want[r.Code]); !reflect.DeepEqual(r, w) {
			t.Errorf("code %s:\n got %s\nwant %s", r.Code, show(r), show(w))
		}
		all.Append(want[r.Code])
	}
	if !reflect.DeepEqual(names, []string{"y", "x", "z"}) {
		t.Errorf("codes %v, want the listed ones in order, then those only the notes use", names)
	}
	if w := nominalRow("", all); !reflect.DeepEqual(rep.Overall, w) {
		t.Errorf("overall:\n got %s\nwant %s", show(rep.Overall), show(w))
	}
	if x := rep.Codes[1]; x.Units != 3 || !reflect.DeepEqual(x.Applied, []int{3, 1}) || round3(*x.PercentAgreement.Value) != 33.333 {
		t.Errorf("x: %s; want 3 units, applied [3 1], 33.333%%", show(x))
	}
	if z := rep.Codes[2]; z.KrippendorffAlpha.Defined() || z.CohenKappa.Defined() || *z.PercentAgreement.Value != 100 {
		t.Errorf("z, which no coder applied to a sentence: %s; want the κs and α undefined, 100%%", show(z))
	}

	// Every loaded article coded by both: B's silence on two is "not
	// applied", not missing.
	rep = Sentences(c, twoCoders(c), Options{Coded: CodedAll})
	if x := rep.Codes[0]; x.Code != "x" || x.Units != 5 || rep.Coders[1].Articles != 2 {
		t.Errorf("--coded all: %s, B coded %d articles; want x on 5 units, 2 articles", show(x), rep.Coders[1].Articles)
	}
}

func show(r Row) string {
	s := r.Code + ":"
	for _, c := range []*Coefficient{r.PercentAgreement, r.CohenKappa, r.FleissKappa, r.KrippendorffAlpha} {
		if c != nil && c.Value != nil {
			s += fmt.Sprintf(" %.3f", *c.Value)
		} else if c != nil {
			s += " n/a(" + c.Undefined + ")"
		}
	}
	return s
}

func TestPositionsCountCharactersWithoutFurniture(t *testing.T) {
	c := twoArticles(t)
	two := newPositions(c.Article("two"))
	// "Share this" (10 characters) is furniture; «Кремль» is two bytes a
	// character.
	if got := two.at(11); got != 1 {
		t.Errorf("position of byte 11 = %d, want 1 (after the newline, furniture left out)", got)
	}
	if got, want := two.at(26), 15; got != want {
		t.Errorf("position of byte 26 (К) = %d, want %d", got, want)
	}
	if got := two.at(38) - two.at(26); got != 6 {
		t.Errorf("Кремль is %d characters long, want 6", got)
	}
	if got := two.at(5); got != 0 {
		t.Errorf("an offset inside furniture maps to %d, want 0 (where it starts)", got)
	}
	text := c.Article("two").Text
	if two.length != utf8.RuneCountInString(text)-10 {
		t.Errorf("length %d, want %d", two.length, utf8.RuneCountInString(text)-10)
	}
}

func TestSpanUnits(t *testing.T) {
	c := twoArticles(t)
	rep := Spans(c, twoCoders(c), Options{})
	// B coded only one: the continuum is one's 78 characters.
	if rep.Unit != UnitSpan || rep.Characters != 78 || rep.Articles != 1 || !reflect.DeepEqual(rep.LeftOut, []string{"two"}) {
		t.Errorf("span report: %d characters of %d articles, left out %v; want 78 of 1, [two]", rep.Characters, rep.Articles, rep.LeftOut)
	}
	x := rep.Codes[0]
	want := UnitizedAlpha(78, [][]Segment{{{0, 31}, {40, 60}}, {{7, 11}}})
	if x.Code != "x" || !reflect.DeepEqual(*x.UnitizedAlpha, want) || x.Units != 3 || !reflect.DeepEqual(x.Applied, []int{2, 1}) {
		t.Errorf("x: %+v %+v, want %+v with 3 units [2 1]", x, *x.UnitizedAlpha, want)
	}
	if x.PercentAgreement != nil || x.KrippendorffAlpha != nil {
		t.Errorf("span rows carry sentence coefficients: %+v", x)
	}

	rep = Spans(c, twoCoders(c), Options{Coded: CodedAll})
	length := 78 + newPositions(c.Article("two")).length
	y := rep.Codes[1]
	want = UnitizedAlpha(length, [][]Segment{{{40, 60}, {93, 99}}, {{58, 77}}})
	if rep.Characters != length || rep.LeftOut != nil || y.Code != "y" || !reflect.DeepEqual(*y.UnitizedAlpha, want) {
		t.Errorf("--coded all: %d characters, left out %v, y %+v; want %d, none, %+v", rep.Characters, rep.LeftOut, *y.UnitizedAlpha, length, want)
	}
	parts := []Unitized{*rep.Codes[0].UnitizedAlpha, *rep.Codes[1].UnitizedAlpha, *rep.Codes[2].UnitizedAlpha}
	if o := UnitizedOverall(parts); !reflect.DeepEqual(*rep.Overall.UnitizedAlpha, o) {
		t.Errorf("overall %+v, want %+v", *rep.Overall.UnitizedAlpha, o)
	}

	// Identical tagging agrees perfectly.
	same := []Coder{twoCoders(c)[0], twoCoders(c)[0]}
	same[1].Name = "A2"
	rep = Spans(c, same, Options{})
	if v := rep.Overall.UnitizedAlpha.Value; v == nil || *v != 1 {
		t.Errorf("identical coders: αu %v, want 1", v)
	}
}
