package notes

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// Tag tags the passage a with the given tags and an optional memo, as the
// store's coder, creating codes that do not exist yet. When the coder has
// a note on exactly the same passage, the tags are added to it (and a new
// memo appended to its memo) instead of creating a second note; another
// coder's note on it is left alone. It returns the note as saved.
func (s *Store) Tag(a Anchor, tags []string, memo string) (Note, error) {
	return s.TagAs(s.coder, a, tags, memo)
}

// TagAs is Tag for a note of another coder ("" for none): an import keeps
// each annotation's coder. The history and the codes it creates record
// the store's coder, who made the change.
func (s *Store) TagAs(coder string, a Anchor, tags []string, memo string) (Note, error) {
	var out Note
	op := "tag passage"
	if coder != "" {
		if err := ValidateCoder(coder); err != nil {
			return out, fmt.Errorf("%s: %w", op, err)
		}
	}
	if a.Article == "" {
		return out, fmt.Errorf("%s: no article id given", op)
	}
	if a.Start < 0 || a.End <= a.Start || a.Quote == "" {
		return out, fmt.Errorf("%s: empty or invalid range %d–%d in article %s; select some text first", op, a.Start, a.End, a.Article)
	}
	var clean []string
	for _, tag := range tags {
		tag = strings.TrimSpace(tag)
		if err := ValidateName(tag); err != nil {
			return out, fmt.Errorf("%s: %w", op, err)
		}
		if !slices.ContainsFunc(clean, func(c string) bool { return lang.ASCIILower(c) == lang.ASCIILower(tag) }) {
			clean = append(clean, tag)
		}
	}
	if len(clean) == 0 && strings.TrimSpace(memo) == "" {
		return out, fmt.Errorf("%s: give at least one tag or a memo", op)
	}
	err := s.mutate(op, func(t *txn) error {
		names := make([]string, 0, len(clean))
		for _, tag := range clean {
			name, err := t.ensureCode(tag)
			if err != nil {
				return err
			}
			names = append(names, name)
		}
		var id string
		err := t.tx.QueryRowContext(t.ctx,
			"SELECT id FROM notes WHERE article = ? AND start_byte = ? AND end_byte = ? AND quote = ? AND orphaned = 0 AND coder = ? ORDER BY created, id LIMIT 1",
			a.Article, a.Start, a.End, a.Quote, coder).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			id = uuid.NewString()
			if err := t.touchNote(id); err != nil {
				return err
			}
			if err := t.exec("INSERT INTO notes("+noteColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
				id, a.Article, a.Hash, a.Start, a.End, a.Quote, a.Prefix, a.Suffix, memo, t.now, t.now, a.Outlet, a.Title, coder, t.coder, madeOn(a)); err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			if err := t.touchNote(id); err != nil {
				return err
			}
			old := t.noteBefore[id]
			newMemo := old.Memo
			switch {
			case memo == "" || memo == old.Memo:
			case old.Memo == "":
				newMemo = memo
			default:
				newMemo = old.Memo + "\n\n" + memo
			}
			if err := t.exec("UPDATE notes SET memo = ?, modified = ?, modified_by = ? WHERE id = ?", newMemo, t.now, t.coder, id); err != nil {
				return err
			}
		}
		var added []string
		for _, name := range names {
			res, err := t.tx.ExecContext(t.ctx,
				"INSERT OR IGNORE INTO note_tags(note_id, tag, pos) VALUES (?, ?, (SELECT coalesce(max(pos), -1) + 1 FROM note_tags WHERE note_id = ?))",
				id, name, id)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				added = append(added, name)
			}
		}
		if len(added) > 0 {
			// Remembered for "tag again" in a later session.
			if err := t.exec("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", lastTagKey, added[len(added)-1]); err != nil {
				return err
			}
		}
		n, err := t.note(id)
		if err != nil {
			return err
		}
		out = *n
		q := snippet(a.Quote)
		if len(added) == 0 {
			return t.done(fmt.Sprintf("added a memo on “%s”", q), fmt.Sprintf("removed the memo on “%s”", q))
		}
		return t.done(fmt.Sprintf("tagged %s on “%s”", quoteNames(added), q), fmt.Sprintf("untagged %s on “%s”", quoteNames(added), q))
	})
	return out, err
}

// lastTagKey is the meta row holding the tag Tag last applied.
const lastTagKey = "last_tag"

// renameLastTag makes the remembered last tag follow its code from one
// name to another (a rename or a merge).
func (t *txn) renameLastTag(from, to string) error {
	return t.exec("UPDATE meta SET value = ? WHERE key = ? AND value = ? COLLATE NOCASE", to, lastTagKey, from)
}

// LastTag returns the tag most recently applied by Tag, in any session
// (under its new name if renamed since), or "" when none was or its code
// no longer exists.
func (s *Store) LastTag() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ok, err := s.readable(); !ok {
		return "", err
	}
	if s.version == 0 {
		return "", nil
	}
	var name string
	err := s.db.QueryRow("SELECT c.name FROM meta m JOIN codes c ON c.name = m.value WHERE m.key = ?", lastTagKey).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read the last tag of %s: %w", s.path, err)
	}
	return name, nil
}

// Untag removes one tag from a note. A note left with no tags and no memo
// is deleted.
func (s *Store) Untag(noteID, tag string) error {
	return s.mutate("untag", func(t *txn) error {
		n, err := t.touchExistingNote(noteID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(n.Tags, func(x string) bool { return lang.ASCIILower(x) == lang.ASCIILower(tag) })
		if i < 0 {
			return fmt.Errorf("the note on “%s” has no tag “%s”", snippet(n.Anchor.Quote), tag)
		}
		name := n.Tags[i]
		if err := t.exec("DELETE FROM note_tags WHERE note_id = ? AND tag = ?", noteID, name); err != nil {
			return err
		}
		if err := t.dropIfEmpty(noteID); err != nil {
			return err
		}
		q := snippet(n.Anchor.Quote)
		return t.done(fmt.Sprintf("untagged “%s” on “%s”", name, q), fmt.Sprintf("tagged “%s” on “%s”", name, q))
	})
}

// dropIfEmpty deletes a note that has neither tags nor a memo, or just
// bumps its modification time.
func (t *txn) dropIfEmpty(id string) error {
	var tags int
	var memo string
	if err := t.tx.QueryRowContext(t.ctx, "SELECT (SELECT count(*) FROM note_tags WHERE note_id = ?), memo FROM notes WHERE id = ?", id, id).Scan(&tags, &memo); err != nil {
		return err
	}
	if tags == 0 && strings.TrimSpace(memo) == "" {
		return t.deleteNote(id)
	}
	return t.exec("UPDATE notes SET modified = ?, modified_by = ? WHERE id = ?", t.now, t.coder, id)
}

// SetMemo replaces a note's memo. A note left with no tags and no memo is
// deleted.
func (s *Store) SetMemo(noteID, memo string) error {
	return s.mutate("set memo", func(t *txn) error {
		n, err := t.touchExistingNote(noteID)
		if err != nil {
			return err
		}
		if err := t.exec("UPDATE notes SET memo = ? WHERE id = ?", memo, noteID); err != nil {
			return err
		}
		if err := t.dropIfEmpty(noteID); err != nil {
			return err
		}
		q := snippet(n.Anchor.Quote)
		switch {
		case strings.TrimSpace(n.Memo) == "":
			return t.done(fmt.Sprintf("added a memo on “%s”", q), fmt.Sprintf("removed the memo on “%s”", q))
		case strings.TrimSpace(memo) == "":
			return t.done(fmt.Sprintf("removed the memo on “%s”", q), fmt.Sprintf("restored the memo on “%s”", q))
		}
		return t.done(fmt.Sprintf("edited the memo on “%s”", q), fmt.Sprintf("restored the memo on “%s”", q))
	})
}

// DeleteNote deletes a note with its tags and memo.
func (s *Store) DeleteNote(noteID string) error {
	return s.mutate("delete note", func(t *txn) error {
		n, err := t.touchExistingNote(noteID)
		if err != nil {
			return err
		}
		if err := t.deleteNote(noteID); err != nil {
			return err
		}
		q := snippet(n.Anchor.Quote)
		return t.done(fmt.Sprintf("deleted the note on “%s”", q), fmt.Sprintf("restored the note on “%s”", q))
	})
}
