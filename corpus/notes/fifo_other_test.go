//go:build !unix

package notes

import "errors"

func mkfifo(string) error { return errors.ErrUnsupported }
