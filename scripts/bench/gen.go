package main

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// genVersion changes whenever the generator's output changes, so cached
// corpora are rebuilt.
const genVersion = "4"

// Shape of the generated corpus: stories of perStory articles each, from
// outlets outlets, each article about articleBytes bytes of Markdown.
const (
	perStory     = 10
	outlets      = 40
	articleBytes = 4600
	// factPercent of an article's sentences report one of its story's
	// 40 facts (reworded a little); the rest are its own.
	factPercent = 40
)

// rng is splitmix64: tiny, fast and the same on every Go version, so a
// corpus generated with a seed is the same everywhere.
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

func (r *rng) pick(words []string) string { return words[r.intn(len(words))] }

func (r *rng) chance(percent int) bool { return r.intn(100) < percent }

// pool holds the body sentences of the embedded corpus, one a line: the
// generated articles are these with their longer words replaced by
// invented ones (a story's own vocabulary, or a sentence's), so they read
// like news text to the segmenter and the matcher without repeating.
//
//go:embed pool.txt
var poolText string

var (
	pool     = strings.Split(strings.TrimSpace(poolText), "\n")
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	syllable = []string{"ka", "lo", "mir", "tsu", "ven", "dra", "pol", "ik", "sha", "nor", "bel", "uz", "ran", "te", "gor", "vi", "ost", "lan", "mar", "sel"}
	// furniture are lines of page furniture; each outlet repeats some of
	// them in its articles, as sites do.
	furniture = []string{"All news", "Share this article", "Follow us on Telegram", "Subscribe to our newsletter",
		"Read more", "Most popular", "Related stories", "Advertisement", "Comments", "Latest news",
		"Sign up for alerts", "Download our app"}
)

// story is what the articles of one story share: a place, a person and
// the facts they report, in the story's vocabulary.
type story struct {
	place, person string
	facts         []string
	day           int // day of 2021 the story breaks
}

func name(r *rng, parts int) string {
	var b strings.Builder
	for i := 0; i < parts; i++ {
		b.WriteString(r.pick(syllable))
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func newStory(r *rng) *story {
	st := &story{day: r.intn(360), place: name(r, 3), person: name(r, 2) + " " + name(r, 3)}
	vocab := map[string]string{}
	for i := 0; i < 40; i++ {
		st.facts = append(st.facts, reword(r, r.pick(pool), vocab))
	}
	return st
}

// reword replaces most words of four letters or more by invented ones,
// the same word by the same replacement within vocab.
func reword(r *rng, s string, vocab map[string]string) string {
	ws := strings.Fields(s)
	for k, w := range ws {
		core := strings.Trim(w, `.,;:!?"“”‘’'()[]`)
		if len(core) < 4 {
			continue
		}
		key := strings.ToLower(core)
		rep, ok := vocab[key]
		if !ok {
			rep = core
			if r.chance(85) {
				rep = strings.ToLower(name(r, 2+r.intn(2)))
				if core[0] >= 'A' && core[0] <= 'Z' {
					rep = strings.ToUpper(rep[:1]) + rep[1:]
				}
			}
			vocab[key] = rep
		}
		ws[k] = strings.Replace(w, core, rep, 1)
	}
	return strings.Join(ws, " ")
}

// ownSentence makes a sentence no other article carries: its longer words
// are invented for it.
func ownSentence(r *rng) string { return reword(r, r.pick(pool), map[string]string{}) }

// perturb rewords a fact a little, as another outlet would: a word
// dropped, a number changed.
func perturb(r *rng, s string) string {
	ws := strings.Fields(s)
	if len(ws) > 8 && r.chance(50) {
		i := 1 + r.intn(len(ws)-2)
		ws = append(ws[:i], ws[i+1:]...)
	}
	for i, w := range ws {
		if w[0] >= '0' && w[0] <= '9' && r.chance(20) && !strings.ContainsAny(w, ".,") {
			ws[i] = fmt.Sprint(100 + r.intn(900))
		}
	}
	return strings.Join(ws, " ")
}

// article writes article k of a story as Markdown with front matter: a
// line of furniture, the headline, a byline, a dateline, paragraphs of one
// to three sentences (factPercent of them the story's facts), now and
// then a sub-heading, and a closing line of furniture.
func article(r *rng, st *story, storyN, k int) (id, text string) {
	outlet := r.intn(outlets)
	id = fmt.Sprintf("s%05d-%02d", storyN, k)
	day := st.day + r.intn(3)
	month, dom := 1+day/30%12, 1+day%28
	words := strings.Fields(strings.Trim(st.facts[k%len(st.facts)], `."“”`))
	title := strings.Trim(strings.Join(words[:min(len(words), 9)], " "), ",;:\"“”")
	var b strings.Builder
	fmt.Fprintf(&b, "---\nid: %q\ntitle: %q\noutlet: \"Outlet %02d\"\npublished: \"2021-%02d-%02d\"\nurl: \"https://outlet%02d.example/news/%s\"\nlanguage: en\n---\n",
		id, title, outlet, month, dom, outlet, id)
	fmt.Fprintf(&b, "%s\n\n%s\n\n", furniture[(outlet+k%3)%len(furniture)], title)
	fmt.Fprintf(&b, "By %s %s\n\n", name(r, 2), name(r, 3))
	fmt.Fprintf(&b, "%s, %s %d (Outlet %02d) – %s\n\n", strings.ToUpper(st.place), months[month-1], dom, outlet, perturb(r, r.pick(st.facts)))
	for b.Len() < articleBytes-200 {
		n := 1 + r.intn(3)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			if r.chance(factPercent) {
				b.WriteString(perturb(r, r.pick(st.facts)))
			} else {
				b.WriteString(ownSentence(r))
			}
		}
		b.WriteString("\n\n")
		if r.chance(8) {
			fmt.Fprintf(&b, "%s %s %s\n\n", name(r, 3), strings.ToLower(name(r, 2)), strings.ToLower(name(r, 3)))
		}
	}
	fmt.Fprintf(&b, "%s\n", furniture[(outlet+3+k%2)%len(furniture)])
	return id, b.String()
}

// generate writes n articles under dir (in folders of 1,000), unless a
// stamp file says it already holds them. It returns the bytes of text.
func generate(dir string, n int) (int64, error) {
	stamp := filepath.Join(dir, ".generated")
	want := fmt.Sprintf("parallax bench corpus v%s n=%d\n", genVersion, n)
	if b, err := os.ReadFile(stamp); err == nil && strings.HasPrefix(string(b), want) {
		var size int64
		fmt.Sscanf(strings.TrimPrefix(string(b), want), "bytes=%d", &size)
		return size, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return 0, err
	}
	r := &rng{s: uint64(n)*7919 + 1}
	var size int64
	var st *story
	for i := 0; i < n; i++ {
		if i%perStory == 0 {
			st = newStory(r)
		}
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return 0, err
			}
		}
		id, text := article(r, st, i/perStory, i%perStory)
		if err := os.WriteFile(filepath.Join(sub, id+".md"), []byte(text), 0o644); err != nil {
			return 0, err
		}
		size += int64(len(text))
	}
	return size, os.WriteFile(stamp, fmt.Appendf([]byte(want), "bytes=%d\n", size), 0o644)
}
