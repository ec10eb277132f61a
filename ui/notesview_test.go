package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/parallax-reader/parallax/corpus/notes"
	"gotest.tools/v3/golden"
)

// TestMergeIntoNewTag: the merge chooser's box says "type to filter or
// name a new tag"; a new name merges into a new tag, which is renaming to
// it, and u undoes it. The tag's own name is refused with a reason.
func TestMergeIntoNewTag(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	m = send(m, keys("4 c M")...)
	m = send(m, typeText("newtag")...)
	if v := ansi.Strip(m.View()); strings.Contains(v, "nothing here") || !strings.Contains(v, "merge into new tag “newtag”") {
		t.Fatalf("merge chooser on a new name:\n%s", v)
	}
	m = send(m, keyMsg("enter"))
	if m.ctx.dialog != nil {
		t.Fatalf("enter left the merge chooser open:\n%s", ansi.Strip(m.View()))
	}
	if ns := storeNotes(t, path); len(ns) != 1 || len(ns[0].Tags) != 1 || ns[0].Tags[0] != "newtag" {
		t.Fatalf("notes after merging into a new tag: %+v", ns)
	}
	if len(m.ctx.notes.snap.codes) != 1 || m.ctx.notes.snap.codes[0].Name != "newtag" {
		t.Fatalf("codebook after merging into a new tag: %+v", m.ctx.notes.snap.codes)
	}
	if !strings.Contains(m.msg, "merged “blame” into the new tag “newtag”") {
		t.Fatalf("message %q", m.msg)
	}
	m = send(m, keys("u")...)
	if ns := storeNotes(t, path); len(ns) != 1 || ns[0].Tags[0] != "blame" {
		t.Fatalf("undo of a merge into a new tag: %+v", ns)
	}

	// Its own name, in another case: refused, saying why.
	m = send(m, keys("M")...)
	m = send(m, typeText("BLAME")...)
	m = send(m, keyMsg("enter"))
	if !strings.Contains(m.msg, "into itself") {
		t.Fatalf("merge into itself: message %q", m.msg)
	}
	if ns := storeNotes(t, path); ns[0].Tags[0] != "blame" {
		t.Fatalf("merge into itself changed the notes: %+v", ns)
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
