package notes

import (
	"errors"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

const anchorText = `US Openly Paves Way for INF-Banned Missiles

MOSCOW, November 8. /TASS/. The United States is openly paving the way for deploying intermediate-range missiles in Europe and Asia, Russian Foreign Minister Sergey Lavrov said on Friday.

"We have offered the Americans an inspection of the 9M729 missile, but they refused," Lavrov told reporters. He said Moscow would not deploy such weapons first.

NATO officials in Brussels rejected the claim and said Russia had violated the treaty for years. The alliance will meet again in December.

Analysts warned that the collapse of the treaty could start a new arms race in Europe.`

// The tagged passage used by most cases.
const passage = "We have offered the Americans an inspection of the 9M729 missile, but they refused,"

func TestReanchor(t *testing.T) {
	moveParagraph := func(text string) string {
		paras := strings.Split(text, "\n\n")
		// move the inspection paragraph (index 2) to the end
		p := paras[2]
		paras = append(append(paras[:2:2], paras[3:]...), p)
		return strings.Join(paras, "\n\n")
	}
	cases := []struct {
		name   string
		edit   func(string) string
		want   string // text expected at the new range; "" for orphaned
		orphan bool
	}{
		{"unchanged", func(s string) string { return s }, passage, false},
		{"edit after", func(s string) string {
			return strings.Replace(s, "in December.", "in Brussels in early December, officials said.", 1)
		}, passage, false},
		{"edit before", func(s string) string {
			return strings.Replace(s, "Sergey Lavrov said on Friday.", "Sergey Lavrov told a news conference in Moscow on Friday, November 8.", 1)
		}, passage, false},
		{"edit inside", func(s string) string {
			return strings.Replace(s, "offered the Americans an inspection", "offered the US side an inspection", 1)
		}, "We have offered the US side an inspection of the 9M729 missile, but they refused,", false},
		{"typography and case of a word inside", func(s string) string {
			return strings.Replace(s, "the 9M729 missile, but they refused", "the 9М729 missile — but they refused", 1)
		}, "We have offered the Americans an inspection of the 9М729 missile — but they refused,", false},
		{"whitespace reflowed", func(s string) string {
			return strings.Replace(strings.ReplaceAll(s, "Americans an", "Americans\n   an"), "but they", "but  they", 1)
		}, "We have offered the Americans\n   an inspection of the 9M729 missile, but  they refused,", false},
		{"paragraph moved", moveParagraph, passage, false},
		{"paragraph moved and edited", func(s string) string {
			return strings.Replace(moveParagraph(s), "but they refused", "but Washington refused", 1)
		}, "We have offered the Americans an inspection of the 9M729 missile, but Washington refused,", false},
		{"passage deleted", func(s string) string {
			return strings.Replace(s, `"We have offered the Americans an inspection of the 9M729 missile, but they refused," Lavrov told reporters. `, "", 1)
		}, "", true},
		{"paragraph duplicated after itself", func(s string) string {
			paras := strings.Split(s, "\n\n")
			return strings.Join(append(paras[:3:3], append([]string{paras[2]}, paras[3:]...)...), "\n\n")
		}, passage, false},
		{"paragraph duplicated before itself", func(s string) string {
			paras := strings.Split(s, "\n\n")
			return strings.Join(append(paras[:2:2], append([]string{paras[2]}, paras[2:]...)...), "\n\n")
		}, passage, false},
		{"paragraph deleted", func(s string) string {
			paras := strings.Split(s, "\n\n")
			return strings.Join(append(paras[:2:2], paras[3:]...), "\n\n")
		}, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openTemp(t)
			orig := article("tass", anchorText)
			n := mustTag(t, s, anchorOf(t, orig, passage), "inspection")
			// A second, untouched note in another paragraph must not move.
			other := mustTag(t, s, anchorOf(t, orig, "Analysts warned"), "voice")

			edited := article("tass", c.edit(anchorText))
			moved, orphaned, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{edited}})
			if err != nil {
				t.Fatal(err)
			}
			got, ok, err := s.Note(n.ID)
			if err != nil || !ok {
				t.Fatalf("note lost: %v", err)
			}
			if got.Orphaned != c.orphan {
				t.Fatalf("orphaned = %v, want %v (range %d–%d)", got.Orphaned, c.orphan, got.Anchor.Start, got.Anchor.End)
			}
			if c.orphan {
				if orphaned != 1 || got.Anchor.Quote != passage || len(got.Tags) != 1 {
					t.Fatalf("orphan: %d orphaned, note %+v", orphaned, got)
				}
				ns, _ := s.Notes()
				if len(ns) != 2 {
					t.Fatal("orphaned note not listed")
				}
			} else {
				if at := edited.Text[got.Anchor.Start:got.Anchor.End]; at != c.want {
					t.Fatalf("placed on %q, want %q", at, c.want)
				}
				if orphaned != 0 {
					t.Fatalf("%d orphaned", orphaned)
				}
			}
			if o, _, _ := s.Note(other.ID); edited.Text[o.Anchor.Start:o.Anchor.End] != "Analysts warned" {
				t.Fatalf("the other note moved to %q", edited.Text[o.Anchor.Start:o.Anchor.End])
			}
			wantMoved := 0
			if o, _, _ := s.Note(other.ID); o.Anchor.Start != other.Anchor.Start {
				wantMoved++
			}
			if !c.orphan && (got.Anchor.Start != n.Anchor.Start || got.Anchor.End != n.Anchor.End) {
				wantMoved++
			}
			if moved != wantMoved {
				t.Fatalf("moved = %d, want %d", moved, wantMoved)
			}
			if got.Anchor.Hash != edited.Hash {
				t.Fatal("hash not updated")
			}
			// Unchanged text now: nothing to do.
			if m, _, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{edited}}); err != nil || m != 0 {
				t.Fatalf("second re-anchor moved %d (%v)", m, err)
			}
		})
	}
}

// TestReanchorPersistsAndRecovers: a note whose article is not loaded (one
// file of a folder opened, say) is left exactly as it was — not orphaned,
// not moved, its outlet and title kept — and is placed again, edited or
// not, when its article comes back. An orphan stays one while its article
// is away.
func TestReanchorPersistsAndRecovers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	orig := article("tass", anchorText)
	orig.Outlet, orig.Title = "TASS", "Lavrov on the treaty"
	other := article("other", "Nothing of the kind is said here at all.")
	n := mustTag(t, s, anchorOf(t, orig, passage), "inspection")
	if n.Anchor.Outlet != "TASS" || n.Anchor.Title != "Lavrov on the treaty" {
		t.Fatalf("outlet and title not stored: %+v", n.Anchor)
	}
	// Another article alone is loaded: the note is not orphaned, not touched.
	for _, c := range []*corpus.Corpus{{}, {Articles: []*corpus.Article{other}}} {
		if m, o, err := s.Reanchor(c); err != nil || m != 0 || o != 0 {
			t.Fatalf("article not loaded: moved %d orphaned %d, %v", m, o, err)
		}
		if got, _, _ := s.Note(n.ID); got.Orphaned || got.Anchor != n.Anchor {
			t.Fatalf("a note of an article not loaded was changed: %+v orphaned=%v", got.Anchor, got.Orphaned)
		}
	}
	edited := article("tass", "A new lead paragraph.\n\n"+anchorText)
	edited.Outlet, edited.Title = "TASS", "Lavrov on the treaty (updated)"
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// The article comes back, edited: placed again, with its new title.
	m, o, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{edited, other}})
	if err != nil || m != 1 || o != 0 {
		t.Fatalf("article back: moved %d orphaned %d %v", m, o, err)
	}
	got, _, _ := s.Note(n.ID)
	if got.Orphaned || edited.Text[got.Anchor.Start:got.Anchor.End] != passage || got.Anchor.Title != edited.Title {
		t.Fatalf("not re-placed: %+v", got)
	}
	// Its text goes: orphaned. Then the article is not loaded: still an
	// orphan, and not counted as one of this corpus's.
	gone := article("tass", "The article was rewritten from scratch and says nothing of the kind.")
	if _, o, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{gone}}); err != nil || o != 1 {
		t.Fatalf("text gone: %d orphaned, %v", o, err)
	}
	if _, o, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{other}}); err != nil || o != 0 {
		t.Fatalf("orphan's article not loaded: %d orphaned, %v", o, err)
	}
	if got, _, _ := s.Note(n.ID); !got.Orphaned {
		t.Fatal("an orphan lost its flag while its article was not loaded")
	}
	// The text comes back: placed again.
	if _, o, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{edited}}); err != nil || o != 0 {
		t.Fatalf("text back: %d orphaned, %v", o, err)
	}
	if got, _, _ := s.Note(n.ID); got.Orphaned || edited.Text[got.Anchor.Start:got.Anchor.End] != passage {
		t.Fatalf("not re-placed after coming back: %+v", got)
	}
}

// TestReanchorHealsWronglyOrphaned: earlier versions marked every note of
// an article that was not loaded orphaned (and cleared its hash); such a
// note is placed again as soon as its article is loaded.
func TestReanchorHealsWronglyOrphaned(t *testing.T) {
	s := openTemp(t)
	a := article("tass", anchorText)
	n := mustTag(t, s, anchorOf(t, a, passage), "inspection")
	if _, err := s.db.Exec("UPDATE notes SET orphaned = 1, hash = '' WHERE id = ?", n.ID); err != nil {
		t.Fatal(err)
	}
	if m, o, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{a}}); err != nil || m != 1 || o != 0 {
		t.Fatalf("moved %d orphaned %d, %v", m, o, err)
	}
	if got, _, _ := s.Note(n.ID); got.Orphaned || got.Anchor != n.Anchor {
		t.Fatalf("not healed: %+v orphaned=%v", got.Anchor, got.Orphaned)
	}
}

// TestReanchorAmbiguousQuote: a quote that occurs twice is placed by its
// context, not just by the nearest position.
func TestReanchorAmbiguousQuote(t *testing.T) {
	text := "First, Lavrov said the treaty is dead. Many agreed.\n\nLater, Peskov said the treaty is dead. Few agreed."
	s := openTemp(t)
	a := article("x", text)
	i := strings.LastIndex(text, "said the treaty is dead")
	n := mustTag(t, s, NewAnchor(a, i, i+len("said the treaty is dead")), "claim")
	// Swap the paragraphs: the nearest occurrence is now Lavrov's.
	paras := strings.Split(text, "\n\n")
	edited := article("x", paras[1]+"\n\n"+paras[0])
	if _, _, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{edited}}); err != nil {
		t.Fatal(err)
	}
	got, _, _ := s.Note(n.ID)
	if !strings.HasPrefix(edited.Text[got.Anchor.Start-7:], "Peskov said the treaty is dead") {
		t.Fatalf("placed at %d: %q", got.Anchor.Start, edited.Text[max(0, got.Anchor.Start-10):got.Anchor.End])
	}
}

func TestNewAnchor(t *testing.T) {
	text := "Ünïcödé prefix text that is long enough to be cut — «quote» and a suffix that also goes on for a while."
	a := article("u", text)
	i := strings.Index(text, "«quote»")
	an := NewAnchor(a, i+1, i+len("«quote»")-1) // inside the guillemets' bytes
	if an.Quote != "«quote»" {
		t.Fatalf("quote widened to %q", an.Quote)
	}
	if len([]rune(an.Prefix)) != 32 || !strings.HasSuffix(an.Prefix, "cut — ") {
		t.Fatalf("prefix %q", an.Prefix)
	}
	if len([]rune(an.Suffix)) != 32 || !strings.HasPrefix(an.Suffix, " and a suffix") {
		t.Fatalf("suffix %q", an.Suffix)
	}
	if an.Hash != TextHash(text) || an.Article != "u" {
		t.Fatalf("anchor %+v", an)
	}
	if an := NewAnchor(a, 5000, -3); an.Start != 0 || an.End != len(text) {
		t.Fatalf("clamped to %d–%d", an.Start, an.End)
	}
}

func TestFindQuote(t *testing.T) {
	a := article("t", "He said: “the US is to blame.”\nThe US is to blame, he said;  the US   is\nnot alone.")
	cases := []struct {
		quote string
		want  string
		err   error
	}{
		{"the US is to blame", "the US is to blame", nil},
		{"\"the US is to blame.\"", "“the US is to blame.”", nil},
		{"the UK is to blame", "", ErrQuoteNotFound},
		{"the US is\nnot alone", "the US   is\nnot alone", nil},
		{"he said", "he said", nil},
		{"is to blame", "", ErrQuoteAmbiguous},
		{"not in the text", "", ErrQuoteNotFound},
		{"   ", "", ErrQuoteNotFound},
	}
	for _, c := range cases {
		s, e, err := FindQuote(a, c.quote)
		if c.err != nil {
			if !errors.Is(err, c.err) {
				t.Errorf("FindQuote(%q) = %d–%d, %v; want %v", c.quote, s, e, err, c.err)
			}
			continue
		}
		if err != nil || a.Text[s:e] != c.want {
			t.Errorf("FindQuote(%q) = %q, %v; want %q", c.quote, a.Text[s:e], err, c.want)
		}
	}
}

func TestApproxMatches(t *testing.T) {
	text := "the quick brown fox jumps over the lazy dog"
	got := approxMatches(text, "quick brwn fox", 2, 5)
	if len(got) == 0 || text[got[0].start:got[0].end] != "quick brown fox" || got[0].errors != 1 {
		t.Fatalf("got %+v", got)
	}
	if got := approxMatches(text, "completely different", 3, 5); len(got) != 0 {
		t.Fatalf("matched %+v", got)
	}
}

func FuzzLocate(f *testing.F) {
	f.Add(anchorText, 10, 40, "edited")
	f.Fuzz(func(t *testing.T, text string, start, end int, insert string) {
		a := article("f", text)
		an := NewAnchor(a, start, end)
		edited := insert + text
		if s, e, ok := locate(edited, an); ok && (s < 0 || e > len(edited) || s > e) {
			t.Fatalf("range %d–%d outside text of %d bytes", s, e, len(edited))
		}
	})
}

// BenchmarkLocateApprox re-places a 300-byte quote, edited inside, in a
// 60 KB article of distinct words whose text moved.
func BenchmarkLocateApprox(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	words := strings.Fields(anchorText)
	var sb strings.Builder
	for sb.Len() < 60_000 {
		sb.WriteString(words[rng.IntN(len(words))])
		sb.WriteByte(' ')
	}
	text := sb.String()
	a := article("big", text)
	mid := len(text) / 2
	an := NewAnchor(a, mid, mid+300)
	q := []byte(an.Quote)
	for i := 10; i < len(q); i += 40 {
		q[i] = '#'
	}
	edited := "A new lead paragraph.\n\n" + text[:mid] + string(q) + text[mid+300:]
	b.ResetTimer()
	for b.Loop() {
		s, e, ok := locate(edited, an)
		if !ok || edited[s:e] != string(q) && !strings.Contains(string(q), edited[s:e]) {
			b.Fatalf("placed %v on %q", ok, edited[s:e])
		}
	}
}

// TestReanchorEmbeddedArticle tags every body sentence of a real article,
// then edits it the way a re-download does — a new lead, reflowed
// paragraphs, a word changed, a sentence removed — and checks each tag lands
// on its own sentence, and the removed one is orphaned.
func TestReanchorEmbeddedArticle(t *testing.T) {
	c := corpus.Default()
	if len(c.Articles) == 0 {
		t.Skip("embedded corpus not available")
	}
	for _, orig := range c.Articles {
		body := orig.Body()
		if len(body) < 6 {
			continue
		}
		t.Run(orig.ID, func(t *testing.T) {
			s := openTemp(t)
			ids := make([]string, len(body))
			for i, se := range body {
				ids[i] = mustTag(t, s, NewAnchor(orig, se.Start, se.End), "s").ID
			}
			deleted, changed := len(body)/2, len(body)/3
			text := orig.Text
			// Work from the end so earlier offsets stay valid.
			want := make([]string, len(body))
			for i := len(body) - 1; i >= 0; i-- {
				se := body[i]
				switch i {
				case deleted:
					text = text[:se.Start] + text[se.End:]
				case changed:
					w := strings.Fields(se.Text)
					w[len(w)/2] = "CHANGED"
					want[i] = strings.Join(w, " ")
					text = text[:se.Start] + want[i] + text[se.End:]
				default:
					want[i] = se.Text
				}
			}
			text = "BREAKING: a new lead paragraph was added here.\n\n" + strings.ReplaceAll(text, "\n\n", "\n \n\n")
			edited := &corpus.Article{ID: orig.ID, Text: text, Hash: TextHash(text)}
			if _, _, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{edited}}); err != nil {
				t.Fatal(err)
			}
			for i, id := range ids {
				n, ok, err := s.Note(id)
				if err != nil || !ok {
					t.Fatalf("note %d lost: %v", i, err)
				}
				if i == deleted {
					if !n.Orphaned {
						t.Errorf("deleted sentence %q placed on %q", body[i].Text, text[n.Anchor.Start:n.Anchor.End])
					}
					continue
				}
				if n.Orphaned {
					t.Errorf("sentence %d orphaned: %q", i, body[i].Text)
					continue
				}
				if got := text[n.Anchor.Start:n.Anchor.End]; got != want[i] {
					t.Errorf("sentence %d placed on %q, want %q", i, got, want[i])
				}
			}
		})
	}
}

// TestLocatePathological checks re-anchoring on repetitive text, where a
// naive search is quadratic: the quote is placed whole or not at all. Its
// speed is BenchmarkLocatePathological's (a timed test would fail on a
// slow or loaded machine).
func TestLocatePathological(t *testing.T) {
	text, an := pathological()
	s, e, ok := locate(text, an)
	if ok && e-s != len(an.Quote) {
		t.Fatalf("placed on %d–%d", s, e)
	}
	an.Quote = strings.Repeat("ab", 300)
	if s, e, ok := locate(text, an); ok && (s < 0 || e > len(text) || s >= e) {
		t.Fatalf("approximate search placed it on %d–%d", s, e)
	}
}

// pathological is 200,000 bytes of one letter and an anchor on it.
func pathological() (string, Anchor) {
	return strings.Repeat("a", 200_000), Anchor{Quote: strings.Repeat("a", 36), Prefix: "bbbb", Suffix: "cccc", Start: 5000, End: 5036}
}

// BenchmarkLocatePathological times re-anchoring on 200,000 bytes of one
// letter: an exact quote (many occurrences) and one that needs the
// approximate search (bounded to O(len·256)).
func BenchmarkLocatePathological(b *testing.B) {
	text, an := pathological()
	approx := an
	approx.Quote = strings.Repeat("ab", 300)
	for i := 0; i < b.N; i++ {
		locate(text, an)
		locate(text, approx)
	}
}
