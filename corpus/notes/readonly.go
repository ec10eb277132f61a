package notes

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/google/uuid"

	"github.com/parallax-reader/parallax/corpus/sqlitefile"
)

// placement is where Reanchor put a note of a read-only store.
type placement struct {
	anchor   Anchor
	orphaned bool
}

// OpenReadOnly opens an existing notes store for reading only, for
// listing and exporting what it holds when Open refuses to write to it:
// notes that cannot be read are left out (Problems lists them), and a
// store parallax may not write, or of an older schema version, is read as
// it is. It never creates, changes or upgrades the file and leaves no file
// beside it. Files that are not a parallax store, are corrupt, or were
// written by a newer parallax are refused as by Open. Every change is
// refused with an error wrapping ErrReadOnly; Reanchor places the notes
// without saving them.
func OpenReadOnly(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open notes: no file name given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open notes %s: %w", path, err)
	}
	return sqlitefile.Retry(func() (*Store, error) { return openReadOnly(abs) })
}

func openReadOnly(abs string) (*Store, error) {
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("open notes %s: %w", abs, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("open notes %s: is a folder; give a file name such as %s", abs, filepath.Join(abs, FileName))
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(abs, fi.Mode())
	}
	db, ex, err := examineFile(abs)
	if err != nil {
		return nil, err
	}
	s := &Store{path: abs, db: db, now: time.Now, session: uuid.NewString(),
		version: ex.version, readOnly: true, problems: ex.problems, placed: map[string]placement{}}
	if ex.empty {
		s.version = 0
	}
	if s.dataVersion, err = s.readDataVersion(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open notes %s: %w", abs, err)
	}
	return s, nil
}

// ReadOnly reports whether the store was opened with OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Problems lists the notes of a store opened with OpenReadOnly that cannot
// be read and are left out of Notes.
func (s *Store) Problems() []RowProblem { return append([]RowProblem(nil), s.problems...) }

// readOnlyRefusal is the error of a change to a read-only store.
func (s *Store) readOnlyRefusal() error {
	return fmt.Errorf("notes %s: %w: it was opened only to read it; nothing was written", s.path, ErrReadOnly)
}

// placeAll gives the notes of a read-only store the places Reanchor found
// for them, in the order Notes gives.
func (s *Store) placeAll(ns []Note) []Note {
	if len(s.placed) == 0 {
		return ns
	}
	for i, n := range ns {
		if p, ok := s.placed[n.ID]; ok {
			ns[i].Anchor, ns[i].Orphaned = p.anchor, p.orphaned
		}
	}
	sort.SliceStable(ns, func(i, j int) bool {
		a, b := ns[i].Anchor, ns[j].Anchor
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
	return ns
}

// writeError says why a change could not be saved; a file that became
// read-only says so in words.
func (s *Store) writeError(op string, err error) error {
	if sqlitefile.IsWriteRefused(err) {
		return fmt.Errorf("%s: notes %s: %w: parallax may no longer write it or its folder; nothing was written — make them writable and try again", op, s.path, ErrReadOnly)
	}
	return fmt.Errorf("%s: save to %s: %w", op, s.path, err)
}
