package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/export"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// runImport reads W3C Web Annotation JSON (as 'parallax export --format
// json' writes it) and merges it into the notes store: codes the store
// lacks are added, each annotation becomes a tagged passage, and a passage
// that is already noted gains only the tags and memo it lacks, so
// importing the same file twice changes nothing.
func runImport(env *Env, args []string) int {
	flags := newFlagSet(env, "import", "parallax import [--notes FILE] [--coder NAME] [--dry-run] [--force] FILE [PATH...]",
		"parallax import notes.json                 # into the notes of the embedded corpus",
		"parallax import notes.json ~/news          # into the notes beside ~/news",
		"parallax import --notes team.db notes.json # into a given notes file",
		"parallax import - < notes.json             # from stdin")
	notesPath := flags.String("notes", "", "the notes `FILE` to merge into (default: beside the corpus, or the embedded corpus's notes)")
	dryRun := flags.Bool("dry-run", false, "say what would change without writing")
	force := flags.Bool("force", false, "import even when none of the file's articles are in the corpus (they are kept with their quote, outlet and title)")
	coderFlag := addCoderFlag(flags)
	addReadFlags(flags, env)
	pos, err := parseArgs(flags, args)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) == 0 {
		flags.Usage()
		fmt.Fprintln(env.Stderr, "parallax: import needs a FILE of Web Annotation JSON (as 'parallax export --format json' writes it), or - for stdin")
		return 2
	}
	file, paths := pos[0], pos[1:]
	// Each annotation stays its creator's; the coder is who imports, in
	// the history and on the codes the file adds.
	coder, err := resolveCoder(env, *coderFlag)
	if err != nil {
		return errorf(env, "%v", err)
	}

	var r io.Reader = env.Stdin
	if file != "-" {
		fh, err := os.Open(file)
		if err != nil {
			return errorf(env, "import %s: %s", file, describeOpenError(err))
		}
		defer fh.Close()
		r = fh
	}
	codes, imported, err := export.ReadAnnotations(r)
	if err != nil {
		return errorf(env, "import %s: %v", file, err)
	}

	c, err := loadCorpus(env, paths)
	if c == nil {
		return errorf(env, "%v", err)
	}
	if err != nil {
		return errorf(env, "%v", err)
	}
	printLoadErrors(env.Stderr, c.Errors)
	if msg := wrongCorpus(c, file, paths, imported); msg != "" && !*force {
		// Nothing is written: the likely mistake is a forgotten PATH.
		return errorf(env, "%s", msg)
	}

	np := *notesPath
	if np == "" {
		np = notes.DefaultPath(c, paths, dataDir(env))
	} else {
		settleIDs(env, c, np)
	}
	var st importStore = emptyStore{}
	where := np
	if _, statErr := os.Stat(np); !*dryRun || statErr == nil {
		// A dry run never creates a notes file, nor re-anchors one.
		ns, err := openAsCoder(np, coder)
		if err != nil {
			return errorf(env, "%v", err)
		}
		defer ns.Close()
		where = ns.Path()
		if len(c.Articles) > 0 && !*dryRun {
			// Place the store's notes on the current text first, so a
			// passage noted before an edit is recognised as the same one.
			if _, _, err := ns.Reanchor(c); err != nil {
				return errorf(env, "%v", err)
			}
		}
		st = ns
	}

	sum, err := merge(st, c, codes, imported, *dryRun)
	if err != nil {
		return errorf(env, "import into %s: %v", np, err)
	}
	verb := "imported"
	if *dryRun {
		verb = "would import"
	}
	fmt.Fprintf(env.Stdout, "%s %s into %s: %d new passages, %d updated, %d already there; %d new codes\n",
		verb, clean(file), clean(where), sum.added, sum.updated, sum.unchanged, sum.codes)
	if sum.elsewhere > 0 {
		fmt.Fprintf(env.Stdout, "%s of articles not in the corpus (%s) are kept with their quote, outlet and title; they are placed when their article is loaded\n",
			plural(sum.elsewhere, "passage"), clean(c.Name))
	}
	if sum.unplaced > 0 {
		fmt.Fprintf(env.Stdout, "%s no longer found in their article's text are kept with their quote; they show as orphaned\n", plural(sum.unplaced, "passage"))
	}
	for _, s := range sum.skipped {
		fmt.Fprintf(env.Stderr, "parallax: skipped %s\n", clean(s))
	}
	if len(sum.skipped) > 0 {
		return errorf(env, "%d of %d annotations could not be imported", len(sum.skipped), len(imported))
	}
	return 0
}

// describeOpenError says in plain words why the file to import could not
// be opened, as the corpus loader says it for articles.
func describeOpenError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder (or a broken symbolic link): check the path"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: the file is not readable by you (check its permissions)"
	}
	return err.Error()
}

// wrongCorpus returns why importing into c is most likely a mistake: the
// file has passages to import and none of their articles is in c (a PATH
// forgotten, so they would all go into the embedded corpus's notes). It
// returns "" when at least one article is there.
func wrongCorpus(c *corpus.Corpus, file string, paths []string, imported []export.ImportedNote) string {
	var ids []string
	seen := map[string]bool{}
	usable := 0
	for _, im := range imported {
		if im.Problem != "" {
			continue
		}
		if im.InCorpus(c) {
			return ""
		}
		usable++
		id := im.Note.Anchor.Article
		if id == "" {
			id = im.Source
		}
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if usable == 0 {
		return ""
	}
	other := ""
	if len(paths) == 0 && c.Name != corpus.DefaultName {
		// A library was read: the notes may be on the built-in corpus.
		other = otherCorpusHint(c, paths, ids)
	}
	if len(ids) > 3 {
		ids = append(ids[:3], "…")
	}
	what := fmt.Sprintf("none of the %s' articles (%s) are", plural(usable, "passage"), strings.Join(ids, ", "))
	if usable == 1 {
		what = fmt.Sprintf("the passage's article (%s) is not", strings.Join(ids, ", "))
	}
	name := "the corpus"
	if c.Name != "" {
		name += " (" + c.Name + ")"
	}
	hint := fmt.Sprintf("did you mean 'parallax import %s PATH', with the folder or files the notes are about?", file)
	if len(paths) > 0 {
		hint = "check the PATH and the file."
	}
	if other != "" {
		hint = other + "."
	}
	return fmt.Sprintf("import %s: %s in %s: %s Use --force to import them anyway; nothing was written", file, what, name, hint)
}

// importStore is what an import needs of the notes store.
type importStore interface {
	Codebook() ([]notes.Code, error)
	Notes() ([]notes.Note, error)
	AddCode(c notes.Code) error
	TagAs(coder string, a notes.Anchor, tags []string, memo string) (notes.Note, error)
}

// emptyStore stands in for a notes file that does not exist yet during a
// dry run; a dry run never writes, so AddCode and Tag are never called.
type emptyStore struct{}

func (emptyStore) Codebook() ([]notes.Code, error) { return nil, nil }
func (emptyStore) Notes() ([]notes.Note, error)    { return nil, nil }
func (emptyStore) AddCode(notes.Code) error {
	return fmt.Errorf("a dry run does not add codes")
}
func (emptyStore) TagAs(string, notes.Anchor, []string, string) (notes.Note, error) {
	return notes.Note{}, fmt.Errorf("a dry run does not tag")
}

// importSummary counts what an import did.
type importSummary struct {
	added, updated, unchanged, codes int
	// unplaced passages are of articles in the corpus but no longer in
	// their text (orphans); elsewhere ones of articles not in the corpus.
	unplaced, elsewhere int
	skipped             []string
}

// merge adds the file's codebook and notes to the store. Codes are added
// parents first; each note keeps the coder the file gives it (none: "");
// a note of that coder on a passage the store already has gains only
// what it lacks.
func merge(st importStore, c *corpus.Corpus, codes []notes.Code, imported []export.ImportedNote, dryRun bool) (importSummary, error) {
	var sum importSummary
	have, err := st.Codebook()
	if err != nil {
		return sum, err
	}
	known := map[string]bool{}
	for _, k := range have {
		known[strings.ToLower(k.Name)] = true
	}
	pending := slices.Clone(codes)
	for len(pending) > 0 {
		var next []notes.Code
		for _, k := range pending {
			switch {
			case known[strings.ToLower(k.Name)]:
			case k.Parent != "" && !known[strings.ToLower(k.Parent)] && slices.ContainsFunc(pending, func(p notes.Code) bool { return strings.EqualFold(p.Name, k.Parent) }):
				next = append(next, k) // its parent comes first
			default:
				if k.Parent != "" && !known[strings.ToLower(k.Parent)] {
					k.Parent = "" // a parent the file does not define
				}
				if col, err := notes.NormaliseColour(k.Colour); err == nil {
					k.Colour = col
				} else {
					k.Colour = "" // the store picks one
				}
				if !dryRun {
					if err := st.AddCode(k); err != nil {
						return sum, fmt.Errorf("add code %q: %w", k.Name, err)
					}
				}
				known[strings.ToLower(k.Name)] = true
				sum.codes++
			}
		}
		if len(next) == len(pending) { // a parent loop: add the rest flat
			for i := range next {
				next[i].Parent = ""
			}
		}
		pending = next
	}

	existing, err := st.Notes()
	if err != nil {
		return sum, err
	}
	for i, im := range imported {
		label := fmt.Sprintf("annotation %d", i+1)
		if im.Note.ID != "" {
			label += " (" + im.Note.ID + ")"
		}
		if im.Problem != "" {
			sum.skipped = append(sum.skipped, label+": "+im.Problem)
			continue
		}
		an, placed := export.Place(c, im)
		if !placed {
			if !im.HasBytes || an.Quote == "" || an.Start < 0 || an.End <= an.Start || an.Article == "" {
				sum.skipped = append(sum.skipped, fmt.Sprintf("%s: its passage “%s” is not in the corpus and the file gives no position to keep it at", label, oneLine(an.Quote, 60)))
				continue
			}
			if im.InCorpus(c) {
				sum.unplaced++
			} else {
				sum.elsewhere++
			}
		}
		tags, memo := im.Note.Tags, strings.TrimSpace(im.Note.Memo)
		var old *notes.Note
		for j := range existing {
			e := &existing[j]
			if !e.Orphaned && e.Coder == im.Note.Coder && e.Anchor.Article == an.Article && e.Anchor.Start == an.Start && e.Anchor.End == an.End && e.Anchor.Quote == an.Quote {
				old = e
				break
			}
		}
		if old != nil {
			var missing []string
			for _, t := range tags {
				if !slices.ContainsFunc(old.Tags, func(o string) bool { return strings.EqualFold(o, t) }) {
					missing = append(missing, t)
				}
			}
			if memo != "" && strings.Contains(old.Memo, memo) {
				memo = ""
			}
			if len(missing) == 0 && memo == "" {
				sum.unchanged++
				continue
			}
			tags = missing
			sum.updated++
		} else {
			sum.added++
		}
		if dryRun {
			continue
		}
		n, err := st.TagAs(im.Note.Coder, an, tags, memo)
		if err != nil {
			return sum, fmt.Errorf("%s: %w", label, err)
		}
		if old != nil {
			*old = n
		} else {
			existing = append(existing, n)
		}
	}
	return sum, nil
}
