package notes

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// The kinds of Correction, as corpus/compare names them.
const (
	CorrectMove  = "move"  // Article leaves its story for the story of Target
	CorrectMerge = "merge" // the stories of Article and Target become one
	CorrectSplit = "split" // Articles leave their story and form a new one
)

// Correction is a user's fix to how articles are grouped into stories,
// made in the reader: moving an article to another story, merging two
// stories, splitting articles off one. It names articles, not story ids,
// so it holds when articles are added and the stories' ids change. The
// corrections are applied in the order they were made (Seq), and are
// undone and redone with the notes' history.
type Correction struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"`
	Article  string   `json:"article,omitempty"`
	Target   string   `json:"target,omitempty"`
	Articles []string `json:"articles,omitempty"`
	// Description says what the correction does, for the undo history
	// ("move “Death toll rises to 11” to story 2").
	Description string    `json:"description,omitempty"`
	Created     time.Time `json:"created"`
	Seq         int64     `json:"seq"`
}

// correctionDelta is a correction before and after a change (nil: absent).
type correctionDelta struct {
	ID     string      `json:"id"`
	Before *Correction `json:"before"`
	After  *Correction `json:"after"`
}

// validate checks a correction names what its kind needs.
func (c Correction) validate() error {
	switch c.Kind {
	case CorrectMove, CorrectMerge:
		if strings.TrimSpace(c.Article) == "" || strings.TrimSpace(c.Target) == "" {
			return fmt.Errorf("a %s names an article and a target article; got %q and %q", c.Kind, c.Article, c.Target)
		}
		if c.Article == c.Target {
			return fmt.Errorf("a %s needs two different articles; got %q twice", c.Kind, c.Article)
		}
	case CorrectSplit:
		if len(c.Articles) == 0 {
			return errors.New("a split names the articles to split off; got none")
		}
		for _, a := range c.Articles {
			if strings.TrimSpace(a) == "" {
				return errors.New("a split names an empty article id")
			}
		}
	default:
		return fmt.Errorf("unknown kind %q: a correction is a move, a merge or a split", c.Kind)
	}
	return nil
}

// describe is a correction's default description.
func (c Correction) describe() string {
	switch c.Kind {
	case CorrectMove:
		return fmt.Sprintf("move %s to the story of %s", c.Article, c.Target)
	case CorrectMerge:
		return fmt.Sprintf("merge the stories of %s and %s", c.Article, c.Target)
	}
	return fmt.Sprintf("split %s off into a story of their own", strings.Join(c.Articles, ", "))
}

// AddCorrection saves a story correction after the ones already made and
// records it in the undo history. It returns the correction as saved
// (with its id, time and place in the order).
func (s *Store) AddCorrection(c Correction) (Correction, error) {
	op := "save story correction"
	if err := c.validate(); err != nil {
		return Correction{}, fmt.Errorf("%s: %w", op, err)
	}
	if c.Description == "" {
		c.Description = c.describe()
	}
	c.ID = uuid.NewString()
	c.Articles = slices.Clone(c.Articles)
	err := s.mutate(op, func(t *txn) error {
		if err := t.tx.QueryRowContext(t.ctx, "SELECT coalesce(max(seq), 0) + 1 FROM corrections").Scan(&c.Seq); err != nil {
			return err
		}
		created, err := time.Parse(time.RFC3339Nano, t.now)
		if err != nil {
			return err
		}
		c.Created = created
		if err := t.writeCorrection(c.ID, &c); err != nil {
			return err
		}
		saved := c
		t.corrections = append(t.corrections, correctionDelta{ID: c.ID, After: &saved})
		return t.done("story correction: "+c.Description, "took back the story correction: "+c.Description)
	})
	if err != nil {
		return Correction{}, err
	}
	return c, nil
}

// DeleteCorrection removes a story correction (undoably).
func (s *Store) DeleteCorrection(id string) error {
	op := "delete story correction"
	return s.mutate(op, func(t *txn) error {
		cur, err := t.correction(id)
		if err != nil {
			return err
		}
		if cur == nil {
			return fmt.Errorf("story correction %s: %w", id, ErrNotFound)
		}
		if err := t.writeCorrection(id, nil); err != nil {
			return err
		}
		t.corrections = append(t.corrections, correctionDelta{ID: id, Before: cur})
		return t.done("deleted the story correction: "+cur.Description, "restored the story correction: "+cur.Description)
	})
}

// Corrections returns the story corrections in the order they apply.
func (s *Store) Corrections() ([]Correction, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ok, err := s.readable(); !ok {
		return nil, err
	}
	cs, err := readCorrections(context.Background(), s.db, "", nil)
	if err != nil {
		return nil, fmt.Errorf("read story corrections from %s: %w", s.path, err)
	}
	return cs, nil
}

const correctionColumns = "id, seq, kind, article, target, articles, description, created"

func readCorrections(ctx context.Context, q querier, where string, args []any) ([]Correction, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+correctionColumns+" FROM corrections "+where+" ORDER BY seq, id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Correction
	for rows.Next() {
		var c Correction
		var articles, created string
		if err := rows.Scan(&c.ID, &c.Seq, &c.Kind, &c.Article, &c.Target, &articles, &c.Description, &created); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(articles), &c.Articles); err != nil {
			return nil, fmt.Errorf("story correction %s: its article list is unreadable: %w", c.ID, err)
		}
		c.Created, _ = time.Parse(time.RFC3339Nano, created)
		out = append(out, c)
	}
	return out, rows.Err()
}

// correction reads one correction in the transaction, nil when absent.
func (t *txn) correction(id string) (*Correction, error) {
	cs, err := readCorrections(t.ctx, t.tx, "WHERE id = ?", []any{id})
	if err != nil || len(cs) == 0 {
		return nil, err
	}
	return &cs[0], nil
}

// writeCorrection makes the correction with id equal to img, or deletes
// it when img is nil.
func (t *txn) writeCorrection(id string, img *Correction) error {
	if img == nil {
		return t.exec("DELETE FROM corrections WHERE id = ?", id)
	}
	articles, err := json.Marshal(img.Articles)
	if err != nil {
		return err
	}
	if img.Articles == nil {
		articles = []byte("[]")
	}
	err = t.exec("INSERT OR REPLACE INTO corrections("+correctionColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		id, img.Seq, img.Kind, img.Article, img.Target, string(articles), img.Description, formatTime(img.Created))
	return err
}

// sameCorrection compares two images of a correction (nil: absent).
func sameCorrection(a, b *Correction) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.ID == b.ID && a.Seq == b.Seq && a.Kind == b.Kind && a.Article == b.Article && a.Target == b.Target &&
		slices.Equal(a.Articles, b.Articles) && a.Description == b.Description
}

// applyCorrections undoes (or redoes) the corrections of a history step:
// each must still be as the step left it (or found it), else nothing is
// written and the error wraps ErrConflict.
func (t *txn) applyCorrections(ds []correctionDelta, undo bool) error {
	for _, d := range ds {
		want := d.After
		if !undo {
			want = d.Before
		}
		cur, err := t.correction(d.ID)
		if err != nil {
			return err
		}
		if !sameCorrection(cur, want) {
			desc := d.ID
			if img := cmpOr(d.After, d.Before); img != nil {
				desc = img.Description
			}
			return fmt.Errorf("the story correction “%s” was %w", desc, ErrConflict)
		}
	}
	for _, d := range ds {
		write := d.Before
		if !undo {
			write = d.After
		}
		if err := t.writeCorrection(d.ID, write); err != nil {
			return err
		}
	}
	return nil
}

func cmpOr(a, b *Correction) *Correction {
	if a != nil {
		return a
	}
	return b
}
