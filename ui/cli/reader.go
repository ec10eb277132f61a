package cli

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/ui"
)

// runReader opens the terminal reader on the given paths (none: the
// library's articles when it has any, else the embedded corpus).
func runReader(env *Env, args []string) int {
	opts, done, code := readerOptions(env, args)
	if done {
		return code
	}
	if lib, ok := opts.Library.(*readerLibrary); ok {
		defer lib.Close()
	}
	if err := ui.Run(opts); err != nil {
		var se *ui.StartError
		if errors.As(err, &se) {
			// Every file that failed, one per line, as "parallax list"
			// says it: the screen that showed them is gone.
			msg, _ := corpus.Sanitize(loadProblem(se.Err))
			fmt.Fprintln(env.Stderr, "parallax: could not start: "+msg)
			return 1
		}
		return errorf(env, "%v", err)
	}
	return 0
}

// readerOptions parses the reader's flags into its options; done is true
// when there is nothing to run (help, a bad flag), with the exit code.
func readerOptions(env *Env, args []string) (opts ui.Options, done bool, code int) {
	fs := flag.NewFlagSet("parallax", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	noColor := fs.Bool("no-color", false, "monochrome: no colours, emphasis as bold, underline and reverse (also $NO_COLOR)")
	notes := fs.String("notes", "", "notes `FILE` for tags and memos (default: .parallax-notes.db beside a folder corpus; library-notes.db beside the library; the data directory for the built-in corpus)")
	addReadFlags(fs, env)
	coderFlag := addCoderFlag(fs)
	var compare fileList
	fs.Var(&compare, "compare-notes", "another coder's notes `FILE`, opened read-only beside yours: their notes show in the notes and read views and the Disagreements view (repeatable)")
	consensus := fs.String("consensus", "", "notes `FILE` the Disagreements view writes the settled coding to (default: consensus.db beside the notes file)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: parallax [--no-color] [--notes FILE] [--coder NAME] [--compare-notes FILE]... [--consensus FILE] [--library FILE] [--embedded] [PATH...]")
		fmt.Fprintln(env.Stderr)
		fmt.Fprintln(env.Stderr, "Opens the reader: articles side by side, shared facts and framing in colour.")
		fmt.Fprintln(env.Stderr, "With no PATH it opens the library's stories when the library has articles (the most recent")
		fmt.Fprintf(env.Stderr, "%d), else the embedded corpus. Press ? inside for keys and the colour legend.\n", libraryCorpusMax)
		fmt.Fprintln(env.Stderr)
		fmt.Fprintln(env.Stderr, "Examples:")
		fmt.Fprintln(env.Stderr, "  parallax")
		fmt.Fprintln(env.Stderr, "  parallax --embedded")
		fmt.Fprintln(env.Stderr, "  parallax --no-color articles/")
		fmt.Fprintln(env.Stderr, "  parallax tass.md sputnik.html aa.txt")
		fmt.Fprintln(env.Stderr, "  parallax --coder ana --notes ana.db --compare-notes ben.db articles/")
		fmt.Fprintln(env.Stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return opts, true, 0
		}
		return opts, true, 2
	}
	coder, err := readerCoder(env, *coderFlag)
	if err != nil {
		fmt.Fprintln(env.Stderr, "parallax: "+err.Error())
		return opts, true, 2
	}
	if err := checkConsensus(*consensus, *notes, compare); err != nil {
		fmt.Fprintln(env.Stderr, "parallax: "+err.Error())
		return opts, true, 2
	}
	opts = ui.Options{
		Paths:     fs.Args(),
		NoColor:   *noColor || env.Getenv("NO_COLOR") != "",
		NotesPath: *notes,
		Coder:     coder,
		// Read-only files and where the consensus goes: see
		// docs/agreement.md.
		CompareNotes:  compare,
		ConsensusPath: *consensus,
		ConfigDir:     configDir(env),
		Getenv:        env.Getenv,
		Stderr:        env.Stderr,
	}
	if len(opts.Paths) == 0 && !env.Embedded {
		opts.Library = &readerLibrary{env: env}
	}
	return opts, false, 0
}

// checkConsensus refuses a consensus file that is one's own notes file or
// another coder's: the Disagreements view writes to it.
func checkConsensus(consensus, own string, compare []string) error {
	if consensus == "" {
		return nil
	}
	same := func(a, b string) bool {
		if a == "" || b == "" {
			return false
		}
		aa, err1 := filepath.Abs(a)
		ab, err2 := filepath.Abs(b)
		return err1 == nil && err2 == nil && aa == ab
	}
	if same(consensus, own) {
		return fmt.Errorf("--consensus %s is your notes file (--notes): the consensus goes to a file of its own; give another name", consensus)
	}
	for _, c := range compare {
		if same(consensus, c) {
			return fmt.Errorf("--consensus %s is a file of --compare-notes, which is only read: give another name for the consensus", consensus)
		}
	}
	return nil
}

// readerCoder is the coder the reader records: resolveCoder's, except that
// when nothing names one and the login name cannot be found the reader
// still opens, recording none (notes shown as "(unknown)", as before
// coders were recorded); tag and the other writing commands ask for one.
// A name given that is not valid is still an error.
func readerCoder(env *Env, flagValue string) (string, error) {
	coder, err := resolveCoder(env, flagValue)
	if errors.Is(err, errNoCoder) {
		return "", nil
	}
	return coder, err
}
