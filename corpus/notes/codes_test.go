package notes

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

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

func parentsOf(t *testing.T, s *Store) map[string]string {
	t.Helper()
	cs, err := s.Codebook()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, c := range cs {
		out[c.Name] = c.Parent
	}
	return out
}

// TestRenameToNestedName: renaming a code to "parent/child" follows the
// rule of creating one: the parent is created when missing (just before
// the code in the codebook), the code is its child, its own children
// follow, the .qdc export nests it, and undo restores the old name and
// removes the parent the rename created.
func TestRenameToNestedName(t *testing.T) {
	s := openTemp(t)
	a := article("a", sampleText)
	p1 := anchorOf(t, a, "The United States is to blame")
	p2 := anchorOf(t, a, "Washington rejected the offer")
	mustTag(t, s, p1, "x")
	mustTag(t, s, p2, "x/kid", "other")

	if err := s.RenameCode("x", "attribution/sub"); err != nil {
		t.Fatal(err)
	}
	if got := codeNames(t, s); !slices.Equal(got, []string{"attribution", "attribution/sub", "attribution/sub/kid", "other"}) {
		t.Fatalf("codebook after rename = %v", got)
	}
	ps := parentsOf(t, s)
	if ps["attribution/sub"] != "attribution" || ps["attribution/sub/kid"] != "attribution/sub" || ps["attribution"] != "" {
		t.Fatalf("parents after rename = %v", ps)
	}
	if got := tagsOf(t, s); !slices.Equal(got[p1.Quote], []string{"attribution/sub"}) || !slices.Equal(got[p2.Quote], []string{"attribution/sub/kid", "other"}) {
		t.Fatalf("tags after rename = %v", got)
	}
	cs, _ := s.Codebook()
	var b strings.Builder
	if err := ExportCodebookQDC(&b, cs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `name="attribution" isCodable="true"`) || !strings.Contains(b.String(), `name="sub" isCodable="true"`) || strings.Contains(b.String(), `name="attribution/sub"`) {
		t.Fatalf("qdc after rename is not nested:\n%s", b.String())
	}

	d, err := s.Undo()
	if err != nil || d != "renamed code “attribution/sub” back to “x”" {
		t.Fatalf("undo = %q, %v", d, err)
	}
	if got := codeNames(t, s); !slices.Equal(got, []string{"x", "x/kid", "other"}) {
		t.Fatalf("codebook after undo = %v (the parent the rename created must go)", got)
	}
	if ps := parentsOf(t, s); ps["x"] != "" || ps["x/kid"] != "x" {
		t.Fatalf("parents after undo = %v", ps)
	}
	if got := tagsOf(t, s); !slices.Equal(got[p1.Quote], []string{"x"}) || !slices.Equal(got[p2.Quote], []string{"x/kid", "other"}) {
		t.Fatalf("tags after undo = %v", got)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if ps := parentsOf(t, s); ps["attribution/sub"] != "attribution" || ps["attribution/sub/kid"] != "attribution/sub" {
		t.Fatalf("parents after redo = %v", ps)
	}
}

// TestRenameUnderItsOldName: "blame" renamed "blame/us" moves its passages
// to "blame/us" under a new, empty "blame"; undo gives the old "blame" back.
func TestRenameUnderItsOldName(t *testing.T) {
	s := openTemp(t)
	a := article("a", sampleText)
	p := anchorOf(t, a, "The United States is to blame")
	mustTag(t, s, p, "blame")
	before, _ := s.Codebook()
	if err := s.RenameCode("blame", "blame/us"); err != nil {
		t.Fatal(err)
	}
	if ps := parentsOf(t, s); len(ps) != 2 || ps["blame"] != "" || ps["blame/us"] != "blame" {
		t.Fatalf("parents after rename = %v", ps)
	}
	if got := tagsOf(t, s)[p.Quote]; !slices.Equal(got, []string{"blame/us"}) {
		t.Fatalf("tags after rename = %v", got)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.Codebook(); !slices.Equal(after, before) {
		t.Fatalf("codebook after undo = %v, want %v", after, before)
	}
}

// TestRenameParentRule: a parent implied by the old name follows the new
// one; a parent set explicitly stays unless the new name says otherwise;
// a rename that would put a code under its own child is refused.
func TestRenameParentRule(t *testing.T) {
	s := openTemp(t)
	for _, c := range []Code{{Name: "blame"}, {Name: "blame/us"}, {Name: "side", Parent: "blame"}, {Name: "frame"}, {Name: "kid", Parent: "frame"}} {
		if err := s.AddCode(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RenameCode("blame/us", "us"); err != nil {
		t.Fatal(err)
	}
	if err := s.RenameCode("side", "flank"); err != nil {
		t.Fatal(err)
	}
	if err := s.RenameCode("flank", "frame/flank"); err != nil {
		t.Fatal(err)
	}
	if ps := parentsOf(t, s); ps["us"] != "" || ps["frame/flank"] != "frame" {
		t.Fatalf("parents = %v", ps)
	}
	if err := s.RenameCode("frame", "kid/frame"); err == nil || !strings.Contains(err.Error(), "loop") {
		t.Fatalf("rename under its own child: %v", err)
	}
	if ps := parentsOf(t, s); ps["frame"] != "" || ps["kid"] != "frame" {
		t.Fatalf("a refused rename changed the codebook: %v", ps)
	}
}
