package notes

import (
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

func article(id, text string) *corpus.Article {
	return &corpus.Article{ID: id, Text: text, Hash: TextHash(text)}
}

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "notes.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// anchorOf anchors the first occurrence of quote in a.
func anchorOf(t *testing.T, a *corpus.Article, quote string) Anchor {
	t.Helper()
	i := strings.Index(a.Text, quote)
	if i < 0 {
		t.Fatalf("%q not in article %s", quote, a.ID)
	}
	return NewAnchor(a, i, i+len(quote))
}

const sampleText = "MOSCOW, November 8. The United States is to blame for the collapse of the treaty, the minister said. " +
	"He added that Russia had offered an inspection of the missile. Washington rejected the offer last week.\n\n" +
	"Analysts in Brussels said the move could start a new arms race in Europe."

func mustTag(t *testing.T, s *Store, a Anchor, tags ...string) Note {
	t.Helper()
	n, err := s.Tag(a, tags, "")
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func tagsOf(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	ns, err := s.Notes()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, n := range ns {
		out[n.Anchor.Quote] = n.Tags
	}
	return out
}

func codeNames(t *testing.T, s *Store) []string {
	t.Helper()
	cs, err := s.Codebook()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

func TestTagCreatesCodesAndMergesSamePassage(t *testing.T) {
	s := openTemp(t)
	a := article("tass", sampleText)
	an := anchorOf(t, a, "The United States is to blame for the collapse of the treaty")
	n1 := mustTag(t, s, an, "blame", "blame/us")
	n2, err := s.Tag(an, []string{"Blame", "loaded language"}, "strong words")
	if err != nil {
		t.Fatal(err)
	}
	if n1.ID != n2.ID {
		t.Fatalf("same passage got a second note: %s and %s", n1.ID, n2.ID)
	}
	if want := []string{"blame", "blame/us", "loaded language"}; !slices.Equal(n2.Tags, want) {
		t.Fatalf("tags = %v, want %v", n2.Tags, want)
	}
	if n2.Memo != "strong words" {
		t.Fatalf("memo = %q", n2.Memo)
	}
	cs, _ := s.Codebook()
	if len(cs) != 3 || cs[1].Parent != "blame" || cs[0].Colour == "" || cs[0].Colour == cs[1].Colour {
		t.Fatalf("codebook = %+v", cs)
	}
	ns, _ := s.NotesFor("tass")
	if len(ns) != 1 {
		t.Fatalf("NotesFor = %d notes", len(ns))
	}
	if ns, _ := s.NotesFor("other"); len(ns) != 0 {
		t.Fatalf("NotesFor(other) = %v", ns)
	}
	// A second memo is appended, never replacing the first.
	n3, err := s.Tag(an, []string{"blame"}, "see also AA")
	if err != nil {
		t.Fatal(err)
	}
	if n3.Memo != "strong words\n\nsee also AA" {
		t.Fatalf("memo = %q", n3.Memo)
	}
	if _, err := s.Tag(an, []string{" "}, ""); err == nil {
		t.Fatal("empty tag name accepted")
	}
	if _, err := s.Tag(Anchor{Article: "x"}, []string{"a"}, ""); err == nil {
		t.Fatal("empty range accepted")
	}
}

// TestUndoRedoEveryOperation performs each kind of change, checks it, undoes
// it (back to the state before), redoes it (back to the state after) and
// undoes it again.
func TestUndoRedoEveryOperation(t *testing.T) {
	s := openTemp(t)
	a := article("tass", sampleText)
	p1 := anchorOf(t, a, "The United States is to blame")
	p2 := anchorOf(t, a, "Russia had offered an inspection")
	p3 := anchorOf(t, a, "start a new arms race")

	type state struct {
		codes []Code
		notes []Note
	}
	snap := func() state {
		cs, err := s.Codebook()
		if err != nil {
			t.Fatal(err)
		}
		ns, err := s.Notes()
		if err != nil {
			t.Fatal(err)
		}
		return state{cs, ns}
	}
	same := func(x, y state) bool {
		if !slices.Equal(x.codes, y.codes) || len(x.notes) != len(y.notes) {
			return false
		}
		for i := range x.notes {
			a, b := x.notes[i], y.notes[i]
			if a.ID != b.ID || a.Memo != b.Memo || !slices.Equal(a.Tags, b.Tags) || a.Anchor != b.Anchor {
				return false
			}
		}
		return true
	}
	var ids []string
	ops := []struct {
		name     string
		do       func() error
		undoDesc string
	}{
		{"tag", func() error { n, err := s.Tag(p1, []string{"blame"}, ""); ids = append(ids, n.ID); return err }, "untagged “blame”"},
		{"tag hierarchical", func() error {
			n, err := s.Tag(p2, []string{"claim/inspection"}, "memo")
			ids = append(ids, n.ID)
			return err
		}, "untagged “claim/inspection”"},
		{"tag more", func() error { _, err := s.Tag(p1, []string{"loaded"}, ""); return err }, "untagged “loaded”"},
		{"tag third", func() error {
			n, err := s.Tag(p3, []string{"loaded", "blame"}, "")
			ids = append(ids, n.ID)
			return err
		}, "untagged “loaded”, “blame”"},
		{"untag", func() error { return s.Untag(ids[0], "loaded") }, "tagged “loaded”"},
		{"untag last tag", func() error { return s.Untag(ids[0], "BLAME") }, "tagged “blame”"},
		{"set memo", func() error { return s.SetMemo(ids[1], "changed memo") }, "restored the memo"},
		{"delete note", func() error { return s.DeleteNote(ids[1]) }, "restored the note"},
		{"add code", func() error { return s.AddCode(Code{Name: "omission", Description: "left out"}) }, "removed code “omission”"},
		{"update code", func() error {
			return s.UpdateCode(Code{Name: "omission", Colour: "#123456", Description: "missing", Parent: "claim"})
		}, "restored code “omission”"},
		{"rename code", func() error { return s.RenameCode("claim", "assertion") }, "renamed code “assertion” back to “claim”"},
		{"merge codes", func() error { return s.MergeCodes("loaded", "blame") }, "split code “loaded”"},
		{"delete code", func() error { return s.DeleteCode("blame") }, "restored code “blame”"},
		{"import codebook", func() error { _, err := s.ImportCodebook(mustStarter(t, "media-frames"), "media-frames"); return err }, "removed 15 codes"},
	}
	for _, op := range ops {
		before := snap()
		if err := op.do(); err != nil {
			t.Fatalf("%s: %v", op.name, err)
		}
		after := snap()
		if same(before, after) {
			t.Fatalf("%s changed nothing", op.name)
		}
		desc, err := s.Undo()
		if err != nil {
			t.Fatalf("%s: undo: %v", op.name, err)
		}
		if !strings.Contains(desc, op.undoDesc) {
			t.Errorf("%s: undo said %q, want it to contain %q", op.name, desc, op.undoDesc)
		}
		if got := snap(); !same(before, got) {
			t.Fatalf("%s: undo did not restore the state:\nbefore %+v\ngot    %+v", op.name, before, got)
		}
		if _, err := s.Redo(); err != nil {
			t.Fatalf("%s: redo: %v", op.name, err)
		}
		if got := snap(); !same(after, got) {
			t.Fatalf("%s: redo did not restore the state:\nafter %+v\ngot   %+v", op.name, after, got)
		}
		// Undo, redo once more to be sure the history survives a round.
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Redo(); err != nil {
			t.Fatal(err)
		}
		if got := snap(); !same(after, got) {
			t.Fatalf("%s: second redo differs", op.name)
		}
	}
	// Undo everything, in order, back to an empty store.
	for range ops {
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if st := snap(); len(st.codes) != 0 || len(st.notes) != 0 {
		t.Fatalf("after undoing everything: %+v", st)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("undo on empty history: %v", err)
	}
	// A new change clears the redo history.
	mustTag(t, s, p1, "x")
	if _, err := s.Redo(); !errors.Is(err, ErrNothingToRedo) {
		t.Fatalf("redo after a new change: %v", err)
	}
}

func mustStarter(t *testing.T, name string) []Code {
	t.Helper()
	cs, err := Starter(name)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func TestCodebookRenameMergeDelete(t *testing.T) {
	s := openTemp(t)
	a := article("a", sampleText)
	p1 := anchorOf(t, a, "The United States is to blame")
	p2 := anchorOf(t, a, "Washington rejected the offer")
	n1 := mustTag(t, s, p1, "blame/us", "loaded")
	mustTag(t, s, p2, "blame", "rejection")
	if err := s.AddCode(Code{Name: "us-side", Parent: "blame"}); err != nil {
		t.Fatal(err)
	}

	// Rename applies to the code, its "blame/…" children, their notes and
	// the parent of every child.
	if err := s.RenameCode("blame", "accusation"); err != nil {
		t.Fatal(err)
	}
	got := tagsOf(t, s)
	if !slices.Equal(got[p1.Quote], []string{"accusation/us", "loaded"}) || !slices.Equal(got[p2.Quote], []string{"accusation", "rejection"}) {
		t.Fatalf("after rename: %v", got)
	}
	cs, _ := s.Codebook()
	parents := map[string]string{}
	for _, c := range cs {
		parents[c.Name] = c.Parent
	}
	if parents["accusation/us"] != "accusation" || parents["us-side"] != "accusation" {
		t.Fatalf("parents after rename: %v", parents)
	}
	if err := s.RenameCode("accusation", "loaded"); err == nil || !strings.Contains(err.Error(), "merge") {
		t.Fatalf("rename onto an existing code: %v", err)
	}
	if err := s.RenameCode("nope", "x"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("rename missing code: %v", err)
	}

	// Merge: notes carry the target once, children move, source is gone.
	if err := s.MergeCodes("rejection", "accusation"); err != nil {
		t.Fatal(err)
	}
	if got := tagsOf(t, s)[p2.Quote]; !slices.Equal(got, []string{"accusation"}) {
		t.Fatalf("after merge: %v", got)
	}
	if slices.Contains(codeNames(t, s), "rejection") {
		t.Fatal("merged code still in codebook")
	}

	// Delete: removed from notes; a note left empty goes, one with a memo stays.
	if err := s.SetMemo(n1.ID, "keep me"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"accusation/us", "loaded", "accusation"} {
		if err := s.DeleteCode(c); err != nil {
			t.Fatal(err)
		}
	}
	ns, _ := s.Notes()
	if len(ns) != 1 || ns[0].ID != n1.ID || len(ns[0].Tags) != 0 || ns[0].Memo != "keep me" {
		t.Fatalf("after deletes: %+v", ns)
	}
	if cs := codeNames(t, s); !slices.Equal(cs, []string{"us-side"}) {
		t.Fatalf("codebook after deletes: %v", cs)
	}
	if cs, _ := s.Codebook(); cs[0].Parent != "" {
		t.Fatalf("child of a deleted root keeps parent %q", cs[0].Parent)
	}
	// Undo all three deletes, the memo, the merge and the rename.
	for range 6 {
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	got = tagsOf(t, s)
	if !slices.Equal(got[p1.Quote], []string{"blame/us", "loaded"}) || !slices.Equal(got[p2.Quote], []string{"blame", "rejection"}) {
		t.Fatalf("after undoing: %v", got)
	}
}

func TestCodeValidation(t *testing.T) {
	s := openTemp(t)
	bad := []Code{
		{Name: ""}, {Name: "   "}, {Name: "a//b"}, {Name: "/a"}, {Name: "a/"}, {Name: "a\tb"},
		{Name: "ok", Colour: "red"}, {Name: "ok", Colour: "#12345"}, {Name: "ok", Parent: "missing"}, {Name: "ok", Parent: "ok"},
	}
	for _, c := range bad {
		if err := s.AddCode(c); err == nil {
			t.Errorf("AddCode(%+v) accepted", c)
		}
	}
	if err := s.AddCode(Code{Name: "Blame"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddCode(Code{Name: "blame"}); err == nil {
		t.Error("duplicate differing only in case accepted")
	}
	if err := s.AddCode(Code{Name: "child", Parent: "blame"}); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateCode(Code{Name: "blame", Parent: "child"}); err == nil {
		t.Error("parent loop accepted")
	}
	if err := s.RenameCode("Blame", "blame"); err != nil {
		t.Fatalf("case-only rename: %v", err)
	}
	if cs := codeNames(t, s); !slices.Equal(cs, []string{"blame", "child"}) {
		t.Fatalf("codebook = %v", cs)
	}
}

// TestUndoConflict: an undo whose note another process changed since is
// refused, reported and leaves that process's change in place.
func TestUndoConflict(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	s1, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s1.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	a := article("a", sampleText)
	p := anchorOf(t, a, "Washington rejected the offer")
	n := mustTag(t, s1, p, "blame")
	if ch, err := s1.Refresh(); err != nil || ch {
		t.Fatalf("refresh after own change: %v %v", ch, err)
	}
	if err := s2.SetMemo(n.ID, "written by the other window"); err != nil {
		t.Fatal(err)
	}
	if ch, err := s1.Refresh(); err != nil || !ch {
		t.Fatalf("refresh after the other process's change: %v %v", ch, err)
	}
	// The memo change does not touch tags... but the undo of the tag must
	// still refuse: the note is no longer as the tag left it.
	_, err = s1.Undo()
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("undo over another process's change: %v", err)
	}
	ns, _ := s1.Notes()
	if len(ns) != 1 || ns[0].Memo != "written by the other window" || !slices.Equal(ns[0].Tags, []string{"blame"}) {
		t.Fatalf("store after refused undo: %+v", ns)
	}
	// Independent changes undo fine.
	p2 := anchorOf(t, a, "start a new arms race")
	mustTag(t, s1, p2, "fear")
	if err := s2.AddCode(Code{Name: "unrelated"}); err != nil {
		t.Fatal(err)
	}
	if d, err := s1.Undo(); err != nil || !strings.Contains(d, "untagged “fear”") {
		t.Fatalf("undo of an independent change: %q %v", d, err)
	}
}

func fileHash(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// fillStore writes a store with enough notes to span several pages.
func fillStore(t *testing.T, path string, n int) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := article("a", strings.Repeat(sampleText+"\n\n", 3))
	for i := range n {
		st := i % (len(a.Text) - 40)
		if _, err := s.Tag(NewAnchor(a, st, st+30), []string{fmt.Sprintf("code %d", i%7)}, strings.Repeat("memo ", i%20)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestRefuseBadFiles(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))

	garbage := filepath.Join(dir, "garbage.db")
	b := make([]byte, 9000)
	for i := range b {
		b[i] = byte(rng.UintN(256))
	}
	os.WriteFile(garbage, b, 0o644)

	text := filepath.Join(dir, "text.db")
	os.WriteFile(text, []byte("these are my notes, in a plain text file\n"), 0o644)

	good := filepath.Join(dir, "good.db")
	fillStore(t, good, 120)
	whole, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) < 4*4096 {
		t.Fatalf("test store too small to truncate meaningfully: %d bytes", len(whole))
	}
	truncated := filepath.Join(dir, "truncated.db")
	os.WriteFile(truncated, whole[:len(whole)/2], 0o644)
	truncatedOdd := filepath.Join(dir, "truncated-odd.db")
	os.WriteFile(truncatedOdd, whole[:len(whole)/2+1000], 0o644)
	headerOnly := filepath.Join(dir, "header.db")
	os.WriteFile(headerOnly, whole[:100], 0o644)

	future := filepath.Join(dir, "future.db")
	fillStore(t, future, 3)
	setPragma(t, future, "PRAGMA user_version = 99")

	foreign := filepath.Join(dir, "foreign.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE accounts(id INTEGER, balance REAL); INSERT INTO accounts VALUES (1, 2.5)"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	cases := []struct {
		path string
		want error
		says string
	}{
		{garbage, ErrNotStore, "not an SQLite database"},
		{text, ErrNotStore, "not an SQLite database"},
		{truncated, ErrNotStore, "corrupt or truncated"},
		{truncatedOdd, ErrNotStore, "truncated"},
		{headerOnly, ErrNotStore, "corrupt or truncated"},
		{future, ErrNewerVersion, "upgrade parallax"},
		{foreign, ErrNotStore, "another program"},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			before := fileHash(t, c.path)
			s, err := Open(c.path)
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if !errors.Is(err, c.want) || !strings.Contains(strings.ReplaceAll(err.Error(), c.path, "FILE"), c.says) || !strings.Contains(err.Error(), c.path) {
				t.Fatalf("error %q: want %v mentioning %q and the path", err, c.want, c.says)
			}
			if after := fileHash(t, c.path); after != before {
				t.Fatal("the refused file was changed")
			}
			t.Log(err)
		})
	}
}

func setPragma(t *testing.T, path, pragma string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(pragma); err != nil {
		t.Fatal(err)
	}
}

func TestOpenEmptyFileAndReopen(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "dir", "empty.db")
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, nil, 0o644) // e.g. made by mktemp
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	a := article("a", sampleText)
	n := mustTag(t, s, anchorOf(t, a, "Analysts in Brussels"), "voice")
	s.Close()
	s, err = Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ns, _ := s.Notes()
	if len(ns) != 1 || ns[0].ID != n.ID || s.Path() != p {
		t.Fatalf("after reopen: %+v", ns)
	}
	if _, err := Open(dir); err == nil {
		t.Fatal("opened a folder")
	}
}

func TestDefaultPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PARALLAX_DATA_DIR", filepath.Join(dir, "data"))
	folder := filepath.Join(dir, "corpus")
	os.MkdirAll(filepath.Join(folder, "sub"), 0o755)
	f1 := filepath.Join(folder, "a.md")
	f2 := filepath.Join(folder, "sub", "b.md")
	os.WriteFile(f1, []byte("x"), 0o644)
	os.WriteFile(f2, []byte("x"), 0o644)
	cases := []struct {
		paths []string
		want  string
	}{
		{nil, filepath.Join(dir, "data", "embedded-notes.db")},
		{[]string{folder}, filepath.Join(folder, FileName)},
		{[]string{f1}, filepath.Join(folder, FileName)},
		{[]string{f1, f2}, filepath.Join(folder, FileName)},
		{[]string{f2, folder}, filepath.Join(folder, FileName)},
	}
	for _, c := range cases {
		if got := DefaultPath(&corpus.Corpus{}, c.paths); got != c.want {
			t.Errorf("DefaultPath(%v) = %s, want %s", c.paths, got, c.want)
		}
	}
}

// TestUndoKeepsCodebookConsistent: undo never leaves a tag whose code is
// gone, even when another process used or deleted that code meanwhile.
func TestUndoKeepsCodebookConsistent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	s1, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s1.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	a := article("a", sampleText)

	// s1 creates code "fresh" by tagging; s2 uses it on another passage;
	// undoing s1's tag would delete a code in use: refused.
	mustTag(t, s1, anchorOf(t, a, "Washington rejected"), "fresh")
	mustTag(t, s2, anchorOf(t, a, "Analysts in Brussels"), "fresh")
	if _, err := s1.Undo(); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "used by 1 passage") {
		t.Fatalf("undo deleting a code in use elsewhere: %v", err)
	}
	if got := tagsOf(t, s1); len(got) != 2 {
		t.Fatalf("refused undo changed the store: %v", got)
	}

	// s1 untags; s2 deletes the code; undoing the untag would restore a
	// tag without a code: refused.
	n := mustTag(t, s1, anchorOf(t, a, "The United States is to blame"), "gone", "kept")
	if err := s1.Untag(n.ID, "gone"); err != nil {
		t.Fatal(err)
	}
	if err := s2.DeleteCode("gone"); err != nil {
		t.Fatal(err)
	}
	if _, err := s1.Undo(); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "“gone” was deleted") {
		t.Fatalf("undo restoring a deleted code's tag: %v", err)
	}
	ns, _ := s1.Notes()
	for _, n := range ns {
		for _, tag := range n.Tags {
			if !slices.Contains(codeNames(t, s1), tag) {
				t.Fatalf("tag %s has no code", tag)
			}
		}
	}
}

// BenchmarkTag measures one durable tag (a committed, fsynced transaction).
func BenchmarkTag(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "n.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	a := article("a", strings.Repeat(sampleText, 20))
	i := 0
	for b.Loop() {
		st := (i * 7) % (len(a.Text) - 50)
		if _, err := s.Tag(NewAnchor(a, st, st+40), []string{fmt.Sprintf("c%d", i%30)}, ""); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkNotes reads back 2000 notes with their tags.
func BenchmarkNotes(b *testing.B) {
	path := filepath.Join(b.TempDir(), "n.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	a := article("a", strings.Repeat(sampleText, 20))
	for i := range 2000 {
		if _, err := s.Tag(NewAnchor(a, i, i+40), []string{fmt.Sprintf("c%d", i%30), "all"}, ""); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		ns, err := s.Notes()
		if err != nil || len(ns) != 2000 {
			b.Fatal(len(ns), err)
		}
	}
}

func TestMergeIntoDescendant(t *testing.T) {
	s := openTemp(t)
	for _, c := range []string{"a", "a/b", "a/b/c"} {
		if err := s.AddCode(Code{Name: c}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.MergeCodes("a", "a/b/c"); err != nil {
		t.Fatal(err)
	}
	cs, _ := s.Codebook()
	parents := map[string]string{}
	for _, c := range cs {
		parents[c.Name] = c.Parent
	}
	if len(cs) != 2 || parents["a/b/c"] != "" || parents["a/b"] != "a/b/c" {
		t.Fatalf("after merge into a descendant: %v", parents)
	}
	if err := s.UpdateCode(Code{Name: "a/b/c", Parent: "a/b"}); err == nil {
		t.Fatal("loop accepted")
	}
}

// TestStoreGoroutines: the reader calls the store from several tea.Cmd
// goroutines at once.
func TestStoreGoroutines(t *testing.T) {
	s := openTemp(t)
	a := article("a", strings.Repeat(sampleText, 5))
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 15 {
				st := g*200 + i*5
				if _, err := s.Tag(NewAnchor(a, st, st+20), []string{fmt.Sprintf("g%d", g)}, ""); err != nil {
					errs <- err
				}
				if _, err := s.Notes(); err != nil {
					errs <- err
				}
				if _, err := s.Refresh(); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	ns, _ := s.Notes()
	if len(ns) != 60 {
		t.Fatalf("%d notes, want 60", len(ns))
	}
	for range 60 {
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if ns, _ := s.Notes(); len(ns) != 0 {
		t.Fatalf("%d notes after undoing all", len(ns))
	}
}

// TestNoWritesAfterUpgradeElsewhere: a newer parallax upgrades the file
// while this one has it open; this one must stop writing.
func TestNoWritesAfterUpgradeElsewhere(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := article("a", sampleText)
	mustTag(t, s, anchorOf(t, a, "Washington rejected"), "x")
	setPragma(t, path, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion+1))
	if _, err := s.Tag(anchorOf(t, a, "Analysts in Brussels"), []string{"y"}, ""); !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("tag after upgrade elsewhere: %v", err)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("undo after upgrade elsewhere: %v", err)
	}
	edited := article("a", "A new lead.\n\n"+sampleText)
	if _, _, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{edited}}); !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("re-anchor after upgrade elsewhere: %v", err)
	}
	if ns, _ := s.Notes(); len(ns) != 1 {
		t.Fatalf("%d notes", len(ns))
	}
}

// TestUndoAfterReopen: the history is in the file, so quitting and coming
// back still undoes the last session's changes — but never a change
// another window made while this one was open.
func TestUndoAfterReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	a := article("a", sampleText)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	n := mustTag(t, s, anchorOf(t, a, "Washington rejected the offer"), "rejection")
	if err := s.SetMemo(n.ID, "first memo"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// A first memo is added, and undoing it removes it (not "restores").
	if d, ok := s.CanUndo(); !ok || !strings.Contains(d, "added a memo") {
		t.Fatalf("CanUndo after reopen = %q %v", d, ok)
	}
	if d, err := s.Undo(); err != nil || !strings.Contains(d, "removed the memo") {
		t.Fatalf("undo memo after reopen: %q %v", d, err)
	}
	if d, err := s.Undo(); err != nil || !strings.Contains(d, "untagged “rejection”") {
		t.Fatalf("undo tag after reopen: %q %v", d, err)
	}
	if ns, _ := s.Notes(); len(ns) != 0 {
		t.Fatalf("notes after undoing: %+v", ns)
	}
	if d, ok := s.CanRedo(); !ok || !strings.Contains(d, "tagged “rejection”") {
		t.Fatalf("CanRedo = %q %v", d, ok)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}

	// Another window opens now and tags; this window's undo skips it.
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	mustTag(t, other, anchorOf(t, a, "Analysts in Brussels"), "voice")
	if _, err := s.Undo(); err != nil { // undoes this window's redo of the tag
		t.Fatal(err)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("undo reached another window's change: %v", err)
	}
	if got := tagsOf(t, s); !slices.Equal(got["Analysts in Brussels"], []string{"voice"}) {
		t.Fatalf("other window's tag: %v", got)
	}
	// The other window undoes its own change.
	if d, err := other.Undo(); err != nil || !strings.Contains(d, "untagged “voice”") {
		t.Fatalf("other window's undo: %q %v", d, err)
	}
}

// TestConflictDropsStepForGood: a step refused for a conflict is not
// offered again, even after reopening.
func TestConflictDropsStepForGood(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	a := article("a", sampleText)
	s1, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	n := mustTag(t, s1, anchorOf(t, a, "Washington rejected the offer"), "x")
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.SetMemo(n.ID, "theirs"); err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if _, err := s1.Undo(); !errors.Is(err, ErrConflict) {
		t.Fatalf("undo: %v", err)
	}
	s1.Close()
	s3, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	// The memo change (s2's, made before s3 opened) is next; the tag's
	// step is gone.
	if d, err := s3.Undo(); err != nil || !strings.Contains(d, "removed the memo") {
		t.Fatalf("first undo: %q %v", d, err)
	}
	if _, err := s3.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("dropped step offered again: %v", err)
	}
	if got := tagsOf(t, s3); len(got) != 1 {
		t.Fatalf("notes: %v", got)
	}
}

// TestMigrateFromVersion1 opens a store of schema version 1 (before the
// history table) and upgrades it without losing anything.
func TestMigrateFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{
		migrations[0],
		fmt.Sprintf("PRAGMA application_id = %d", applicationID),
		"PRAGMA user_version = 1",
		"INSERT INTO codes(name, colour, description, parent, pos) VALUES ('blame', '#e15759', 'old', '', 1)",
		// The version 1 columns, named: later versions add more.
		"INSERT INTO notes(id, article, hash, start_byte, end_byte, quote, prefix, suffix, memo, created, modified, orphaned) VALUES ('n1', 'a', 'h', 4, 10, 'quote', '', '', 'memo', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 0)",
		"INSERT INTO note_tags(note_id, tag, pos) VALUES ('n1', 'blame', 0)",
	}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ns, _ := s.Notes()
	cs, _ := s.Codebook()
	if len(ns) != 1 || ns[0].Memo != "memo" || !slices.Equal(ns[0].Tags, []string{"blame"}) || len(cs) != 1 || cs[0].Description != "old" {
		t.Fatalf("after migration: %+v %+v", ns, cs)
	}
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion {
		t.Fatalf("user_version = %d (%v)", v, err)
	}
	if err := s.Untag("n1", "blame"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
}

// TestLastTag checks that the tag last applied is remembered in the file
// for a later session, follows its code's renaming and merging, and is
// forgotten when its code is deleted.
func TestLastTag(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.LastTag(); err != nil || got != "" {
		t.Fatalf("LastTag of a new store = %q, %v", got, err)
	}
	a := Anchor{Article: "a", Start: 0, End: 5, Quote: "Hello"}
	if _, err := s.Tag(a, []string{"blame", "Omission"}, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Tag(a, nil, "a memo only"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.LastTag(); err != nil || got != "Omission" {
		t.Fatalf("LastTag after reopening = %q, %v; want Omission", got, err)
	}
	if err := s.RenameCode("omission", "left out"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.LastTag(); err != nil || got != "left out" {
		t.Fatalf("LastTag after renaming = %q, %v; want left out", got, err)
	}
	if err := s.MergeCodes("left out", "blame"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.LastTag(); err != nil || got != "blame" {
		t.Fatalf("LastTag after merging = %q, %v; want blame", got, err)
	}
	if err := s.DeleteCode("blame"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.LastTag(); err != nil || got != "" {
		t.Fatalf("LastTag after deleting the code = %q, %v; want none", got, err)
	}
}

// TestIsBusy checks isBusy against the errors SQLite really returns: a
// write while another connection holds the file's lock is busy (also when
// wrapped), a constraint failure and a plain error are not.
func TestIsBusy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lock.db")
	a, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	a.SetMaxOpenConns(1)
	if _, err := a.Exec("CREATE TABLE t (x INTEGER PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Exec("BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	defer a.Exec("ROLLBACK")
	b, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_, busy := b.Exec("INSERT INTO t VALUES (1)")
	if busy == nil {
		t.Fatal("a write under another connection's exclusive lock succeeded")
	}
	if !isBusy(busy) || !isBusy(fmt.Errorf("tag: %w", busy)) {
		t.Errorf("isBusy(%v) = false, want true", busy)
	}
	if _, err := a.Exec("INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	_, dup := a.Exec("INSERT INTO t VALUES (1)")
	if dup == nil || isBusy(dup) {
		t.Errorf("isBusy(%v) = true for a constraint failure", dup)
	}
	if isBusy(errors.New("database is locked")) {
		t.Error("isBusy is true for an error that does not come from SQLite")
	}
}
