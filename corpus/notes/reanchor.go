package notes

import (
	"context"
	"fmt"

	"github.com/parallax-reader/parallax/corpus"
)

// Reanchor re-places every note on the articles of c as loaded now and
// saves the result. A note whose article is unchanged (same hash) is left
// in place; one that cannot be placed in its article's text is marked
// orphaned and keeps its quote — it is never dropped. A note whose article
// is not in c is left exactly as it is: its article is simply not loaded
// (one file of a folder was opened, say), which says nothing about whether
// its text is still there. Placed notes also take their article's current
// outlet and title. It returns how many notes moved and how many were
// orphaned by this call (a note orphaned before is not counted again, so
// a reader that says so at start says it once). Re-anchoring is not a change of
// the user's and is not in the undo history. A store opened with
// OpenReadOnly keeps the places for its own reads and writes nothing.
func (s *Store) Reanchor(c *corpus.Corpus) (moved, orphaned int, err error) {
	all, err := s.Notes()
	if err != nil {
		return 0, 0, fmt.Errorf("re-anchor notes: %w", err)
	}
	type update struct {
		old Note
		a   Anchor
		orp bool
	}
	var ups []update
	hashes := map[*corpus.Article]string{}
	for _, n := range all {
		art := c.Article(n.Anchor.Article)
		if art == nil {
			continue // not loaded: neither placed nor orphaned
		}
		h, ok := hashes[art]
		if !ok {
			h = articleHash(art)
			hashes[art] = h
		}
		a := n.Anchor
		a.Outlet, a.Title = art.Outlet, art.Title
		if n.Anchor.Hash == h && n.Anchor.End <= len(art.Text) {
			if a != n.Anchor {
				ups = append(ups, update{n, a, n.Orphaned})
			}
			continue
		}
		a.Hash = h
		st, en, found := locate(art.Text, n.Anchor)
		if !found {
			if !n.Orphaned {
				orphaned++ // newly: one orphaned before is not news
			}
			ups = append(ups, update{n, a, true})
			continue
		}
		if st != n.Anchor.Start || en != n.Anchor.End || n.Orphaned {
			moved++
		}
		a.Start, a.End = st, en
		ups = append(ups, update{n, a, false})
	}
	if len(ups) == 0 {
		return moved, orphaned, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return 0, 0, s.closedErr() // a deferred store has no notes to move
	}
	if s.readOnly {
		// Placed for this reading only: the file is not written.
		for _, u := range ups {
			s.placed[u.old.ID] = placement{u.a, u.orp}
		}
		return moved, orphaned, nil
	}
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, fmt.Errorf("re-anchor notes: %w", s.writeError("save", err))
	}
	defer tx.Rollback()
	if err := s.checkVersion(ctx, tx); err != nil {
		return 0, 0, fmt.Errorf("re-anchor notes: %w", err)
	}
	for _, u := range ups {
		o := u.old.Anchor
		// Compare and set: a note another process moved or deleted
		// meanwhile is left to that process.
		if _, err := tx.ExecContext(ctx,
			`UPDATE notes SET hash = ?, start_byte = ?, end_byte = ?, orphaned = ?, outlet = ?, title = ?
			 WHERE id = ? AND hash = ? AND start_byte = ? AND end_byte = ? AND orphaned = ?`,
			u.a.Hash, u.a.Start, u.a.End, boolInt(u.orp), u.a.Outlet, u.a.Title,
			u.old.ID, o.Hash, o.Start, o.End, boolInt(u.old.Orphaned)); err != nil {
			return 0, 0, fmt.Errorf("re-anchor notes in %s: %w", s.path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, fmt.Errorf("re-anchor notes: save to %s: %w", s.path, err)
	}
	return moved, orphaned, nil
}
