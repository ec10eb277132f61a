package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// tagList collects a repeatable --tag flag. Names are not split on commas:
// a code may contain one ("name calling, labeling").
type tagList []string

func (t *tagList) String() string { return strings.Join(*t, "; ") }

func (t *tagList) Set(v string) error {
	*t = append(*t, v)
	return nil
}

// runTag tags a passage, found by its quote, from a script. It exits 0
// only once the tag is committed to the notes file.
func runTag(env *Env, args []string) int {
	fset := newFlagSet(env, "tag", "parallax tag --article ID --quote TEXT --tag NAME [--tag NAME...] [--memo TEXT] [--notes FILE] [--coder NAME] [PATH...]",
		"parallax tag --article 003_901c7662e3582013 --quote 'firmly dismissed all accusations' --tag attribution",
		"parallax tag --coder anna --notes anna.db --article 003_901c7662e3582013 --quote 'Russia rejected these demands' --tag denial",
		"parallax tag --article lavrov --quote 'openly paves the way' --tag blame/us --tag 'loaded language' --memo 'compare AA' ~/articles",
		"parallax tag --notes study.db --article lavrov --quote '...' --tag omission ~/articles",
		"parallax tag --embedded --notes anna.db --article 003_901c7662e3582013 --quote 'Russia rejected these demands' --tag denial   # the built-in corpus though a library has articles")
	article := fset.String("article", "", "the article id (see 'parallax list')")
	quote := fset.String("quote", "", "the exact text of the passage; spacing, quote marks and dashes may differ; it must occur once")
	var tags tagList
	fset.Var(&tags, "tag", "a code to apply (repeatable); a new name is added to the codebook, \"a/b\" makes b a child of a")
	memo := fset.String("memo", "", "a memo for the passage")
	notesFlag := fset.String("notes", "", "the notes file (default: beside the corpus folder, or in the data dir for the embedded corpus)")
	coderFlag := addCoderFlag(fset)
	addReadFlags(fset, env)
	paths, err := parseArgs(fset, args)
	if err != nil {
		return flagExit(err)
	}
	var missing []string
	if *article == "" {
		missing = append(missing, "--article")
	}
	if *quote == "" {
		missing = append(missing, "--quote")
	}
	if len(tags) == 0 && *memo == "" {
		missing = append(missing, "--tag")
	}
	if len(missing) > 0 {
		fmt.Fprintln(env.Stderr, "parallax: tag needs "+strings.Join(missing, " and ")+"; see 'parallax tag --help'")
		return 2
	}
	for _, t := range tags {
		if err := notes.ValidateName(strings.TrimSpace(t)); err != nil {
			return errorf(env, "--tag: %v", err)
		}
	}
	coder, err := resolveCoder(env, *coderFlag)
	if err != nil {
		return errorf(env, "%v", err)
	}

	c, err := loadCorpus(env, paths)
	if err != nil {
		return loadFailed(env, err)
	}
	if *notesFlag != "" {
		settleIDs(env, c, *notesFlag)
	}
	a := c.Article(*article)
	if a == nil {
		ids := make([]string, 0, len(c.Articles))
		for _, x := range c.Articles {
			ids = append(ids, x.ID)
		}
		sort.Strings(ids)
		if len(ids) > 20 {
			ids = append(ids[:20], fmt.Sprintf("… (%d more: see 'parallax list')", len(ids)-20))
		}
		hint := ""
		if len(paths) == 0 && c.Name != corpus.DefaultName && corpus.Default().Article(*article) != nil {
			hint = "; it is in the built-in corpus: add --embedded to read that"
		}
		return errorf(env, "no article %q in %s%s; its ids are: %s", *article, corpusRead(c), hint, strings.Join(ids, ", "))
	}
	start, end, err := notes.FindQuote(a, *quote)
	if err != nil {
		return errorf(env, "%v", err)
	}
	if f, ok := furnitureIn(a, start, end); ok {
		return errorf(env, "“%s” is or holds page furniture of %s (“%s”: a menu, counter, credit or caption set aside from the article's text), which the reader shows only dimmed and cannot mark: tag a passage of the article itself", oneLine(a.Text[start:end], 60), a.ID, oneLine(f.Text, 40))
	}

	path := notesPath(env, *notesFlag, c, paths)
	s, err := openAsCoder(path, coder)
	if err != nil {
		return errorf(env, "%v", err)
	}
	// Re-place existing notes first, so a passage tagged before an edit
	// is recognised as the same passage.
	if _, _, err := s.Reanchor(c); err != nil {
		fmt.Fprintf(env.Stderr, "parallax: %s\n", clean(err.Error()))
	}
	n, err := s.Tag(notes.NewAnchor(a, start, end), tags, *memo)
	if cerr := s.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return errorf(env, "%v", err)
	}
	fmt.Fprintf(env.Stdout, "tagged %s bytes %d–%d “%s” with [%s]; note %s by %s saved in %s\n",
		clean(a.ID), n.Anchor.Start, n.Anchor.End, oneLine(n.Anchor.Quote, 60), clean(strings.Join(n.Tags, ", ")), clean(n.ID), clean(n.Coder), clean(s.Path()))
	return 0
}

// furnitureIn returns the page furniture that bytes [start, end) of an
// article share a byte with, if any: the reader draws furniture as plain
// dimmed lines, so a passage reaching into it could not be shown marked.
func furnitureIn(a *corpus.Article, start, end int) (corpus.Furniture, bool) {
	for _, f := range a.Furniture {
		if f.Start < end && start < f.End {
			return f, true
		}
	}
	return corpus.Furniture{}, false
}
