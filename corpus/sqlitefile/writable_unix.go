//go:build unix

package sqlitefile

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// CanWrite reports whether this process may write the file at path and
// create files beside it (SQLite's -wal and -shm), as access(2) says.
func CanWrite(path string) bool {
	return unix.Access(path, unix.W_OK) == nil && unix.Access(filepath.Dir(path), unix.W_OK) == nil
}
