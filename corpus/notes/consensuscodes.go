package notes

import (
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// The consensus file's codes and the codings it already holds: a code
// the consensus writes is defined as the coders define it, and a coding
// written again as it is changes nothing.

// wanted is the unit's passages cut to the unit, each once.
func (u UnitCoding) wanted() []Anchor {
	var want []Anchor
	for _, p := range u.Passages {
		st, en := max(p.Start, u.Start), min(p.End, u.End)
		if en <= st || u.Article == nil || en > len(u.Article.Text) {
			continue
		}
		an := NewAnchor(u.Article, st, en)
		if !slices.ContainsFunc(want, func(w Anchor) bool { return w.Start == an.Start && w.End == an.End }) {
			want = append(want, an)
		}
	}
	return want
}

// CodedIn reports whether the notes ns already code u exactly: the
// passages with u.Code that share a byte with the unit are the unit's
// passages u asks for, no more, no fewer — so SetUnitCoding would change
// nothing.
func (u UnitCoding) CodedIn(ns []Note) bool {
	if u.Article == nil {
		return false
	}
	var have [][2]int
	for _, n := range ns {
		if n.Orphaned || n.Anchor.Article != u.Article.ID || !(n.Anchor.Start < u.End && u.Start < max(n.Anchor.End, n.Anchor.Start+1)) {
			continue
		}
		if slices.ContainsFunc(n.Tags, func(x string) bool { return lang.ASCIILower(x) == lang.ASCIILower(u.Code) }) {
			have = append(have, [2]int{n.Anchor.Start, n.Anchor.End})
		}
	}
	return sameSpans(have, u.wanted())
}

// sameSpans reports whether have, the passages coded, are exactly want.
func sameSpans(have [][2]int, want []Anchor) bool {
	if len(have) != len(want) {
		return false
	}
	for _, w := range want {
		if !slices.Contains(have, [2]int{w.Start, w.End}) {
			return false
		}
	}
	return true
}

// codedAs reports whether the notes ids, those with the code on the unit,
// are exactly the passages want.
func (t *txn) codedAs(ids []string, want []Anchor) (bool, error) {
	var have [][2]int
	for _, id := range ids {
		n, err := t.note(id)
		if err != nil {
			return false, err
		}
		if n == nil {
			return false, nil
		}
		have = append(have, [2]int{n.Anchor.Start, n.Anchor.End})
	}
	return sameSpans(have, want), nil
}

// findCode is the first definition of name in defs.
func findCode(defs []Code, name string) (Code, bool) {
	for _, c := range defs {
		if lang.ASCIILower(strings.TrimSpace(c.Name)) == lang.ASCIILower(name) {
			return c, true
		}
	}
	return Code{}, false
}

// ensureCodeFrom is ensureCode for the consensus: a code it creates, and
// each parent it creates for it, takes its colour, description and parent
// from its definition in defs (else colour, else the palette's next; the
// parent a "blame/us" name implies). A code of the store's coder that no
// note uses yet takes the definition too, so that a code created before
// (or left by an undo) follows the coders' codebook; one in use is kept
// as it is.
func (t *txn) ensureCodeFrom(name string, defs []Code, colour string, seen []string) (string, error) {
	if err := ValidateName(name); err != nil {
		return "", err
	}
	def, ok := findCode(defs, name)
	if ok {
		if c, err := NormaliseColour(def.Colour); err == nil && c != "" {
			colour = c
		}
	} else if c, err := NormaliseColour(colour); err == nil {
		colour = c
	} else {
		colour = ""
	}
	parent := ""
	switch {
	case ok && def.Parent != "":
		parent = strings.TrimSpace(def.Parent)
	case !ok:
		if i := strings.LastIndex(name, "/"); i > 0 {
			parent = name[:i]
		}
	}
	seen = append(seen, lang.ASCIILower(name))
	if ValidateName(parent) != nil || slices.Contains(seen, lang.ASCIILower(parent)) {
		parent = "" // a bad or circular definition: no parent
	}
	r, err := t.code(name)
	if err != nil {
		return "", err
	}
	if r != nil {
		if r.Parent != "" && !slices.Contains(seen, lang.ASCIILower(r.Parent)) {
			if _, err := t.ensureCodeFrom(r.Parent, defs, "", seen); err != nil {
				return "", err
			}
		}
		if !ok && colour == "" {
			return r.Name, nil
		}
		if err := t.touchCode(r.Name); err != nil {
			return "", err
		}
		desc := r.Description
		if ok {
			desc = def.Description
		}
		if colour == "" {
			colour = r.Colour
		}
		return r.Name, t.exec("UPDATE codes SET colour = ?, description = ? WHERE name = ? AND coder = ? AND NOT EXISTS (SELECT 1 FROM note_tags WHERE tag = ?)",
			colour, desc, r.Name, t.coder, r.Name)
	}
	if parent != "" {
		if parent, err = t.ensureCodeFrom(parent, defs, "", seen); err != nil {
			return "", err
		}
	}
	c := Code{Name: name, Parent: parent, Colour: colour}
	if ok {
		c.Description = def.Description
	}
	return name, t.insertCode(c)
}
