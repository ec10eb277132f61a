package notes

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// RowProblem is a row of a notes file that cannot be read: a value of the
// wrong type (text where a byte offset belongs) or out of range.
type RowProblem struct {
	Note string // the note's id ("row 12" when the id itself is unusable)
	What string // what is wrong: "start_byte is "abc", not a byte offset"
}

func (p RowProblem) String() string { return "note " + p.Note + ": " + p.What }

// noteColumns are the columns of a note row, in scanNote's order.
const noteColumns = "id, article, hash, start_byte, end_byte, quote, prefix, suffix, memo, created, modified, orphaned, outlet, title, coder, modified_by, made_on"

// noteColumnsAt is what reads noteColumns from a store of schema version
// v: before version 3 the notes had no outlet and title, before version 5
// no coder, before version 6 no made_on.
func noteColumnsAt(v int64) string {
	cols := noteColumns
	if v < 6 {
		cols = strings.TrimSuffix(cols, "made_on") + "'' AS made_on"
	}
	if v < 5 {
		cols = strings.Replace(cols, "coder, modified_by", "'' AS coder, '' AS modified_by", 1)
	}
	if v < 3 {
		cols = strings.Replace(cols, "outlet, title", "'' AS outlet, '' AS title", 1)
	}
	return cols
}

// readNotes reads the notes of a store of this schema version, or fails
// on the first row that cannot be read.
func readNotes(ctx context.Context, q querier, where string, args []any) ([]Note, error) {
	ns, _, err := readNotesAt(ctx, q, SchemaVersion, where, args, false)
	return ns, err
}

// readNotesAt reads the notes of a store of schema version v with their
// tags. A row that cannot be read fails the read, or, with skip, is left
// out and reported.
func readNotesAt(ctx context.Context, q querier, v int64, where string, args []any, skip bool) ([]Note, []RowProblem, error) {
	rows, err := q.QueryContext(ctx, "SELECT rowid, "+noteColumnsAt(v)+" FROM notes "+where+" ORDER BY article, start_byte, end_byte, created, id", args...)
	if err != nil {
		return nil, nil, err
	}
	var out []Note
	var bad []RowProblem
	index := map[string]int{}
	for rows.Next() {
		n, p, err := scanNote(rows)
		if err != nil {
			rows.Close()
			return nil, nil, err
		}
		if p != nil {
			if !skip {
				rows.Close()
				return nil, nil, fmt.Errorf("%w: %s", ErrUnreadableRows, p)
			}
			bad = append(bad, *p)
			continue
		}
		n.Tags = []string{} // never null in JSON
		index[n.ID] = len(out)
		out = append(out, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	if len(out) == 0 {
		return nil, bad, nil
	}
	tagQuery := "SELECT note_id, tag FROM note_tags ORDER BY note_id, pos"
	var tagArgs []any
	if len(out) == 1 {
		tagQuery = "SELECT note_id, tag FROM note_tags WHERE note_id = ? ORDER BY pos"
		tagArgs = []any{out[0].ID}
	}
	trows, err := q.QueryContext(ctx, tagQuery, tagArgs...)
	if err != nil {
		return nil, nil, err
	}
	defer trows.Close()
	for trows.Next() {
		var id, tag string
		if err := trows.Scan(&id, &tag); err != nil {
			return nil, nil, err
		}
		if i, ok := index[id]; ok {
			out[i].Tags = append(out[i].Tags, tag)
		}
	}
	return out, bad, trows.Err()
}

// suspectNotes selects the note rows scanNote may refuse: a byte offset
// or flag that is not a whole number or is out of range, or a missing
// value. Finding them in SQL spares reading every note when opening.
const suspectNotes = `typeof(start_byte) <> 'integer' OR typeof(end_byte) <> 'integer' OR typeof(orphaned) <> 'integer'
	OR start_byte < 0 OR end_byte < start_byte OR end_byte > 1099511627776
	OR id IS NULL OR article IS NULL OR hash IS NULL OR quote IS NULL OR prefix IS NULL OR suffix IS NULL
	OR memo IS NULL OR created IS NULL OR modified IS NULL`

// unreadableNotes lists the notes of a store of schema version v that
// cannot be read.
func unreadableNotes(ctx context.Context, q querier, v int64) ([]RowProblem, error) {
	cond := suspectNotes
	if v >= 3 {
		cond += " OR outlet IS NULL OR title IS NULL"
	}
	if v >= 5 {
		cond += " OR coder IS NULL OR modified_by IS NULL"
	}
	if v >= 6 {
		cond += " OR made_on IS NULL"
	}
	rows, err := q.QueryContext(ctx, "SELECT rowid, "+noteColumnsAt(v)+" FROM notes WHERE "+cond+" ORDER BY rowid")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var bad []RowProblem
	for rows.Next() {
		_, p, err := scanNote(rows)
		if err != nil {
			return nil, err
		}
		if p != nil {
			bad = append(bad, *p)
		}
	}
	return bad, rows.Err()
}

type scanner interface{ Scan(dest ...any) error }

// scanNote reads a row of rowid and noteColumns. A row whose values are
// of the wrong type or out of range gives a RowProblem instead of a note;
// the error is for the read itself failing.
func scanNote(r scanner) (Note, *RowProblem, error) {
	var rowid int64
	v := make([]any, 17)
	dest := []any{&rowid}
	for i := range v {
		dest = append(dest, &v[i])
	}
	if err := r.Scan(dest...); err != nil {
		return Note{}, nil, err
	}
	var n Note
	var what []string
	text := func(i int, col string) string {
		switch x := v[i].(type) {
		case string:
			return x
		case []byte:
			return string(x)
		case nil:
			what = append(what, col+" is missing (NULL)")
		default:
			return fmt.Sprint(x) // a number where text belongs reads as its digits
		}
		return ""
	}
	offset := func(i int, col string) int {
		x, ok := v[i].(int64)
		if !ok {
			what = append(what, col+" is "+describeValue(v[i])+", not a byte offset")
			return 0
		}
		if x < 0 || x > 1<<40 {
			what = append(what, fmt.Sprintf("%s is %d, not a byte offset", col, x))
			return 0
		}
		return int(x)
	}
	n.ID = text(0, "id")
	n.Anchor.Article = text(1, "article")
	n.Anchor.Hash = text(2, "hash")
	n.Anchor.Start = offset(3, "start_byte")
	n.Anchor.End = offset(4, "end_byte")
	n.Anchor.Quote = text(5, "quote")
	n.Anchor.Prefix = text(6, "prefix")
	n.Anchor.Suffix = text(7, "suffix")
	n.Memo = text(8, "memo")
	created, modified := text(9, "created"), text(10, "modified")
	switch x := v[11].(type) {
	case int64:
		n.Orphaned = x != 0
	default:
		what = append(what, "orphaned is "+describeValue(x)+", not 0 or 1")
	}
	n.Anchor.Outlet = text(12, "outlet")
	n.Anchor.Title = text(13, "title")
	n.Coder = text(14, "coder")
	n.ModifiedBy = text(15, "modified_by")
	n.Anchor.MadeOn = text(16, "made_on")
	if len(what) == 0 && n.Anchor.End < n.Anchor.Start {
		what = append(what, fmt.Sprintf("end_byte %d is before start_byte %d", n.Anchor.End, n.Anchor.Start))
	}
	if len(what) > 0 {
		id := n.ID
		if id == "" || !utf8.ValidString(id) {
			id = "in row " + strconv.FormatInt(rowid, 10)
		}
		return Note{}, &RowProblem{Note: id, What: strings.Join(what, "; ")}, nil
	}
	n.Created, _ = time.Parse(time.RFC3339Nano, created)
	n.Modified, _ = time.Parse(time.RFC3339Nano, modified)
	return n, nil, nil
}

// describeValue shows a stored value in a message: text quoted (and cut
// to 40 characters), numbers as they are.
func describeValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "missing (NULL)"
	case string:
		if utf8.RuneCountInString(x) > 40 {
			x = string([]rune(x)[:40]) + "…"
		}
		return strconv.Quote(x)
	case []byte:
		return fmt.Sprintf("%d bytes of binary data", len(x))
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}
