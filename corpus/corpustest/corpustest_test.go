package corpustest

import "testing"

// Every span holds what it says: the sentence's text, the paragraph's
// sentences.
func TestSpansHoldTheirText(t *testing.T) {
	a := Paragraphs("a", "O", []string{"One.", "Two two."}, []string{"Three."})
	if a.Text != "One. Two two.\n\nThree." {
		t.Fatalf("text %q", a.Text)
	}
	for i, s := range a.Sentences {
		if a.Text[s.Start:s.End] != s.Text || s.Index != i {
			t.Errorf("sentence %d: span %v holds %q, text %q, index %d", i, s.Span, a.Text[s.Start:s.End], s.Text, s.Index)
		}
		p := a.Paragraphs[s.Para]
		if s.Start < p.Start || s.End > p.End {
			t.Errorf("sentence %d lies outside its paragraph %d", i, s.Para)
		}
	}
	if len(a.Paragraphs) != 2 || a.Text[a.Paragraphs[0].Start:a.Paragraphs[0].End] != "One. Two two." {
		t.Errorf("paragraphs %+v", a.Paragraphs)
	}
	if b := Article("b", "O", "x.", "y."); len(b.Paragraphs) != 2 || b.Sentences[1].Para != 1 || b.Text != "x.\n\ny." {
		t.Errorf("Article: %+v", b)
	}
	if c := Paragraph("c", "O", "x.", "y."); len(c.Paragraphs) != 1 || c.Sentences[1].Para != 0 || c.Text != "x. y." {
		t.Errorf("Paragraph: %+v", c)
	}
}
