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
