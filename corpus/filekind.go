package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// FileKind names what a file that is not a regular file is ("a named
// pipe"), for an error message.
func FileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsRegular():
		return "a regular file"
	}
	return "not a regular file"
}

// notRegularError is the error for a path that is not a regular file:
// reading a named pipe, a socket or a device can block for ever.
type notRegularError struct{ kind string }

func (e *notRegularError) Error() string {
	return "is " + e.kind + ", not a regular file: skipped (parallax reads only regular files; save it to a file first)"
}

// errNotRegular reports a file of mode m that is not a regular file, or nil.
func errNotRegular(m fs.FileMode) error {
	if m.IsRegular() {
		return nil
	}
	return &notRegularError{FileKind(m)}
}

// openRegular opens a file for reading without waiting on it: a named
// pipe with no writer would block an ordinary open for ever. It checks,
// on the opened file, that it is a regular file.
func openRegular(p string) (*os.File, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil {
		err = errNotRegular(fi.Mode())
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open %s: %w", p, err)
	}
	return f, nil
}

// isNotRegular reports whether err is about a file that is not regular.
func isNotRegular(err error) (*notRegularError, bool) {
	var nr *notRegularError
	ok := errors.As(err, &nr)
	return nr, ok
}
