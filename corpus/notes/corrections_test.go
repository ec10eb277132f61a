package notes

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func mustCorrections(t *testing.T, s *Store) []Correction {
	t.Helper()
	cs, err := s.Corrections()
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// kinds lists the corrections as "kind article>target" for comparing.
func kinds(cs []Correction) []string {
	var out []string
	for _, c := range cs {
		switch c.Kind {
		case CorrectSplit:
			out = append(out, "split "+strings.Join(c.Articles, "+"))
		default:
			out = append(out, c.Kind+" "+c.Article+">"+c.Target)
		}
	}
	return out
}

func TestCorrectionsRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	adds := []Correction{
		{Kind: CorrectMove, Article: "a3", Target: "b1", Description: "move “Tolls rise” to story 2"},
		{Kind: CorrectMerge, Article: "a1", Target: "c1"},
		{Kind: CorrectSplit, Articles: []string{"b2", "b3"}},
	}
	for _, c := range adds {
		got, err := s.AddCorrection(c)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID == "" || got.Seq == 0 || got.Created.IsZero() {
			t.Fatalf("saved correction lacks id, order or time: %+v", got)
		}
	}
	want := []string{"move a3>b1", "merge a1>c1", "split b2+b3"}
	if got := kinds(mustCorrections(t, s)); !slices.Equal(got, want) {
		t.Fatalf("corrections %v, want %v", got, want)
	}
	s.Close()
	// They are in the file, in their order, with their descriptions.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cs := mustCorrections(t, s)
	if got := kinds(cs); !slices.Equal(got, want) {
		t.Fatalf("after reopening: %v, want %v", got, want)
	}
	if cs[0].Description != "move “Tolls rise” to story 2" || !strings.Contains(cs[1].Description, "merge the stories of a1 and c1") {
		t.Fatalf("descriptions: %q, %q", cs[0].Description, cs[1].Description)
	}
	if cs[0].Seq >= cs[1].Seq || cs[1].Seq >= cs[2].Seq {
		t.Fatalf("order lost: %d %d %d", cs[0].Seq, cs[1].Seq, cs[2].Seq)
	}
}

func TestCorrectionsValidate(t *testing.T) {
	s := openTemp(t)
	for _, c := range []Correction{
		{Kind: "swap", Article: "a", Target: "b"},
		{Kind: CorrectMove, Article: "a"},
		{Kind: CorrectMerge, Article: "a", Target: "a"},
		{Kind: CorrectSplit},
		{Kind: CorrectSplit, Articles: []string{" "}},
	} {
		if _, err := s.AddCorrection(c); err == nil {
			t.Errorf("%+v accepted", c)
		}
	}
	if cs := mustCorrections(t, s); len(cs) != 0 {
		t.Fatalf("a refused correction was saved: %v", cs)
	}
	if _, ok := s.CanUndo(); ok {
		t.Fatal("a refused correction is in the history")
	}
}

func TestCorrectionsUndoRedo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	n := mustTag(t, s, anchorOf(t, article("a1", sampleText), "blame"), "blame")
	first, err := s.AddCorrection(Correction{Kind: CorrectMove, Article: "a3", Target: "b1", Description: "move a3 to story 2"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddCorrection(Correction{Kind: CorrectSplit, Articles: []string{"b2"}}); err != nil {
		t.Fatal(err)
	}
	if d, ok := s.CanUndo(); !ok || !strings.Contains(d, "split b2") {
		t.Fatalf("next undo: %q %v", d, ok)
	}
	d, err := s.Undo()
	if err != nil || !strings.Contains(d, "took back") {
		t.Fatalf("undo: %q %v", d, err)
	}
	if got := kinds(mustCorrections(t, s)); !slices.Equal(got, []string{"move a3>b1"}) {
		t.Fatalf("after one undo: %v", got)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if cs := mustCorrections(t, s); len(cs) != 0 {
		t.Fatalf("after two undos: %v", kinds(cs))
	}
	// The tag made before is the next undo: the corrections' steps did not
	// touch it.
	if got := tagsOf(t, s); !slices.Equal(got[n.Anchor.Quote], []string{"blame"}) {
		t.Fatalf("tags: %v", got)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	cs := mustCorrections(t, s)
	if len(cs) != 1 || cs[0].ID != first.ID || cs[0].Seq != first.Seq {
		t.Fatalf("redo did not bring the same correction back: %+v, want %+v", cs, first)
	}
	s.Close()
	// The history is in the file: a later session undoes it.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if cs := mustCorrections(t, s); len(cs) != 0 {
		t.Fatalf("undo after reopening: %v", kinds(cs))
	}
}

func TestCorrectionsDeleteAndConflict(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	c, err := a.AddCorrection(Correction{Kind: CorrectMerge, Article: "x", Target: "y"})
	if err != nil {
		t.Fatal(err)
	}
	// Another window deletes it; undoing the addition here conflicts.
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.DeleteCorrection(c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Undo(); !errors.Is(err, ErrConflict) {
		t.Fatalf("undo of a correction deleted elsewhere: %v", err)
	}
	// The other window undoes its deletion: the correction is back.
	if _, err := b.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := mustCorrections(t, a); len(got) != 1 || got[0].ID != c.ID {
		t.Fatalf("after undoing the deletion: %v", got)
	}
	if err := a.DeleteCorrection("no-such-id"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting a correction that is not there: %v", err)
	}
}

// TestMigrateFromVersion3 opens a store of schema version 3 (before story
// corrections) and upgrades it: its notes stay, and corrections can be
// saved.
func TestMigrateFromVersion3(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	stmts := append(slices.Clone(migrations[:3]),
		fmt.Sprintf("PRAGMA application_id = %d", applicationID),
		"PRAGMA user_version = 3",
		"INSERT INTO codes(name, colour, description, parent, pos) VALUES ('blame', '#e15759', '', '', 1)",
		"INSERT INTO notes(id, article, hash, start_byte, end_byte, quote, prefix, suffix, memo, created, modified, orphaned, outlet, title) VALUES ('n1', 'a', 'h', 4, 10, 'quote', '', '', 'memo', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 0, 'TASS', 'T')",
		"INSERT INTO note_tags(note_id, tag, pos) VALUES ('n1', 'blame', 0)",
	)
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
	if len(ns) != 1 || ns[0].Memo != "memo" || ns[0].Anchor.Outlet != "TASS" {
		t.Fatalf("notes after migration: %+v", ns)
	}
	if cs := mustCorrections(t, s); len(cs) != 0 {
		t.Fatalf("a migrated store has corrections: %v", cs)
	}
	if _, err := s.AddCorrection(Correction{Kind: CorrectSplit, Articles: []string{"a"}}); err != nil {
		t.Fatal(err)
	}
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion {
		t.Fatalf("user_version = %d (%v)", v, err)
	}
}
