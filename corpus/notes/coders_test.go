package notes

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// historyCoders returns the coder of each history entry, oldest first.
func historyCoders(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.db.Query("SELECT coder FROM history ORDER BY seq")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

func openAs(t *testing.T, path, coder string) *Store {
	t.Helper()
	s, err := Open(path, WithCoder(coder))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestCodersRecorded: every note, memo and codebook change records its
// coder, and two coders tagging the same passage in one file get a note
// each.
func TestCodersRecorded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "team.db")
	a := article("a", sampleText)
	anna := openAs(t, path, "anna")
	if anna.Coder() != "anna" {
		t.Fatalf("Coder() = %q", anna.Coder())
	}
	na := mustTag(t, anna, anchorOf(t, a, "Washington rejected the offer"), "blame/us")
	if na.Coder != "anna" || na.ModifiedBy != "anna" {
		t.Fatalf("anna's note: coder %q, modified by %q", na.Coder, na.ModifiedBy)
	}
	if err := anna.AddCode(Code{Name: "denial"}); err != nil {
		t.Fatal(err)
	}
	cs, _ := anna.Codebook()
	for _, c := range cs {
		if c.Coder != "anna" {
			t.Errorf("code %s: coder %q, want anna", c.Name, c.Coder)
		}
	}

	ben := openAs(t, path, "ben")
	nb := mustTag(t, ben, anchorOf(t, a, "Washington rejected the offer"), "blame/us")
	if nb.ID == na.ID || nb.Coder != "ben" {
		t.Fatalf("ben tagging anna's passage: %+v (anna's id %s)", nb, na.ID)
	}
	// Ben tags the same passage again: his own note grows.
	if again := mustTag(t, ben, anchorOf(t, a, "Washington rejected the offer"), "denial"); again.ID != nb.ID {
		t.Fatalf("ben's second tag made note %s, want his note %s", again.ID, nb.ID)
	}
	// Ben edits anna's memo: the note stays anna's, ben changed it last.
	if err := ben.SetMemo(na.ID, "ben's remark"); err != nil {
		t.Fatal(err)
	}
	got, _, _ := ben.Note(na.ID)
	if got.Coder != "anna" || got.ModifiedBy != "ben" || !slices.Equal(got.Tags, []string{"blame/us"}) {
		t.Fatalf("anna's note after ben's memo: %+v", got)
	}
	if err := ben.UpdateCode(Code{Name: "denial", Colour: "#000000"}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"anna", "anna", "ben", "ben", "ben", "ben"}; !slices.Equal(historyCoders(t, ben), want) {
		t.Fatalf("history coders = %v, want %v", historyCoders(t, ben), want)
	}

	// Ben deletes anna's note and undoes it: it comes back as anna's.
	if err := ben.DeleteNote(na.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := ben.Undo(); err != nil {
		t.Fatal(err)
	}
	if got, ok, _ := ben.Note(na.ID); !ok || got.Coder != "anna" || got.Memo != "ben's remark" {
		t.Fatalf("anna's note after undoing its deletion: %+v %v", got, ok)
	}
	ben.Close()

	// A later session of ben's undoes his own changes, never anna's.
	ben2 := openAs(t, path, "ben")
	undone := 0
	for {
		d, err := ben2.Undo()
		if errors.Is(err, ErrNothingToUndo) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(d, "“denial”") && strings.Contains(d, "removed code") {
			t.Fatalf("ben undid anna's code: %s", d)
		}
		undone++
	}
	if undone != 4 { // the code change, the memo and two tags (the deletion is undone already)
		t.Fatalf("ben undid %d changes, want 4", undone)
	}
	ns, _ := ben2.Notes()
	if len(ns) != 1 || ns[0].ID != na.ID || ns[0].Coder != "anna" || ns[0].Memo != "" {
		t.Fatalf("after ben undid his work: %+v", ns)
	}
	if d, ok := anna.CanUndo(); !ok || !strings.Contains(d, "added code “denial”") {
		t.Fatalf("anna can no longer undo her own work: %q %v", d, ok)
	}
	// A store that does not know its coder (the reader, for now) undoes
	// earlier work of anyone's, as before coders were recorded.
	plain, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if d, ok := plain.CanUndo(); !ok || !strings.Contains(d, "added code “denial”") {
		t.Fatalf("a store without a coder cannot undo earlier work: %q %v", d, ok)
	}
}

// TestTagAsKeepsTheNotesCoder: an import tags on behalf of an
// annotation's coder; the history says who imported.
func TestTagAsKeepsTheNotesCoder(t *testing.T) {
	s := openAs(t, filepath.Join(t.TempDir(), "n.db"), "lead")
	a := article("a", sampleText)
	n, err := s.TagAs("carl", anchorOf(t, a, "Analysts in Brussels"), []string{"voice"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if n.Coder != "carl" || n.ModifiedBy != "lead" {
		t.Fatalf("note: coder %q, modified by %q", n.Coder, n.ModifiedBy)
	}
	if hc := historyCoders(t, s); !slices.Equal(hc, []string{"lead"}) {
		t.Fatalf("history coders %v", hc)
	}
	u, err := s.TagAs("", anchorOf(t, a, "Analysts in Brussels"), []string{"voice"}, "")
	if err != nil || u.ID == n.ID || u.Coder != "" {
		t.Fatalf("a note without coder on carl's passage: %+v %v", u, err)
	}
	if _, err := s.TagAs("bad\x1bname", anchorOf(t, a, "Analysts in Brussels"), []string{"x"}, ""); err == nil {
		t.Fatal("a coder name with an escape was accepted")
	}
	if _, err := Open(filepath.Join(t.TempDir(), "m.db"), WithCoder(" anna")); err == nil || !strings.Contains(err.Error(), "space") {
		t.Fatalf("Open with a bad coder: %v", err)
	}
}

func TestValidateCoder(t *testing.T) {
	for _, ok := range []string{"anna", "Anna Müller", "王芳", "ben@uni.example", "a/b"} {
		if err := ValidateCoder(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"", " anna", "anna\n", "an\tna", "ann\u202ea", "(unknown)", strings.Repeat("x", 101), "\xff"} {
		if err := ValidateCoder(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestOwnerOfUnknownAndFileCoderName(t *testing.T) {
	ns := func(coders ...string) []Note {
		var out []Note
		for _, c := range coders {
			out = append(out, Note{Coder: c})
		}
		return out
	}
	for _, c := range []struct {
		notes  []Note
		want   string
		byName bool
	}{
		{ns("", ""), "file", false},
		{ns("", "anna", "anna"), "anna", true},
		{ns("anna", "", "ben"), "file", false},
		{nil, "file", false},
	} {
		if got, by := OwnerOfUnknown(c.notes, "file"); got != c.want || by != c.byName {
			t.Errorf("OwnerOfUnknown(%v) = %q %v, want %q %v", c.notes, got, by, c.want, c.byName)
		}
	}
	for in, want := range map[string]string{
		"/x/anna.db": "anna", "ben": "ben", "/x/.db": ".db", "/x/a\x1bb.db": "ab",
		"/x/(unknown).db": "file", "/x/ spaced .db": "spaced",
	} {
		if got := FileCoderName(in); got != want || ValidateCoder(got) != nil {
			t.Errorf("FileCoderName(%q) = %q, want %q", in, got, want)
		}
	}
	cc := Coders(ns("ben", "", "anna", "ben"))
	if len(cc) != 3 || cc[0] != (CoderCount{"anna", 1}) || cc[1] != (CoderCount{"ben", 2}) || cc[2] != (CoderCount{"", 1}) {
		t.Fatalf("Coders = %v", cc)
	}
}

// TestMigrateFromVersion4File upgrades a notes file that parallax wrote
// at schema version 4 (testdata/README.md): read-only it reads as it is,
// unchanged; opened for writing it is upgraded in place, keeps every
// note, code, correction and history step, and records coders from then
// on.
func TestMigrateFromVersion4File(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v4.db")
	before := fixtureFile(t, "v4-notes.db", path, 0o644)
	roNotes, roCodes := readOnlyContents(t, path)
	if len(roNotes) != 4 || len(roCodes) != 14 {
		t.Fatalf("read-only: %d notes, %d codes; want 4 and 14", len(roNotes), len(roCodes))
	}
	if fileHash(t, path) != before {
		t.Fatal("reading a version 4 file read-only changed it")
	}

	s := openAs(t, path, "anna")
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion {
		t.Fatalf("user_version = %d (%v), want %d", v, err, SchemaVersion)
	}
	ns, _ := s.Notes()
	cs, _ := s.Codebook()
	if len(ns) != len(roNotes) || len(cs) != len(roCodes) {
		t.Fatalf("after the upgrade: %d notes, %d codes", len(ns), len(cs))
	}
	for i, n := range ns {
		r := roNotes[i]
		if n.ID != r.ID || n.Memo != r.Memo || !slices.Equal(n.Tags, r.Tags) || n.Anchor != r.Anchor || n.Coder != "" || n.ModifiedBy != "" {
			t.Errorf("note %d: %+v, was %+v", i, n, r)
		}
	}
	for i, c := range cs {
		if c != roCodes[i] || c.Coder != "" {
			t.Errorf("code %d: %+v, was %+v", i, c, roCodes[i])
		}
	}
	if got := mustCorrections(t, s); len(got) != 1 {
		t.Fatalf("corrections after the upgrade: %v", got)
	}
	if hc := historyCoders(t, s); len(hc) != 11 || slices.ContainsFunc(hc, func(c string) bool { return c != "" }) {
		t.Fatalf("history after the upgrade: %v", hc)
	}
	// The old history still undoes: the deleted code comes back, as
	// nobody's.
	if d, err := s.Undo(); err != nil || !strings.Contains(d, "restored code “temporary”") {
		t.Fatalf("undo of a version 4 step: %q %v", d, err)
	}
	if c := codeNamed(t, s, "temporary"); c == nil || c.Coder != "" {
		t.Fatalf("restored code: %+v", c)
	}
	// New work is anna's.
	a := ns[len(ns)-1]
	n := mustTag(t, s, a.Anchor, "hedge")
	if n.ID == a.ID || n.Coder != "anna" {
		t.Fatalf("anna tagging a passage of the old notes: %+v", n)
	}
	if hc := historyCoders(t, s); hc[len(hc)-1] != "anna" {
		t.Fatalf("history coders %v", hc)
	}
	s.Close()
	// The upgraded file is a sound store of this version.
	if _, err := inspect(path); err != nil {
		t.Fatal(err)
	}
}

func codeNamed(t *testing.T, s *Store, name string) *Code {
	t.Helper()
	cs, err := s.Codebook()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Name == name {
			return &c
		}
	}
	return nil
}
