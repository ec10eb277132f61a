package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/parallax-reader/parallax/corpus/library"
)

// runVersions lists the stored versions of a library article.
func runVersions(env *Env, args []string) int {
	fs := newFlagSet(env, "versions", "parallax versions [--json] [--library FILE] ID|URL",
		"parallax versions tass-1a2b3c4d5e",
		"parallax versions https://tass.com/politics/1234567",
		"parallax versions --json tass-1a2b3c4d5e   # {\"article\": ..., \"versions\": [...]}")
	asJSON := fs.Bool("json", false, "print JSON: {\"article\": {...}, \"versions\": [...]}")
	addLibraryFlag(fs, env)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) != 1 {
		fmt.Fprintln(env.Stderr, "parallax versions: give one article id or URL ('parallax list' shows the ids)")
		return 2
	}
	l, id, err := openArticle(env, pos[0])
	if err != nil {
		return errorf(env, "%v", err)
	}
	defer l.Close()
	ctx := context.Background()
	info, _, err := l.Get(ctx, id)
	if err != nil {
		return errorf(env, "%v", err)
	}
	vs, err := l.Versions(ctx, id)
	if err != nil {
		return errorf(env, "%v", err)
	}
	if *asJSON {
		out := struct {
			Article  library.Info          `json:"article"`
			Versions []library.VersionInfo `json:"versions"`
		}{info, vs}
		enc := json.NewEncoder(jsonOut(env.Stdout))
		enc.SetIndent("", "  ")
		if e := enc.Encode(out); e != nil {
			return errorf(env, "write JSON: %v", e)
		}
		return 0
	}
	fmt.Fprintf(env.Stdout, "%s  %s  %s\n", clean(info.ID), oneLine(info.Outlet, 20), oneLine(info.Title, 70))
	if info.URL != "" {
		fmt.Fprintf(env.Stdout, "%s\n", oneLine(info.URL, 120))
	}
	if info.CopyOf != "" {
		fmt.Fprintf(env.Stdout, "a copy of %s\n", clean(info.CopyOf))
	}
	fmt.Fprintln(env.Stdout)
	var t table
	t.add("VERSION", "FETCHED", "STATUS", "CHARS", "EXTRACTOR", "TITLE")
	for _, v := range vs {
		t.add(fmt.Sprint(v.N), v.Fetched.Local().Format("2006-01-02 15:04"), fmt.Sprint(v.Status), fmt.Sprint(v.Chars),
			v.Extractor+" "+v.ExtractorVersion, oneLine(v.Title, 60))
	}
	t.write(env.Stdout, "")
	if len(vs) > 1 {
		fmt.Fprintf(env.Stdout, "\n'parallax diff %s' shows what changed in the last edit\n", clean(id))
	}
	return 0
}
