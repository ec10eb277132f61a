package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestCSVGuardsCellsAsWritten checks the formula guard on the value as it
// is written: a memo that starts with a line break (written CR LF) or
// with spaces before '=', '+', '-' or '@' gets its apostrophe; text that
// only contains them does not.
func TestCSVGuardsCellsAsWritten(t *testing.T) {
	guarded := []string{"\n=1+1", "\r\n=1+1", "  =1+1", " \t+cmd|' /C calc'!A0", "\u00a0@SUM(A1)", "\r=1", "\t-2"}
	kept := []string{"note = 1+1", "a - b", "e-mail@example.org", "   just spaces", ""}
	for _, s := range guarded {
		if got := cellText(s); !strings.HasPrefix(got, "'") {
			t.Errorf("cellText(%q) = %q: not guarded", s, got)
		}
	}
	for _, s := range kept {
		if got := cellText(s); got != strings.ReplaceAll(s, "\r\n", "\n") {
			t.Errorf("cellText(%q) = %q: changed", s, got)
		}
	}

	in := fixture(t)
	in.Notes[0].Memo = "\n=1+1"
	in.Notes[2].Memo = "   @SUM(A1:A9)"
	data := render(t, CSV, in, Options{})
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	memo := -1
	for i, h := range rows[0] {
		if h == "memo" {
			memo = i
		}
	}
	seen := 0
	for _, row := range rows[1:] {
		if m := row[memo]; strings.Contains(m, "=1+1") || strings.Contains(m, "@SUM") {
			seen++
			if !strings.HasPrefix(m, "'") {
				t.Errorf("memo cell %q is not guarded", m)
			}
		}
	}
	if seen == 0 {
		t.Fatal("the memos are not in the CSV")
	}
	if bytes.Contains(data, []byte("\"\r\n=1+1")) {
		t.Error("a cell starts with CR LF and a formula")
	}
}
