//go:build !unix

package sqlitefile

import (
	"os"
	"path/filepath"
)

// CanWrite reports whether the file at path and its folder look writable:
// without access(2), the permission bits are the best guess.
func CanWrite(path string) bool {
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm()&0o200 == 0 {
		return false
	}
	di, err := os.Stat(filepath.Dir(path))
	return err == nil && di.Mode().Perm()&0o200 != 0
}
