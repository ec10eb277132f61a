package cli

import (
	"fmt"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/agreement"
)

// corpusRead names the corpus a command read and its size, as a message
// about notes made on other articles says it: "library /x/lib.db (12
// articles)".
func corpusRead(c *corpus.Corpus) string {
	return fmt.Sprintf("%s (%s)", oneLine(c.Name, 80), plural(len(c.Articles), "article"))
}

// otherCorpusHint says how to read another corpus than c, the one read
// with paths: --embedded for the built-in corpus when ids (the articles
// notes are on) are all in it, else a PATH or --embedded.
func otherCorpusHint(c *corpus.Corpus, paths []string, ids []string) string {
	builtIn := c.Name == corpus.DefaultName && len(paths) == 0
	if !builtIn && len(ids) > 0 {
		def := corpus.Default()
		all := true
		for _, id := range ids {
			all = all && def.Article(id) != nil
		}
		if all {
			return "they are on the built-in corpus: add --embedded to read it"
		}
	}
	switch {
	case builtIn:
		return "give the PATH of the articles they were made on to read those (with no PATH, parallax reads the library when it has articles, unless --embedded)"
	case len(paths) > 0:
		return "give the PATH of the articles they were made on, or none for the library (--embedded: the built-in corpus)"
	default:
		return "--embedded reads the built-in corpus, and a PATH the folder or files they were made on"
	}
}

// notesElsewhere is what agreement says of the coders none of whose notes
// are on the articles read: one line per such coder, and whether every
// coder with notes is one (then there is nothing to report).
func notesElsewhere(c *corpus.Corpus, paths []string, coders []agreement.Coder, rep *agreement.Report) (lines []string, all bool) {
	withNotes, outside := 0, 0
	var ids []string
	seen := map[string]bool{}
	for i, ci := range rep.Coders {
		if ci.Notes+ci.Orphaned+ci.NotLoaded == 0 {
			continue
		}
		withNotes++
		if ci.Notes > 0 || ci.Orphaned > 0 {
			continue
		}
		outside++
		lines = append(lines, fmt.Sprintf("none of %s's %s (%s) %s on the articles read",
			oneLine(ci.Name, 24), plural(ci.NotLoaded, "note"), oneLine(ci.Source, 60), isAre(ci.NotLoaded)))
		if i < len(coders) {
			for _, n := range coders[i].Notes {
				if id := n.Anchor.Article; !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
		}
	}
	if outside == 0 {
		return nil, false
	}
	lines = append(lines, fmt.Sprintf("the corpus read is %s; %s", corpusRead(c), otherCorpusHint(c, paths, ids)))
	return lines, outside == withNotes
}

// joinLines joins lines for a message of several lines.
func joinLines(lines []string) string { return strings.Join(lines, "\n  ") }
