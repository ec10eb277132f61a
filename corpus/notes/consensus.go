package notes

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/google/uuid"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// UnitCoding is how a consensus codes one code on one unit (a sentence)
// of an article: the passages within the unit that carry the code, none
// when the code is not applied there.
type UnitCoding struct {
	Article *corpus.Article
	// Start and End are the unit's byte range in Article.Text.
	Start, End int
	Code       string
	// Colour is the code's colour when it has to be created and Codebook
	// does not define it ("" picks the next colour of the palette).
	Colour string
	// Codebook holds the coders' definitions of codes (own codebook first):
	// a code the consensus creates for Code, or as its parent, takes its
	// colour, description and parent from the first definition of its name,
	// so that the consensus merges with the coders' files without conflict.
	Codebook []Code
	// Passages are byte ranges to tag with Code; each is cut to the unit.
	Passages []corpus.Span
	// Why describes the change in the history ("accepted ana's coding").
	Why string
}

// SetUnitCoding makes the store's coding of u.Code on the unit exactly
// u.Passages, in one change that one Undo takes back: the code comes off
// every passage that shares a byte with the unit (a note left with no tag
// and no memo goes; the parts of a longer passage outside the unit keep
// the code, as notes of their own), then goes on each passage, cut to the
// unit, as the store's coder.
func (s *Store) SetUnitCoding(u UnitCoding) error {
	why := u.Why
	if why == "" {
		why = "consensus"
	}
	q := ""
	if a := u.Article; a != nil && u.Start >= 0 && u.Start <= u.End && u.End <= len(a.Text) {
		q = snippet(a.Text[u.Start:u.End])
	}
	return s.SetUnitCodings([]UnitCoding{u},
		fmt.Sprintf("%s: “%s” on “%s”", why, u.Code, q), fmt.Sprintf("took back %s: “%s” on “%s”", why, u.Code, q))
}

// SetUnitCodings is SetUnitCoding for several units, in one change that
// one Undo takes back; desc and undoDesc describe it in the history.
func (s *Store) SetUnitCodings(us []UnitCoding, desc, undoDesc string) error {
	op := "set the consensus coding"
	for _, u := range us {
		a := u.Article
		if a == nil || u.Start < 0 || u.End <= u.Start || u.End > len(a.Text) {
			return fmt.Errorf("%s: no article, or an invalid unit", op)
		}
		if err := ValidateName(u.Code); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
	}
	return s.mutate(op, func(t *txn) error {
		for _, u := range us {
			if err := t.setUnitCoding(u); err != nil {
				return err
			}
		}
		return t.done(desc, undoDesc)
	})
}

// setUnitCoding makes the coding of u.Code on the unit u.Passages.
func (t *txn) setUnitCoding(u UnitCoding) error {
	a := u.Article
	want := u.wanted()
	rows, err := t.tx.QueryContext(t.ctx,
		"SELECT n.id FROM notes n JOIN note_tags g ON g.note_id = n.id WHERE n.article = ? AND n.orphaned = 0 AND g.tag = ? AND n.start_byte < ? AND ? < max(n.end_byte, n.start_byte + 1) ORDER BY n.start_byte, n.id",
		a.ID, u.Code, u.End, u.Start)
	if err != nil {
		return err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if same, err := t.codedAs(ids, want); err != nil || same {
		// Already coded so: no change, no step in the history.
		return err
	}
	for _, id := range ids {
		n, err := t.touchExistingNote(id)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(n.Tags, func(x string) bool { return lang.ASCIILower(x) == lang.ASCIILower(u.Code) })
		if i < 0 {
			continue
		}
		if err := t.exec("DELETE FROM note_tags WHERE note_id = ? AND tag = ?", id, n.Tags[i]); err != nil {
			return err
		}
		if err := t.dropIfEmpty(id); err != nil {
			return err
		}
		// What lies outside the unit keeps the code.
		for _, part := range [][2]int{{n.Anchor.Start, u.Start}, {u.End, n.Anchor.End}} {
			if part[1] > part[0] && part[0] >= 0 && part[1] <= len(a.Text) {
				if err := t.tagRange(NewAnchor(a, part[0], part[1]), n.Tags[i], n.Coder); err != nil {
					return err
				}
			}
		}
	}
	for _, an := range want {
		name, err := t.ensureCodeFrom(u.Code, u.Codebook, u.Colour, nil)
		if err != nil {
			return err
		}
		if err := t.tagRange(an, name, t.coder); err != nil {
			return err
		}
	}
	return nil
}

// tagRange puts tag on the note of coder on exactly the passage a,
// creating the note when there is none.
func (t *txn) tagRange(a Anchor, tag, coder string) error {
	var id string
	err := t.tx.QueryRowContext(t.ctx,
		"SELECT id FROM notes WHERE article = ? AND start_byte = ? AND end_byte = ? AND orphaned = 0 AND coder = ? ORDER BY created, id LIMIT 1",
		a.Article, a.Start, a.End, coder).Scan(&id)
	switch {
	case err == nil:
		if err := t.touchNote(id); err != nil {
			return err
		}
	case errors.Is(err, sql.ErrNoRows):
		id = uuid.NewString()
		if err := t.touchNote(id); err != nil {
			return err
		}
		if err := t.exec("INSERT INTO notes("+noteColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, 0, ?, ?, ?, ?, ?)",
			id, a.Article, a.Hash, a.Start, a.End, a.Quote, a.Prefix, a.Suffix, t.now, t.now, a.Outlet, a.Title, coder, t.coder, madeOn(a)); err != nil {
			return err
		}
	default:
		return err
	}
	return t.exec("INSERT OR IGNORE INTO note_tags(note_id, tag, pos) VALUES (?, ?, (SELECT coalesce(max(pos), -1) + 1 FROM note_tags WHERE note_id = ?))", id, tag, id)
}
