package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// newNotesModel returns a loaded model with a fresh notes store in a temp
// folder, opened the way the program opens it (in a Cmd).
func newNotesModel(t *testing.T, w, h int) (Model, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "notes.db")
	return notesModelAt(t, path, w, h), path
}

// notesModelAt is a loaded model at w×h with the notes file at path open.
func notesModelAt(t *testing.T, path string, w, h int) Model {
	t.Helper()
	c, a := testCorpus()
	m := newTestModel(t, c, a, w, h)
	m.opts.NotesPath = path
	m.ctx.notes.poll = 0 // TestOtherWindowsChangesShow polls by hand
	m = runCmd(m, openNotes(m), 0)
	if m.ctx.notes.store == nil {
		t.Fatalf("store not open: %v", m.ctx.notes.err)
	}
	t.Cleanup(func() { m.ctx.notes.store.Close() })
	return m
}

// storeNotes reads the notes back through a second connection, as another
// process would.
func storeNotes(t *testing.T, path string) []notes.Note {
	t.Helper()
	s, err := notes.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ns, err := s.Notes()
	if err != nil {
		t.Fatal(err)
	}
	return ns
}

var ctrlR = tea.KeyMsg{Type: tea.KeyCtrlR}

func TestTagSentenceWithNewTag(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	if !m.ctx.Keys.Tag.Enabled() || !m.ctx.Keys.ViewNotes.Enabled() {
		t.Fatal("tagging keys not enabled once the store opened")
	}
	m = send(m, keys("j t")...)
	if chooserOf(m) == nil {
		t.Fatal("t did not open the tag chooser")
	}
	m = send(m, typeText("blame")...)
	if v := m.View(); !strings.Contains(v, "create and apply new tag “blame”") {
		t.Fatalf("chooser does not offer to create the tag:\n%s", v)
	}
	if chooserOf(m).rowCount() != 1 {
		t.Fatalf("%d chooser rows for an empty codebook", chooserOf(m).rowCount())
	}
	m = send(m, keyMsg("enter"))
	ns := storeNotes(t, path)
	if len(ns) != 1 || len(ns[0].Tags) != 1 || ns[0].Tags[0] != "blame" {
		t.Fatalf("notes after tagging: %+v", ns)
	}
	art := m.ctx.Data.article(0)
	if ns[0].Anchor.Quote != art.Sentences[1].Text {
		t.Fatalf("tagged %q, want the sentence under the cursor %q", ns[0].Anchor.Quote, art.Sentences[1].Text)
	}
	if !strings.Contains(m.msg, "new tag “blame”") {
		t.Fatalf("status message %q", m.msg)
	}
	if m.ctx.notes.pending != 0 {
		t.Fatal("still saving after the store call returned")
	}
	if v := m.View(); !strings.Contains(v, "▐") || !strings.Contains(v, "saved") {
		t.Fatalf("read view shows no tag mark or saved state:\n%s", v)
	}
	// The mark is on the tagged sentence's lines only.
	if _, ok := m.ctx.notes.marks[0][1]; !ok || len(m.ctx.notes.marks[0]) != 1 {
		t.Fatalf("marks %v", m.ctx.notes.marks)
	}
}

// TestTagMarkOverOutline checks that a tagged sentence marked as the
// cursor's counterpart keeps both marks: the counterpart's on the left,
// the tag's on the right.
func TestTagMarkOverOutline(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j t")...)
	m = send(m, typeText("blame")...)
	m = send(m, keyMsg("enter"))
	outline := m.ctx.Styles.Outline.Render(markCounterpart)
	left, right := m.read.noteGutter(0, rline{sent: 1}, false, outline, " ")
	if left != outline || !strings.Contains(right, markTag) {
		t.Fatalf("counterpart tagged sentence: gutters %q %q, want the counterpart mark left and the tag mark right", left, right)
	}
	if _, right := m.read.noteGutter(0, rline{sent: 2}, false, outline, " "); right != " " {
		t.Fatalf("counterpart untagged sentence: right gutter %q, want nothing", right)
	}
}

// TestRepeatTagAcrossSessions checks that "." offers the tag last applied
// in an earlier session of the same notes file.
func TestRepeatTagAcrossSessions(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	m.ctx.notes.store.Close()

	m2 := notesModelAt(t, path, 100, 30)
	if m2.ctx.notes.last != "blame" || !m2.ctx.notes.keys.Repeat.Enabled() {
		t.Fatalf("after reopening, last tag %q (repeat enabled %v), want blame", m2.ctx.notes.last, m2.ctx.notes.keys.Repeat.Enabled())
	}
	m2 = send(m2, keys("j j .")...)
	ns := storeNotes(t, path)
	if len(ns) != 2 || ns[1].Tags[0] != "blame" {
		t.Fatalf("notes after . in the new session: %+v", ns)
	}
}

// TestTrimSelectionToWords trims a visual selection word by word and tags
// the narrowed passage; moving the cursor drops the trim.
func TestTrimSelectionToWords(t *testing.T) {
	m, path := newNotesModel(t, 120, 30)
	passage := func(m Model) string {
		an, _, _ := m.read.tagTarget()
		return an.Quote
	}
	// Sentence 2 of a1: "They discussed the fate of the treaty the US destroyed last year."
	m = send(m, keys("j j v")...)
	m = send(m, keyMsg("("), keyMsg("("), keyMsg(")"))
	if got := passage(m); got != "the fate of the treaty the US destroyed last" {
		t.Fatalf("after ( ( ): passage %q", got)
	}
	// The status line shows both ends of the trimmed passage.
	if v := ansi.Strip(m.View()); !strings.Contains(v, "“the fate of the treaty the US destroyed last”") {
		t.Fatalf("status line does not show the passage:\n%s", v)
	}
	m = send(m, keyMsg("{"))
	if got := passage(m); !strings.HasPrefix(got, "discussed the fate") {
		t.Fatalf("after {: passage %q", got)
	}
	// Dropping more words than there are keeps one.
	for range 20 {
		m = send(m, keyMsg(")"))
	}
	if got := passage(m); got != "discussed" {
		t.Fatalf("after many ): passage %q", got)
	}
	m = send(m, keyMsg("}"), keyMsg("}"), keyMsg("}"))
	m = send(m, keys("t")...)
	m = send(m, typeText("blame")...)
	m = send(m, keyMsg("enter"))
	ns := storeNotes(t, path)
	if len(ns) != 1 || ns[0].Anchor.Quote != "discussed the fate of" {
		t.Fatalf("tagged %+v, want the trimmed passage", ns)
	}
	art := m.ctx.Data.article(0)
	if art.Text[ns[0].Anchor.Start:ns[0].Anchor.End] != ns[0].Anchor.Quote {
		t.Fatalf("anchor offsets %d–%d do not hold the quote", ns[0].Anchor.Start, ns[0].Anchor.End)
	}
	// A trim is dropped once the selection moves.
	m = send(m, keys("v")...)
	m = send(m, keyMsg(")"))
	m = send(m, keys("j")...)
	an, what, _ := m.read.tagTarget()
	if what != "2 sentences" || !strings.HasSuffix(an.Quote, "June.") {
		t.Fatalf("after moving: %s %q, want two whole sentences", what, an.Quote)
	}
}

// TestTagMarkOnlyOnItsLines checks that a passage trimmed to the last
// words of a sentence that wraps over several lines marks only the lines
// it is on.
func TestTagMarkOnlyOnItsLines(t *testing.T) {
	m, _ := newNotesModel(t, 40, 30) // one narrow column: the sentence wraps
	// Sentence 2 of a1: "They discussed the fate of the treaty the US destroyed last year."
	m = send(m, keys("j j v")...)
	for range 9 {
		m = send(m, keyMsg("("))
	}
	an, _, _ := m.read.tagTarget()
	if an.Quote != "destroyed last year." {
		t.Fatalf("passage %q", an.Quote)
	}
	m = send(m, keys("t")...)
	m = send(m, typeText("blame")...)
	m = send(m, keyMsg("enter"))
	l := m.read.layout(0, m.read.widthOf(0))
	s := 2
	if l.last[s] == l.first[s] {
		t.Fatalf("sentence %d is one line at this width", s)
	}
	marked := 0
	for li := l.first[s]; li <= l.last[s]; li++ {
		ln := l.lines[li]
		_, right := m.read.noteGutter(0, ln, false, " ", " ")
		on := strings.Contains(right, "▐")
		holds := strings.Contains(m.ctx.Data.article(0).Text[ln.start:ln.end], "year")
		if on {
			marked++
		}
		if on != holds && li == l.last[s] {
			t.Errorf("last line %q: marked %v", m.ctx.Data.article(0).Text[ln.start:ln.end], on)
		}
	}
	if marked == 0 || marked == l.last[s]-l.first[s]+1 {
		t.Errorf("%d of %d lines marked, want only those of the passage", marked, l.last[s]-l.first[s]+1)
	}
}

func TestApplyExistingTagAndRepeat(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	m = runCmd(m, m.ctx.notes.do("", func(s *notes.Store) (string, error) {
		return "", s.AddCode(notes.Code{Name: "shared claim"})
	}), 0)
	m = runCmd(m, m.ctx.notes.do("", func(s *notes.Store) (string, error) {
		return "", s.AddCode(notes.Code{Name: "omission"})
	}), 0)
	m = send(m, keys("j j t")...)
	m = send(m, typeText("shcl")...) // fuzzy
	m = send(m, keyMsg("enter"))
	ns := storeNotes(t, path)
	if len(ns) != 1 || ns[0].Tags[0] != "shared claim" || ns[0].Anchor.Quote != m.ctx.Data.article(0).Sentences[2].Text {
		t.Fatalf("notes: %+v", ns)
	}
	codes, _ := m.ctx.notes.store.Codebook()
	if len(codes) != 2 {
		t.Fatalf("applying an existing tag created a code: %v", codes)
	}
	// "." repeats it on the sentence under the cursor.
	m = send(m, keys("j .")...)
	ns = storeNotes(t, path)
	if len(ns) != 2 || ns[1].Tags[0] != "shared claim" {
		t.Fatalf("repeat: %+v", ns)
	}
	// A second tag on the same passage joins the same note.
	m = send(m, keys("t")...)
	m = send(m, typeText("omission")...)
	m = send(m, keyMsg("enter"))
	ns = storeNotes(t, path)
	if len(ns) != 2 || len(ns[1].Tags) != 2 {
		t.Fatalf("several tags on one passage: %+v", ns)
	}
	// T lists them and d removes one.
	m = send(m, keys("T")...)
	if v := m.View(); !strings.Contains(v, "Tags on this sentence") || !strings.Contains(v, "omission") {
		t.Fatalf("tag list:\n%s", v)
	}
	m = send(m, keys("j d")...)
	ns = storeNotes(t, path)
	if len(ns[1].Tags) != 1 || ns[1].Tags[0] != "shared claim" {
		t.Fatalf("after removing omission: %+v", ns[1])
	}
}

func TestVisualSelectionOverThreeSentences(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	m = send(m, keys("j v j j")...)
	if v := ansi.Strip(m.View()); strings.Count(v, markSelection) < 2 {
		t.Fatalf("selection not drawn:\n%s", v)
	}
	m = send(m, keys("t")...)
	if !strings.Contains(m.View(), "Tag 3 sentences") {
		t.Fatalf("chooser title:\n%s", m.View())
	}
	m = send(m, typeText("passage")...)
	m = send(m, keyMsg("enter"))
	ns := storeNotes(t, path)
	art := m.ctx.Data.article(0)
	if len(ns) != 1 || ns[0].Anchor.Start != art.Sentences[1].Start || ns[0].Anchor.End != art.Sentences[3].End {
		t.Fatalf("selection tagged %+v, want [%d,%d)", ns, art.Sentences[1].Start, art.Sentences[3].End)
	}
	if m.read.sel.on {
		t.Fatal("selection still on after tagging")
	}
	// esc cancels a selection without tagging.
	m = send(m, keys("v j esc t")...)
	if !strings.Contains(m.View(), "Tag this sentence") {
		t.Fatal("esc did not cancel the selection")
	}
}

func TestMemoUndoRedo(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	m = send(m, keys("m")...)
	if !strings.Contains(m.msg, "no tagged passage here") {
		t.Fatalf("memo on an untagged sentence: %q", m.msg)
	}
	m = send(m, keys("j t")...)
	m = send(m, typeText("blame")...)
	m = send(m, keyMsg("enter"))
	m = send(m, keys("m")...)
	if memoOf(m) == nil {
		t.Fatal("m did not open the memo editor")
	}
	m = send(m, typeText("TASS blames the US")...)
	m = send(m, keyMsg("enter"))
	if ns := storeNotes(t, path); len(ns) != 1 || ns[0].Memo != "TASS blames the US" {
		t.Fatalf("memo not saved: %+v", ns)
	}
	m = send(m, keys("u")...)
	if !strings.HasPrefix(m.msg, "undone:") {
		t.Fatalf("undo message %q", m.msg)
	}
	if ns := storeNotes(t, path); len(ns) != 1 || ns[0].Memo != "" {
		t.Fatalf("undo memo: %+v", ns)
	}
	m = send(m, keys("u")...)
	if ns := storeNotes(t, path); len(ns) != 0 {
		t.Fatalf("undo tag: %+v", ns)
	}
	if len(m.ctx.notes.marks) != 0 {
		t.Fatal("mark still drawn after undo")
	}
	m = send(m, ctrlR)
	if !strings.HasPrefix(m.msg, "redone:") {
		t.Fatalf("redo message %q", m.msg)
	}
	if ns := storeNotes(t, path); len(ns) != 1 || ns[0].Tags[0] != "blame" {
		t.Fatalf("redo: %+v", ns)
	}
}

// tagHere tags the sentence under the cursor with tag.
func tagHere(m Model, tag string) Model {
	m = send(m, keys("t")...)
	m = send(m, typeText(tag)...)
	return send(m, keyMsg("enter"))
}

func TestHelpListsTaggingKeys(t *testing.T) {
	m, _ := newNotesModel(t, 120, 40)
	m = send(m, keys("?")...)
	v := m.View()
	for _, want := range []string{"tag passage", "select passage", "memo on tagged passage", "tags on this sentence", "export"} {
		if !strings.Contains(v, want) {
			t.Fatalf("help lacks %q:\n%s", want, v)
		}
	}
	// Undo, redo and repeat are listed before there is anything to undo
	// (a newcomer looks for them there); pressed then, they say why
	// nothing happened.
	for _, want := range []string{"undo", "redo", "tag again"} {
		if !strings.Contains(v, want) {
			t.Errorf("help lacks %q before the first tag:\n%s", want, v)
		}
	}
	m = send(m, keys("esc u")...)
	if !strings.Contains(m.msg, "nothing to undo") {
		t.Errorf("u with nothing to undo says %q", m.msg)
	}
	m = send(m, keys(".")...)
	if !strings.Contains(m.msg, "no tag to repeat") {
		t.Errorf(". before any tag says %q", m.msg)
	}
	// Export, undo and redo are in the help of the other views too.
	for _, view := range []string{"2", "3", "5"} {
		m = send(m, keys(view+" ?")...)
		v := m.View()
		for _, want := range []string{"export", "undo"} {
			if !strings.Contains(v, want) {
				t.Errorf("help of view %s lacks %q:\n%s", view, want, v)
			}
		}
		m = send(m, keys("esc")...)
	}
}

// Keys typed faster than the terminal is read arrive as one message: the
// dialog t opens has them from the next key on ("tblame" tags with
// blame), not the read view (where l and a would move and open the
// article chooser).
func TestKeysAfterTheOneThatOpensADialogGoToIt(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("tblame")})
	c := chooserOf(m)
	if c == nil || c.input.Value() != "blame" || m.read.picking {
		t.Fatalf("after \"tblame\": dialog %T, view:\n%s", m.ctx.dialog, m.View())
	}
	m = send(m, keyMsg("enter"))
	if ns := storeNotes(t, path); len(ns) != 1 || ns[0].Tags[0] != "blame" {
		t.Fatalf("notes %+v", ns)
	}
}
