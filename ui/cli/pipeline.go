package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/pipeline"
)

// The commands that analyse (stories, facts, framing, export) run the
// analysis pipeline the reader runs (corpus/pipeline), with the story
// corrections made in the reader, which live in the notes file: they print
// what the reader shows.

// addNotesFlag is --notes for the commands that only read the story
// corrections from the notes file.
func addNotesFlag(fs *flag.FlagSet) *string {
	return fs.String("notes", "", "the notes `FILE` whose story corrections apply (default: beside the corpus, when it exists)")
}

// loadToAnalyse loads the corpus of a command that analyses it, building
// the matching data the analysis starts with beside the loading.
func loadToAnalyse(env *Env, paths []string) (*corpus.Corpus, error) {
	go compare.Prepare()
	return loadCorpus(env, paths)
}

// runPipeline runs the analysis pipeline on c with the steps po asks for, the
// story corrections of the notes file (the --notes file, which must exist,
// else the corpus's default notes file when there is one) and the user's
// configuration directory. The steps the command cannot do without are
// need: the first of them that failed is the error. Every other failure,
// and every story correction that could not be applied, is a warning on
// standard error.
func runPipeline(env *Env, c *corpus.Corpus, paths []string, notesFlag string, po pipeline.Options, need ...pipeline.Step) (*pipeline.Run, error) {
	po.NotesPath = notesPath(env, notesFlag, c, paths)
	po.NotesRequired = notesFlag != ""
	po.ConfigDir = configDir(env)
	run, err := pipeline.Analyse(context.Background(), c, po)
	if err != nil {
		return nil, err
	}
	for _, w := range run.Warnings(need...) {
		fmt.Fprintln(env.Stderr, "parallax: warning: "+oneLine(w, 200))
	}
	return run, run.Err(need...)
}

// scopeFlags are --story and --thread, which restrict a command to the
// articles of one story or thread.
type scopeFlags struct{ story, thread *string }

func addScopeFlags(fs *flag.FlagSet) scopeFlags {
	return scopeFlags{
		story:  fs.String("story", "", "only the articles of this story (an id from parallax stories)"),
		thread: fs.String("thread", "", "only the articles of this thread (an id from parallax stories)"),
	}
}

// id is the story or thread to restrict the command to, "" for none.
func (s scopeFlags) id() (string, error) {
	if *s.story != "" && *s.thread != "" {
		return "", fmt.Errorf("give --story or --thread, not both")
	}
	return *s.story + *s.thread, nil
}
