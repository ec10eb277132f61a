package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/agreement"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// Other coders' notes files (--compare-notes): opened read-only
// (notes.OpenReadOnly: never written, never migrated), their notes placed
// on the corpus as loaded without saving, and the file closed again. They
// show in the notes view and as their own mark in the read view, and take
// part in the Disagreements view; nothing in the reader edits them.

// otherNotes is what was read of one other coder's notes file.
type otherNotes struct {
	path  string
	notes []notes.Note // every note has its coder (unknown ones the file's)
	codes []notes.Code
	err   error
}

// readOthers reads other coders' notes files, one at a time; a file that
// cannot be read keeps its error and the others are read.
func readOthers(c *corpus.Corpus, paths []string) []otherNotes {
	out := make([]otherNotes, 0, len(paths))
	for _, p := range paths {
		o := otherNotes{path: p}
		o.notes, o.codes, o.err = readOther(c, p)
		out = append(out, o)
	}
	return out
}

func readOther(c *corpus.Corpus, path string) ([]notes.Note, []notes.Code, error) {
	s, err := notes.OpenReadOnly(path)
	if err != nil {
		return nil, nil, err
	}
	defer s.Close()
	if _, _, err := s.Reanchor(c); err != nil {
		return nil, nil, fmt.Errorf("place the notes of %s: %w", path, err)
	}
	ns, err := s.Notes()
	if err != nil {
		return nil, nil, err
	}
	codes, err := s.Codebook()
	if err != nil {
		return nil, nil, err
	}
	// Notes that record no coder are the file's owner's.
	owner, _ := notes.OwnerOfUnknown(ns, notes.FileCoderName(path))
	for i := range ns {
		if ns[i].Coder == "" {
			ns[i].Coder = owner
		}
	}
	return ns, codes, nil
}

// otherNotes lists every note of the other coders' files that were read.
func (n *notesService) otherNotes() []notes.Note {
	var out []notes.Note
	for _, o := range n.others {
		out = append(out, o.notes...)
	}
	return out
}

// othersProblem says, short enough for the status line, which other
// coders' files could not be read and why ("" when all were); the
// Problems view lists each with its whole error.
func (n *notesService) othersProblem() string {
	bad := n.badOthers()
	if len(bad) == 0 {
		return ""
	}
	name := func(o otherNotes) string { return oneLine(filepath.Base(o.path)) }
	where := n.ctx.Keys.ViewProblems.Help().Key
	if len(bad) == 1 {
		return fmt.Sprintf("could not read --compare-notes %s: %s — %s lists it", name(bad[0]), compareReason(bad[0].err), where)
	}
	var each []string
	for _, o := range bad {
		each = append(each, fmt.Sprintf("%s (%s)", name(o), compareReason(o.err)))
	}
	return "could not read --compare-notes " + strings.Join(each, ", ") + " — " + where + " lists them"
}

// badOthers lists the other coders' files that could not be read.
func (n *notesService) badOthers() []otherNotes {
	if n == nil {
		return nil
	}
	var out []otherNotes
	for _, o := range n.others {
		if o.err != nil {
			out = append(out, o)
		}
	}
	return out
}

// compareReason is in a few words why a notes file could not be read.
func compareReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, notes.ErrNotStore):
		return "not a parallax notes file"
	case errors.Is(err, notes.ErrNewerVersion):
		return "written by a newer parallax"
	case strings.Contains(err.Error(), "is a folder"):
		return "a folder, not a file"
	}
	msg := oneLine(err.Error())
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:] // the cause, without the path before it
	}
	return ellipsize(msg, 32)
}

// ownCoder is the coder one's own notes are shown as when they record
// none: the reader's coder, else the file's name.
func (n *notesService) ownCoder() string {
	if n.coder != "" {
		return n.coder
	}
	return notes.FileCoderName(n.path)
}

// allCoders lists the coders of one's own and the other files for the
// Disagreements view: each file's notes by their coder (notes that
// record none are the file's owner's), one's own first. Two files'
// coders of one name are told apart by the file's name.
func (n *notesService) allCoders() []agreement.Coder {
	type file struct {
		path string
		ns   []notes.Note
	}
	own := append([]notes.Note(nil), n.snap.all...)
	owner, _ := notes.OwnerOfUnknown(own, n.ownCoder())
	for i := range own {
		if own[i].Coder == "" {
			own[i].Coder = owner
		}
	}
	files := []file{{n.path, own}}
	for _, o := range n.others {
		if o.err == nil {
			files = append(files, file{o.path, o.notes})
		}
	}
	var out []agreement.Coder
	seen := map[string]int{}
	for _, f := range files {
		by := map[string][]notes.Note{}
		var names []string
		for _, nt := range f.ns {
			if _, ok := by[nt.Coder]; !ok {
				names = append(names, nt.Coder)
			}
			by[nt.Coder] = append(by[nt.Coder], nt)
		}
		if len(f.ns) == 0 {
			names = append(names, notes.FileCoderName(f.path))
		}
		sort.Strings(names)
		for _, name := range names {
			label := name
			if seen[name] > 0 {
				label = name + " (" + filepath.Base(f.path) + ")"
			}
			seen[name]++
			out = append(out, agreement.Coder{Name: label, Source: f.path, Notes: by[name]})
		}
	}
	return out
}

// codersShown lists the coders of the notes the notes view shows, in
// order, for the coder filter.
func codersShown(all []notes.Note) []string {
	var out []string
	for _, c := range notes.Coders(all) {
		out = append(out, c.Coder)
	}
	return out
}

// otherCodes is the codebook of the other coders' files, for the colours
// of codes one's own codebook lacks.
func (n *notesService) otherCodes() []notes.Code {
	var out []notes.Code
	for _, o := range n.others {
		out = append(out, o.codes...)
	}
	return out
}
