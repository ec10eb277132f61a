package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"gotest.tools/v3/golden"

	"github.com/parallax-reader/parallax/corpus"
)

// TestHeaderKeepsTheDate is issue 17 item 8: at 250x60 a long outlet name
// ("Bangladesh Pratidin English") is cut with an ellipsis so that the
// column header keeps the date, the pinned reference's badge too.
func TestHeaderKeepsTheDate(t *testing.T) {
	names := []string{"Bangladesh Pratidin English", "The Times of India Online Edition", "Anadolu Agency", "Xinhua News Agency English Service",
		"Al Arabiya English", "Deutsche Welle Russian Service", "Tasnim News Agency", "Islamic Republic News Agency"}
	var arts []*corpus.Article
	for i, n := range names {
		arts = append(arts, makeArticle(fmt.Sprintf("a%d", i), n, "Ministers meet over the treaty", fmt.Sprintf("2024-05-%02d", i+1),
			para{corpus.RoleBody, []string{"The ministers met.", "They talked."}}))
	}
	arts[3].PublishedApproximate = true
	m := newTestModel(t, &corpus.Corpus{Name: "long names", Articles: arts}, &Findings{}, 250, 60)
	m = send(m, keys("l l l p")...) // pin the fourth: its badge takes room too
	r := m.read
	vis := r.visible()
	ws := r.colWidths(len(vis))
	if len(vis) < 5 {
		t.Fatalf("only %d columns at 250 cells", len(vis))
	}
	for i, oi := range vis {
		a := r.order[oi]
		art := arts[a]
		head := ansi.Strip(r.columnView(oi, ws[i])[0])
		if !strings.HasSuffix(strings.TrimRight(head, " "), art.DisplayDate()) {
			t.Errorf("column %d header %q lacks the date %s", i, head, art.DisplayDate())
		}
		name := art.DisplayOutlet()
		if !strings.Contains(head, name) && !strings.Contains(head, "…") {
			t.Errorf("column %d header %q: the name is cut without an ellipsis", i, head)
		}
		if a == r.ref && !strings.Contains(head, "◆ref") {
			t.Errorf("the reference column's header %q lacks its badge", head)
		}
	}
	golden.Assert(t, m.View(), "read-longnames-250x60.golden")
}
