package notes

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// MergeOptions say how Merge reconciles the files.
type MergeOptions struct {
	// Prefer lists input files, as given, whose definition of a code wins
	// a conflict: the first of them that defines the code.
	Prefer []string
	// Force lets Merge replace an existing output file.
	Force bool
}

// MergeInput is what Merge read from one file.
type MergeInput struct {
	Path   string       `json:"path"`
	Codes  int          `json:"codes"`
	Notes  int          `json:"notes"`
	Coders []CoderCount `json:"coders"` // as merged: notes without a coder counted as Owner's
	// Owner is the coder the file's notes without a coder are merged as:
	// the file's only recorded coder, else a name made from the file's
	// name (OwnerFromName); Unowned counts those notes.
	Owner         string `json:"owner,omitempty"`
	OwnerFromName bool   `json:"owner_from_name,omitempty"`
	Unowned       int    `json:"unowned"`
	// Unreadable are its notes that cannot be read: left out of the merge.
	Unreadable []RowProblem `json:"-"`
}

// MergeReport says what Merge did, or, with ErrCodebookConflict, why it
// wrote nothing.
type MergeReport struct {
	Output string       `json:"output"`
	Inputs []MergeInput `json:"inputs"`
	Codes  int          `json:"codes"`
	Notes  int          `json:"notes"`
	Coders []CoderCount `json:"coders"`
	// Conflicts are codes defined with another parent or colour;
	// Differences codes whose description or spelling differ (the first
	// file's kept).
	Conflicts   []CodeConflict `json:"conflicts"`
	Differences []CodeConflict `json:"differences"`
	// Duplicates counts notes several files hold alike (one file copied
	// from another), kept once; Renumbered lists the ids of notes that
	// two files hold differently and that got a new id in the output.
	Duplicates  int      `json:"duplicates"`
	Renumbered  []string `json:"renumbered"`
	Corrections int      `json:"corrections"`
}

// Merge writes the notes of several notes files into a new one at out:
// every coder's notes with their anchors, tags and memos as stored (no
// re-anchoring), the codebooks reconciled by name, and the story
// corrections. The inputs are opened read-only and never written. A code
// the files define with another parent or colour is a conflict: it is
// settled by opts.Prefer, or else Merge writes nothing and the error
// wraps ErrCodebookConflict. Notes that record no coder are merged as the
// file's only recorded coder's, else under a name made from the file's
// (FileCoderName), so that different files' work stays apart. out must
// not exist unless opts.Force; it is written whole or not at all.
func Merge(out string, inputs []string, opts MergeOptions) (*MergeReport, error) {
	rep := &MergeReport{Output: out, Conflicts: []CodeConflict{}, Differences: []CodeConflict{}, Renumbered: []string{}}
	if len(inputs) == 0 {
		return rep, errors.New("merge notes: no files to merge")
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return rep, fmt.Errorf("merge notes into %s: %w", out, err)
	}
	outInfo, statErr := os.Stat(absOut)
	switch {
	case statErr == nil && outInfo.IsDir():
		return rep, fmt.Errorf("merge notes into %s: it is a folder; name the file to write", out)
	case statErr == nil && !opts.Force:
		return rep, fmt.Errorf("merge notes into %s: the file exists; parallax does not overwrite it — choose another name, or give --force to replace it", out)
	case statErr != nil && !errors.Is(statErr, fs.ErrNotExist):
		return rep, fmt.Errorf("merge notes into %s: %w", out, statErr)
	}
	abs := map[string]string{}
	for _, in := range inputs {
		a, err := filepath.Abs(in)
		if err != nil {
			return rep, fmt.Errorf("merge notes: %s: %w", in, err)
		}
		if prev, ok := abs[a]; ok {
			return rep, fmt.Errorf("merge notes: %s and %s are the same file: give each file once", prev, in)
		}
		abs[a] = in
		fi, err := os.Stat(a)
		if a == absOut || err == nil && statErr == nil && os.SameFile(fi, outInfo) {
			return rep, fmt.Errorf("merge notes: %s is both an input and the output: write the merged notes to a new file", in)
		}
	}
	var prefer []string
	for _, p := range opts.Prefer {
		a, _ := filepath.Abs(p)
		given, ok := abs[a]
		if !ok {
			return rep, fmt.Errorf("merge notes: --prefer %s is not one of the files to merge", p)
		}
		prefer = append(prefer, given)
	}

	read := make([]inputData, len(inputs))
	for i, in := range inputs {
		d, err := readInput(in)
		if err != nil {
			return rep, fmt.Errorf("merge notes: %w; nothing was written — leave the file out to merge the others", err)
		}
		read[i] = d
	}
	books := make([][]Code, len(read))
	for i, d := range read {
		books[i] = d.codes
	}
	cb := mergeCodebooks(inputs, books, prefer)
	rep.Conflicts = append(rep.Conflicts, cb.conflicts...)
	rep.Differences = append(rep.Differences, cb.differences...)
	if bad := cb.unsettled(); len(bad) > 0 {
		var names []string
		for _, c := range bad {
			names = append(names, fmt.Sprintf("“%s” (%s)", c.Name, describeConflict(c)))
		}
		return rep, fmt.Errorf("merge notes: %w: %s; nothing was written — make the codebooks agree, or give --prefer FILE to keep that file's definitions", ErrCodebookConflict, strings.Join(names, "; "))
	}
	if loop := cb.parentLoop(); loop != nil {
		slices.Sort(loop)
		return rep, fmt.Errorf("merge notes: %w: the parents kept for %s lead back to themselves; nothing was written — give another --prefer order", ErrCodebookConflict, quoteNames(loop))
	}
	notes, corrections := mergeNotes(read, cb, rep)
	if err := writeMerged(absOut, opts.Force, cb.codes, notes, corrections); err != nil {
		return rep, fmt.Errorf("merge notes into %s: %w", out, err)
	}
	rep.Codes, rep.Notes, rep.Corrections, rep.Coders = len(cb.codes), len(notes), len(corrections), Coders(notes)
	return rep, nil
}

// inputData is what one input file holds.
type inputData struct {
	path        string
	codes       []Code
	notes       []Note
	corrections []Correction
	problems    []RowProblem
}

// readInput reads a notes file read-only.
func readInput(path string) (inputData, error) {
	d := inputData{path: path}
	s, err := OpenReadOnly(path)
	if err != nil {
		return d, err
	}
	defer s.Close()
	if d.codes, err = s.Codebook(); err != nil {
		return d, err
	}
	if d.notes, err = s.Notes(); err != nil {
		return d, err
	}
	if s.version >= 4 {
		if d.corrections, err = s.Corrections(); err != nil {
			return d, err
		}
	}
	d.problems = s.Problems()
	return d, nil
}

// mergeNotes gathers the notes and corrections of every input, giving
// notes without a coder their file's owner and tags the merged
// codebook's spelling, and fills in the report.
func mergeNotes(read []inputData, cb mergedCodebook, rep *MergeReport) ([]Note, []Correction) {
	var out []Note
	byID := map[string]int{}
	var corrections []Correction
	seenCorrection := map[string]bool{}
	for _, d := range read {
		in := MergeInput{Path: d.path, Codes: len(d.codes), Notes: len(d.notes), Unreadable: d.problems}
		owner, byRecorded := OwnerOfUnknown(d.notes, FileCoderName(d.path))
		mine := make([]Note, 0, len(d.notes))
		for _, n := range d.notes {
			if n.Coder == "" {
				n.Coder = owner
				in.Unowned++
			}
			for i, t := range n.Tags {
				if name, ok := cb.canonical[lang.ASCIILower(t)]; ok {
					n.Tags[i] = name
				}
			}
			mine = append(mine, n)
		}
		if in.Unowned > 0 {
			in.Owner, in.OwnerFromName = owner, !byRecorded
		}
		in.Coders = Coders(mine)
		for _, n := range mine {
			if i, ok := byID[n.ID]; ok {
				if sameMergedNote(out[i], n) {
					rep.Duplicates++
					continue
				}
				rep.Renumbered = append(rep.Renumbered, n.ID)
				n.ID = uuid.NewString()
			}
			byID[n.ID] = len(out)
			out = append(out, n)
		}
		for _, c := range d.corrections {
			if !seenCorrection[c.ID] {
				seenCorrection[c.ID] = true
				corrections = append(corrections, c)
			}
		}
		rep.Inputs = append(rep.Inputs, in)
	}
	return out, corrections
}

// sameMergedNote reports whether two files hold one note alike.
func sameMergedNote(a, b Note) bool {
	return a.Coder == b.Coder && a.Anchor == b.Anchor && a.Memo == b.Memo && slices.Equal(a.Tags, b.Tags) && a.Orphaned == b.Orphaned
}

// writeMerged writes a new store at out, beside it first and then moved
// into place, so that out is the whole merge or nothing. Without force an
// existing out is never replaced, even one made meanwhile.
func writeMerged(out string, force bool, codes []Code, ns []Note, corrections []Correction) error {
	dir := filepath.Dir(out)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(out)+".merging-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	f.Close()
	defer removeStore(tmp)
	s, err := Open(tmp) // an empty file is a new store
	if err != nil {
		return err
	}
	if err := s.fill(codes, ns, corrections); err != nil {
		s.Close()
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	if force {
		if _, err := os.Stat(out + "-wal"); err == nil {
			return fmt.Errorf("a program has it open (%s exists): close it first; nothing was written", filepath.Base(out)+"-wal")
		}
		os.Remove(out + "-shm")
		return os.Rename(tmp, out)
	}
	if err := os.Link(tmp, out); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("the file appeared meanwhile; parallax does not overwrite it")
		}
		if _, statErr := os.Stat(out); statErr == nil {
			return fmt.Errorf("the file appeared meanwhile; parallax does not overwrite it")
		}
		return os.Rename(tmp, out) // a file system without hard links
	}
	return nil
}

// removeStore removes a notes file and the files SQLite keeps beside it.
func removeStore(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		os.Remove(p)
	}
}

// fill writes codes, notes and corrections into a new, empty store in
// one transaction, as they are: no history is recorded.
func (s *Store) fill(codes []Code, ns []Note, corrections []Correction) error {
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	t := &txn{ctx: ctx, tx: tx, s: s}
	for i, c := range codes {
		if err := t.exec("INSERT INTO codes(name, colour, description, parent, coder, pos) VALUES (?, ?, ?, ?, ?, ?)",
			c.Name, c.Colour, c.Description, c.Parent, c.Coder, i+1); err != nil {
			return fmt.Errorf("code “%s”: %w", c.Name, err)
		}
	}
	for _, n := range ns {
		a := n.Anchor
		if err := t.exec("INSERT INTO notes("+noteColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			n.ID, a.Article, a.Hash, a.Start, a.End, a.Quote, a.Prefix, a.Suffix, n.Memo,
			formatTime(n.Created), formatTime(n.Modified), boolInt(n.Orphaned), a.Outlet, a.Title, n.Coder, n.ModifiedBy, a.MadeOn); err != nil {
			return fmt.Errorf("note %s: %w", n.ID, err)
		}
		for i, tag := range n.Tags {
			if err := t.exec("INSERT OR IGNORE INTO note_tags(note_id, tag, pos) VALUES (?, ?, ?)", n.ID, tag, i); err != nil {
				return fmt.Errorf("note %s: %w", n.ID, err)
			}
		}
	}
	for i, c := range corrections {
		c.Seq = int64(i + 1)
		if err := t.writeCorrection(c.ID, &c); err != nil {
			return fmt.Errorf("story correction %s: %w", c.ID, err)
		}
	}
	// Every tag is a code of the codebook, as in a store written by Tag,
	// even when a damaged file's codebook lacks one.
	t.codeBefore = map[string]*codeRow{}
	for _, n := range ns {
		for _, tag := range n.Tags {
			if ValidateName(tag) != nil {
				continue
			}
			if _, err := t.ensureCode(tag); err != nil {
				return fmt.Errorf("code “%s”: %w", tag, err)
			}
		}
	}
	return tx.Commit()
}
