package notes

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/parallax-reader/parallax/corpus"
)

// ErrNothingToUndo is returned by Undo when the history is empty.
var ErrNothingToUndo = errors.New("nothing to undo")

// ErrNothingToRedo is returned by Redo when there is nothing undone to redo.
var ErrNothingToRedo = errors.New("nothing to redo")

// ErrConflict is wrapped by Undo and Redo when another process changed the
// same codes or notes since; the store is left as it is.
var ErrConflict = errors.New("changed elsewhere since")

// ErrNotFound is wrapped when a note or code does not exist.
var ErrNotFound = errors.New("not found")

// maxHistory bounds the undo history kept in a notes file.
const maxHistory = 1000

// History states of a change (column history.state).
const (
	stateDone      = 0 // applied; can be undone
	stateUndone    = 1 // undone; can be redone
	stateDiscarded = 2 // undone, then a new change cleared the redo history
	stateDropped   = 3 // refused by a conflict with another process
)

// codeRow is a code as stored, with its place in the codebook.
type codeRow struct {
	Code
	Pos int64 `json:"pos"`
}

// codeDelta and noteDelta are a row before and after a change (nil: absent).
type codeDelta struct {
	Key    string   `json:"key"` // asciiLower(name)
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
	Codes          []codeDelta `json:"codes"`
	Notes          []noteDelta `json:"notes"`
}

func (c *change) empty() bool { return len(c.Codes) == 0 && len(c.Notes) == 0 }

// txn is one write transaction that remembers the before-image of every
// row it touches, so the change can be undone.
type txn struct {
	ctx        context.Context
	tx         *sql.Tx
	s          *Store
	now        string
	codeBefore map[string]*codeRow
	codeOrder  []string
	noteBefore map[string]*Note
	noteOrder  []string
}

// asciiLower folds ASCII letters only, as SQLite's NOCASE collation does.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func (t *txn) code(name string) (*codeRow, error) {
	var r codeRow
	err := t.tx.QueryRowContext(t.ctx, "SELECT name, colour, description, parent, pos FROM codes WHERE name = ?", name).
		Scan(&r.Name, &r.Colour, &r.Description, &r.Parent, &r.Pos)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &r, nil
}

func (t *txn) note(id string) (*Note, error) {
	ns, err := readNotes(t.ctx, t.tx, "WHERE id = ?", []any{id})
	if err != nil || len(ns) == 0 {
		return nil, err
	}
	return &ns[0], nil
}

// touchCode records a code's before-image; call it before changing the row.
func (t *txn) touchCode(name string) error {
	key := asciiLower(name)
	if _, ok := t.codeBefore[key]; ok {
		return nil
	}
	r, err := t.code(name)
	if err != nil {
		return err
	}
	t.codeBefore[key] = r
	t.codeOrder = append(t.codeOrder, key)
	return nil
}

// touchNote records a note's before-image; call it before changing the row.
func (t *txn) touchNote(id string) error {
	if _, ok := t.noteBefore[id]; ok {
		return nil
	}
	n, err := t.note(id)
	if err != nil {
		return err
	}
	t.noteBefore[id] = n
	t.noteOrder = append(t.noteOrder, id)
	return nil
}

// collect compares every touched row with its before-image.
func (t *txn) collect() (*change, error) {
	ch := &change{}
	for _, key := range t.codeOrder {
		after, err := t.code(key)
		if err != nil {
			return nil, err
		}
		if before := t.codeBefore[key]; !sameCode(before, after) {
			ch.Codes = append(ch.Codes, codeDelta{Key: key, Before: before, After: after})
		}
	}
	for _, id := range t.noteOrder {
		after, err := t.note(id)
		if err != nil {
			return nil, err
		}
		if before := t.noteBefore[id]; !sameNote(before, after) {
			ch.Notes = append(ch.Notes, noteDelta{ID: id, Before: before, After: after})
		}
	}
	return ch, nil
}

func sameCode(a, b *codeRow) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Code == b.Code
}

// sameNote compares what the user wrote (tags and memo); anchors move with
// re-anchoring and are not the user's change.
func sameNote(a, b *Note) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Memo == b.Memo && slices.Equal(a.Tags, b.Tags)
}

// mutate runs fn in one write transaction, commits it and records it in
// the undo history. fn returns the change's description and the
// description of its undoing.
func (s *Store) mutate(op string, fn func(t *txn) (desc, undoDesc string, err error)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return s.closedErr()
	}
	if s.readOnly {
		return fmt.Errorf("%s: %w", op, s.readOnlyRefusal())
	}
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.writeError(op, err)
	}
	defer tx.Rollback()
	if err := s.checkVersion(ctx, tx); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	t := &txn{ctx: ctx, tx: tx, s: s, now: formatTime(s.now()),
		codeBefore: map[string]*codeRow{}, noteBefore: map[string]*Note{}}
	desc, undoDesc, err := fn(t)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	ch, err := t.collect()
	if err != nil {
		return fmt.Errorf("%s: notes %s: %w", op, s.path, err)
	}
	if !ch.empty() {
		ch.desc, ch.undoDesc = desc, undoDesc
		if err := s.record(ctx, tx, ch); err != nil {
			return fmt.Errorf("%s: notes %s: %w", op, s.path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return s.writeError(op, err)
	}
	return nil
}

// record adds a change to the history in the change's own transaction,
// clears what this Store could redo, and trims the oldest entries.
func (s *Store) record(ctx context.Context, tx *sql.Tx, ch *change) error {
	data, err := json.Marshal(ch)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE history SET state = ? WHERE state = ? AND "+s.mine(),
		stateDiscarded, stateUndone, s.session, s.openSeq); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO history(session, created, description, undo_description, data, state) VALUES (?, ?, ?, ?, ?, ?)",
		s.session, formatTime(s.now()), ch.desc, ch.undoDesc, string(data), stateDone); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM history WHERE seq <= (SELECT max(seq) FROM history) - ?", maxHistory)
	return err
}

// mine is the SQL condition (with two parameters: session, openSeq) for
// the history entries this Store undoes and redoes: its own changes, and
// those made before it opened the file.
func (s *Store) mine() string { return "(session = ? OR seq <= ?)" }

// checkVersion refuses to write when a newer parallax has upgraded the
// file since it was opened.
func (s *Store) checkVersion(ctx context.Context, tx *sql.Tx) error {
	var v int64
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("notes %s: %w", s.path, err)
	}
	if v > SchemaVersion {
		return fmt.Errorf("notes %s was upgraded by a newer parallax (schema version %d) while open: %w; nothing was written — restart with the newer parallax", s.path, v, ErrNewerVersion)
	}
	return nil
}

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
	if s.db == nil {
		return nil, s.closedErr()
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
	err := q.QueryRowContext(ctx, query, state, s.session, s.openSeq).Scan(&e.seq, &e.desc, &e.undoDesc, &e.data)
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
	return s.step(true)
}

// Redo re-applies the most recently undone change and returns its
// description. Conflicts are handled as in Undo.
func (s *Store) Redo() (string, error) {
	return s.step(false)
}

func (s *Store) step(undo bool) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return "", s.closedErr()
	}
	verb, none := "undo", ErrNothingToUndo
	if !undo {
		verb, none = "redo", ErrNothingToRedo
	}
	if s.readOnly {
		return "", fmt.Errorf("%s: %w", verb, s.readOnlyRefusal())
	}
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", s.writeError(verb, err)
	}
	defer tx.Rollback()
	if err := s.checkVersion(ctx, tx); err != nil {
		return "", fmt.Errorf("%s: %w", verb, err)
	}
	e, err := s.nextIn(ctx, tx, undo)
	if err != nil {
		return "", fmt.Errorf("%s: notes %s: %w", verb, s.path, err)
	}
	if e == nil {
		return "", none
	}
	var ch change
	if err := json.Unmarshal([]byte(e.data), &ch); err != nil {
		return "", fmt.Errorf("%s (%s): notes %s: history entry %d is unreadable: %w", verb, e.desc, s.path, e.seq, err)
	}
	t := &txn{ctx: ctx, tx: tx, s: s, now: formatTime(s.now())}
	if err := t.apply(&ch, undo); err != nil {
		if !errors.Is(err, ErrConflict) {
			return "", fmt.Errorf("%s (%s): notes %s: %w", verb, e.desc, s.path, err)
		}
		// Undo what apply wrote, and drop the step for good.
		tx.Rollback()
		if derr := s.dropEntry(ctx, e.seq); derr != nil {
			return "", fmt.Errorf("cannot %s (%s): %w; nothing was changed (%v)", verb, e.desc, err, derr)
		}
		return "", fmt.Errorf("cannot %s (%s): %w; nothing was changed and the step was dropped from the history", verb, e.desc, err)
	}
	if undo {
		_, err = tx.ExecContext(ctx, "UPDATE history SET state = ?, undone = (SELECT coalesce(max(undone), 0) + 1 FROM history) WHERE seq = ?", stateUndone, e.seq)
	} else {
		_, err = tx.ExecContext(ctx, "UPDATE history SET state = ? WHERE seq = ?", stateDone, e.seq)
	}
	if err != nil {
		return "", fmt.Errorf("%s (%s): notes %s: %w", verb, e.desc, s.path, err)
	}
	if err := tx.Commit(); err != nil {
		return "", s.writeError(verb+" ("+e.desc+")", err)
	}
	if undo {
		return e.undoDesc, nil
	}
	return e.desc, nil
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
			if _, err := t.tx.ExecContext(t.ctx, "DELETE FROM codes WHERE name = ?", other.Name); err != nil {
				return err
			}
			continue
		}
		if _, err := t.tx.ExecContext(t.ctx, "INSERT OR REPLACE INTO codes(name, colour, description, parent, pos) VALUES (?, ?, ?, ?, ?)",
			write.Name, write.Colour, write.Description, write.Parent, write.Pos); err != nil {
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

// writeNote makes a note's tags and memo equal to img, inserting the whole
// note when it is absent, or deletes it when img is nil.
func (t *txn) writeNote(id string, img *Note) error {
	if img == nil {
		return t.deleteNote(id)
	}
	res, err := t.tx.ExecContext(t.ctx, "UPDATE notes SET memo = ?, modified = ? WHERE id = ?", img.Memo, t.now, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		a := img.Anchor
		if _, err := t.tx.ExecContext(t.ctx, "INSERT INTO notes("+noteColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			id, a.Article, a.Hash, a.Start, a.End, a.Quote, a.Prefix, a.Suffix, img.Memo,
			formatTime(img.Created), t.now, boolInt(img.Orphaned), a.Outlet, a.Title); err != nil {
			return err
		}
	}
	if _, err := t.tx.ExecContext(t.ctx, "DELETE FROM note_tags WHERE note_id = ?", id); err != nil {
		return err
	}
	for i, tag := range img.Tags {
		if _, err := t.tx.ExecContext(t.ctx, "INSERT INTO note_tags(note_id, tag, pos) VALUES (?, ?, ?)", id, tag, i); err != nil {
			return err
		}
	}
	return nil
}

func (t *txn) deleteNote(id string) error {
	if _, err := t.tx.ExecContext(t.ctx, "DELETE FROM note_tags WHERE note_id = ?", id); err != nil {
		return err
	}
	_, err := t.tx.ExecContext(t.ctx, "DELETE FROM notes WHERE id = ?", id)
	return err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// snippet shortens a quote for a message.
func snippet(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	if utf8.RuneCountInString(q) <= 40 {
		return q
	}
	r := []rune(q)
	return strings.TrimSpace(string(r[:39])) + "…"
}

func quoteNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "“" + n + "”"
	}
	return strings.Join(q, ", ")
}

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
		_, err = t.tx.ExecContext(t.ctx,
			"INSERT INTO codes(name, colour, description, parent, pos) VALUES (?, ?, ?, ?, ?)",
			c.Name, c.Colour, c.Description, c.Parent, *pos)
	} else {
		_, err = t.tx.ExecContext(t.ctx,
			"INSERT INTO codes(name, colour, description, parent, pos) VALUES (?, ?, ?, ?, (SELECT coalesce(max(pos), 0) + 1 FROM codes))",
			c.Name, c.Colour, c.Description, c.Parent)
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

// Tag tags the passage a with the given tags and an optional memo, creating
// codes that do not exist yet. When a note on exactly the same passage
// exists, the tags are added to it (and a new memo appended to its memo)
// instead of creating a second note. It returns the note as saved.
func (s *Store) Tag(a Anchor, tags []string, memo string) (Note, error) {
	var out Note
	op := "tag passage"
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
		if !slices.ContainsFunc(clean, func(c string) bool { return asciiLower(c) == asciiLower(tag) }) {
			clean = append(clean, tag)
		}
	}
	if len(clean) == 0 && strings.TrimSpace(memo) == "" {
		return out, fmt.Errorf("%s: give at least one tag or a memo", op)
	}
	err := s.mutate(op, func(t *txn) (string, string, error) {
		names := make([]string, 0, len(clean))
		for _, tag := range clean {
			name, err := t.ensureCode(tag)
			if err != nil {
				return "", "", err
			}
			names = append(names, name)
		}
		var id string
		err := t.tx.QueryRowContext(t.ctx,
			"SELECT id FROM notes WHERE article = ? AND start_byte = ? AND end_byte = ? AND quote = ? AND orphaned = 0 ORDER BY created, id LIMIT 1",
			a.Article, a.Start, a.End, a.Quote).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			id = uuid.NewString()
			if err := t.touchNote(id); err != nil {
				return "", "", err
			}
			if _, err := t.tx.ExecContext(t.ctx, "INSERT INTO notes("+noteColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
				id, a.Article, a.Hash, a.Start, a.End, a.Quote, a.Prefix, a.Suffix, memo, t.now, t.now, a.Outlet, a.Title); err != nil {
				return "", "", err
			}
		case err != nil:
			return "", "", err
		default:
			if err := t.touchNote(id); err != nil {
				return "", "", err
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
			if _, err := t.tx.ExecContext(t.ctx, "UPDATE notes SET memo = ?, modified = ? WHERE id = ?", newMemo, t.now, id); err != nil {
				return "", "", err
			}
		}
		var added []string
		for _, name := range names {
			res, err := t.tx.ExecContext(t.ctx,
				"INSERT OR IGNORE INTO note_tags(note_id, tag, pos) VALUES (?, ?, (SELECT coalesce(max(pos), -1) + 1 FROM note_tags WHERE note_id = ?))",
				id, name, id)
			if err != nil {
				return "", "", err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				added = append(added, name)
			}
		}
		if len(added) > 0 {
			// Remembered for "tag again" in a later session.
			if _, err := t.tx.ExecContext(t.ctx, "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", lastTagKey, added[len(added)-1]); err != nil {
				return "", "", err
			}
		}
		n, err := t.note(id)
		if err != nil {
			return "", "", err
		}
		out = *n
		q := snippet(a.Quote)
		if len(added) == 0 {
			return fmt.Sprintf("added a memo on “%s”", q), fmt.Sprintf("removed the memo on “%s”", q), nil
		}
		return fmt.Sprintf("tagged %s on “%s”", quoteNames(added), q), fmt.Sprintf("untagged %s on “%s”", quoteNames(added), q), nil
	})
	return out, err
}

// lastTagKey is the meta row holding the tag Tag last applied.
const lastTagKey = "last_tag"

// renameLastTag makes the remembered last tag follow its code from one
// name to another (a rename or a merge).
func (t *txn) renameLastTag(from, to string) error {
	_, err := t.tx.ExecContext(t.ctx, "UPDATE meta SET value = ? WHERE key = ? AND value = ? COLLATE NOCASE", to, lastTagKey, from)
	return err
}

// LastTag returns the tag most recently applied by Tag, in any session
// (under its new name if renamed since), or "" when none was or its code
// no longer exists.
func (s *Store) LastTag() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return "", s.closedErr()
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
	return s.mutate("untag", func(t *txn) (string, string, error) {
		if err := t.touchNote(noteID); err != nil {
			return "", "", err
		}
		n := t.noteBefore[noteID]
		if n == nil {
			return "", "", fmt.Errorf("note %s: %w", noteID, ErrNotFound)
		}
		i := slices.IndexFunc(n.Tags, func(x string) bool { return asciiLower(x) == asciiLower(tag) })
		if i < 0 {
			return "", "", fmt.Errorf("the note on “%s” has no tag “%s”", snippet(n.Anchor.Quote), tag)
		}
		name := n.Tags[i]
		if _, err := t.tx.ExecContext(t.ctx, "DELETE FROM note_tags WHERE note_id = ? AND tag = ?", noteID, name); err != nil {
			return "", "", err
		}
		if err := t.dropIfEmpty(noteID); err != nil {
			return "", "", err
		}
		q := snippet(n.Anchor.Quote)
		return fmt.Sprintf("untagged “%s” on “%s”", name, q), fmt.Sprintf("tagged “%s” on “%s”", name, q), nil
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
	_, err := t.tx.ExecContext(t.ctx, "UPDATE notes SET modified = ? WHERE id = ?", t.now, id)
	return err
}

// SetMemo replaces a note's memo. A note left with no tags and no memo is
// deleted.
func (s *Store) SetMemo(noteID, memo string) error {
	return s.mutate("set memo", func(t *txn) (string, string, error) {
		if err := t.touchNote(noteID); err != nil {
			return "", "", err
		}
		n := t.noteBefore[noteID]
		if n == nil {
			return "", "", fmt.Errorf("note %s: %w", noteID, ErrNotFound)
		}
		if _, err := t.tx.ExecContext(t.ctx, "UPDATE notes SET memo = ? WHERE id = ?", memo, noteID); err != nil {
			return "", "", err
		}
		if err := t.dropIfEmpty(noteID); err != nil {
			return "", "", err
		}
		q := snippet(n.Anchor.Quote)
		switch {
		case strings.TrimSpace(n.Memo) == "":
			return fmt.Sprintf("added a memo on “%s”", q), fmt.Sprintf("removed the memo on “%s”", q), nil
		case strings.TrimSpace(memo) == "":
			return fmt.Sprintf("removed the memo on “%s”", q), fmt.Sprintf("restored the memo on “%s”", q), nil
		}
		return fmt.Sprintf("edited the memo on “%s”", q), fmt.Sprintf("restored the memo on “%s”", q), nil
	})
}

// DeleteNote deletes a note with its tags and memo.
func (s *Store) DeleteNote(noteID string) error {
	return s.mutate("delete note", func(t *txn) (string, string, error) {
		if err := t.touchNote(noteID); err != nil {
			return "", "", err
		}
		n := t.noteBefore[noteID]
		if n == nil {
			return "", "", fmt.Errorf("note %s: %w", noteID, ErrNotFound)
		}
		if err := t.deleteNote(noteID); err != nil {
			return "", "", err
		}
		q := snippet(n.Anchor.Quote)
		return fmt.Sprintf("deleted the note on “%s”", q), fmt.Sprintf("restored the note on “%s”", q), nil
	})
}

// AddCode adds a code to the codebook. An empty colour gets one from the
// palette; a name like "blame/us" without a parent gets parent "blame",
// created when missing. An explicit parent must exist.
func (s *Store) AddCode(c Code) error {
	c.Name = strings.TrimSpace(c.Name)
	if err := validateCode(c); err != nil {
		return fmt.Errorf("add code: %w", err)
	}
	return s.mutate("add code", func(t *txn) (string, string, error) {
		if err := t.addCode(c); err != nil {
			return "", "", err
		}
		return fmt.Sprintf("added code “%s”", c.Name), fmt.Sprintf("removed code “%s”", c.Name), nil
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
	return s.mutate("update code", func(t *txn) (string, string, error) {
		old, err := t.code(c.Name)
		if err != nil {
			return "", "", err
		}
		if old == nil {
			return "", "", fmt.Errorf("code “%s”: %w", c.Name, ErrNotFound)
		}
		c.Name = old.Name
		if c.Colour == "" {
			c.Colour = old.Colour
		}
		if c.Parent != "" {
			p, err := t.code(c.Parent)
			if err != nil {
				return "", "", err
			}
			if p == nil {
				return "", "", fmt.Errorf("code “%s”: parent “%s” does not exist", c.Name, c.Parent)
			}
			c.Parent = p.Name
			loop, err := t.isDescendant(p.Name, c.Name)
			if err != nil {
				return "", "", err
			}
			if loop || asciiLower(p.Name) == asciiLower(c.Name) {
				return "", "", fmt.Errorf("code “%s” cannot have “%s” as parent: that would make a loop", c.Name, c.Parent)
			}
		}
		if err := t.touchCode(c.Name); err != nil {
			return "", "", err
		}
		if _, err := t.tx.ExecContext(t.ctx, "UPDATE codes SET colour = ?, description = ?, parent = ? WHERE name = ?",
			c.Colour, c.Description, c.Parent, c.Name); err != nil {
			return "", "", err
		}
		return fmt.Sprintf("changed code “%s”", c.Name), fmt.Sprintf("restored code “%s”", c.Name), nil
	})
}

// isDescendant reports whether code name lies below code ancestor.
func (t *txn) isDescendant(name, ancestor string) (bool, error) {
	cur, err := t.code(name)
	for steps := 0; err == nil && cur != nil && cur.Parent != "" && steps < 10000; steps++ {
		if asciiLower(cur.Parent) == asciiLower(ancestor) {
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
	rows, err := t.tx.QueryContext(t.ctx, "SELECT name, colour, description, parent, pos FROM codes ORDER BY pos, name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []codeRow
	for rows.Next() {
		var r codeRow
		if err := rows.Scan(&r.Name, &r.Colour, &r.Description, &r.Parent, &r.Pos); err != nil {
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
		if asciiLower(r.Parent) != asciiLower(from) || asciiLower(r.Name) == asciiLower(to) {
			continue
		}
		if err := t.touchCode(r.Name); err != nil {
			return err
		}
		if _, err := t.tx.ExecContext(t.ctx, "UPDATE codes SET parent = ? WHERE name = ?", to, r.Name); err != nil {
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
	return s.mutate("rename code", func(t *txn) (string, string, error) {
		old, err := t.code(oldName)
		if err != nil {
			return "", "", err
		}
		if old == nil {
			return "", "", fmt.Errorf("code “%s”: %w", oldName, ErrNotFound)
		}
		if old.Name == newName {
			return "", "", nil
		}
		all, err := t.codeNames()
		if err != nil {
			return "", "", err
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
			moving[asciiLower(p.from)] = true
		}
		for _, p := range renames {
			if err := ValidateName(p.to); err != nil {
				return "", "", err
			}
			if ex, err := t.code(p.to); err != nil {
				return "", "", err
			} else if ex != nil && !moving[asciiLower(ex.Name)] {
				return "", "", fmt.Errorf("“%s” already exists; merge “%s” into it instead", ex.Name, p.from)
			}
		}
		rows := map[string]*codeRow{}
		for _, p := range renames {
			r, err := t.code(p.from)
			if err != nil {
				return "", "", err
			}
			rows[p.from] = r
			if err := t.touchCode(p.from); err != nil {
				return "", "", err
			}
			if err := t.touchCode(p.to); err != nil {
				return "", "", err
			}
			if _, err := t.tx.ExecContext(t.ctx, "DELETE FROM codes WHERE name = ?", p.from); err != nil {
				return "", "", err
			}
		}
		for _, p := range renames {
			r := rows[p.from]
			if _, err := t.tx.ExecContext(t.ctx, "INSERT INTO codes(name, colour, description, parent, pos) VALUES (?, ?, ?, ?, ?)",
				p.to, r.Colour, r.Description, r.Parent, r.Pos); err != nil {
				return "", "", err
			}
			ids, err := t.notesWithTag(p.from)
			if err != nil {
				return "", "", err
			}
			for _, id := range ids {
				if err := t.touchNote(id); err != nil {
					return "", "", err
				}
			}
			if _, err := t.tx.ExecContext(t.ctx, "UPDATE note_tags SET tag = ? WHERE tag = ?", p.to, p.from); err != nil {
				return "", "", err
			}
			if _, err := t.tx.ExecContext(t.ctx, "UPDATE notes SET modified = ? WHERE id IN (SELECT note_id FROM note_tags WHERE tag = ?)", t.now, p.to); err != nil {
				return "", "", err
			}
			if err := t.renameLastTag(p.from, p.to); err != nil {
				return "", "", err
			}
		}
		for _, p := range renames {
			if err := t.reparent(p.from, p.to); err != nil {
				return "", "", err
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
				return "", "", err
			}
		} else if old.Parent != "" && strings.HasPrefix(asciiLower(old.Name), asciiLower(old.Parent)+"/") {
			parent = ""
		}
		if parent != old.Parent {
			loop, err := t.isDescendant(parent, newName)
			if err != nil {
				return "", "", err
			}
			if loop {
				return "", "", fmt.Errorf("cannot rename “%s” to “%s”: “%s” lies under “%s”, so that would make a loop", old.Name, newName, parent, old.Name)
			}
			if _, err := t.tx.ExecContext(t.ctx, "UPDATE codes SET parent = ? WHERE name = ?", parent, newName); err != nil {
				return "", "", err
			}
		}
		return fmt.Sprintf("renamed code “%s” to “%s”", old.Name, newName), fmt.Sprintf("renamed code “%s” back to “%s”", newName, old.Name), nil
	})
}

// MergeCodes merges code from into code into: every passage tagged from is
// tagged into instead, from's children move under into, and from is
// removed from the codebook.
func (s *Store) MergeCodes(from, into string) error {
	return s.mutate("merge codes", func(t *txn) (string, string, error) {
		f, err := t.code(from)
		if err != nil {
			return "", "", err
		}
		if f == nil {
			return "", "", fmt.Errorf("code “%s”: %w", from, ErrNotFound)
		}
		i, err := t.code(into)
		if err != nil {
			return "", "", err
		}
		if i == nil {
			return "", "", fmt.Errorf("code “%s”: %w", into, ErrNotFound)
		}
		if asciiLower(f.Name) == asciiLower(i.Name) {
			return "", "", fmt.Errorf("cannot merge code “%s” into itself", f.Name)
		}
		ids, err := t.notesWithTag(f.Name)
		if err != nil {
			return "", "", err
		}
		for _, id := range ids {
			if err := t.touchNote(id); err != nil {
				return "", "", err
			}
			n := t.noteBefore[id]
			if slices.ContainsFunc(n.Tags, func(x string) bool { return asciiLower(x) == asciiLower(i.Name) }) {
				_, err = t.tx.ExecContext(t.ctx, "DELETE FROM note_tags WHERE note_id = ? AND tag = ?", id, f.Name)
			} else {
				_, err = t.tx.ExecContext(t.ctx, "UPDATE note_tags SET tag = ? WHERE note_id = ? AND tag = ?", i.Name, id, f.Name)
			}
			if err != nil {
				return "", "", err
			}
			if _, err := t.tx.ExecContext(t.ctx, "UPDATE notes SET modified = ? WHERE id = ?", t.now, id); err != nil {
				return "", "", err
			}
		}
		descendant, err := t.isDescendant(i.Name, f.Name)
		if err != nil {
			return "", "", err
		}
		if descendant { // lift the target out from under the code that goes
			if err := t.touchCode(i.Name); err != nil {
				return "", "", err
			}
			if _, err := t.tx.ExecContext(t.ctx, "UPDATE codes SET parent = ? WHERE name = ?", f.Parent, i.Name); err != nil {
				return "", "", err
			}
		}
		if err := t.reparent(f.Name, i.Name); err != nil {
			return "", "", err
		}
		if err := t.touchCode(f.Name); err != nil {
			return "", "", err
		}
		if _, err := t.tx.ExecContext(t.ctx, "DELETE FROM codes WHERE name = ?", f.Name); err != nil {
			return "", "", err
		}
		if err := t.renameLastTag(f.Name, i.Name); err != nil {
			return "", "", err
		}
		return fmt.Sprintf("merged code “%s” into “%s” (%s)", f.Name, i.Name, corpus.Count(len(ids), "passage")),
			fmt.Sprintf("split code “%s” from “%s” again", f.Name, i.Name), nil
	})
}

// DeleteCode removes a code from the codebook and from every note. Notes
// left with no tags and no memo are deleted; children move to the deleted
// code's parent. Undo restores all of it.
func (s *Store) DeleteCode(name string) error {
	return s.mutate("delete code", func(t *txn) (string, string, error) {
		c, err := t.code(name)
		if err != nil {
			return "", "", err
		}
		if c == nil {
			return "", "", fmt.Errorf("code “%s”: %w", name, ErrNotFound)
		}
		ids, err := t.notesWithTag(c.Name)
		if err != nil {
			return "", "", err
		}
		for _, id := range ids {
			if err := t.touchNote(id); err != nil {
				return "", "", err
			}
			if _, err := t.tx.ExecContext(t.ctx, "DELETE FROM note_tags WHERE note_id = ? AND tag = ?", id, c.Name); err != nil {
				return "", "", err
			}
			if err := t.dropIfEmpty(id); err != nil {
				return "", "", err
			}
		}
		if err := t.reparent(c.Name, c.Parent); err != nil {
			return "", "", err
		}
		if err := t.touchCode(c.Name); err != nil {
			return "", "", err
		}
		if _, err := t.tx.ExecContext(t.ctx, "DELETE FROM codes WHERE name = ?", c.Name); err != nil {
			return "", "", err
		}
		return fmt.Sprintf("deleted code “%s” (from %s)", c.Name, corpus.Count(len(ids), "passage")),
			fmt.Sprintf("restored code “%s”", c.Name), nil
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
	err := s.mutate("import codebook "+source, func(t *txn) (string, string, error) {
		before, err := t.codeNames()
		if err != nil {
			return "", "", err
		}
		pending := slices.Clone(codes)
		for len(pending) > 0 {
			progress := false
			var rest []Code
			for _, c := range pending {
				if c.Parent != "" {
					p, err := t.code(c.Parent)
					if err != nil {
						return "", "", err
					}
					if p == nil && slices.ContainsFunc(pending, func(o Code) bool { return asciiLower(o.Name) == asciiLower(c.Parent) }) {
						rest = append(rest, c)
						continue
					}
					if p == nil {
						if _, err := t.ensureCode(c.Parent); err != nil {
							return "", "", err
						}
					}
				}
				progress = true
				ex, err := t.code(c.Name)
				if err != nil {
					return "", "", err
				}
				if ex != nil {
					continue
				}
				if err := t.addCode(c); err != nil {
					return "", "", err
				}
			}
			if !progress {
				return "", "", fmt.Errorf("codes %s: their parents form a loop", quoteNames(names(rest)))
			}
			pending = rest
		}
		after, err := t.codeNames()
		if err != nil {
			return "", "", err
		}
		added = len(after) - len(before)
		return fmt.Sprintf("imported %s from %s", corpus.Count(added, "code"), source),
			fmt.Sprintf("removed %s imported from %s", corpus.Count(added, "code"), source), nil
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
