package notes

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// UnknownCoder is how a note or code without a recorded coder is shown:
// one made before notes recorded their coder (schema version 5).
const UnknownCoder = "(unknown)"

// maxCoderLen bounds a coder's name, in characters.
const maxCoderLen = 100

// Option changes how Open opens a store.
type Option func(*Store)

// WithCoder makes name the coder of every change the store makes: the
// notes it creates are theirs, and the history and the codes they add
// record them. Without it the coder is "" (unknown). The name is checked
// by ValidateCoder when the store opens.
func WithCoder(name string) Option {
	return func(s *Store) { s.coder = name }
}

// Coder returns the coder the store records changes as ("" when none was
// given).
func (s *Store) Coder() string { return s.coder }

// ValidateCoder checks a coder's name: some text, at most 100
// characters, no control characters, no space at either end, and not
// UnknownCoder, which stands for notes without a coder.
func ValidateCoder(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("the coder's name is empty")
	case !utf8.ValidString(name):
		return fmt.Errorf("the coder's name %q is not valid UTF-8", name)
	case strings.TrimSpace(name) != name:
		return fmt.Errorf("the coder's name %q starts or ends with a space", name)
	case utf8.RuneCountInString(name) > maxCoderLen:
		return fmt.Errorf("the coder's name is %d characters long; at most %d", utf8.RuneCountInString(name), maxCoderLen)
	case name == UnknownCoder:
		return fmt.Errorf("%q stands for notes without a coder; choose another name", UnknownCoder)
	}
	for _, r := range name {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') {
			return fmt.Errorf("the coder's name %q holds a control character (U+%04X)", name, r)
		}
	}
	return nil
}

// CoderLabel is how a coder is shown: their name, or UnknownCoder for "".
func CoderLabel(name string) string {
	if name == "" {
		return UnknownCoder
	}
	return name
}

// CoderCount is a coder and how many notes they made.
type CoderCount struct {
	Coder string `json:"coder"` // "" for notes without a coder
	Notes int    `json:"notes"`
}

// Coders counts the notes of each coder, the named coders by name and
// those without a coder ("") last.
func Coders(ns []Note) []CoderCount {
	count := map[string]int{}
	for _, n := range ns {
		count[n.Coder]++
	}
	out := make([]CoderCount, 0, len(count))
	for c, k := range count {
		out = append(out, CoderCount{c, k})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Coder, out[j].Coder
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
	return out
}

// OwnerOfUnknown is the coder the notes of a file that record no coder
// are taken to be by, when one file's work must be told apart from
// another's (merging files, agreement): the file's only recorded coder
// when it has exactly one — notes made before the coder was recorded,
// or in a program that did not record it, in a coder's own file — else
// fallback. byRecorded says which rule gave it.
func OwnerOfUnknown(ns []Note, fallback string) (name string, byRecorded bool) {
	only := ""
	for _, n := range ns {
		switch {
		case n.Coder == "" || n.Coder == only:
		case only == "":
			only = n.Coder
		default:
			return fallback, false // several coders: the file does not say
		}
	}
	if only != "" {
		return only, true
	}
	return fallback, false
}

// FileCoderName is a coder's name made from a notes file's name: its base
// name without the extension ("notes/anna.db": anna), or the whole base
// name when that would leave nothing. Characters ValidateCoder refuses
// are left out, so the name is always valid.
func FileCoderName(path string) string {
	base := filepath.Base(path)
	if n := strings.TrimSuffix(base, filepath.Ext(base)); n != "" && n != "." {
		base = n
	}
	var b strings.Builder
	for _, r := range base {
		if ValidateCoder(string(r)) == nil || r == ' ' {
			b.WriteRune(r)
		}
	}
	name := strings.TrimSpace(b.String())
	if r := []rune(name); len(r) > maxCoderLen {
		name = strings.TrimSpace(string(r[:maxCoderLen]))
	}
	if ValidateCoder(name) != nil {
		return "file"
	}
	return name
}
