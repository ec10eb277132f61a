package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"

	"github.com/parallax-reader/parallax/corpus/library"
)

// runUpdate fetches the due feeds and re-checks articles for edits.
func runUpdate(env *Env, args []string) int {
	fs := newFlagSet(env, "update", "parallax update [--now] [--json] [--library FILE]",
		"parallax update          # the feeds and articles that are due",
		"parallax update --now    # every feed and article now (still polite: per-host limits, robots.txt, Retry-After)",
		"parallax update --json | jq '.problems'")
	now := fs.Bool("now", false, "check every feed and article regardless of their schedule")
	asJSON := fs.Bool("json", false, "print JSON: {\"feeds\": [...], \"new\", \"edited\", ..., \"problems\": [...]}")
	addLibraryFlag(fs, env)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) > 0 {
		fmt.Fprintln(env.Stderr, "parallax update: takes no arguments (parallax add URL|FILE adds articles)")
		return 2
	}
	l, err := openLibrary(env)
	if err != nil {
		return errorf(env, "%v", err)
	}
	defer l.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	f := library.NewFetcher()
	if ua := env.Getenv("PARALLAX_USER_AGENT"); ua != "" {
		f.UserAgent = ua
	}
	upd, done := progressLine(env, "updating")
	rep, err := l.Update(ctx, library.UpdateOptions{All: *now, Fetcher: f, Progress: upd})
	done()
	if err != nil && rep == nil {
		return errorf(env, "%v", err)
	}
	if *asJSON {
		enc := json.NewEncoder(jsonOut(env.Stdout))
		enc.SetIndent("", "  ")
		if e := enc.Encode(rep); e != nil {
			return errorf(env, "write JSON: %v", e)
		}
	} else {
		printUpdate(env, rep)
	}
	if err != nil {
		return errorf(env, "%v", err)
	}
	return 0
}

func printUpdate(env *Env, rep *library.UpdateReport) {
	w := env.Stdout
	if len(rep.Feeds) == 0 && rep.Rechecked == 0 {
		fmt.Fprintln(w, "Nothing was due. 'parallax update --now' checks everything; 'parallax feeds list' shows the schedule.")
		return
	}
	var t table
	for _, f := range rep.Feeds {
		state := f.Status
		if f.Error != "" {
			state += ": " + f.Error
		}
		if f.Failing {
			state = "FAILING: " + f.Error
		}
		if f.Note != "" {
			state += " — " + f.Note
		}
		t.add(oneLine(orUnknown(f.Outlet), 20), fmt.Sprintf("%d new of %d", f.New, f.Items), oneLine(state, 80), oneLine(f.URL, 70))
	}
	t.write(w, "")
	fmt.Fprintf(w, "\n%s; %s re-checked: %d edited, %d unchanged, %d suspect\n", plural(rep.New, "new article"),
		plural(rep.Rechecked, "article"), rep.Edited, rep.Unchanged, rep.Suspect)
	if len(rep.Problems) > 0 {
		fmt.Fprintf(w, "\n%s:\n", plural(len(rep.Problems), "problem"))
		for _, p := range rep.Problems {
			fmt.Fprintf(w, "  %s: %s\n", oneLine(p.URL, 100), oneLine(p.Message, 200))
		}
	}
}
