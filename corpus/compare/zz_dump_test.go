package compare

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

func TestZZDump(t *testing.T) {
	dir := os.Getenv("PX_DUMP_IN")
	if dir == "" {
		t.Skip()
	}
	c, _ := corpus.Load(dir)
	lx, _ := defaultLexicon()
	x := newAnalysis(c, Options{}, lx)
	if err := x.analyzeSentences(context.Background()); err != nil {
		t.Fatal(err)
	}
	type sent struct {
		Terms   []string  `json:"t"`
		Names   []bool    `json:"n"`
		W       []float64 `json:"w"`
		Nums    []string  `json:"q"`
		Dates   []string  `json:"d"`
		Heading bool      `json:"h"`
		Text    string    `json:"x"`
	}
	type art struct {
		ID, Outlet, Pub, Title string
		S                      []sent
	}
	var out []art
	for ai, a := range c.Articles {
		ar := art{ID: a.ID, Outlet: a.Outlet, Title: a.Title}
		if a.Published != nil {
			ar.Pub = a.Published.Format("2006-01-02")
		}
		for _, ui := range x.artUnit[ai] {
			u := &x.units[ui]
			s := sent{Heading: u.heading, Text: a.Sentences[u.sent].Text}
			for k, tid := range u.terms {
				s.Terms = append(s.Terms, x.strs[tid])
				s.Names = append(s.Names, u.names[k])
				s.W = append(s.W, x.wts[tid])
			}
			for _, q := range u.ex.nums {
				s.Nums = append(s.Nums, q.String())
			}
			for _, d := range u.ex.dates {
				s.Dates = append(s.Dates, d.String())
			}
			ar.S = append(ar.S, s)
		}
		out = append(out, ar)
	}
	f, _ := os.Create(os.Getenv("PX_DUMP_OUT"))
	json.NewEncoder(f).Encode(out)
	f.Close()
}
