package frame

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
)

// actor is one row of the actors table.
type actor struct {
	name    string
	aliases []string
	side    string
	roles   []string // lower-case role nouns ("foreign minister")
	person  bool     // a person (has roles), not a state or organisation
}

// actorTable indexes actors by full name, alias and, where unambiguous,
// surname.
type actorTable struct {
	actors    []*actor
	byName    map[string]*actor // lower-case name or alias
	bySurname map[string]*actor // lower-case last token of a person's names; nil entry = ambiguous
	titleWord map[string]bool   // aliases of states and organisations, usable in titles
	surnames  []string          // keys of bySurname, sorted
}

// parse reads a tab-separated actors file (see lexicons/README.md).
func (t *actorTable) parse(file, data string) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return fmt.Errorf("%s:%d: want name, aliases, side[, roles] separated by tabs", file, ln)
		}
		a := &actor{name: strings.TrimSpace(f[0]), side: strings.TrimSpace(f[2])}
		for _, al := range strings.Split(f[1], ";") {
			if al = strings.TrimSpace(al); al != "" {
				a.aliases = append(a.aliases, al)
			}
		}
		if len(f) > 3 {
			for _, r := range strings.Split(f[3], ";") {
				if r = strings.TrimSpace(strings.ToLower(r)); r != "" {
					a.roles = append(a.roles, r)
				}
			}
		}
		a.person = len(a.roles) > 0
		if a.name == "" {
			return fmt.Errorf("%s:%d: empty actor name", file, ln)
		}
		t.actors = append(t.actors, a)
	}
	return sc.Err()
}

// index builds the look-up maps; later rows win over earlier ones, so a
// user's table can override the shipped one.
func (t *actorTable) index() {
	t.byName = map[string]*actor{}
	t.bySurname = map[string]*actor{}
	t.titleWord = map[string]bool{}
	for _, a := range t.actors {
		names := append([]string{a.name}, a.aliases...)
		for _, n := range names {
			t.byName[strings.ToLower(n)] = a
			if !a.person {
				for _, w := range strings.Fields(strings.ToLower(n)) {
					t.titleWord[w] = true
				}
			}
		}
	}
	for _, a := range t.actors {
		if !a.person {
			continue
		}
		seen := map[string]bool{}
		for _, n := range append([]string{a.name}, a.aliases...) {
			f := strings.Fields(strings.ToLower(n))
			if len(f) < 2 {
				continue
			}
			s := f[len(f)-1]
			if seen[s] {
				continue
			}
			seen[s] = true
			if prev, ok := t.bySurname[s]; ok && prev != a {
				t.bySurname[s] = nil // two actors share it: ambiguous
				continue
			}
			t.bySurname[s] = a
		}
	}
	t.surnames = t.surnames[:0]
	for s := range t.bySurname {
		t.surnames = append(t.surnames, s)
	}
	sort.Strings(t.surnames)
}

// lookup finds the actor a name refers to, by full name or alias, by
// surname when that is unambiguous, or by a surname one typo away.
func (t *actorTable) lookup(name string) *actor {
	low := strings.ToLower(name)
	if a := t.byName[low]; a != nil {
		return a
	}
	f := strings.Fields(low)
	if len(f) == 0 {
		return nil
	}
	last := f[len(f)-1]
	if a := t.bySurname[last]; a != nil {
		// A multi-word name must agree on the first name too, loosely:
		// "Sergei Lavrov" and "Sergey Lavrov" do, "Ivanka Trump" does not.
		if len(f) == 1 || firstNameAgrees(f[0], a) {
			return a
		}
		return nil
	}
	if len(f) == 1 && len([]rune(last)) >= 5 {
		for _, s := range t.surnames {
			if a := t.bySurname[s]; a != nil && swapped(last, s) {
				return a
			}
		}
	}
	return nil
}

// swapped reports whether a and b differ only by two adjacent letters
// swapped ("Lavorv" for "Lavrov"), the commonest typo in names; other
// one-letter differences are too often different people ("Healey",
// "Haley").
func swapped(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) || a == b {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
}

func firstNameAgrees(first string, a *actor) bool {
	for _, n := range append([]string{a.name}, a.aliases...) {
		f := strings.Fields(strings.ToLower(n))
		if len(f) > 1 && (f[0] == first || damerau1(f[0], first) && len(first) >= 4) {
			return true
		}
	}
	return false
}

// damerau1 reports whether a and b differ by at most one insertion,
// deletion, substitution or transposition of adjacent letters.
func damerau1(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if a == b {
		return true
	}
	la, lb := len(ra), len(rb)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && ra[i] == rb[i] {
		i++
	}
	switch {
	case la == lb:
		if i+1 < la && ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:]) {
			return true
		}
		return string(ra[i+1:]) == string(rb[i+1:])
	case la > lb:
		return string(ra[i+1:]) == string(rb[i:])
	default:
		return string(ra[i:]) == string(rb[i+1:])
	}
}
