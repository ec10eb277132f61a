package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestFactsViewSortFilterOpenJump(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 30)
	m = send(m, keys("2")...)
	if len(m.facts.rows) != 2 {
		t.Fatalf("rows = %v", m.facts.rows)
	}
	m = send(m, keys("d")...)
	if len(m.facts.rows) != 1 || m.facts.rows[0] != 0 {
		t.Fatalf("only-discrepancies rows = %v", m.facts.rows)
	}
	m = send(m, keys("d f")...)
	m = send(m, typeText("june")...)
	m = send(m, keyMsg("enter"))
	if len(m.facts.rows) != 1 || m.facts.rows[0] != 1 {
		t.Fatalf("filtered rows = %v", m.facts.rows)
	}
	m = send(m, keyMsg("enter"))
	if (panelOf(m) == nil) || !strings.Contains(m.View(), "Fact wordings") {
		t.Fatal("enter did not open the wordings")
	}
	if st := ansi.Strip(m.chrome().statusView()); !strings.Contains(st, "WORDINGS") {
		t.Errorf("the wordings panel's status names another mode: %q", st)
	}
	m = send(m, keyMsg("r"))
	if m.view != viewRead || m.read.linkFact != 1 || (panelOf(m) != nil) {
		t.Fatalf("r did not jump to fact 2 in the read view (view %d, fact %d)", m.view, m.read.linkFact)
	}
	m = send(m, keys("2 f esc s")...)
	if m.facts.sort != sortByOutlets || m.facts.rows[0] != 0 {
		t.Fatalf("sort by outlets: %v", m.facts.rows)
	}
}

func TestFactsMatrixCountsUnknownOutlets(t *testing.T) {
	c, a := testCorpus()
	c.Articles[2].Outlet = "" // shown as "unknown outlet"
	for i := range a.Facts {
		for j, o := range a.Facts[i].Outlets {
			if o == "Gamma Times" {
				a.Facts[i].Outlets[j] = ""
			}
		}
		for j := range a.Facts[i].Members {
			if a.Facts[i].Members[j].Article == "a3" {
				a.Facts[i].Members[j].Outlet = ""
			}
		}
	}
	m := newTestModel(t, c, a, 120, 30)
	m = send(m, keys("2")...)
	row := ""
	for _, l := range strings.Split(m.View(), "\n") {
		if strings.Contains(l, "Ministers met in Geneva") {
			row = l
		}
	}
	if strings.Count(row, "●") != 3 {
		t.Fatalf("fact 1 should show three outlets, the unknown one included: %q", row)
	}
}

// TestFactsLongLabelEndsInEllipsis checks that a label too long for its
// column is shortened with an ellipsis inside the row, at every width.
func TestFactsLongLabelEndsInEllipsis(t *testing.T) {
	c, a := testCorpus()
	a.Facts[0].Label = "A very long label of a shared fact that goes on well past the room any narrow terminal has for it"
	for _, w := range []int{60, 80, 90} {
		m := newTestModel(t, c, a, w, 24)
		m = send(m, keys("2")...)
		found := false
		for _, line := range strings.Split(m.View(), "\n") {
			if ansi.StringWidth(line) > w {
				t.Errorf("%d columns: line %d wide: %q", w, ansi.StringWidth(line), line)
			}
			if strings.Contains(line, "A very long label") {
				found = true
				if !strings.HasSuffix(strings.TrimRight(ansi.Strip(line), " "), "…") {
					t.Errorf("%d columns: long label cut without an ellipsis: %q", w, line)
				}
			}
		}
		if !found {
			t.Errorf("%d columns: the long label's row is missing", w)
		}
	}
}
