package e2e

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestConsensusFromTwoCoders is issue 19's two-coder session with the real
// program: ana and ben tag the TASS article with the CLI (`parallax tag
// --coder`), each in a file of their own; ana opens the reader on hers
// with ben's beside it (--compare-notes) and a consensus file
// (--consensus), settles the two sentences they disagree on in the
// Disagreements view — one with ben's coding, one with ana's, undone and
// settled again with both — quits, and `parallax notes --json` reads the
// consensus file.
func TestConsensusFromTwoCoders(t *testing.T) {
	needTmux(t)
	dir := t.TempDir()
	ana, ben, cons := filepath.Join(dir, "ana.db"), filepath.Join(dir, "ben.db"), filepath.Join(dir, "consensus.db")
	px := cli(t, dir)
	const tass = "003_901c7662e3582013"
	tag := func(coder, file, quote string) {
		px("tag", "--coder", coder, "--notes", file, "--article", tass, "--quote", quote, "--tag", "blame")
	}
	// Both tag sentence 4; ben alone sentence 5, ana alone sentence 15.
	tag("ana", ana, "emphatically refused")
	tag("ana", ana, "The North Atlantic Alliance has not given a clear answer.")
	tag("ben", ben, "emphatically refused")
	tag("ben", ben, "Nobody has ever shown us satellite images")

	s := start(t, 80, 24, nil, "--coder", "ana", "--notes", ana, "--compare-notes", ben, "--consensus", cons)
	s.waitFor("READ", "notes ✓saved")
	s.keys("4")
	s.waitFor("NOTES", "ben", "2 coders")
	s.keys("D")
	s.waitFor("DISAGREE", "2 disagreements", "0 settled", "1/2 “blame”", "2 ben", "✓ “Nobody")
	pause()
	s.keys("2") // sentence 5: ben's coding
	s.waitFor("1 settled", "2/2 “blame”")
	pause()
	s.keys("1") // sentence 15: ana's coding
	s.waitFor("2 settled")
	pause()
	s.keys("u")
	s.waitFor("1 settled", "undone")
	pause()
	s.keys("a") // both: the same passage, ana's
	s.waitFor("2 settled")
	pause()
	s.keys("Escape")
	s.waitFor("NOTES")
	s.keys("q")
	s.waitExit()
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("parallax exited %s", st)
	}

	var got struct {
		Notes []struct {
			Quote string   `json:"quote"`
			Tags  []string `json:"tags"`
			Coder string   `json:"coder"`
		} `json:"notes"`
	}
	if err := json.Unmarshal([]byte(px("notes", "--json", "--notes", cons)), &got); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, n := range got.Notes {
		lines = append(lines, n.Coder+" "+strings.Join(n.Tags, ",")+" "+n.Quote)
	}
	sort.Strings(lines)
	want := []string{
		"ana blame Nobody has ever shown us satellite images",
		"ana blame The North Atlantic Alliance has not given a clear answer.",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("consensus file:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	// ben's file was only read.
	var bens struct {
		Notes []json.RawMessage `json:"notes"`
	}
	if err := json.Unmarshal([]byte(px("notes", "--json", "--notes", ben)), &bens); err != nil || len(bens.Notes) != 2 {
		t.Fatalf("ben's file: %d notes, %v", len(bens.Notes), err)
	}
}
