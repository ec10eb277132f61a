package frame

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/parallax-reader/parallax/corpus/lang"
)

//go:embed lexicons/*.txt lexicons/*.tsv
var shipped embed.FS

// Stances of reporting verbs.
const (
	StanceNeutral = "neutral"
	StanceBearing = "stance-bearing"
)

// entry is one lexicon word or phrase.
type entry struct {
	words   []string          // matching keys: lemmas or lower-cased surface forms
	forms   []string          // multi-word reporting verbs: inflected forms of the first word
	allowed []map[string]bool // per word: the surface forms that match it
	phrase  string            // the entry as written
	gloss   string
	kind    string
	stance  string // reporting verbs only
	lex     string // lexicon name
	file    string
}

// lexicons is everything the analysis reads from data files.
type lexicons struct {
	irregular  map[string]string   // irregular form -> lemma
	formsOf    map[string][]string // lemma -> its irregular forms, for inflect
	entries    []*entry            // loaded, evaluative, hedge, intensifier
	byFirst    map[string][]*entry // surface form of the first word -> entries
	reporting  map[string]*entry   // inflected form of a reporting verb -> entry
	reportingP []*entry            // multi-word reporting verbs ("point out"); words[0] is the verb's base form
	background map[string]float64  // word -> count
	bgTotal    float64
	actors     *actorTable
}

// shippedLexicons parses the embedded data once; it never changes after.
var shippedLexicons = sync.OnceValues(func() (*lexicons, error) {
	return loadLexicons("")
})

// loadLexicons reads the shipped files and, when userDir is not empty and
// exists, every *.txt lexicon and actors*.tsv table in it.
func loadLexicons(userDir string) (*lexicons, error) {
	lx := &lexicons{irregular: map[string]string{}, byFirst: map[string][]*entry{}, reporting: map[string]*entry{}}
	irr, err := shipped.ReadFile("lexicons/irregular.txt")
	if err != nil {
		return nil, fmt.Errorf("read irregular verbs: %w", err)
	}
	for _, line := range strings.Split(string(irr), "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && !strings.HasPrefix(line, "#") {
			lx.irregular[f[0]] = f[1]
		}
	}
	// inflect looked through every irregular form for each lexicon word.
	lx.formsOf = make(map[string][]string, len(lx.irregular))
	for form, lemma := range lx.irregular {
		lx.formsOf[lemma] = append(lx.formsOf[lemma], form)
	}
	for _, forms := range lx.formsOf {
		sort.Strings(forms)
	}
	if err := lx.readBackground(); err != nil {
		return nil, err
	}
	names, err := fs.Glob(shipped, "lexicons/*.txt")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		base := filepath.Base(name)
		if base == "irregular.txt" {
			continue
		}
		data, err := shipped.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		if err := lx.parse(base, string(data)); err != nil {
			return nil, err
		}
	}
	actors, err := shipped.ReadFile("lexicons/actors.tsv")
	if err != nil {
		return nil, fmt.Errorf("read actors: %w", err)
	}
	lx.actors = &actorTable{}
	if err := lx.actors.parse("actors.tsv", string(actors)); err != nil {
		return nil, err
	}
	if userDir != "" {
		if err := lx.loadUser(userDir); err != nil {
			return nil, err
		}
	}
	lx.actors.index()
	return lx, nil
}

// backgroundWords is how many of the commonest words of the background
// list the distinctive-vocabulary prior weighs.
const backgroundWords = 20000

// readBackground takes the backgroundWords commonest words of the shared
// background list with their counts.
func (lx *lexicons) readBackground() error {
	words, err := lang.Background()
	if err != nil {
		return fmt.Errorf("background frequencies: %w", err)
	}
	words = words[:min(backgroundWords, len(words))]
	lx.background = make(map[string]float64, len(words))
	for _, w := range words {
		lx.background[w.Word] += w.N
		lx.bgTotal += w.N
	}
	return nil
}

// loadUser adds the user's lexicon files; a missing directory is fine.
func (lx *lexicons) loadUser(dir string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return fmt.Errorf("read lexicon dir %s: %w", dir, err)
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() {
			continue
		}
		path := filepath.Join(dir, name)
		switch {
		case strings.HasSuffix(name, ".txt"):
			data, err := os.ReadFile(path)
			if err != nil {
				return fmt.Errorf("read lexicon %s: %w", path, err)
			}
			if err := lx.parse(path, string(data)); err != nil {
				return err
			}
		case strings.HasPrefix(name, "actors") && strings.HasSuffix(name, ".tsv"):
			data, err := os.ReadFile(path)
			if err != nil {
				return fmt.Errorf("read actors %s: %w", path, err)
			}
			if err := lx.actors.parse(path, string(data)); err != nil {
				return err
			}
		}
	}
	return nil
}

var validKinds = map[string]bool{KindLoaded: true, KindEvaluative: true, KindHedge: true, KindIntensifier: true, KindAttribution: true}

// parse reads one lexicon file in the format described in
// lexicons/README.md.
func (lx *lexicons) parse(file, data string) error {
	name := strings.TrimSuffix(filepath.Base(file), ".txt")
	kind, stance, exact := "", "", false
	sc := bufio.NewScanner(strings.NewReader(data))
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "@") {
			key, val, _ := strings.Cut(line[1:], " ")
			val = strings.TrimSpace(val)
			switch key {
			case "name":
				name = val
			case "kind":
				if !validKinds[val] {
					return fmt.Errorf("%s:%d: unknown kind %q (want loaded, evaluative, hedge, intensifier or attribution)", file, ln, val)
				}
				kind = val
			case "stance":
				if val != StanceNeutral && val != StanceBearing {
					return fmt.Errorf("%s:%d: unknown stance %q (want neutral or stance-bearing)", file, ln, val)
				}
				stance = val
			case "match":
				if val != "exact" && val != "lemma" {
					return fmt.Errorf("%s:%d: unknown match %q (want exact or lemma)", file, ln, val)
				}
				exact = val == "exact"
			default:
				return fmt.Errorf("%s:%d: unknown directive @%s", file, ln, key)
			}
			continue
		}
		if kind == "" {
			return fmt.Errorf("%s:%d: entry before any @kind line", file, ln)
		}
		phrase, gloss, _ := strings.Cut(line, "|")
		phrase, gloss = strings.TrimSpace(phrase), strings.TrimSpace(gloss)
		e := &entry{phrase: phrase, gloss: gloss, kind: kind, stance: stance, lex: name, file: filepath.Base(file)}
		for _, t := range tokenize(phrase, 0) {
			if t.kind == tokWord {
				e.words = append(e.words, t.lower)
			}
		}
		if len(e.words) == 0 {
			return fmt.Errorf("%s:%d: empty entry", file, ln)
		}
		if kind == KindAttribution {
			if stance == "" {
				return fmt.Errorf("%s:%d: reporting verb before any @stance line", file, ln)
			}
			// Reporting verbs match by inflected form, not stem: stems
			// conflate "alleged" with "allegedly" and "allegations".
			f := strings.Fields(strings.ToLower(phrase))
			e.words = f
			if len(f) == 1 {
				for _, form := range lx.inflect(f[0]) {
					lx.reporting[form] = e
				}
			} else {
				e.forms = lx.inflect(f[0])
				lx.reportingP = append(lx.reportingP, e)
			}
			continue
		}
		// Lemma entries match the inflected forms of each word ("obey":
		// obeys, obeyed, obeying) and its -ly adverb ("arrogant":
		// arrogantly), not everything sharing a stem ("question" is not
		// "questionable").
		e.allowed = make([]map[string]bool, len(e.words))
		for k, w := range e.words {
			e.allowed[k] = map[string]bool{w: true}
			if !exact {
				for _, f := range lx.inflect(w) {
					e.allowed[k][f] = true
				}
				for _, f := range adverbs(w) {
					e.allowed[k][f] = true
				}
			}
		}
		lx.entries = append(lx.entries, e)
		for f := range e.allowed[0] {
			lx.byFirst[f] = append(lx.byFirst[f], e)
		}
	}
	return sc.Err()
}

// matchAt returns the entries matching the word tokens starting at i
// (longest first). Only word tokens take part; punctuation breaks a match.
func (lx *lexicons) matchAt(toks []token, i int) []*entry {
	if toks[i].kind != tokWord {
		return nil
	}
	var out []*entry
	for _, e := range lx.byFirst[toks[i].lower] {
		if i+len(e.words) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(e.words); k++ {
			t := toks[i+k]
			if t.kind != tokWord || !e.allowed[k][t.lower] {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return len(out[a].words) > len(out[b].words) })
	return out
}

// adverbs returns the -ly adverb of an adjective: arrogant -> arrogantly,
// angry -> angrily, horrible -> horribly, cynical -> cynically, tragic ->
// tragically.
func adverbs(adj string) []string {
	n := len(adj)
	if n < 3 {
		return nil
	}
	switch {
	case strings.HasSuffix(adj, "y"):
		return []string{adj[:n-1] + "ily"}
	case strings.HasSuffix(adj, "le"):
		return []string{adj[:n-1] + "y"}
	case strings.HasSuffix(adj, "ic"):
		return []string{adj + "ally"}
	}
	return []string{adj + "ly"}
}

// inflect returns the forms of an English verb: base, third person,
// past/participle and -ing, with the spelling rules for -e, -y and a
// doubled final consonant, plus irregular forms from irregular.txt.
func (lx *lexicons) inflect(base string) []string {
	forms := []string{base}
	n := len(base)
	last := base[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	switch {
	case strings.HasSuffix(base, "e"):
		forms = append(forms, base+"s", base+"d", base[:n-1]+"ing")
	case last == 'y' && n > 1 && !vowel(base[n-2]):
		forms = append(forms, base[:n-1]+"ies", base[:n-1]+"ied", base+"ing")
	case strings.HasSuffix(base, "s") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "x") || strings.HasSuffix(base, "z"):
		forms = append(forms, base+"es", base+"ed", base+"ing")
	default:
		forms = append(forms, base+"s", base+"ed", base+"ing")
		// Short stressed syllable ending consonant-vowel-consonant: slam,
		// admit, regret -> slammed, admitted.
		if n >= 3 && !vowel(last) && last != 'w' && last != 'x' && last != 'y' && vowel(base[n-2]) && !vowel(base[n-3]) && doublesFinal(base) {
			d := base + string(last)
			forms = append(forms, d+"ed", d+"ing")
		}
	}
	return append(forms, lx.formsOf[base]...)
}

// doublesFinal reports whether a verb doubles its final consonant before
// -ed: one-syllable verbs and those stressed on the last syllable. The
// stress cannot be read from spelling, so two-syllable verbs are listed.
func doublesFinal(base string) bool {
	syll := 0
	prevV := false
	for i := 0; i < len(base); i++ {
		v := strings.IndexByte("aeiouy", base[i]) >= 0
		if v && !prevV {
			syll++
		}
		prevV = v
	}
	if syll <= 1 {
		return true
	}
	switch base {
	case "admit", "regret", "commit", "omit", "submit", "permit", "refer", "prefer", "confer", "deter", "rebut", "abet", "compel", "propel", "expel", "repel", "control", "patrol", "occur", "concur", "infer", "transfer", "acquit", "allot", "outwit", "forget", "begin", "upset":
		return true
	}
	return false
}
