package cli

import (
	"io"

	"github.com/parallax-reader/parallax/corpus"
)

// clean makes a string from outside — a path, an id, a tag or a message
// quoting one — safe to print on one line: terminal controls, newlines and
// bidi controls become visible escapes (see corpus.Printable). Every
// command prints ids, paths and names through it; the file is opened by
// its real name.
func clean(s string) string { return corpus.Printable(s) }

// jsonOut is where a command writes JSON: encoding/json leaves C1 controls
// and bidi overrides in strings as they are, which a terminal showing the
// JSON would obey; this writes them as \u escapes, which decode to the
// same strings.
func jsonOut(w io.Writer) io.Writer { return corpus.SafeWriter(w) }
