package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"gotest.tools/v3/golden"

	"github.com/parallax-reader/parallax/corpus/export"
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

// TestNoteLineOutletWidth checks that a passage's outlet is cut short in
// a narrow window only.
func TestNoteLineOutletWidth(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	m = send(m, keys("j t")...)
	m = send(m, typeText("blame")...)
	m = send(m, keyMsg("enter"))
	m.ctx.Data.article(0).Outlet = "Anadolu Agency World Service"
	n := storeNotes(t, path)[0]
	if got := ansi.Strip(m.notesView.noteLine(n, "", 200)); !strings.Contains(got, "Anadolu Agency World Service “") {
		t.Errorf("at 200 columns the outlet is cut: %q", got)
	}
	if got := ansi.Strip(m.notesView.noteLine(n, "", 80)); !strings.Contains(got, "Anadolu Agenc… “") {
		t.Errorf("at 80 columns the outlet is not cut to 14: %q", got)
	}
	// The matrix header has room for both outlets' names in full.
	m.notesView.refresh(m.ctx.notes.snap)
	m = send(m, keyMsg("4"))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Anadolu Agency World") {
		t.Errorf("notes matrix cuts the outlet name with room to spare:\n%s", v)
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

func TestNotesViewGroupsAndJumps(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	m = send(m, keys("l j j")...) // Beta Wire
	want := m.read.cursor[1]
	m = tagHere(m, "shared claim")
	m = send(m, keys("4")...)
	v := ansi.Strip(m.View())
	for _, want := range []string{"Alpha News", "Beta Wire", "blame (1)", "shared claim (1)", "2 passages · grouped by tag"} {
		if !strings.Contains(v, want) {
			t.Fatalf("notes view lacks %q:\n%s", want, v)
		}
	}
	m = send(m, keys("s")...)
	v = ansi.Strip(m.View())
	if !strings.Contains(v, "grouped by outlet") || !strings.Contains(v, "Beta Wire (1)") {
		t.Fatalf("grouped by outlet:\n%s", v)
	}
	// The cursor is on Alpha News's passage (first outlet); j moves to
	// Beta Wire's; enter jumps there.
	m = send(m, keys("j enter")...)
	if m.view != viewRead {
		t.Fatal("enter did not jump to the read view")
	}
	if a := m.read.focusedArticle(); a != 1 || m.read.cursor[1] != want {
		t.Fatalf("jumped to article %d sentence %d, want 1/%d", a, m.read.cursor[1], want)
	}
	// Delete asks first; n keeps it, y deletes, u brings it back.
	m = send(m, keys("4 d")...)
	if confirmOf(m) == nil {
		t.Fatal("delete did not ask")
	}
	// The question shows whole, wrapped in a narrow dialog.
	narrow := *confirmOf(m)
	narrow.SetSize(30, 10)
	if v := strings.Join(strings.Fields(ansi.Strip(narrow.View())), " "); !strings.Contains(v, "(u undoes)") {
		t.Errorf("the delete question is cut at 30 columns:\n%s", narrow.View())
	}
	m = send(m, keys("n")...)
	if len(m.ctx.notes.snap.all) != 2 {
		t.Fatal("n deleted")
	}
	m = send(m, keys("d y")...)
	if len(m.ctx.notes.snap.all) != 1 {
		t.Fatal("y did not delete")
	}
	m = send(m, keys("u")...)
	if len(m.ctx.notes.snap.all) != 2 {
		t.Fatal("undo did not restore the deleted passage")
	}
}

func TestCodebookManagement(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	m = send(m, keys("4 c a")...)
	m = send(m, typeText("omission")...)
	m = send(m, keyMsg("enter"))
	if len(m.ctx.notes.snap.codes) != 2 {
		t.Fatalf("codes %v", m.ctx.notes.snap.codes)
	}
	// Rename blame everywhere.
	m = send(m, keys("r")...)
	promptOf(m).input.SetValue("")
	m = send(m, typeText("blame/us")...)
	m = send(m, keyMsg("enter"))
	if n := m.ctx.notes.snap.all[0]; n.Tags[0] != "blame/us" {
		t.Fatalf("rename did not reach the note: %+v", n)
	}
	// In the codebook, c goes back, and the help says so.
	help := ""
	for _, g := range m.notesView.FullHelp() {
		for _, b := range g {
			help += b.Help().Key + " " + b.Help().Desc + "\n"
		}
	}
	if !strings.Contains(help, "c back to passages") || strings.Contains(help, "c codebook") {
		t.Errorf("codebook help:\n%s", help)
	}
	// A starter codebook.
	m = send(m, keys("S enter")...)
	if len(m.ctx.notes.snap.codes) < 10 || !strings.Contains(m.msg, "tags added from") {
		t.Fatalf("starter: %d codes, %q", len(m.ctx.notes.snap.codes), m.msg)
	}
	// The list moves like every other: G to the last tag, whose name the
	// delete prompt then gives; g back to the first.
	codes := m.ctx.notes.snap.codes
	m = send(m, keys("G d")...)
	if last := codes[len(codes)-1].Name; confirmOf(m) == nil || !strings.Contains(confirmOf(m).question, last) {
		t.Errorf("after G, d asks %q; want the last tag %q", ansi.Strip(m.View()), last)
	}
	m = send(m, keys("n g")...)
	m = send(m, keyMsg("pgdown"))
	if m.notesView.ccursor == 0 {
		t.Error("pgdown did not move the codebook cursor")
	}
	// Delete asks; undo restores.
	n := len(m.ctx.notes.snap.codes)
	m = send(m, keys("g d y")...)
	if len(m.ctx.notes.snap.codes) >= n {
		t.Fatal("delete did not delete a code")
	}
	m = send(m, keys("u")...)
	if len(m.ctx.notes.snap.codes) != n {
		t.Fatal("undo did not restore the code")
	}
}

func TestExportDialogWritesAndAsksBeforeOverwriting(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	out := filepath.Join(t.TempDir(), "notes.csv")
	m = send(m, keys("e")...)
	if exportOf(m) == nil || !strings.Contains(m.View(), "csv") {
		t.Fatalf("export dialog:\n%s", m.View())
	}
	if !strings.HasPrefix(exportOf(m).input.Value(), "parallax-") {
		t.Fatalf("default name %q", exportOf(m).input.Value())
	}
	m = send(m, keys("j")...) // md → csv
	if exportOf(m).format() != "csv" || !strings.HasSuffix(exportOf(m).input.Value(), ".csv") {
		t.Fatalf("format %s, path %q", exportOf(m).format(), exportOf(m).input.Value())
	}
	// Keys read together are keypresses each in the format list.
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jk")})
	if exportOf(m).format() != "csv" {
		t.Fatalf("after \"jk\" the format is %s, want csv", exportOf(m).format())
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jj")})
	if exportOf(m).format() == "csv" {
		t.Fatal("\"jj\" did not move the format list")
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("kk")})
	m = send(m, keys("tab")...)
	exportOf(m).input.SetValue(out)
	m = send(m, keyMsg("enter"))
	b, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(b, []byte("blame")) {
		t.Fatalf("csv not written: %v\n%s", err, b)
	}
	if !strings.Contains(m.msg, out) || m.dlg != nil {
		t.Fatalf("message %q", m.msg)
	}
	// Again to the same file: asked; n leaves it alone.
	if err := os.WriteFile(out, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	m = send(m, keys("e j tab")...)
	exportOf(m).input.SetValue(out)
	m = send(m, keyMsg("enter"))
	if exportOf(m).step != expExists || !strings.Contains(m.View(), "Overwrite") {
		t.Fatalf("no overwrite question:\n%s", m.View())
	}
	m = send(m, keys("n")...)
	if b, _ := os.ReadFile(out); string(b) != "keep me" {
		t.Fatal("overwritten without confirmation")
	}
	m = send(m, keyMsg("enter"), keyMsg("y"))
	if b, _ := os.ReadFile(out); !bytes.Contains(b, []byte("blame")) {
		t.Fatal("y did not overwrite")
	}
}

func TestExportMarkdownIsPreviewedFirst(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	out := filepath.Join(t.TempDir(), "notes.md")
	m = send(m, keys("e tab")...)
	exportOf(m).input.SetValue(out)
	m = send(m, keyMsg("enter"))
	if exportOf(m).step != expPreview || !strings.Contains(m.View(), "Preview of") || !strings.Contains(m.View(), "blame") {
		t.Fatalf("no preview:\n%s", m.View())
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("written before the preview was confirmed")
	}
	m = send(m, keyMsg("enter"))
	if b, err := os.ReadFile(out); err != nil || !bytes.Contains(b, []byte("blame")) {
		t.Fatalf("markdown not written: %v", err)
	}
}

func TestBadNotesFileIsRefusedAndUntouched(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 100, 30)
	path := filepath.Join(t.TempDir(), "notes.db")
	garbage := []byte("this is not a database, and must stay exactly like this\n")
	if err := os.WriteFile(path, garbage, 0o644); err != nil {
		t.Fatal(err)
	}
	m.opts.NotesPath = path
	m = runCmd(m, openNotes(m), 0)
	if m.ctx.notes.err == nil || m.ctx.notes.store != nil {
		t.Fatal("a garbage notes file was accepted")
	}
	if m.ctx.Keys.Export.Enabled() || m.ctx.Keys.Visual.Enabled() || m.ctx.notes.keys.Memo.Enabled() {
		t.Fatal("tagging keys enabled without a store")
	}
	if !strings.Contains(m.ctx.Keys.Tag.Help().Desc, "tagging off") {
		t.Fatalf("help for t does not say tagging is off: %q", m.ctx.Keys.Tag.Help().Desc)
	}
	m = send(m, keys("t")...)
	if !strings.Contains(m.msg, "not a valid parallax notes store") || m.dlg != nil {
		t.Fatalf("t without a store: %q", m.msg)
	}
	// e, u and ctrl+r say why too, in every view.
	for _, k := range []string{"2 e", "3 u", "1 e"} {
		m.msg = ""
		m = send(m, keys(k)...)
		if !strings.Contains(m.msg, "not a valid parallax notes store") || m.dlg != nil {
			t.Errorf("%s without a store: %q", k, m.msg)
		}
	}
	if v := m.View(); !strings.Contains(v, "notes unavailable") {
		t.Fatalf("status line does not say so:\n%s", v)
	}
	m = send(m, keys("4")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "could not be opened") {
		t.Fatalf("notes view does not explain:\n%s", v)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, garbage) {
		t.Fatal("the refused file was changed")
	}
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

func TestGoldenNotesView(t *testing.T) {
	for _, f := range []struct{ name, keys string }{{"notes", "4"}, {"codebook", "4 c"}} {
		t.Run(f.name, func(t *testing.T) {
			m, _ := newNotesModel(t, 80, 24)
			m = send(m, keys("j")...)
			m = tagHere(m, "blame")
			m = send(m, keys("l j j")...)
			m = tagHere(m, "shared claim")
			m = send(m, keys("m")...)
			m = send(m, typeText("four hours, not three")...)
			m = send(m, keyMsg("enter"))
			m = send(m, keys(f.keys)...)
			// The store's path is a temp folder: the status line shows
			// only its base name at this width.
			golden.Assert(t, m.View(), f.name+"-80x24.golden")
		})
	}
}

func TestOtherWindowsChangesShow(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	other, err := notes.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	art := m.ctx.Data.article(1)
	if _, err := other.Tag(notes.NewAnchor(art, art.Sentences[1].Start, art.Sentences[1].End), []string{"from elsewhere"}, ""); err != nil {
		t.Fatal(err)
	}
	m = send(m, notesPollMsg{})
	if len(m.ctx.notes.snap.all) != 1 || m.ctx.notes.snap.all[0].Tags[0] != "from elsewhere" {
		t.Fatalf("another window's tag not shown: %+v", m.ctx.notes.snap.all)
	}
	if _, ok := m.ctx.notes.marks[1][1]; !ok {
		t.Fatal("another window's tag not marked in the read view")
	}
}

// TestNotesScreensFitAnySize draws the notes view, the codebook and every
// dialog at sizes from 20x5 to 250x80: every frame has exactly the
// terminal's lines and width.
func TestNotesScreensFitAnySize(t *testing.T) {
	m, _ := newNotesModel(t, 80, 24)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	m = send(m, keys("m")...)
	m = send(m, typeText("a memo long enough to wrap in a narrow window, or so we hope")...)
	m = send(m, keyMsg("enter"))
	steps := []string{"1", "v j", "t", "esc esc", "m", "esc", "T", "esc", "4", "s", "c", "c", "d", "n", "e", "tab", "esc", "1"}
	for w := 20; w <= 250; w += 23 {
		for h := 5; h <= 80; h += 11 {
			m = sendNoCmd(m, tea.WindowSizeMsg{Width: w, Height: h})
			for _, s := range steps {
				m = sendNoCmd(m, keys(s)...)
				lines := strings.Split(m.View(), "\n")
				if len(lines) != h {
					t.Fatalf("%dx%d after %q: %d lines", w, h, s, len(lines))
				}
				for i, l := range lines {
					if lw := ansi.StringWidth(l); lw != w {
						t.Fatalf("%dx%d after %q: line %d is %d wide: %q", w, h, s, i, lw, l)
					}
				}
			}
		}
	}
}

// notesFileWith writes a notes file holding one passage, the second
// sentence of the test corpus's second article tagged "lost" with the memo
// "keep me", after change has altered its anchor; it returns the file and
// the anchor as stored.
func notesFileWith(t *testing.T, change func(*notes.Anchor)) (string, notes.Anchor) {
	t.Helper()
	c, _ := testCorpus()
	path := filepath.Join(t.TempDir(), "notes.db")
	s, err := notes.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	art := c.Articles[1]
	an := notes.NewAnchor(art, art.Sentences[1].Start, art.Sentences[1].End)
	change(&an)
	if _, err := s.Tag(an, []string{"lost"}, "keep me"); err != nil {
		t.Fatal(err)
	}
	return path, an
}

func TestOrphanedNotesAreListed(t *testing.T) {
	// A passage of an article that has since changed beyond recognition.
	path, _ := notesFileWith(t, func(an *notes.Anchor) {
		an.Quote = "A sentence the article no longer has, anywhere at all."
		an.Hash = "0000"
	})
	m := notesModelAt(t, path, 100, 30)
	m = send(m, keys("4")...)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "ORPHANED") || !strings.Contains(v, "A sentence the article no longer has") || !strings.Contains(v, "1 orphaned") {
		t.Fatalf("orphaned note not listed:\n%s", v)
	}
	m = send(m, keyMsg("enter"))
	if m.view != viewNotes || !strings.Contains(m.msg, "orphaned") {
		t.Fatalf("enter on an orphaned note: view %d, %q", m.view, m.msg)
	}
	if len(m.ctx.notes.marks) != 0 {
		t.Fatal("an orphaned note is marked in the read view")
	}
}

func TestStaleSnapshotIsNotInstalled(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	newer := m.ctx.notes.snap
	stale := newer
	stale.all, stale.stamp = nil, newer.stamp-1
	m = send(m, notesDoneMsg{snap: stale, read: true})
	if len(m.ctx.notes.snap.all) != 1 {
		t.Fatal("a snapshot read before the last one replaced it")
	}
}

// TestExportDialogGrowsWithWindow checks that the export dialog's path,
// opened in a small window, shows whole once the window is wide enough.
func TestExportDialogGrowsWithWindow(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 40, 12)
	e := &exportDialog{ctx: m.ctx, formats: export.Formats(), input: newInput(m.ctx, "", "")}
	e.SetSize(40, 9)
	m.dlg = e
	exportOf(m).input.Prompt = "path: "
	long := "parallax-embedded-inf-corpus-20261123-1407.md"
	exportOf(m).input.SetValue(long)
	exportOf(m).input.CursorEnd()
	if strings.Contains(exportOf(m).input.View(), long) {
		t.Fatalf("at 40 columns the whole path fits: %q", exportOf(m).input.View())
	}
	nm, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m = *nm.(*Model)
	if v := exportOf(m).input.View(); !strings.Contains(ansi.Strip(v), long) {
		t.Errorf("after growing to 100 columns the path is still cut: %q", ansi.Strip(v))
	}
}

// TestExportDialogFitsSmallWindows checks that at 40x12 the export
// dialog still shows the path and the overwrite question.
func TestExportDialogFitsSmallWindows(t *testing.T) {
	m, _ := newNotesModel(t, 40, 12)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	m = send(m, keys("e")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "formats 1–") {
		t.Errorf("the format list is cut at 40x12 without saying so:\n%s", v)
	}
	m = send(m, keyMsg("tab"))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "path:") {
		t.Fatalf("no path at 40x12:\n%s", v)
	}
	exportOf(m).step = expExists
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Overwrite") {
		t.Fatalf("no overwrite question at 40x12:\n%s", v)
	}
}

// TestNotesOfArticlesNotLoaded: with one file of a folder open, the notes
// of the folder's other articles are neither orphaned nor re-anchored: the
// start-up status says nothing of orphans, the notes view lists them last
// in their own group with the outlet stored with them, leaves them out of
// the counts, and enter says the article is not loaded.
func TestNotesOfArticlesNotLoaded(t *testing.T) {
	path, an := notesFileWith(t, func(an *notes.Anchor) {
		an.Article, an.Outlet, an.Title = "elsewhere-1", "Far Away Times", "An article in another file"
	})
	m := notesModelAt(t, path, 120, 30)
	if strings.Contains(m.msg, "orphaned") {
		t.Errorf("start-up status: %q", m.msg)
	}
	m = send(m, keys("4")...)
	v := ansi.Strip(m.View())
	if strings.Contains(v, "ORPHANED") || strings.Contains(v, "orphaned") || strings.Contains(v, "unknown outlet") {
		t.Errorf("a note of an article not loaded is shown as an orphan:\n%s", v)
	}
	for _, want := range []string{"in articles not loaded now (1)", "0 passages · grouped by tag", "1 more in articles not loaded now", "Far Away Times", "not loaded now"} {
		if !strings.Contains(v, want) {
			t.Errorf("notes view lacks %q:\n%s", want, v)
		}
	}
	if got := m.notesView.matrix.Outlets; len(got) != 0 {
		t.Errorf("the counts include a note of an article not loaded: %v", got)
	}
	m = send(m, keyMsg("enter"))
	if m.view != viewNotes || !strings.Contains(m.msg, "not loaded now") {
		t.Fatalf("enter on a note of an article not loaded: view %d, %q", m.view, m.msg)
	}
	if n, ok, _ := m.ctx.notes.store.Note(m.ctx.notes.snap.all[0].ID); !ok || n.Orphaned || n.Anchor != an {
		t.Fatalf("the note was changed: %+v", n)
	}
	// The export dialog counts what the export holds, and the done
	// message says what was left out and when the name says another
	// format than the one written.
	m = send(m, keys("e")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Export 0 tagged passages (1 other of articles not loaded now left out)") {
		t.Errorf("export dialog title:\n%s", v)
	}
	out := filepath.Join(t.TempDir(), "notes.json")
	m = send(m, keys("j tab")...) // md → csv, then the path
	exportOf(m).input.SetValue(out)
	m = send(m, keyMsg("enter"))
	for _, want := range []string{"exported 0 passages as csv", "1 passage of articles not loaded now left out", "its name ends in .json, which says json"} {
		if !strings.Contains(m.msg, want) {
			t.Errorf("export message %q lacks %q", m.msg, want)
		}
	}
}
