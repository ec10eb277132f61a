package library

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// generator invents article text.
type generator struct {
	rng   *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

func newGenerator(seed uint64) *generator {
	rng := rand.New(rand.NewPCG(seed, 11))
	syll := []string{"ka", "lo", "mir", "tsu", "ven", "dra", "pol", "ik", "sha", "nor", "bel", "uz", "ran", "te", "gor", "vi", "sen", "ta", "mo", "rek"}
	seen := map[string]bool{}
	var vocab []string
	for len(vocab) < 20000 {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	return &generator{rng: rng, zipf: rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1)), vocab: vocab}
}

var stop = []string{"the", "of", "and", "to", "in", "said", "on", "that", "for", "with", "a", "by"}

// sentence is one sentence of about n words, a story's own words mixed in.
func (g *generator) sentence(n int, own []string) string {
	ws := make([]string, n)
	for i := range ws {
		switch r := g.rng.IntN(10); {
		case r < 3:
			ws[i] = stop[g.rng.IntN(len(stop))]
		case r < 5:
			ws[i] = own[g.rng.IntN(len(own))]
		default:
			ws[i] = g.vocab[g.zipf.Uint64()]
		}
	}
	ws[n/2] = strconv.Itoa(g.rng.IntN(5000))
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ") + "."
}

// article returns a title and paragraphs of an invented article.
func (g *generator) article(own []string) (string, []string) {
	title := g.sentence(7, own)
	var paras []string
	for range 8 {
		paras = append(paras, g.sentence(16, own)+" "+g.sentence(14, own))
	}
	return strings.TrimSuffix(title, "."), paras
}

func (g *generator) storyWords() []string {
	own := make([]string, 6)
	for i := range own {
		own[i] = g.vocab[200+g.rng.IntN(len(g.vocab)-200)]
	}
	return own
}

var benchOutlets = []struct{ name, domain string }{{"TASS", "tass.com"}, {"Sputnik", "sputnikglobe.com"}, {"Tasnim", "tasnimnews.com"},
	{"Anadolu Agency", "aa.com.tr"}, {"Al Arabiya", "english.alarabiya.net"}}

// FillGenerated inserts n generated articles directly (the version, the
// search index; no stories), in stories of about 8 articles, first seen
// over the year before now: the library of the benchmarks (here and in
// ui/cli). Invented words drawn with a Zipf law, numbers, five outlets.
func FillGenerated(l *Library, n int) error {
	ctx := context.Background()
	g := newGenerator(1)
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := time.Now()
	var own []string
	for i := range n {
		if i%8 == 0 {
			own = g.storyWords()
		}
		o := benchOutlets[g.rng.IntN(len(benchOutlets))]
		title, paras := g.article(own)
		text := title + "\n\n" + strings.Join(paras, "\n\n") + "\n"
		seen := now.Add(-time.Duration(float64(365*24*time.Hour) * float64(n-i) / float64(n)))
		id := fmt.Sprintf("gen-%06d", i)
		url := fmt.Sprintf("https://%s/news/%d", o.domain, i)
		r, err := tx.ExecContext(ctx, `INSERT INTO articles(id, source, url, outlet, title, published, first_seen, versions) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
			id, url, url, o.name, title, formatTime(seen), formatTime(seen))
		if err != nil {
			return err
		}
		num, _ := r.LastInsertId()
		norm := strings.Join(append([]string{title}, paras...), "\n") + "\n"
		if _, err := tx.ExecContext(ctx, `INSERT INTO versions(article_id, n, fetched, status, hash, norm_len, title, text, extractor, extractor_version)
			VALUES (?, 1, ?, 200, ?, ?, ?, ?, 'generated', '1')`, id, formatTime(seen), hashText(norm), len(norm), title, text); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO search(rowid, title, body) VALUES (?, ?, ?)", num, title, norm); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// StoreGeneratedStories stores the story FillGenerated made each of its
// articles in (eight articles a story, each story a thread of its own), as
// incremental assignment stores stories: the benchmarks' library as the
// reader finds it, its stories already assigned.
func StoreGeneratedStories(l *Library) error {
	ctx := context.Background()
	rows, err := l.db.QueryContext(ctx, "SELECT id FROM articles WHERE id GLOB 'gen-[0-9]*' ORDER BY id")
	if err != nil {
		return err
	}
	groups := map[int][]string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		if i, err := strconv.Atoi(strings.TrimPrefix(id, "gen-")); err == nil {
			groups[i/8] = append(groups[i/8], id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, ids := range groups {
		h := shortHash(ids)
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, "UPDATE articles SET story = ?, thread = ? WHERE id = ?", "s-"+h, "t-"+h, id); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}
