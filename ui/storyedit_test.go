package ui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// lookalikeWithNotes is the look-alike corpus with a notes file at path
// open, as the program opens it.
func lookalikeWithNotes(t *testing.T, path string, w, h int) Model {
	t.Helper()
	c, a := analysedCorpus(t, false)
	m := newTestModel(t, c, a, w, h)
	m.opts.NotesPath = path
	m.ctx.notes.poll = 0
	m = runCmd(m, openNotes(m), 0)
	if m.ctx.notes.store == nil {
		t.Fatalf("store not open: %v", m.ctx.notes.err)
	}
	t.Cleanup(func() { m.ctx.notes.store.Close() })
	return m
}

// storyOf returns the id of the story holding an article in the
// comparison the reader has.
func storyOf(t *testing.T, m Model, article string) string {
	t.Helper()
	for _, st := range m.ctx.All.Findings.Comparison.Stories {
		if slices.Contains(st.Articles, article) {
			return st.ID
		}
	}
	t.Fatalf("article %s in no story", article)
	return ""
}

// pickEditItem moves the chooser's cursor to the item whose id is id.
func pickEditItem(t *testing.T, m Model, id string) Model {
	t.Helper()
	for i, it := range storyEditOf(m).items {
		if it.id == id {
			storyEditOf(m).cursor = i
			return m
		}
	}
	t.Fatalf("no item %q in the chooser: %+v", id, storyEditOf(m).items)
	return m
}

const (
	update2023 = "2023-03-15-northwind-toll"
	harbour24  = "2024-02-03-harbour"
)

func TestCorrectionMoveUndoRedoReload(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	m := lookalikeWithNotes(t, path, 120, 40)
	if storyOf(t, m, update2023) == storyOf(t, m, harbour24) {
		t.Fatal("the fixture's two events are already one story")
	}
	m = send(m, keys("0")...)
	m = storyRowAt(t, m, 1)
	m = send(m, keys("m")...)
	if storyEditOf(m).step != editMoveWhich || !m.capturing() {
		t.Fatalf("m did not open the article chooser: %T", m.ctx.dialog)
	}
	if !strings.Contains(m.View(), "Move which article of story 1") {
		t.Fatalf("chooser:\n%s", m.View())
	}
	m = pickEditItem(t, m, update2023)
	m = send(m, keys("enter")...)
	if storyEditOf(m).step != editMoveWhere {
		t.Fatalf("enter did not ask where to: %+v", storyEditOf(m).step)
	}
	target := storyOf(t, m, harbour24)
	m = pickEditItem(t, m, target)
	m = send(m, keys("enter")...)

	// Saved in the notes file at once...
	s, err := notes.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := s.Corrections()
	s.Close()
	if err != nil || len(cs) != 1 || cs[0].Kind != notes.CorrectMove || cs[0].Article != update2023 {
		t.Fatalf("notes file holds %+v (%v)", cs, err)
	}
	// ...and applied: the update now sits with the 2024 strike.
	if storyOf(t, m, update2023) != storyOf(t, m, harbour24) {
		t.Fatal("the move was not applied")
	}
	if !strings.Contains(m.View(), "1 correction of yours") {
		t.Errorf("the Stories view does not count the correction:\n%s", m.View())
	}
	// u takes it back, ctrl+r does it again.
	m = send(m, keys("u")...)
	if storyOf(t, m, update2023) == storyOf(t, m, harbour24) {
		t.Fatal("undo did not take the move back")
	}
	m = send(m, ctrlR)
	if storyOf(t, m, update2023) != storyOf(t, m, harbour24) {
		t.Fatal("redo did not move it again")
	}
	// A new start reads it from the notes file before the first analysis.
	opts := Options{Paths: []string{lookalikeDir}, NotesPath: path}
	msg := m.loading.work(context.Background(), opts, func(string, int, int) {}).(loadedMsg)
	if msg.err != nil {
		t.Fatal(msg.err)
	}
	res := msg.data.Findings.Comparison
	var same bool
	for _, st := range res.Stories {
		same = same || slices.Contains(st.Articles, update2023) && slices.Contains(st.Articles, harbour24)
	}
	if !same || len(msg.data.Findings.Corrections) != 1 {
		t.Fatalf("reloaded without the correction: %d corrections", len(msg.data.Findings.Corrections))
	}
}

func TestCorrectionMergeAndSplit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	m := lookalikeWithNotes(t, path, 120, 40)
	m = send(m, keys("0")...)
	m = storyRowAt(t, m, 1)
	other := storyOf(t, m, harbour24)
	m = send(m, keys("M")...)
	m = pickEditItem(t, m, other)
	m = send(m, keys("enter")...)
	if n := len(m.ctx.All.Findings.Comparison.Stories); n != 1 {
		t.Fatalf("after merging: %d stories", n)
	}
	m = send(m, keys("u")...)
	if n := len(m.ctx.All.Findings.Comparison.Stories); n != 2 {
		t.Fatalf("after undoing the merge: %d stories", n)
	}
	// Split Northwind's two 2023 reports off story 1.
	m = storyRowAt(t, m, 1)
	m = send(m, keys("s")...)
	if storyEditOf(m).step != editSplitWhich {
		t.Fatalf("s did not open the split chooser")
	}
	m = send(m, keys("enter")...)
	if storyEditOf(m).step != editSplitWhich {
		t.Fatal("enter with nothing chosen closed the chooser")
	}
	for _, id := range []string{"2023-03-14-northwind-early", update2023} {
		m = pickEditItem(t, m, id)
		m = send(m, keys("space")...)
	}
	if !strings.Contains(m.View(), "[x]") {
		t.Errorf("chosen articles are not marked:\n%s", m.View())
	}
	m = send(m, keys("enter")...)
	res := m.ctx.All.Findings.Comparison
	if n := len(res.Stories); n != 3 {
		t.Fatalf("after splitting: %d stories", n)
	}
	st, _ := findStory(res, storyOf(t, m, update2023))
	if !slices.Equal(slices.Sorted(slices.Values(st.Articles)), []string{"2023-03-14-northwind-early", update2023}) {
		t.Fatalf("the split-off story holds %v", st.Articles)
	}
	// esc cancels a chooser without saving.
	m = send(m, keys("M esc")...)
	if storyEditOf(m) != nil {
		t.Fatal("esc did not close the chooser")
	}
	s, _ := notes.Open(path)
	defer s.Close()
	if cs, _ := s.Corrections(); len(cs) != 1 {
		t.Fatalf("notes file holds %d corrections, want the split alone", len(cs))
	}
}

func TestCorrectionOpenStoryFollows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	m := lookalikeWithNotes(t, path, 120, 40)
	m = send(m, keys("0")...)
	m = storyRowAt(t, m, 2)
	m = send(m, keys("enter 0")...)
	before := len(m.ctx.Data.Corpus.Articles)
	// Move the 2023 update into the open story: it opens again with it.
	m = storyRowAt(t, m, 1)
	m = send(m, keys("m")...)
	m = pickEditItem(t, m, update2023)
	m = send(m, keys("enter")...)
	m = pickEditItem(t, m, storyOf(t, m, harbour24))
	m = send(m, keys("enter")...)
	if m.ctx.open.kind != scopeStory || len(m.ctx.Data.Corpus.Articles) != before+1 {
		t.Fatalf("the open story did not follow the move: %d articles, was %d", len(m.ctx.Data.Corpus.Articles), before)
	}
}

func TestCorrectionWithoutNotesFile(t *testing.T) {
	c, a := analysedCorpus(t, false)
	m := newTestModel(t, c, a, 120, 40)
	m.flashFor = 0 // keep the message on screen
	m = send(m, keys("0")...)
	m = storyRowAt(t, m, 1)
	m = send(m, keys("M")...)
	m = send(m, keys("enter")...)
	if !strings.Contains(m.msg, "notes file") {
		t.Fatalf("no word on the missing notes file: %q", m.msg)
	}
	if n := len(m.ctx.All.Findings.Comparison.Stories); n != 2 {
		t.Fatal("a correction was applied without being saved")
	}
}

func TestCorrectionOnThreadRowSaysChooseAStory(t *testing.T) {
	c, a := analysedCorpus(t, false)
	m := newTestModel(t, c, a, 120, 40)
	m.flashFor = 0
	m = send(m, keys("0 g m")...)
	if (storyEditOf(m) != nil) || !strings.Contains(m.msg, "choose a story") {
		t.Fatalf("m on a thread row: %q", m.msg)
	}
}

func TestProblemsListUnappliedCorrections(t *testing.T) {
	c, _ := analysedCorpus(t, false)
	po := pipelineOptions(Options{}, nil)
	po.Corrections = []compare.Correction{{Kind: compare.CorrectMove, Article: "gone", Target: harbour24}}
	a, err := runPipeline(context.Background(), c, po)
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, c, a, 120, 40)
	m = send(m, keys("5")...)
	if v := m.View(); !strings.Contains(v, "story correction names article") || !strings.Contains(v, "gone") {
		t.Fatalf("the problems screen does not list the correction:\n%s", v)
	}
}

// TestNotesOutsideTheOpenStory: with a story open, a passage of another
// story's article is listed as outside the story open, not as of an
// article "not loaded now", and enter on it says E opens everything.
func TestNotesOutsideTheOpenStory(t *testing.T) {
	m := lookalikeWithNotes(t, filepath.Join(t.TempDir(), "notes.db"), 120, 40)
	m = send(m, keys("j")...)
	m = tagHere(m, "toll") // in the first article of the read view: story 1
	m = send(m, keys("0")...)
	m = storyRowAt(t, m, 2)
	m = send(m, keys("enter 4")...)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "in articles outside the story or thread open (1)") || strings.Contains(v, "not loaded now") {
		t.Fatalf("the notes view of story 2:\n%s", v)
	}
	m = send(m, keys("G enter")...)
	if m.view != viewNotes || !strings.Contains(m.msg, "E opens everything") {
		t.Errorf("enter on it: view %d, message %q", m.view, m.msg)
	}
}
