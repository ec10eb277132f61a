package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConsensusFilterQuitMerge: in the Disagreements view, what is typed
// after / goes to the filter (u and 1 decide nothing), a second A takes
// over nothing new, q quits the program; the consensus file's codebook
// is the coders', so merge-notes of it with a coder's file finds no
// conflict.
func TestConsensusFilterQuitMerge(t *testing.T) {
	needTmux(t)
	dir := t.TempDir()
	ana, ben, cons := filepath.Join(dir, "ana.db"), filepath.Join(dir, "ben.db"), filepath.Join(dir, "consensus.db")
	px := cli(t, dir)
	book := filepath.Join(dir, "codebook.csv")
	if err := os.WriteFile(book, []byte("name,colour,description,parent\nblame,#e15759,Who is held responsible,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	px("notes", "--coder", "ana", "--notes", ana, "--import-codebook", book)
	px("notes", "--coder", "ben", "--notes", ben, "--import-codebook", book)
	const tass = "003_901c7662e3582013"
	tag := func(coder, file, quote string) {
		px("tag", "--coder", coder, "--notes", file, "--article", tass, "--quote", quote, "--tag", "blame")
	}
	tag("ana", ana, "emphatically refused")
	tag("ana", ana, "The North Atlantic Alliance has not given a clear answer.")
	tag("ben", ben, "emphatically refused")
	tag("ben", ben, "Nobody has ever shown us satellite images")

	s := start(t, 80, 24, nil, "--coder", "ana", "--notes", ana, "--compare-notes", ben, "--consensus", cons)
	s.waitFor("READ", "notes ✓saved")
	s.keys("4")
	s.waitFor("NOTES", "2 coders")
	s.keys("D")
	s.waitFor("DISAGREE", "2 disagreements", "0 settled", "1 agreed")
	pause()
	s.keys("A")
	s.waitFor("took over 1 coding")
	pause()
	s.keys("A")
	s.waitFor("nothing new")
	pause()
	s.keys("/")
	pause()
	for _, k := range []string{"u", "1"} {
		s.keys(k)
		pause()
	}
	s.waitFor("/ u1", "No disagreement matches the filter.")
	s.keys("Escape")
	s.waitFor("0 settled", "1/2 “blame”")
	pause()
	s.keys("q")
	s.waitExit()
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("parallax exited %s", st)
	}
	out := px("notes", "--notes", cons)
	if !strings.Contains(out, "1 tagged passage") || !strings.Contains(out, "#e15759") || !strings.Contains(out, "Who is held responsible") {
		t.Fatalf("consensus file:\n%s", out)
	}
	out = px("merge-notes", "-o", filepath.Join(dir, "merged.db"), ana, cons)
	if !strings.Contains(out, "merged 2 notes files") {
		t.Fatalf("merge-notes:\n%s", out)
	}
}
