package notes

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// mergeFixture writes the notes files of a merge round trip into dir:
//   - anna.db, coder anna: blame (red), blame/us, denial (top level),
//     "Loaded language" (described);
//   - ben.db, coder ben: blame in blue (a colour conflict), blame/us,
//     denial under blame (a parent conflict), "loaded language" described
//     otherwise (only a difference), and hedge;
//   - old.db: notes made before coders were recorded;
//   - mixed.db: carl's notes and some without a coder.
func mergeFixture(t *testing.T, dir string) (anna, ben, old, mixed string) {
	t.Helper()
	a := article("a", sampleText)
	anna, ben, old, mixed = filepath.Join(dir, "anna.db"), filepath.Join(dir, "ben.db"), filepath.Join(dir, "old.db"), filepath.Join(dir, "mixed.db")
	s := openAs(t, anna, "anna")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.AddCode(Code{Name: "blame", Colour: "#e15759"}))
	must(s.AddCode(Code{Name: "blame/us", Colour: "#f28e2b"}))
	must(s.AddCode(Code{Name: "denial", Colour: "#76b7b2"}))
	must(s.AddCode(Code{Name: "Loaded language", Colour: "#59a14f", Description: "emotive words"}))
	n, err := s.Tag(anchorOf(t, a, "The United States is to blame"), []string{"blame/us"}, "anna's memo")
	must(err)
	mustTag(t, s, anchorOf(t, a, "Washington rejected the offer"), "denial", "Loaded language")
	must(s.SetMemo(n.ID, "anna's memo, edited"))
	s.Close()

	s = openAs(t, ben, "ben")
	must(s.AddCode(Code{Name: "blame", Colour: "#4e79a7"}))
	must(s.AddCode(Code{Name: "blame/us", Colour: "#f28e2b"}))
	must(s.AddCode(Code{Name: "denial", Colour: "#76b7b2", Parent: "blame"}))
	must(s.AddCode(Code{Name: "loaded language", Colour: "#59a14f", Description: "charged words"}))
	must(s.AddCode(Code{Name: "hedge", Colour: "#9c755f"}))
	mustTag(t, s, anchorOf(t, a, "The United States is to blame"), "blame/us", "loaded language")
	mustTag(t, s, anchorOf(t, a, "Washington rejected the offer"), "denial")
	mustTag(t, s, anchorOf(t, a, "could start a new arms race"), "hedge")
	s.Close()

	s, err = Open(old)
	must(err)
	mustTag(t, s, anchorOf(t, a, "Analysts in Brussels"), "blame")
	s.Close()

	s = openAs(t, mixed, "carl")
	mustTag(t, s, anchorOf(t, a, "Russia had offered an inspection"), "blame")
	s.Close()
	s, err = Open(mixed)
	must(err)
	mustTag(t, s, anchorOf(t, a, "the minister said"), "blame")
	s.Close()
	return anna, ben, old, mixed
}

// TestMergeRoundTrip merges files with overlapping and conflicting
// codebooks: a conflict is reported and refused until --prefer settles
// it; the merged file holds every coder's notes with their anchors and
// memos, one codebook, and the inputs are never written.
func TestMergeRoundTrip(t *testing.T) {
	dir := t.TempDir()
	anna, ben, old, mixed := mergeFixture(t, dir)
	inputs := []string{anna, ben, old, mixed}
	hashes := map[string]string{}
	var before []Note
	for _, in := range inputs {
		hashes[in] = fileHash(t, in)
		ro, err := OpenReadOnly(in)
		if err != nil {
			t.Fatal(err)
		}
		ns, _ := ro.Notes()
		before = append(before, ns...)
		ro.Close()
	}
	out := filepath.Join(dir, "team.db")

	rep, err := Merge(out, inputs, MergeOptions{})
	if !errors.Is(err, ErrCodebookConflict) {
		t.Fatalf("merging conflicting codebooks: %v", err)
	}
	for _, want := range []string{"“blame” (colour #e15759 in " + anna + "; #4e79a7 in " + ben + ", " + old + ", " + mixed + ")", "“denial” (parent \"\" in " + anna + "; \"blame\" in " + ben + ")", "nothing was written", "--prefer"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal does not say %q:\n%v", want, err)
		}
	}
	if len(rep.Conflicts) != 2 {
		t.Errorf("conflicts %+v", rep.Conflicts)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a refused merge left %s: %v", out, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".team.db*")); len(left) > 0 {
		t.Fatalf("a refused merge left %v", left)
	}

	rep, err = Merge(out, inputs, MergeOptions{Prefer: []string{ben}})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		if fileHash(t, in) != hashes[in] {
			t.Errorf("merging wrote to %s", in)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".team.db*")); len(left) > 0 {
		t.Fatalf("the merge left %v", left)
	}
	s := openAs(t, out, "lead")
	cs, _ := s.Codebook()
	var got []string
	for _, c := range cs {
		got = append(got, c.Name+"|"+c.Parent+"|"+c.Colour+"|"+c.Description+"|"+c.Coder)
	}
	want := []string{
		"blame||#4e79a7||ben",
		"blame/us|blame|#f28e2b||anna",
		"denial|blame|#76b7b2||ben",
		"Loaded language||#59a14f|emotive words|anna",
		"hedge||#9c755f||ben",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("merged codebook\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(rep.Differences) != 1 || rep.Differences[0].Name != "Loaded language" || !slices.Equal(rep.Differences[0].Fields, []string{"description", "spelling"}) {
		t.Errorf("differences %+v", rep.Differences)
	}
	for _, c := range rep.Conflicts {
		if c.Winner < 0 || c.Defs[c.Winner].File != ben {
			t.Errorf("conflict %s settled by %+v", c.Name, c)
		}
	}

	ns, _ := s.Notes()
	if len(ns) != len(before) || rep.Notes != len(before) {
		t.Fatalf("%d notes merged (report %d), want %d", len(ns), rep.Notes, len(before))
	}
	byID := map[string]Note{}
	for _, n := range ns {
		byID[n.ID] = n
	}
	coderOf := map[string]string{}
	for _, n := range before {
		m, ok := byID[n.ID]
		if !ok {
			t.Fatalf("note %s (%q) is not in the merged file", n.ID, n.Anchor.Quote)
		}
		if m.Anchor != n.Anchor || m.Memo != n.Memo || !m.Created.Equal(n.Created) || m.ModifiedBy != n.ModifiedBy {
			t.Errorf("note %s changed:\n%+v\nwas\n%+v", n.ID, m, n)
		}
		if !slices.EqualFunc(m.Tags, n.Tags, strings.EqualFold) {
			t.Errorf("note %s: tags %v, were %v", n.ID, m.Tags, n.Tags)
		}
		coderOf[m.Anchor.Quote+"/"+m.Coder] = strings.Join(m.Tags, ",")
	}
	for k, v := range map[string]string{
		"The United States is to blame/anna":    "blame/us",
		"The United States is to blame/ben":     "blame/us,Loaded language", // the merged spelling
		"Washington rejected the offer/anna":    "denial,Loaded language",
		"Analysts in Brussels/old":              "blame", // no coder: named after its file
		"the minister said/carl":                "blame", // no coder: the file's only coder's
		"Russia had offered an inspection/carl": "blame",
	} {
		if coderOf[k] != v {
			t.Errorf("%s: %q, want %q (have %v)", k, coderOf[k], v, coderOf)
		}
	}
	ins := rep.Inputs
	if len(ins) != 4 || ins[2].Owner != "old" || !ins[2].OwnerFromName || ins[2].Unowned != 1 || ins[3].Owner != "carl" || ins[3].OwnerFromName || ins[3].Unowned != 1 {
		t.Errorf("inputs %+v", ins)
	}
	if cc := rep.Coders; len(cc) != 4 || cc[0] != (CoderCount{"anna", 2}) || cc[1] != (CoderCount{"ben", 3}) {
		t.Errorf("coders %+v", cc)
	}
	// The merged file is a store like any other: its notes can be changed
	// and the change undone.
	if _, err := s.Tag(anchorOf(t, article("a", sampleText), "Analysts in Brussels"), []string{"hedge"}, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("the merge itself is in the history: %v", err)
	}
	s.Close()

	// The output is never overwritten without Force.
	h := fileHash(t, out)
	if _, err := Merge(out, []string{anna}, MergeOptions{}); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Fatalf("merging onto an existing file: %v", err)
	}
	if fileHash(t, out) != h {
		t.Fatal("a refused merge changed the existing output")
	}
	if rep, err := Merge(out, []string{anna}, MergeOptions{Force: true}); err != nil || rep.Notes != 2 {
		t.Fatalf("--force: %+v %v", rep, err)
	}
}

// TestMergeCopiesAndMistakes: a file merged with a copy of itself keeps
// each note once; a note two files hold differently keeps both; the same
// file twice, the output among the inputs, and an unreadable input are
// refused with nothing written.
func TestMergeCopiesAndMistakes(t *testing.T) {
	dir := t.TempDir()
	anna, ben, _, _ := mergeFixture(t, dir)
	cp := filepath.Join(dir, "anna-copy.db")
	data, _ := os.ReadFile(anna)
	if err := os.WriteFile(cp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Merge(filepath.Join(dir, "a.db"), []string{anna, cp}, MergeOptions{})
	if err != nil || rep.Notes != 2 || rep.Duplicates != 2 || len(rep.Renumbered) != 0 {
		t.Fatalf("anna with her copy: %+v %v", rep, err)
	}
	// The copy's owner edits a memo: both versions are kept.
	s := openAs(t, cp, "anna")
	ns, _ := s.Notes()
	if err := s.SetMemo(ns[0].ID, "changed in the copy"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	rep, err = Merge(filepath.Join(dir, "b.db"), []string{anna, cp}, MergeOptions{})
	if err != nil || rep.Notes != 3 || rep.Duplicates != 1 || len(rep.Renumbered) != 1 || rep.Renumbered[0] != ns[0].ID {
		t.Fatalf("a note changed in a copy: %+v %v", rep, err)
	}

	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte("not a database, not at all, no"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "c.db")
	for _, c := range []struct {
		inputs []string
		prefer []string
		want   string
	}{
		{[]string{anna, anna}, nil, "are the same file"},
		{[]string{anna, out}, nil, "is both an input and the output"},
		{[]string{anna, garbage}, nil, "not a valid parallax notes store"},
		{[]string{anna, ben}, []string{filepath.Join(dir, "nobody.db")}, "is not one of the files to merge"},
		{nil, nil, "no files to merge"},
	} {
		if c.inputs != nil && c.inputs[1] == out {
			os.WriteFile(out, nil, 0o644)
		}
		_, err := Merge(out, c.inputs, MergeOptions{Prefer: c.prefer, Force: true})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("merge %v: %v; want %q", c.inputs, err, c.want)
		}
		if fi, err := os.Stat(out); err == nil && fi.Size() > 0 {
			t.Errorf("merge %v wrote %s", c.inputs, out)
		}
		os.Remove(out)
	}
}

// TestMergeVersion4File merges a file an older parallax wrote (schema
// version 4) without upgrading it: its notes come in as a coder named
// after the file, its story correction too, and the file is unchanged.
func TestMergeVersion4File(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "lena.db")
	h := fixtureFile(t, "v4-notes.db", old, 0o444)
	anna, _, _, _ := mergeFixture(t, dir)
	rep, err := Merge(filepath.Join(dir, "team.db"), []string{old, anna}, MergeOptions{Prefer: []string{old}})
	if err != nil {
		t.Fatal(err)
	}
	if fileHash(t, old) != h {
		t.Fatal("merging changed the version 4 file")
	}
	if in := rep.Inputs[0]; in.Notes != 4 || in.Owner != "lena" || !in.OwnerFromName || in.Unowned != 4 {
		t.Fatalf("the version 4 input: %+v", in)
	}
	if rep.Notes != 6 || rep.Corrections != 1 || len(rep.Coders) != 2 {
		t.Fatalf("report %+v", rep)
	}
	if left, _ := filepath.Glob(old + "-*"); len(left) > 0 {
		t.Fatalf("merging left files beside the input: %v", left)
	}
}
