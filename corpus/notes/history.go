package notes

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/parallax-reader/parallax/corpus"
)

// ErrNothingToUndo is returned by Undo when the history is empty.
var ErrNothingToUndo = errors.New("nothing to undo")

// ErrNothingToRedo is returned by Redo when there is nothing undone to redo.
var ErrNothingToRedo = errors.New("nothing to redo")

// ErrConflict is wrapped by Undo and Redo when another process changed the
// same codes or notes since; the store is left as it is.
var ErrConflict = errors.New("changed elsewhere since")

// maxHistory bounds the undo history kept in a notes file.
const maxHistory = 1000

// History states of a change (column history.state).
const (
	stateDone      = 0 // applied; can be undone
	stateUndone    = 1 // undone; can be redone
	stateDiscarded = 2 // undone, then a new change cleared the redo history
	stateDropped   = 3 // refused by a conflict with another process
)

// codeDelta and noteDelta are a row before and after a change (nil: absent).
type codeDelta struct {
	Key    string   `json:"key"` // lang.ASCIILower(name)
	Before *codeRow `json:"before"`
	After  *codeRow `json:"after"`
}

type noteDelta struct {
	ID     string `json:"id"`
	Before *Note  `json:"before"`
	After  *Note  `json:"after"`
}

// change is one undoable step: the rows it touched, before and after. It
// is kept, as JSON, in the history table of the notes file.
type change struct {
	desc, undoDesc string
	Codes          []codeDelta       `json:"codes"`
	Notes          []noteDelta       `json:"notes"`
	Corrections    []correctionDelta `json:"corrections,omitempty"` // story corrections (corrections.go)
}

func (c *change) empty() bool {
	return len(c.Codes) == 0 && len(c.Notes) == 0 && len(c.Corrections) == 0
}

// record adds a change to the history in the change's own transaction,
// clears what this Store could redo, and trims the oldest entries.
func (s *Store) record(ctx context.Context, tx *sql.Tx, ch *change) error {
	data, err := json.Marshal(ch)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE history SET state = ? WHERE state = ? AND "+s.mine(),
		append([]any{stateDiscarded, stateUndone}, s.mineArgs()...)...); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO history(session, created, description, undo_description, data, state, coder) VALUES (?, ?, ?, ?, ?, ?, ?)",
		s.session, formatTime(s.now()), ch.desc, ch.undoDesc, string(data), stateDone, s.coder); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM history WHERE seq <= (SELECT max(seq) FROM history) - ?", maxHistory)
	return err
}

// mine is the SQL condition (with the parameters mineArgs) for the
// history entries this Store undoes and redoes: its own changes, and
// those its coder made before it opened the file (or someone did before
// changes recorded their coder). In a file several coders write, one
// never undoes another's work. A Store that does not know its coder (the
// reader, for now) undoes every earlier change, as before coders.
func (s *Store) mine() string {
	return "(session = ? OR seq <= ? AND (? = '' OR coder IN (?, '')))"
}

func (s *Store) mineArgs() []any { return []any{s.session, s.openSeq, s.coder, s.coder} }

// CanUndo reports whether Undo has a step to apply, and its description,
// so the UI can enable its key and show what it would undo.
func (s *Store) CanUndo() (string, bool) {
	e, err := s.next(true)
	if err != nil || e == nil {
		return "", false
	}
	return e.desc, true
}

// CanRedo reports whether Redo has a step to apply, and its description.
func (s *Store) CanRedo() (string, bool) {
	e, err := s.next(false)
	if err != nil || e == nil {
		return "", false
	}
	return e.desc, true
}

// historyEntry is a row of the history table.
type historyEntry struct {
	seq            int64
	desc, undoDesc string
	data           string
}

// next returns the entry Undo (or Redo) would apply, or nil.
func (s *Store) next(undo bool) (*historyEntry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ok, err := s.readable(); !ok {
		return nil, err
	}
	if s.readOnly {
		return nil, nil // nothing to undo in a store that is only read
	}
	return s.nextIn(context.Background(), s.db, undo)
}

func (s *Store) nextIn(ctx context.Context, q querier, undo bool) (*historyEntry, error) {
	query := "SELECT seq, description, undo_description, data FROM history WHERE state = ? AND " + s.mine() + " ORDER BY seq DESC LIMIT 1"
	state := stateDone
	if !undo {
		query = "SELECT seq, description, undo_description, data FROM history WHERE state = ? AND " + s.mine() + " ORDER BY undone DESC, seq DESC LIMIT 1"
		state = stateUndone
	}
	var e historyEntry
	err := q.QueryRowContext(ctx, query, append([]any{state}, s.mineArgs()...)...).Scan(&e.seq, &e.desc, &e.undoDesc, &e.data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &e, nil
}

// Undo reverts the most recent change and returns a description of what it
// did ("untagged “blame” on “…”"). It undoes this Store's own changes
// first, most recent first, then those made before it opened the file
// (an earlier session's), never a change another window made while this
// one was open. The history is kept in the notes file, so it survives
// quitting. When another process has changed the same codes or notes
// since, nothing is changed, the step is dropped from the history and the
// error wraps ErrConflict.
func (s *Store) Undo() (string, error) {
	e, err := s.step(true)
	if e == nil {
		return "", err
	}
	return e.undoDesc, err
}

// UndoStep is Undo returning the description of the change it took back
// ("untagged “blame” on “…”" when the tag is back): what "undone: …"
// names.
func (s *Store) UndoStep() (string, error) {
	e, err := s.step(true)
	if e == nil {
		return "", err
	}
	return e.desc, err
}

// Redo re-applies the most recently undone change and returns its
// description. Conflicts are handled as in Undo.
func (s *Store) Redo() (string, error) {
	e, err := s.step(false)
	if e == nil {
		return "", err
	}
	return e.desc, err
}

// step undoes (or redoes) the next change and returns its history entry,
// nil on an error.
func (s *Store) step(undo bool) (*historyEntry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	verb, none := "undo", ErrNothingToUndo
	if !undo {
		verb, none = "redo", ErrNothingToRedo
	}
	if ok, err := s.readable(); !ok {
		if err == nil {
			err = none // no file yet: nothing was done
		}
		return nil, fmt.Errorf("%s: %w", verb, err)
	}
	if s.readOnly {
		return nil, fmt.Errorf("%s: %w", verb, s.readOnlyRefusal())
	}
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.writeError(verb, err)
	}
	defer tx.Rollback()
	if err := s.checkVersion(ctx, tx); err != nil {
		return nil, fmt.Errorf("%s: %w", verb, err)
	}
	e, err := s.nextIn(ctx, tx, undo)
	if err != nil {
		return nil, fmt.Errorf("%s: notes %s: %w", verb, s.path, err)
	}
	if e == nil {
		return nil, none
	}
	var ch change
	if err := json.Unmarshal([]byte(e.data), &ch); err != nil {
		return nil, fmt.Errorf("%s (%s): notes %s: history entry %d is unreadable: %w", verb, e.desc, s.path, e.seq, err)
	}
	t := &txn{ctx: ctx, tx: tx, s: s, now: formatTime(s.now()), coder: s.coder}
	if err := t.apply(&ch, undo); err != nil {
		if !errors.Is(err, ErrConflict) {
			return nil, fmt.Errorf("%s (%s): notes %s: %w", verb, e.desc, s.path, err)
		}
		// Undo what apply wrote, and drop the step for good.
		tx.Rollback()
		if derr := s.dropEntry(ctx, e.seq); derr != nil {
			return nil, fmt.Errorf("cannot %s (%s): %w; nothing was changed (%v)", verb, e.desc, err, derr)
		}
		return nil, fmt.Errorf("cannot %s (%s): %w; nothing was changed and the step was dropped from the history", verb, e.desc, err)
	}
	if undo {
		_, err = tx.ExecContext(ctx, "UPDATE history SET state = ?, undone = (SELECT coalesce(max(undone), 0) + 1 FROM history) WHERE seq = ?", stateUndone, e.seq)
	} else {
		_, err = tx.ExecContext(ctx, "UPDATE history SET state = ? WHERE seq = ?", stateDone, e.seq)
	}
	if err != nil {
		return nil, fmt.Errorf("%s (%s): notes %s: %w", verb, e.desc, s.path, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, s.writeError(verb+" ("+e.desc+")", err)
	}
	return e, nil
}

// dropEntry marks a history entry that conflicted as dropped.
func (s *Store) dropEntry(ctx context.Context, seq int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE history SET state = ? WHERE seq = ?", stateDropped, seq); err != nil {
		return err
	}
	return tx.Commit()
}

// apply checks that every row the change touched is still as the change
// left it (or, for redo, as it found it), then writes the other image.
func (t *txn) apply(ch *change, undo bool) error {
	if err := t.applyCorrections(ch.Corrections, undo); err != nil {
		return err
	}
	for _, d := range ch.Codes {
		want, write := d.After, d.Before
		if !undo {
			want, write = d.Before, d.After
		}
		name := d.Key
		if want != nil {
			name = want.Name
		} else if write != nil {
			name = write.Name
		}
		cur, err := t.code(name)
		if err != nil {
			return err
		}
		if !sameCode(cur, want) {
			return fmt.Errorf("code “%s” was %w", name, ErrConflict)
		}
	}
	for _, d := range ch.Notes {
		want := d.After
		if !undo {
			want = d.Before
		}
		cur, err := t.note(d.ID)
		if err != nil {
			return err
		}
		if !sameNote(cur, want) {
			q := ""
			if cur != nil {
				q = snippet(cur.Anchor.Quote)
			} else if want != nil {
				q = snippet(want.Anchor.Quote)
			}
			return fmt.Errorf("the note on “%s” was %w", q, ErrConflict)
		}
	}
	// Rows are keyed case-insensitively by name, so no two deltas touch
	// the same row and the order of writes does not matter.
	var deleted []string
	for _, d := range ch.Codes {
		write, other := d.Before, d.After
		if !undo {
			write, other = d.After, d.Before
		}
		if write == nil {
			deleted = append(deleted, other.Name)
			if err := t.exec("DELETE FROM codes WHERE name = ?", other.Name); err != nil {
				return err
			}
			continue
		}
		if err := t.exec("INSERT OR REPLACE INTO codes(name, colour, description, parent, coder, pos) VALUES (?, ?, ?, ?, ?, ?)",
			write.Name, write.Colour, write.Description, write.Parent, write.Coder, write.Pos); err != nil {
			return err
		}
	}
	for _, d := range ch.Notes {
		write := d.Before
		if !undo {
			write = d.After
		}
		if err := t.writeNote(d.ID, write); err != nil {
			return err
		}
	}
	// Every tag must stay in the codebook: a code this step removes may
	// meanwhile be used by a passage tagged elsewhere, and a tag this step
	// restores may name a code deleted elsewhere.
	for _, name := range deleted {
		var uses int
		if err := t.tx.QueryRowContext(t.ctx, "SELECT count(*) FROM note_tags WHERE tag = ?", name).Scan(&uses); err != nil {
			return err
		}
		if uses > 0 {
			return fmt.Errorf("code “%s” is now used by %s tagged elsewhere: it was %w", name, corpus.Count(uses, "passage"), ErrConflict)
		}
	}
	for _, d := range ch.Notes {
		var missing string
		err := t.tx.QueryRowContext(t.ctx, "SELECT tag FROM note_tags WHERE note_id = ? AND tag NOT IN (SELECT name FROM codes) LIMIT 1", d.ID).Scan(&missing)
		switch {
		case err == nil:
			return fmt.Errorf("code “%s” was deleted from the codebook: it was %w", missing, ErrConflict)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
	}
	return nil
}
