package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// runMergeNotes merges several coders' notes files into a new one. The
// inputs are only read. A code the files define with another parent or
// colour stops the merge (nothing is written) unless --prefer names the
// file whose definitions to keep: the order of the files on the command
// line, often the shell's alphabetical order, is no reason for one
// coder's codebook to win, so parallax does not pick one by it.
func runMergeNotes(env *Env, args []string) int {
	fset := newFlagSet(env, "merge-notes", "parallax merge-notes -o TEAM.db [--prefer FILE...] [--force] A.db B.db [C.db...]",
		"parallax merge-notes -o team.db anna.db ben.db",
		"parallax merge-notes -o team.db --prefer anna.db anna.db ben.db carl.db   # anna's codebook settles conflicts",
		"parallax agreement --notes team.db                                         # then: how far they agree")
	out := fset.String("o", "", "the merged notes `FILE` to write (it must not exist, unless --force)")
	var prefer fileList
	fset.Var(&prefer, "prefer", "when the files define a code with another parent or colour, keep this `FILE`'s definition (repeatable: the first that defines the code wins); without it such a conflict stops the merge")
	force := fset.Bool("force", false, "replace the output file if it exists")
	inputs, err := parseArgs(fset, args)
	if err != nil {
		return flagExit(err)
	}
	if *out == "" || len(inputs) < 2 {
		fmt.Fprintln(env.Stderr, "parallax: merge-notes needs the file to write (-o TEAM.db) and two notes files or more to merge; see 'parallax merge-notes --help'")
		return 2
	}
	rep, err := notes.Merge(*out, inputs, notes.MergeOptions{Prefer: prefer, Force: *force})
	if n := unsettled(rep); errors.Is(err, notes.ErrCodebookConflict) && n > 0 {
		printCodeConflicts(env.Stderr, rep, prefer)
		return errorf(env, "merge-notes: the codebooks conflict on %s; nothing was written — share one codebook (notes --export-codebook, then --import-codebook), or give --prefer FILE to keep that file's definitions", plural(n, "code"))
	}
	if err != nil {
		return errorf(env, "%v", err)
	}
	w := env.Stdout
	fmt.Fprintf(w, "merged %s into %s: %s of %s, %s", plural(len(rep.Inputs), "notes file"), clean(rep.Output),
		plural(rep.Notes, "note"), plural(len(rep.Coders), "coder"), plural(rep.Codes, "code"))
	if rep.Corrections > 0 {
		fmt.Fprintf(w, ", %s", plural(rep.Corrections, "story correction"))
	}
	fmt.Fprintln(w)
	var t table
	t.add("FILE", "NOTES", "CODES", "CODERS")
	for _, in := range rep.Inputs {
		t.add(in.Path, fmt.Sprint(in.Notes), fmt.Sprint(in.Codes), coderCounts(in.Coders))
	}
	t.add("merged", fmt.Sprint(rep.Notes), fmt.Sprint(rep.Codes), coderCounts(rep.Coders))
	fmt.Fprintln(w)
	t.write(w, "  ")
	var about []string
	for _, in := range rep.Inputs {
		if in.Unowned == 0 {
			continue
		}
		why := "the file's only coder"
		if in.OwnerFromName {
			why = "named after the file: it records no coder"
		}
		about = append(about, fmt.Sprintf("%s: %s without a recorded coder merged as %s's (%s)", clean(in.Path), plural(in.Unowned, "note"), clean(in.Owner), why))
	}
	if rep.Duplicates > 0 {
		about = append(about, fmt.Sprintf("%s held alike by several files (a copied file) kept once", plural(rep.Duplicates, "note")))
	}
	if len(rep.Renumbered) > 0 {
		about = append(about, fmt.Sprintf("%s held differently by two files kept both, the later with a new id: %s", plural(len(rep.Renumbered), "note"), clean(strings.Join(rep.Renumbered, ", "))))
	}
	if len(about) > 0 {
		fmt.Fprintln(w)
		for _, a := range about {
			fmt.Fprintln(w, a)
		}
	}
	printCodeConflicts(w, rep, prefer)
	code := 0
	for _, in := range rep.Inputs {
		if len(in.Unreadable) == 0 {
			continue
		}
		code = 1 // the merged file lacks these: a script must not take it for the whole
		fmt.Fprintf(env.Stderr, "parallax: %s: %s cannot be read and %s not merged; restore the file from a backup and merge again:\n", clean(in.Path), plural(len(in.Unreadable), "note"), isAre(len(in.Unreadable)))
		for _, p := range in.Unreadable {
			fmt.Fprintf(env.Stderr, "  %s\n", clean(p.String()))
		}
	}
	return code
}

// printCodeConflicts lists the codes the files define differently: the
// conflicts (with the definition kept, when --prefer settled them), then
// the codes that differ only in description or spelling.
func printCodeConflicts(w io.Writer, rep *notes.MergeReport, prefer []string) {
	if len(rep.Conflicts) > 0 {
		head := "Codebook conflicts (another parent or colour); give --prefer FILE to keep that file's definitions:"
		if len(prefer) > 0 && unsettled(rep) == 0 {
			head = fmt.Sprintf("Codebook conflicts (another parent or colour), settled by --prefer %s:", clean(strings.Join(prefer, ", ")))
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, head)
		for _, c := range rep.Conflicts {
			kept := "not settled"
			if c.Winner >= 0 {
				kept = "kept " + clean(c.Defs[c.Winner].File) + "'s"
			}
			fmt.Fprintf(w, "  %s — %s — %s\n", clean(c.Name), defsOf(c), kept)
		}
	}
	if len(rep.Differences) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Codes whose description or spelling differ (the first file's kept):")
		for _, c := range rep.Differences {
			fmt.Fprintf(w, "  %s — %s differ — kept %s's\n", clean(c.Name), strings.Join(c.Fields, " and "), clean(c.Defs[0].File))
		}
	}
}

// unsettled counts the conflicts no --prefer settled.
func unsettled(rep *notes.MergeReport) int {
	n := 0
	for _, c := range rep.Conflicts {
		if c.Winner < 0 {
			n++
		}
	}
	return n
}

// defsOf says how each file defines a conflicting code.
func defsOf(c notes.CodeConflict) string {
	var parts []string
	for _, d := range c.Defs {
		parent := "top level"
		if d.Code.Parent != "" {
			parent = "under " + d.Code.Parent
		}
		parts = append(parts, fmt.Sprintf("%s: %s, %s", d.File, d.Code.Colour, parent))
	}
	return clean(strings.Join(parts, "; "))
}

// coderCounts lists coders and their notes: "anna 2, ben 3".
func coderCounts(cc []notes.CoderCount) string {
	parts := make([]string, len(cc))
	for i, c := range cc {
		parts[i] = fmt.Sprintf("%s %d", notes.CoderLabel(c.Coder), c.Notes)
	}
	return strings.Join(parts, ", ")
}
