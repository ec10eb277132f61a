package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// TestMergeNotesThenAgreement: anna's and ben's files merged into one
// give the same agreement as the two files, each coder recorded in the
// merged file being one coder.
func TestMergeNotesThenAgreement(t *testing.T) {
	anna, ben := codingSession(t)
	team := filepath.Join(filepath.Dir(anna), "team.db")
	out, errOut, code := runCLI(t, "merge-notes", "-o", team, anna, ben)
	if code != 0 || !strings.Contains(out, "merged 2 notes files into "+team+": 13 notes of 2 coders") || !strings.Contains(out, "anna 7, ben 6") {
		t.Fatalf("merge-notes: exit %d\n%s%s", code, out, errOut)
	}
	two := agreementJSONOf(t, "--notes", anna, "--notes", ben)
	one := agreementJSONOf(t, "--notes", team)
	if len(one.Coders) != 2 || one.Coders[0].Name != "anna" || one.Coders[1].Name != "ben" || one.Coders[0].Source != team {
		t.Fatalf("coders of the merged file: %+v", one.Coders)
	}
	for _, rep := range []*agreementOut{&two, &one} {
		for i := range rep.Coders {
			rep.Coders[i].Source = ""
		}
	}
	a, _ := json.Marshal(two)
	b, _ := json.Marshal(one)
	if string(a) != string(b) {
		t.Fatalf("agreement of the merged file differs from that of the two files:\n%s\n%s", a, b)
	}
	// The same for spans, and with the text report.
	outTwo, _, _ := runCLI(t, "agreement", "--unit", "span", "--notes", anna, "--notes", ben)
	outOne, _, _ := runCLI(t, "agreement", "--unit", "span", "--notes", team)
	strip := func(s string) string {
		s = strings.ReplaceAll(s, anna, "F")
		s = strings.ReplaceAll(s, ben, "F")
		return strings.ReplaceAll(s, team, "F")
	}
	if strip(outTwo) != strip(outOne) {
		t.Errorf("span agreement differs:\n%s\n%s", outTwo, outOne)
	}
}

// TestAgreementOwnsUnknownNotes: in a coder's file, notes made before
// coders were recorded are that coder's; a file of several coders keeps
// its unknown notes apart.
func TestAgreementOwnsUnknownNotes(t *testing.T) {
	anna, ben := codingSession(t)
	// Part of anna's notes lose their coder, as if tagged before coders
	// were recorded (or in a reader that did not record one).
	db := openSQL(t, anna)
	if _, err := db.Exec("UPDATE notes SET coder = '' WHERE quote LIKE '%satellite%' OR quote LIKE '%Paves%'"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out, errOut, code := runCLI(t, "agreement", "--json", "--notes", anna, "--notes", ben)
	var got agreementOut
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("exit %d: %v\n%s", code, err, errOut)
	}
	if len(got.Coders) != 2 || got.Coders[0].Name != "anna" || got.Coders[0].Notes != 7 {
		t.Fatalf("coders %+v", got.Coders)
	}
	if !strings.Contains(errOut, "2 notes without a recorded coder are counted as anna's, the file's only coder") {
		t.Errorf("stderr does not say whose the unknown notes are: %q", errOut)
	}
	// Merged with ben's file, they are anna's too.
	team := filepath.Join(t.TempDir(), "team.db")
	out, _, code = runCLI(t, "merge-notes", "-o", team, anna, ben)
	if code != 0 || !strings.Contains(out, "2 notes without a recorded coder merged as anna's (the file's only coder)") {
		t.Fatalf("merge-notes: exit %d\n%s", code, out)
	}
	// In a team file, notes without a coder are a coder of their own.
	db = openSQL(t, team)
	if _, err := db.Exec("UPDATE notes SET coder = '' WHERE quote LIKE '%Seoul%'"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	got = agreementJSONOf(t, "--notes", team)
	if len(got.Coders) != 3 || got.Coders[2].Name != "(unknown) in team" || got.Coders[2].Notes != 1 {
		t.Fatalf("coders of a team file with an unknown note: %+v", got.Coders)
	}
}

// TestMergeNotesConflictsAndUsage: a codebook conflict stops the merge
// and lists every definition; --prefer settles it; the output is never
// overwritten without --force; usage mistakes exit 2.
func TestMergeNotesConflictsAndUsage(t *testing.T) {
	anna, ben := codingSession(t)
	s, err := notes.Open(ben, notes.WithCoder("ben"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateCode(notes.Code{Name: "denial", Colour: "#000000", Parent: "blame"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	team := filepath.Join(t.TempDir(), "team.db")
	out, errOut, code := runCLI(t, "merge-notes", "-o", team, anna, ben)
	if code != 1 || out != "" || !strings.Contains(errOut, "denial — "+anna+": #76b7b2, top level; "+ben+": #000000, under blame — not settled") ||
		!strings.Contains(errOut, "the codebooks conflict on 1 code; nothing was written") {
		t.Fatalf("a conflict: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(team); err == nil {
		t.Fatal("a refused merge wrote the output")
	}
	out, errOut, code = runCLI(t, "merge-notes", "--prefer", ben, "-o", team, anna, ben)
	if code != 0 || !strings.Contains(out, "settled by --prefer "+ben) || !strings.Contains(out, "kept "+ben+"'s") {
		t.Fatalf("--prefer: exit %d\n%s%s", code, out, errOut)
	}
	if _, errOut, code := runCLI(t, "merge-notes", "--prefer", ben, "-o", team, anna, ben); code != 1 || !strings.Contains(errOut, "the file exists; parallax does not overwrite it") {
		t.Errorf("an existing output: exit %d: %s", code, errOut)
	}
	if _, errOut, code := runCLI(t, "merge-notes", "--force", "--prefer", ben, "-o", team, anna, ben); code != 0 {
		t.Errorf("--force: exit %d: %s", code, errOut)
	}
	for _, args := range [][]string{{"merge-notes", anna, ben}, {"merge-notes", "-o", team, anna}, {"--notes", anna, "merge-notes", "-o", team, anna, ben}} {
		if _, errOut, code := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2: %s", args, code, errOut)
		}
	}
	if out, _, code := runCLI(t, "merge-notes", "--help"); code != 0 || !strings.Contains(out, "--prefer") {
		t.Errorf("merge-notes --help: exit %d\n%s", code, out)
	}
}
