package notes

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// ErrNotFound is wrapped when a note or code does not exist.
var ErrNotFound = errors.New("not found")

// codeRow is a code as stored, with its place in the codebook.
type codeRow struct {
	Code
	Pos int64 `json:"pos"`
}

// txn is one write transaction that remembers the before-image of every
// row it touches, so the change can be undone.
type txn struct {
	ctx        context.Context
	tx         *sql.Tx
	s          *Store
	now        string
	coder      string // who makes the change (Store.coder)
	codeBefore map[string]*codeRow
	codeOrder  []string
	noteBefore map[string]*Note
	noteOrder  []string
	// corrections are the story corrections written, as deltas.
	corrections []correctionDelta
	// desc and undoDesc describe the change and its undoing (done).
	desc, undoDesc string
}

// done describes the change the transaction made and its undoing, for the
// history; a function given to mutate ends with it.
func (t *txn) done(desc, undoDesc string) error {
	t.desc, t.undoDesc = desc, undoDesc
	return nil
}

// exec runs a statement in the transaction.
func (t *txn) exec(query string, args ...any) error {
	_, err := t.tx.ExecContext(t.ctx, query, args...)
	return err
}

// codeColumns are the columns of a code row, in scanCode's order.
const codeColumns = "name, colour, description, parent, coder, pos"

// codeColumnsAt is what reads codeColumns from a store of schema version
// v: before version 5 codes had no coder.
func codeColumnsAt(v int64) string {
	if v < 5 {
		return "name, colour, description, parent, '' AS coder, pos"
	}
	return codeColumns
}

// scanCode reads a row of codeColumns.
func scanCode(r scanner, c *codeRow) error {
	return r.Scan(&c.Name, &c.Colour, &c.Description, &c.Parent, &c.Coder, &c.Pos)
}

func (t *txn) code(name string) (*codeRow, error) {
	var r codeRow
	err := scanCode(t.tx.QueryRowContext(t.ctx, "SELECT "+codeColumns+" FROM codes WHERE name = ?", name), &r)
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

// existingCode returns the code called name, or an error wrapping
// ErrNotFound when there is none.
func (t *txn) existingCode(name string) (*codeRow, error) {
	r, err := t.code(name)
	if err == nil && r == nil {
		err = fmt.Errorf("code “%s”: %w", name, ErrNotFound)
	}
	return r, err
}

// touchExistingNote records a note's before-image and returns it, or an
// error wrapping ErrNotFound when there is no such note.
func (t *txn) touchExistingNote(id string) (*Note, error) {
	if err := t.touchNote(id); err != nil {
		return nil, err
	}
	n := t.noteBefore[id]
	if n == nil {
		return nil, fmt.Errorf("note %s: %w", id, ErrNotFound)
	}
	return n, nil
}

// touchCode records a code's before-image; call it before changing the row.
func (t *txn) touchCode(name string) error {
	key := lang.ASCIILower(name)
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
	ch := &change{Corrections: t.corrections}
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
// the undo history. fn describes the change with t.done.
func (s *Store) mutate(op string, fn func(t *txn) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.readOnly {
		return fmt.Errorf("%s: %w", op, s.readOnlyRefusal())
	}
	if err := s.writable(); err != nil {
		return err
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
	t := &txn{ctx: ctx, tx: tx, s: s, now: formatTime(s.now()), coder: s.coder,
		codeBefore: map[string]*codeRow{}, noteBefore: map[string]*Note{}}
	if err := fn(t); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	ch, err := t.collect()
	if err != nil {
		return fmt.Errorf("%s: notes %s: %w", op, s.path, err)
	}
	if !ch.empty() {
		ch.desc, ch.undoDesc = t.desc, t.undoDesc
		if err := s.record(ctx, tx, ch); err != nil {
			return fmt.Errorf("%s: notes %s: %w", op, s.path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return s.writeError(op, err)
	}
	return nil
}

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

// writeNote makes a note's tags and memo equal to img, inserting the whole
// note when it is absent, or deletes it when img is nil.
func (t *txn) writeNote(id string, img *Note) error {
	if img == nil {
		return t.deleteNote(id)
	}
	res, err := t.tx.ExecContext(t.ctx, "UPDATE notes SET memo = ?, modified = ?, modified_by = ? WHERE id = ?", img.Memo, t.now, t.coder, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		// The note is restored as its coder's; the one restoring it
		// changed it last.
		a := img.Anchor
		if err := t.exec("INSERT INTO notes("+noteColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			id, a.Article, a.Hash, a.Start, a.End, a.Quote, a.Prefix, a.Suffix, img.Memo,
			formatTime(img.Created), t.now, boolInt(img.Orphaned), a.Outlet, a.Title, img.Coder, t.coder, a.MadeOn); err != nil {
			return err
		}
	}
	if err := t.exec("DELETE FROM note_tags WHERE note_id = ?", id); err != nil {
		return err
	}
	for i, tag := range img.Tags {
		if err := t.exec("INSERT INTO note_tags(note_id, tag, pos) VALUES (?, ?, ?)", id, tag, i); err != nil {
			return err
		}
	}
	return nil
}

func (t *txn) deleteNote(id string) error {
	if err := t.exec("DELETE FROM note_tags WHERE note_id = ?", id); err != nil {
		return err
	}
	return t.exec("DELETE FROM notes WHERE id = ?", id)
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
