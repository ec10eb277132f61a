package notes

import (
	"errors"
	"io/fs"
	"os"
	"time"

	"github.com/google/uuid"

	"github.com/parallax-reader/parallax/corpus/sqlitefile"
)

// OpenDeferred opens the notes store at path as Open does when the file
// exists. When it does not, nothing is created yet: the store reads as
// empty, and its first change creates the file (and its folder) before it
// is written, so that reading a folder of articles leaves nothing behind
// in it. Refresh notices a file another program created meanwhile.
func OpenDeferred(path string, opts ...Option) (*Store, error) {
	abs, o, err := openArgs(path, opts)
	if err != nil {
		return nil, err
	}
	if _, err := os.Lstat(abs); !errors.Is(err, fs.ErrNotExist) {
		return Open(abs, opts...)
	}
	return &Store{path: abs, now: time.Now, session: uuid.NewString(), version: SchemaVersion, coder: o.coder, deferred: true}, nil
}

// Created reports whether the store's file exists: false for a store from
// OpenDeferred that nothing was written to yet.
func (s *Store) Created() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.deferred
}

// create gives a deferred store its file: it creates it, or opens the one
// another program created meanwhile, as Open would. Called with s.mu held.
func (s *Store) create() error {
	t, err := sqlitefile.Retry(func() (*Store, error) { return open(s.path, s.coder) })
	if err != nil {
		return err
	}
	s.db, s.openSeq, s.dataVersion, s.version = t.db, t.openSeq, t.dataVersion, t.version
	s.deferred = false
	return nil
}

// writable makes sure there is a file to change: a deferred store creates
// it now; a closed store is an error. Called with s.mu held.
func (s *Store) writable() error {
	if s.deferred {
		return s.create()
	}
	if s.db == nil {
		return s.closedErr()
	}
	return nil
}

// readable reports whether there is a file to read: false for a deferred
// store (it reads as empty), an error for a closed one. Called with s.mu
// held.
func (s *Store) readable() (bool, error) {
	if s.deferred {
		return false, nil
	}
	if s.db == nil {
		return false, s.closedErr()
	}
	return true, nil
}
