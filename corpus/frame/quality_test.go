package frame

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// The quality tests score the analysis on the seed corpus against the
// analyst's reference judgements (testdata/seed-gold.json, used while
// tuning the lexicons and rules) and on held-out neutral wire copy
// (testdata/msrp-train.tsv, never used for tuning).

type goldFile struct {
	Framing []struct {
		Article string `json:"article"`
		Match   string `json:"match"`
		Kind    string `json:"kind"`
	} `json:"framing"`
}

func seedResult(t *testing.T) (*corpus.Corpus, *Result) {
	t.Helper()
	c := corpus.Default()
	if len(c.Articles) == 0 {
		t.Fatal("embedded corpus is empty")
	}
	res, err := Analyze(context.Background(), c, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c, res
}

func TestSeedGoldFraming(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed-gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold goldFile
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	c, res := seedResult(t)
	hit := 0
	for _, g := range gold.Framing {
		id := strings.TrimSuffix(g.Article, filepath.Ext(g.Article))
		a := c.Article(id)
		if a == nil {
			t.Fatalf("gold article %s not in the embedded corpus", id)
		}
		at := strings.Index(a.Text, g.Match)
		if at < 0 {
			t.Fatalf("gold phrase %q not found in %s", g.Match, id)
		}
		span := corpus.Span{Start: at, End: at + len(g.Match)}
		var kinds []string
		for _, m := range res.Markers {
			if m.Article == id && m.Kind != KindUnique && span.Overlaps(corpus.Span{Start: m.Start, End: m.End}) {
				kinds = append(kinds, m.Kind)
			}
		}
		if len(kinds) > 0 {
			hit++
		} else {
			t.Logf("missed %-12s %q (%s)", g.Kind, g.Match, id)
		}
	}
	body, marked := 0, 0
	for _, a := range c.Articles {
		for _, s := range a.Sentences {
			if s.Role != corpus.RoleBody {
				continue
			}
			body++
			for _, m := range res.MarkersOf(a.ID, s.Index) {
				if m.Kind != KindUnique {
					marked++
					break
				}
			}
		}
	}
	share := float64(marked) / float64(body)
	t.Logf("seed gold: %d of %d framing phrases overlapped by a marker; %d of %d body sentences marked (%.1f%%)",
		hit, len(gold.Framing), marked, body, 100*share)
	if hit < 17 {
		t.Errorf("only %d of %d gold framing phrases are marked, want at least 17", hit, len(gold.Framing))
	}
	if share > 0.5 {
		t.Errorf("%.1f%% of body sentences carry a marker, want at most 50%%", 100*share)
	}
}

func TestSeedVoices(t *testing.T) {
	_, res := seedResult(t)
	if len(res.Outlets) != 5 {
		t.Fatalf("got %d outlet profiles, want 5", len(res.Outlets))
	}
	for _, p := range res.Outlets {
		if total := p.Sides["Russia"]; total < p.Voices[0].Sentences {
			t.Errorf("%s: side Russia has %d sentences, fewer than its leading voice", p.Outlet, total)
		}
		if len(p.Voices) == 0 || p.Voices[0].Speaker != "Sergey Lavrov" {
			t.Errorf("%s: leading voice %v, want Sergey Lavrov", p.Outlet, p.Voices)
			continue
		}
		for _, v := range p.Voices[1:] {
			if v.Sentences >= p.Voices[0].Sentences {
				t.Errorf("%s: %s ties with Lavrov (%d sentences)", p.Outlet, v.Speaker, v.Sentences)
			}
			if strings.Contains(v.Speaker, "Lavrov") || strings.Contains(v.Speaker, "Lavorv") {
				t.Errorf("%s: Lavrov split into two voices: %q", p.Outlet, v.Speaker)
			}
		}
	}
	want := map[string][]string{
		"Tasnim":     {"Emmanuel Macron", "Mike Pompeo"},
		"Sputnik":    {"Sergei Shoigu", "Jean-Yves Le Drian", "Vladimir Putin"},
		"TASS":       {"Mike Pompeo"},
		"Al Arabiya": {"Vladimir Putin"},
	}
	for outlet, names := range want {
		p := res.Profile(outlet)
		if p == nil {
			t.Errorf("no profile for %s", outlet)
			continue
		}
		for _, n := range names {
			found := false
			for _, v := range p.Voices {
				if v.Speaker == n {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: voice %s missing from %v", outlet, n, p.Voices)
			}
		}
	}
	if p := res.Profile("Tasnim"); p != nil {
		for _, v := range p.Voices {
			if v.Speaker == "RT" && v.Side != "Russia" {
				t.Errorf("RT's side = %q, want Russia (from the outlet table)", v.Side)
			}
		}
	}
	if p := res.Profile("Sputnik"); p != nil {
		for _, v := range p.Voices {
			if v.Speaker == "Jean-Yves Le Drian" && v.Sentences < 2 {
				t.Errorf("Le Drian gets %d sentences in Sputnik, want 2 (\"he added\" resolves to him)", v.Sentences)
			}
			if v.Speaker == "Robert Carver" && v.Side != "United States" {
				t.Errorf("Robert Carver's side = %q, want United States (from his title)", v.Side)
			}
		}
	}
}

// TestMSRPPrecision measures how often neutral wire copy gets a loaded or
// evaluative marker. MSRP was not used for tuning.
func TestMSRPPrecision(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 8,000 sentences")
	}
	f, err := os.Open(filepath.Join("..", "..", "testdata", "msrp-train.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := &corpus.Corpus{Name: "msrp"}
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	first := true
	for sc.Scan() {
		line := strings.TrimPrefix(sc.Text(), "\ufeff")
		if first {
			first = false
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 5 {
			continue
		}
		for _, s := range cols[3:] {
			if seen[s] {
				continue
			}
			seen[s] = true
			c.Articles = append(c.Articles, singleSentence(s, "msrp"))
		}
	}
	res, err := Analyze(context.Background(), c, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	flagged, anyKind := map[string]bool{}, map[string]bool{}
	entries := map[string]int{}
	for _, m := range res.Markers {
		anyKind[m.Article] = true
		if m.Kind == KindLoaded || m.Kind == KindEvaluative {
			flagged[m.Article] = true
			entries[m.Source]++
		}
	}
	share := float64(len(flagged)) / float64(len(c.Articles))
	t.Logf("MSRP: %d of %d sentences (%.1f%%) carry a loaded/evaluative marker; %d (%.1f%%) carry a marker of any kind",
		len(flagged), len(c.Articles), 100*share, len(anyKind), 100*float64(len(anyKind))/float64(len(c.Articles)))
	type kv struct {
		k string
		v int
	}
	var top []kv
	for k, v := range entries {
		top = append(top, kv{k, v})
	}
	sort.Slice(top, func(i, j int) bool { return top[i].v > top[j].v || top[i].v == top[j].v && top[i].k < top[j].k })
	for i := 0; i < len(top) && i < 15; i++ {
		t.Logf("  %4d %s", top[i].v, top[i].k)
	}
	if share >= 0.10 {
		t.Errorf("%.1f%% of neutral sentences carry a loaded/evaluative marker, want under 10%%", 100*share)
	}
}
