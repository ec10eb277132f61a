package compare

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Alias is one entity of the alias table: a country, place, organisation,
// group or person, with the names that stand for it.
type Alias struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`    // country, place, org, person, group
	Country string   `json:"country"` // ISO 3166 alpha-2 code, "" when none
	Names   []string `json:"names"`
}

// Aliases returns the alias table: the shipped data/aliases.tsv merged with
// aliases.tsv in configDir, the user's configuration directory, when that
// file exists ("" reads the shipped table only). A user line with an
// existing id adds names to that entity (and replaces its kind and country
// when given).
func Aliases(configDir string) ([]Alias, error) {
	base, err := dataFS.Open("data/aliases.tsv")
	if err != nil {
		return nil, fmt.Errorf("open shipped aliases: %w", err)
	}
	defer base.Close()
	table, err := ReadAliases(base, nil)
	if err != nil {
		return nil, fmt.Errorf("shipped aliases: %w", err)
	}
	if p, ok := corpus.UserFile(configDir, "aliases.tsv"); ok {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("open user aliases: %w", err)
		}
		defer f.Close()
		table, err = ReadAliases(f, table)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	return table, nil
}

// ReadAliases parses an alias file (id<TAB>kind<TAB>country<TAB>name|name…,
// '#' comments) and merges it into base, returning the merged table.
func ReadAliases(r io.Reader, base []Alias) ([]Alias, error) {
	out := append([]Alias(nil), base...)
	idx := map[string]int{}
	for i, a := range out {
		idx[a.ID] = i
	}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("line %d: want 4 tab-separated fields (id, kind, country, names), got %d", n, len(f))
		}
		id := strings.TrimSpace(f[0])
		if id == "" {
			return nil, fmt.Errorf("line %d: empty id", n)
		}
		var names []string
		for _, nm := range strings.Split(f[3], "|") {
			if nm = strings.TrimSpace(nm); nm != "" {
				names = append(names, nm)
			}
		}
		if i, ok := idx[id]; ok {
			if k := strings.TrimSpace(f[1]); k != "" {
				out[i].Kind = k
			}
			if c := strings.TrimSpace(f[2]); c != "" {
				out[i].Country = c
			}
			out[i].Names = append(out[i].Names, names...)
			continue
		}
		idx[id] = len(out)
		out = append(out, Alias{ID: id, Kind: strings.TrimSpace(f[1]), Country: strings.TrimSpace(f[2]), Names: names})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read aliases: %w", err)
	}
	return out, nil
}

// aliasPattern is one name of an entity as a token sequence.
type aliasPattern struct {
	toks  []string // folded tokens
	exact []string // original tokens, compared when caseSensitive
	cs    bool     // all-capitals short name ("US"): match case-sensitively
	id    string
}

// lexicon holds the read-only tables the analyser needs.
type lexicon struct {
	aliases  map[string][]aliasPattern // by first folded token, longest first
	entity   map[string]Alias
	lowNames map[string][]string // by entity id: its names in lower case, without a leading "the "
	spelling map[string]string   // british -> american (folded words)
	respelt  map[string]bool     // the words the user's spelling.tsv spells
	concepts map[string]string   // stem -> concept
	bg       map[string]float64
	bgTotal  float64
	bgMaxIDF float64
}

// userDataFiles are the files in the user's configuration directory that
// extend the shipped matching data.
var userDataFiles = [...]string{"aliases.tsv", "spelling.tsv", "concepts.tsv"}

// defaultLexicon is the lexicon of the shipped data, built once per
// process; it is read-only afterwards.
var defaultLexicon = sync.OnceValues(func() (*lexicon, error) { return loadLexicon("") })

// Prepare builds the shipped matching data Analyze reads (10 ms or so) if
// it is not built yet. A caller about to load a corpus can run it on a
// goroutine of its own beside the loading, so that Analyze does not start
// with it on one core.
func Prepare() { _, _ = defaultLexicon() }

// lexiconFor returns the lexicon of the shipped data extended by the
// user's files in configDir: the shared default lexicon when configDir is
// "" or holds none of userDataFiles, else one built now from the files as
// they are.
func lexiconFor(configDir string) (*lexicon, error) {
	for _, name := range userDataFiles {
		if _, ok := corpus.UserFile(configDir, name); ok {
			return loadLexicon(configDir)
		}
	}
	return defaultLexicon()
}

// loadLexicon builds the lexicon from the shipped data and the user's
// files in configDir ("" for none).
func loadLexicon(configDir string) (*lexicon, error) {
	lx := &lexicon{
		aliases:  map[string][]aliasPattern{},
		entity:   map[string]Alias{},
		lowNames: map[string][]string{},
		spelling: map[string]string{},
		concepts: map[string]string{},
		respelt:  map[string]bool{},
	}
	table, err := Aliases(configDir)
	if err != nil {
		return nil, err
	}
	for _, a := range table {
		lx.entity[a.ID] = a
		for _, nm := range a.Names {
			nm = strings.TrimPrefix(nm, "the ")
			lx.lowNames[a.ID] = append(lx.lowNames[a.ID], strings.ToLower(nm))
			ps := toPieces(nm)
			if len(ps) == 0 {
				continue
			}
			p := aliasPattern{id: a.ID}
			for _, t := range ps {
				p.exact = append(p.exact, t.text)
				p.toks = append(p.toks, t.fold)
			}
			exact := p.exact
			p.cs = len(exact) == 1 && len(exact[0]) <= 4 && strings.ToUpper(exact[0]) == exact[0]
			lx.aliases[p.toks[0]] = append(lx.aliases[p.toks[0]], p)
		}
	}
	for k := range lx.aliases {
		ps := lx.aliases[k]
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].toks) > len(ps[j].toks) })
	}
	if err := readPairsFile(configDir, "spelling.tsv", func(a, b string, user bool) {
		lx.spelling[fold(a)] = fold(b)
		if user {
			lx.respelt[fold(a)] = true
		}
	}); err != nil {
		return nil, err
	}
	if err := readPairsFile(configDir, "concepts.tsv", func(c, words string, _ bool) {
		for _, w := range strings.Split(words, "|") {
			w = fold(strings.TrimSpace(w))
			if w != "" {
				lx.concepts[english.Stem(lx.spell(w), false)] = "~" + c
			}
		}
	}); err != nil {
		return nil, err
	}
	if err := lx.readBackground(); err != nil {
		return nil, err
	}
	for st, c := range lx.concepts {
		lx.bg[c] += lx.bg[st]
	}
	// An entity's background frequency is that of its commonest
	// lower-case single-word name, so "Washington" and "US" weigh like
	// "american", not like the pronoun "us".
	for _, a := range table {
		best := 0.0
		for _, nm := range a.Names {
			w := splitWords(nm)
			if len(w) != 1 || (len(w[0]) <= 4 && strings.ToUpper(w[0]) == w[0]) {
				continue
			}
			if c := lx.bgWord(fold(w[0])); c > best {
				best = c
			}
		}
		lx.bg["@"+a.ID] = best
	}
	return lx, nil
}

// bgWord is the background count of a folded word (before stemming).
func (lx *lexicon) bgWord(w string) float64 { return lx.bg[english.Stem(lx.spell(w), false)] }

// spell maps a folded word to its American spelling.
func (lx *lexicon) spell(w string) string {
	if a, ok := lx.spelling[w]; ok {
		return a
	}
	for _, suf := range [...]string{"metres", "metre", "litres", "litre"} {
		if strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)] + strings.Replace(suf, "tre", "ter", 1)
		}
	}
	return w
}

// readBackground adds the background frequencies, every word counted
// under its stem: the precompiled stem (backgroundStems) unless the user's
// spelling.tsv spells the word.
func (lx *lexicon) readBackground() error {
	words, err := lang.Background()
	if err != nil {
		return fmt.Errorf("background frequencies: %w", err)
	}
	stems := backgroundStems(words)
	lx.bg = make(map[string]float64, len(words))
	for i, w := range words {
		var st string
		if stems != nil && !lx.respelt[w.Word] {
			st = stems[i]
		} else {
			st = english.Stem(lx.spell(w.Word), false)
		}
		lx.bg[st] += w.N
		lx.bgTotal += w.N
	}
	lx.bgMaxIDF = math.Log(lx.bgTotal / 1)
	return nil
}

// stemsTable lists, in the order of lang.Background, each background word
// whose stem differs from the word, with the stem: Snowball's stem of the
// word as the shipped spelling.tsv spells it. Stemming the 53,514 words at
// every start took most of the lexicon's load time. TestBackgroundStems
// keeps it equal to what stemming gives.
//
//go:embed data/background-stems.tsv
var stemsTable string

// backgroundStems returns the stem of every word of words (the background
// list) from stemsTable, or nil when the table does not fit the list: its
// first line, "@words N", must give the list's length, and its entries
// must be words of the list in the list's order.
func backgroundStems(words []lang.Count) []string {
	lines := strings.Split(stemsTable, "\n")
	for len(lines) > 0 && strings.HasPrefix(lines[0], "#") {
		lines = lines[1:]
	}
	if len(lines) == 0 || lines[0] != "@words "+strconv.Itoa(len(words)) {
		return nil
	}
	lines = lines[1:]
	if n := len(lines); n > 0 && lines[n-1] == "" {
		lines = lines[:n-1]
	}
	stems := make([]string, len(words))
	j := 0
	for i, w := range words {
		stems[i] = w.Word
		if j < len(lines) {
			if word, stem, _ := strings.Cut(lines[j], "\t"); word == w.Word {
				stems[i] = stem
				j++
			}
		}
	}
	if j != len(lines) {
		return nil
	}
	return stems
}

// readPairsFile reads a shipped two-column TSV and then the user's file of
// the same name in configDir, if any; add is told which lines are the
// user's.
func readPairsFile(configDir, name string, add func(a, b string, user bool)) error {
	read := func(r io.Reader, where string, user bool) error {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			a, b, ok := strings.Cut(line, "\t")
			if !ok {
				return fmt.Errorf("%s: line %q: want two tab-separated fields", where, line)
			}
			add(strings.TrimSpace(a), strings.TrimSpace(b), user)
		}
		return sc.Err()
	}
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	if err := read(f, name, false); err != nil {
		return err
	}
	if p, ok := corpus.UserFile(configDir, name); ok {
		uf, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("open %s: %w", p, err)
		}
		defer uf.Close()
		if err := read(uf, p, true); err != nil {
			return err
		}
	}
	return nil
}
