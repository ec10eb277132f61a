package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/parallax-reader/parallax/corpus/library"
)

// addJSON is one input in the JSON contract of 'parallax add'.
type addJSON struct {
	Input   string `json:"input"`
	OK      bool   `json:"ok"`
	Article string `json:"article"`
	Outcome string `json:"outcome"`
	Version int    `json:"version"`
	CopyOf  string `json:"copy_of"`
	Reason  string `json:"reason"`
}

// runAdd adds articles to the library from URLs, files and folders.
func runAdd(env *Env, args []string) int {
	fs := newFlagSet(env, "add", "parallax add [--json] [--library FILE] URL|FILE|DIR...",
		"parallax add https://tass.com/politics/1234567        # fetch, extract and store one article",
		"parallax add ~/saved/*.html notes/lavrov.md            # saved pages and files",
		"parallax add --json ~/articles | jq '.results[] | select(.ok | not)'")
	asJSON := fs.Bool("json", false, "print JSON: {\"library\": FILE, \"results\": [{\"input\", \"ok\", \"article\", \"outcome\", ...}]}")
	addLibraryFlag(fs, env)
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(inputs) == 0 {
		fmt.Fprintln(env.Stderr, "parallax add: give one or more URLs, files or folders (parallax add --help shows examples)")
		return 2
	}
	l, err := openLibrary(env)
	if err != nil {
		return errorf(env, "%v", err)
	}
	defer l.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var urls, paths []string
	for _, in := range inputs {
		if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
			urls = append(urls, in)
		} else {
			paths = append(paths, in)
		}
	}
	var results []library.Added
	if len(paths) > 0 {
		r, err := l.AddFiles(ctx, paths)
		results = append(results, r...)
		if err != nil {
			return errorf(env, "%v", err)
		}
	}
	if len(urls) > 0 {
		upd, done := progressLine(env, "fetching")
		r, err := l.AddURLs(ctx, nil, urls, upd)
		done()
		results = append(results, r...)
		if err != nil {
			return errorf(env, "%v", err)
		}
	}
	ok := 0
	for _, r := range results {
		if r.OK() {
			ok++
		}
	}
	if *asJSON {
		out := struct {
			Library string    `json:"library"`
			Results []addJSON `json:"results"`
		}{Library: l.Path(), Results: []addJSON{}}
		for _, r := range results {
			out.Results = append(out.Results, addJSON{Input: r.Input, OK: r.OK(), Article: r.Article, Outcome: string(r.Outcome),
				Version: r.Version, CopyOf: r.CopyOf, Reason: r.Reason})
		}
		enc := json.NewEncoder(jsonOut(env.Stdout))
		enc.SetIndent("", "  ")
		if e := enc.Encode(out); e != nil {
			return errorf(env, "write JSON: %v", e)
		}
	} else {
		var t table
		for _, r := range results {
			v := ""
			if r.Version > 0 {
				v = fmt.Sprintf("v%d", r.Version)
			}
			note := r.Reason
			if r.CopyOf != "" {
				note = "a copy of " + r.CopyOf
			}
			t.add(string(r.Outcome), r.Article, v, oneLine(r.Input, 60), oneLine(note, 80))
		}
		t.write(env.Stdout, "")
		fmt.Fprintf(env.Stdout, "\n%d of %s stored or already there, in %s\n", ok, plural(len(results), "input"), clean(l.Path()))
	}
	if ok == 0 && len(results) > 0 {
		return 1
	}
	return 0
}
