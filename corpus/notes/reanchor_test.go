package notes

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

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

// TestReanchorCountsNewOrphansOnce: a note orphaned by an edit is counted
// by the Reanchor that orphans it, not by every later one.
func TestReanchorCountsNewOrphansOnce(t *testing.T) {
	s := openTemp(t)
	a := article("x", sampleText)
	if _, err := s.Tag(anchorOf(t, a, "Washington rejected the offer last week."), []string{"reply"}, ""); err != nil {
		t.Fatal(err)
	}
	edited := article("x", strings.Replace(sampleText, "Washington rejected the offer last week.", "", 1))
	c := &corpus.Corpus{Articles: []*corpus.Article{edited}}
	for i, want := range []int{1, 0} {
		_, orphaned, err := s.Reanchor(c)
		if err != nil {
			t.Fatal(err)
		}
		if orphaned != want {
			t.Errorf("Reanchor %d: %d orphaned, want %d", i+1, orphaned, want)
		}
	}
}
