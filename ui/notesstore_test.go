package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/parallax-reader/parallax/corpus/notes"
)

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
	if !strings.Contains(m.msg, "not a valid parallax notes store") || m.ctx.dialog != nil {
		t.Fatalf("t without a store: %q", m.msg)
	}
	// e, u and ctrl+r say why too, in every view.
	for _, k := range []string{"2 e", "3 u", "1 e"} {
		m.msg = ""
		m = send(m, keys(k)...)
		if !strings.Contains(m.msg, "not a valid parallax notes store") || m.ctx.dialog != nil {
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
