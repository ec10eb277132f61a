package notes

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// ensureCode returns the canonical name of the code called name, creating
// it (with a palette colour, and its parents for a name like "blame/us")
// when it does not exist.
func (t *txn) ensureCode(name string) (string, error) {
	return t.ensureCodeAt(name, nil)
}

// ensureCodeAt is ensureCode placing the codes it creates at codebook
// position *pos (at the end when pos is nil).
func (t *txn) ensureCodeAt(name string, pos *int64) (string, error) {
	if err := ValidateName(name); err != nil {
		return "", err
	}
	r, err := t.code(name)
	if err != nil {
		return "", err
	}
	if r != nil {
		return r.Name, nil
	}
	parent := ""
	if i := strings.LastIndex(name, "/"); i > 0 {
		if parent, err = t.ensureCodeAt(name[:i], pos); err != nil {
			return "", err
		}
	}
	return name, t.insertCodeAt(Code{Name: name, Parent: parent}, pos)
}

// insertCode adds a new code at the end of the codebook.
func (t *txn) insertCode(c Code) error { return t.insertCodeAt(c, nil) }

// insertCodeAt adds a new code at codebook position *pos, or at the end
// when pos is nil. Codes sharing a position are listed by name, so a
// parent placed at its child's position comes just before it.
func (t *txn) insertCodeAt(c Code, pos *int64) error {
	if err := t.touchCode(c.Name); err != nil {
		return err
	}
	if c.Colour == "" {
		col, err := t.nextColour()
		if err != nil {
			return err
		}
		c.Colour = col
	}
	var err error
	if pos != nil {
		err = t.exec(
			"INSERT INTO codes(name, colour, description, parent, coder, pos) VALUES (?, ?, ?, ?, ?, ?)",
			c.Name, c.Colour, c.Description, c.Parent, t.coder, *pos)
	} else {
		err = t.exec(
			"INSERT INTO codes(name, colour, description, parent, coder, pos) VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(pos), 0) + 1 FROM codes))",
			c.Name, c.Colour, c.Description, c.Parent, t.coder)
	}
	return err
}

// nextColour picks the first palette colour no code uses yet, else cycles.
func (t *txn) nextColour() (string, error) {
	rows, err := t.tx.QueryContext(t.ctx, "SELECT colour FROM codes")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	used := map[string]bool{}
	n := 0
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return "", err
		}
		used[strings.ToLower(c)] = true
		n++
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	for _, c := range palette {
		if !used[c] {
			return c, nil
		}
	}
	return palette[n%len(palette)], nil
}

// AddCode adds a code to the codebook. An empty colour gets one from the
// palette; a name like "blame/us" without a parent gets parent "blame",
// created when missing. An explicit parent must exist.
func (s *Store) AddCode(c Code) error {
	c.Name = strings.TrimSpace(c.Name)
	if err := validateCode(c); err != nil {
		return fmt.Errorf("add code: %w", err)
	}
	return s.mutate("add code", func(t *txn) error {
		if err := t.addCode(c); err != nil {
			return err
		}
		return t.done(fmt.Sprintf("added code “%s”", c.Name), fmt.Sprintf("removed code “%s”", c.Name))
	})
}

func (t *txn) addCode(c Code) error {
	existing, err := t.code(c.Name)
	if err != nil {
		return err
	}
	if existing != nil {
		return fmt.Errorf("code “%s” already exists", existing.Name)
	}
	switch {
	case c.Parent != "":
		p, err := t.code(c.Parent)
		if err != nil {
			return err
		}
		if p == nil {
			return fmt.Errorf("code “%s”: parent “%s” does not exist; add it first", c.Name, c.Parent)
		}
		c.Parent = p.Name
	case strings.Contains(c.Name, "/"):
		if c.Parent, err = t.ensureCode(c.Name[:strings.LastIndex(c.Name, "/")]); err != nil {
			return err
		}
	}
	return t.insertCode(c)
}

// UpdateCode changes the colour, description and parent of the code named
// c.Name. An empty colour keeps the current one.
func (s *Store) UpdateCode(c Code) error {
	c.Name = strings.TrimSpace(c.Name)
	if err := validateCode(c); err != nil {
		return fmt.Errorf("update code: %w", err)
	}
	return s.mutate("update code", func(t *txn) error {
		old, err := t.existingCode(c.Name)
		if err != nil {
			return err
		}
		c.Name = old.Name
		if c.Colour == "" {
			c.Colour = old.Colour
		}
		if c.Parent != "" {
			p, err := t.code(c.Parent)
			if err != nil {
				return err
			}
			if p == nil {
				return fmt.Errorf("code “%s”: parent “%s” does not exist", c.Name, c.Parent)
			}
			c.Parent = p.Name
			loop, err := t.isDescendant(p.Name, c.Name)
			if err != nil {
				return err
			}
			if loop || lang.ASCIILower(p.Name) == lang.ASCIILower(c.Name) {
				return fmt.Errorf("code “%s” cannot have “%s” as parent: that would make a loop", c.Name, c.Parent)
			}
		}
		if err := t.touchCode(c.Name); err != nil {
			return err
		}
		if err := t.exec("UPDATE codes SET colour = ?, description = ?, parent = ? WHERE name = ?",
			c.Colour, c.Description, c.Parent, c.Name); err != nil {
			return err
		}
		return t.done(fmt.Sprintf("changed code “%s”", c.Name), fmt.Sprintf("restored code “%s”", c.Name))
	})
}

// isDescendant reports whether code name lies below code ancestor.
func (t *txn) isDescendant(name, ancestor string) (bool, error) {
	cur, err := t.code(name)
	for steps := 0; err == nil && cur != nil && cur.Parent != "" && steps < 10000; steps++ {
		if lang.ASCIILower(cur.Parent) == lang.ASCIILower(ancestor) {
			return true, nil
		}
		cur, err = t.code(cur.Parent)
	}
	return false, err
}

// notesWithTag returns the ids of the notes carrying a tag.
func (t *txn) notesWithTag(tag string) ([]string, error) {
	rows, err := t.tx.QueryContext(t.ctx, "SELECT note_id FROM note_tags WHERE tag = ? ORDER BY note_id", tag)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// codeNames returns every code name in codebook order.
func (t *txn) codeNames() ([]codeRow, error) {
	rows, err := t.tx.QueryContext(t.ctx, "SELECT "+codeColumns+" FROM codes ORDER BY pos, name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []codeRow
	for rows.Next() {
		var r codeRow
		if err := scanCode(rows, &r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// reparent points the children of one code at another parent.
func (t *txn) reparent(from, to string) error {
	all, err := t.codeNames()
	if err != nil {
		return err
	}
	for _, r := range all {
		if lang.ASCIILower(r.Parent) != lang.ASCIILower(from) || lang.ASCIILower(r.Name) == lang.ASCIILower(to) {
			continue
		}
		if err := t.touchCode(r.Name); err != nil {
			return err
		}
		if err := t.exec("UPDATE codes SET parent = ? WHERE name = ?", to, r.Name); err != nil {
			return err
		}
	}
	return nil
}

// RenameCode renames a code everywhere: in the codebook, on every note and
// as the parent of its children. Children named "old/…" become "new/…".
// A new name like "blame/us" makes the code a child of "blame", created
// when missing, as AddCode and Tag do; undo removes a parent created so.
func (s *Store) RenameCode(oldName, newName string) error {
	newName = strings.TrimSpace(newName)
	if err := ValidateName(newName); err != nil {
		return fmt.Errorf("rename code: %w", err)
	}
	return s.mutate("rename code", func(t *txn) error {
		old, err := t.existingCode(oldName)
		if err != nil {
			return err
		}
		if old.Name == newName {
			return nil
		}
		all, err := t.codeNames()
		if err != nil {
			return err
		}
		// The code itself and its descendants by name.
		type pair struct{ from, to string }
		renames := []pair{{old.Name, newName}}
		for _, r := range all {
			if strings.HasPrefix(r.Name, old.Name+"/") {
				renames = append(renames, pair{r.Name, newName + r.Name[len(old.Name):]})
			}
		}
		moving := map[string]bool{}
		for _, p := range renames {
			moving[lang.ASCIILower(p.from)] = true
		}
		for _, p := range renames {
			if err := ValidateName(p.to); err != nil {
				return err
			}
			if ex, err := t.code(p.to); err != nil {
				return err
			} else if ex != nil && !moving[lang.ASCIILower(ex.Name)] {
				return fmt.Errorf("“%s” already exists; merge “%s” into it instead", ex.Name, p.from)
			}
		}
		rows := map[string]*codeRow{}
		for _, p := range renames {
			r, err := t.code(p.from)
			if err != nil {
				return err
			}
			rows[p.from] = r
			if err := t.touchCode(p.from); err != nil {
				return err
			}
			if err := t.touchCode(p.to); err != nil {
				return err
			}
			if err := t.exec("DELETE FROM codes WHERE name = ?", p.from); err != nil {
				return err
			}
		}
		for _, p := range renames {
			r := rows[p.from]
			if err := t.exec("INSERT INTO codes(name, colour, description, parent, coder, pos) VALUES (?, ?, ?, ?, ?, ?)",
				p.to, r.Colour, r.Description, r.Parent, r.Coder, r.Pos); err != nil {
				return err
			}
			ids, err := t.notesWithTag(p.from)
			if err != nil {
				return err
			}
			for _, id := range ids {
				if err := t.touchNote(id); err != nil {
					return err
				}
			}
			if err := t.exec("UPDATE note_tags SET tag = ? WHERE tag = ?", p.to, p.from); err != nil {
				return err
			}
			if err := t.exec("UPDATE notes SET modified = ?, modified_by = ? WHERE id IN (SELECT note_id FROM note_tags WHERE tag = ?)", t.now, t.coder, p.to); err != nil {
				return err
			}
			if err := t.renameLastTag(p.from, p.to); err != nil {
				return err
			}
		}
		for _, p := range renames {
			if err := t.reparent(p.from, p.to); err != nil {
				return err
			}
		}
		// The renamed code's parent follows its new name as when a tag is
		// created: "blame/us" is a child of "blame", which is created
		// (just before it in the codebook) when missing. A name without
		// "/" leaves the parent its old name implied ("blame/us" renamed
		// "us" is a top-level code) and keeps a parent set explicitly.
		parent := old.Parent
		if i := strings.LastIndex(newName, "/"); i > 0 {
			if parent, err = t.ensureCodeAt(newName[:i], &old.Pos); err != nil {
				return err
			}
		} else if old.Parent != "" && strings.HasPrefix(lang.ASCIILower(old.Name), lang.ASCIILower(old.Parent)+"/") {
			parent = ""
		}
		if parent != old.Parent {
			loop, err := t.isDescendant(parent, newName)
			if err != nil {
				return err
			}
			if loop {
				return fmt.Errorf("cannot rename “%s” to “%s”: “%s” lies under “%s”, so that would make a loop", old.Name, newName, parent, old.Name)
			}
			if err := t.exec("UPDATE codes SET parent = ? WHERE name = ?", parent, newName); err != nil {
				return err
			}
		}
		return t.done(fmt.Sprintf("renamed code “%s” to “%s”", old.Name, newName), fmt.Sprintf("renamed code “%s” back to “%s”", newName, old.Name))
	})
}

// MergeCodes merges code from into code into: every passage tagged from is
// tagged into instead, from's children move under into, and from is
// removed from the codebook.
func (s *Store) MergeCodes(from, into string) error {
	return s.mutate("merge codes", func(t *txn) error {
		f, err := t.existingCode(from)
		if err != nil {
			return err
		}
		i, err := t.existingCode(into)
		if err != nil {
			return err
		}
		if lang.ASCIILower(f.Name) == lang.ASCIILower(i.Name) {
			return fmt.Errorf("cannot merge code “%s” into itself", f.Name)
		}
		ids, err := t.notesWithTag(f.Name)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := t.touchNote(id); err != nil {
				return err
			}
			n := t.noteBefore[id]
			if slices.ContainsFunc(n.Tags, func(x string) bool { return lang.ASCIILower(x) == lang.ASCIILower(i.Name) }) {
				err = t.exec("DELETE FROM note_tags WHERE note_id = ? AND tag = ?", id, f.Name)
			} else {
				err = t.exec("UPDATE note_tags SET tag = ? WHERE note_id = ? AND tag = ?", i.Name, id, f.Name)
			}
			if err != nil {
				return err
			}
			if err := t.exec("UPDATE notes SET modified = ?, modified_by = ? WHERE id = ?", t.now, t.coder, id); err != nil {
				return err
			}
		}
		descendant, err := t.isDescendant(i.Name, f.Name)
		if err != nil {
			return err
		}
		if descendant { // lift the target out from under the code that goes
			if err := t.touchCode(i.Name); err != nil {
				return err
			}
			if err := t.exec("UPDATE codes SET parent = ? WHERE name = ?", f.Parent, i.Name); err != nil {
				return err
			}
		}
		if err := t.reparent(f.Name, i.Name); err != nil {
			return err
		}
		if err := t.touchCode(f.Name); err != nil {
			return err
		}
		if err := t.exec("DELETE FROM codes WHERE name = ?", f.Name); err != nil {
			return err
		}
		if err := t.renameLastTag(f.Name, i.Name); err != nil {
			return err
		}
		return t.done(fmt.Sprintf("merged code “%s” into “%s” (%s)", f.Name, i.Name, corpus.Count(len(ids), "passage")),
			fmt.Sprintf("split code “%s” from “%s” again", f.Name, i.Name))
	})
}

// DeleteCode removes a code from the codebook and from every note. Notes
// left with no tags and no memo are deleted; children move to the deleted
// code's parent. Undo restores all of it.
func (s *Store) DeleteCode(name string) error {
	return s.mutate("delete code", func(t *txn) error {
		c, err := t.existingCode(name)
		if err != nil {
			return err
		}
		ids, err := t.notesWithTag(c.Name)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := t.touchNote(id); err != nil {
				return err
			}
			if err := t.exec("DELETE FROM note_tags WHERE note_id = ? AND tag = ?", id, c.Name); err != nil {
				return err
			}
			if err := t.dropIfEmpty(id); err != nil {
				return err
			}
		}
		if err := t.reparent(c.Name, c.Parent); err != nil {
			return err
		}
		if err := t.touchCode(c.Name); err != nil {
			return err
		}
		if err := t.exec("DELETE FROM codes WHERE name = ?", c.Name); err != nil {
			return err
		}
		return t.done(fmt.Sprintf("deleted code “%s” (from %s)", c.Name, corpus.Count(len(ids), "passage")),
			fmt.Sprintf("restored code “%s”", c.Name))
	})
}

// ImportCodebook adds the codes that are not in the codebook yet (parents
// before children) as one undoable step, and returns how many it added.
// Existing codes are left as they are. source names where the codes came
// from, for the history ("media-frames", "codes.qdc").
func (s *Store) ImportCodebook(codes []Code, source string) (int, error) {
	for _, c := range codes {
		if err := validateCode(c); err != nil {
			return 0, fmt.Errorf("import codebook %s: %w", source, err)
		}
	}
	added := 0
	err := s.mutate("import codebook "+source, func(t *txn) error {
		before, err := t.codeNames()
		if err != nil {
			return err
		}
		pending := slices.Clone(codes)
		for len(pending) > 0 {
			progress := false
			var rest []Code
			for _, c := range pending {
				if c.Parent != "" {
					p, err := t.code(c.Parent)
					if err != nil {
						return err
					}
					if p == nil && slices.ContainsFunc(pending, func(o Code) bool { return lang.ASCIILower(o.Name) == lang.ASCIILower(c.Parent) }) {
						rest = append(rest, c)
						continue
					}
					if p == nil {
						if _, err := t.ensureCode(c.Parent); err != nil {
							return err
						}
					}
				}
				progress = true
				ex, err := t.code(c.Name)
				if err != nil {
					return err
				}
				if ex != nil {
					continue
				}
				if err := t.addCode(c); err != nil {
					return err
				}
			}
			if !progress {
				return fmt.Errorf("codes %s: their parents form a loop", quoteNames(names(rest)))
			}
			pending = rest
		}
		after, err := t.codeNames()
		if err != nil {
			return err
		}
		added = len(after) - len(before)
		return t.done(fmt.Sprintf("imported %s from %s", corpus.Count(added, "code"), source),
			fmt.Sprintf("removed %s imported from %s", corpus.Count(added, "code"), source))
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

func names(cs []Code) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}
