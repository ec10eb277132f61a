package export

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/google/renameio/v2/maybe"
)

// ExistsError is returned by WriteFile for a file that exists when
// overwriting was not asked for. It matches fs.ErrExist with errors.Is.
type ExistsError struct{ Path string }

// Error says which file exists.
func (e *ExistsError) Error() string {
	return e.Path + " already exists; not overwritten"
}

// Is makes errors.Is(err, fs.ErrExist) true.
func (e *ExistsError) Is(target error) bool { return target == fs.ErrExist }

// WriteFile writes the export to path atomically: the whole file is built
// in memory, written to a temporary file beside path and moved into place,
// so a reader never sees half a file. It refuses to replace an existing
// file (an *ExistsError) unless force is set; without force the file is
// put in place by a hard link, which fails if path exists by then, so an
// export never replaces a file that appeared while it was being written.
func WriteFile(path string, f Format, in Input, opts Options, force bool) error {
	// The folder first: a missing one would otherwise be reported through
	// the name of the temporary file written beside the export.
	if dir := filepath.Dir(path); dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return fmt.Errorf("export to %s: the folder %s does not exist: create it, or choose another path", path, dir)
		}
	}
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return &ExistsError{Path: path}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("export to %s: %w", path, err)
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, f, in, opts); err != nil {
		return err
	}
	if !force {
		done, err := linkNew(path, buf.Bytes())
		if err != nil {
			return err
		}
		if done {
			return nil
		}
		// The file system has no hard links: fall back to the rename,
		// checked just before.
		if _, err := os.Lstat(path); err == nil {
			return &ExistsError{Path: path}
		}
	}
	if err := maybe.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	return nil
}

// linkNew writes data to a temporary file beside path and links it to
// path, which must not exist. It reports false, with no error, when the
// file system cannot make hard links.
func linkNew(path string, data []byte) (bool, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			// Not the temporary file's name: the folder is what to fix.
			return false, fmt.Errorf("export to %s: cannot write in the folder %s: %w", path, filepath.Dir(path), pe.Err)
		}
		return false, fmt.Errorf("export to %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return false, fmt.Errorf("export to %s: %w", path, err)
	}
	switch err := os.Link(tmp.Name(), path); {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrExist):
		return false, &ExistsError{Path: path}
	case errors.Is(err, errors.ErrUnsupported), errors.Is(err, fs.ErrPermission):
		return false, nil
	default:
		return false, fmt.Errorf("export to %s: %w", path, err)
	}
}

// DefaultFileName proposes a file name for an export of the named corpus
// made at now: "parallax-<corpus>-<yyyymmdd-hhmm><ext>".
func DefaultFileName(f Format, corpusName string, now time.Time) string {
	name := slug(corpusName)
	if name == "" {
		name = "notes"
	}
	if len(name) > 40 {
		name = strings.TrimRight(name[:40], "-")
	}
	return "parallax-" + name + "-" + now.Format("20060102-1504") + f.Extension()
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// slug turns s into lower-case ASCII words joined by hyphens.
func slug(s string) string {
	return strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
}
