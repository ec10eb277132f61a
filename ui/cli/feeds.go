package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/google/renameio/v2/maybe"

	"github.com/parallax-reader/parallax/corpus/library"
)

// feedJSON is one feed in the JSON contract of 'parallax feeds list'.
type feedJSON struct {
	library.FeedInfo
	Failing bool `json:"failing"`
}

const feedsUsage = "parallax feeds add URL [--outlet NAME] | list [--json] | remove URL|ID | import FILE.opml | export [-o FILE] | starter"

// runFeeds manages the followed feeds.
func runFeeds(env *Env, args []string) int {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		fs := newFlagSet(env, "feeds", feedsUsage,
			"parallax feeds starter                               # follow the five seed outlets, BBC World and Al Jazeera",
			"parallax feeds add https://tass.com/rss/v2.xml --outlet TASS",
			"parallax feeds list --json",
			"parallax feeds remove 3",
			"parallax feeds import subscriptions.opml",
			"parallax feeds export -o feeds.opml")
		fs.Usage()
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	sub, rest := args[0], args[1:]
	fs := newFlagSet(env, "feeds "+sub, feedsUsage)
	asJSON := fs.Bool("json", false, "print JSON (feeds list: {\"library\": FILE, \"feeds\": [...]})")
	outlet := fs.String("outlet", "", "feeds add: the feed's outlet (default: from the outlet table by its domain)")
	outFile := fs.String("o", "", "feeds export: write the OPML to `FILE` instead of standard output (an existing file is not overwritten)")
	addLibraryFlag(fs, env)
	pos, err := parseArgs(fs, rest)
	if err != nil {
		return flagExit(err)
	}
	want := map[string]int{"add": 1, "list": 0, "remove": 1, "import": 1, "export": 0, "starter": 0}
	n, ok := want[sub]
	if !ok {
		fmt.Fprintf(env.Stderr, "parallax feeds: unknown subcommand %q; usage: %s\n", clean(sub), feedsUsage)
		return 2
	}
	if len(pos) != n {
		fmt.Fprintf(env.Stderr, "parallax feeds %s: takes %s; usage: %s\n", sub, plural(n, "argument"), feedsUsage)
		return 2
	}
	l, err := openLibrary(env)
	if err != nil {
		return errorf(env, "%v", err)
	}
	defer l.Close()
	ctx := context.Background()
	switch sub {
	case "add":
		f, err := l.AddFeed(ctx, pos[0], *outlet)
		if err != nil {
			return errorf(env, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "following feed %d: %s (%s); 'parallax update' fetches it\n", f.ID, clean(f.URL), clean(orUnknown(f.Outlet)))
	case "list":
		return listFeeds(env, l, *asJSON)
	case "remove":
		f, err := l.RemoveFeed(ctx, pos[0])
		if err != nil {
			return errorf(env, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "no longer following %s; its articles stay in the library\n", clean(f.URL))
	case "import":
		file, err := os.Open(pos[0])
		if err != nil {
			return errorf(env, "feeds import: %v", err)
		}
		feeds, err := library.ParseOPML(file)
		file.Close()
		if err != nil {
			return errorf(env, "feeds import %s: %v", pos[0], err)
		}
		return addFeeds(env, l, feeds)
	case "export":
		if *outFile == "" {
			if err := l.WriteOPML(ctx, env.Stdout); err != nil {
				return errorf(env, "%v", err)
			}
			return 0
		}
		if _, err := os.Stat(*outFile); err == nil {
			return errorf(env, "feeds export: %s exists; choose another name or remove it first", *outFile)
		}
		var b bytes.Buffer
		if err := l.WriteOPML(ctx, &b); err != nil {
			return errorf(env, "%v", err)
		}
		if err := maybe.WriteFile(*outFile, b.Bytes(), 0o644); err != nil {
			return errorf(env, "feeds export: %v", err)
		}
		fmt.Fprintf(env.Stdout, "wrote %s\n", clean(*outFile))
	case "starter":
		var feeds []library.OPMLFeed
		for _, f := range library.StarterFeeds {
			feeds = append(feeds, library.OPMLFeed{URL: f.URL, Outlet: f.Outlet})
		}
		code := addFeeds(env, l, feeds)
		fmt.Fprintln(env.Stdout, "(the starter addresses were not fetched when parallax was built: 'parallax update' names any that fail)")
		return code
	}
	return 0
}

// addFeeds follows feeds, saying which were added and which were not.
func addFeeds(env *Env, l *library.Library, feeds []library.OPMLFeed) int {
	added := 0
	for _, f := range feeds {
		_, err := l.AddFeed(context.Background(), f.URL, f.Outlet)
		switch {
		case errors.Is(err, library.ErrFeedExists):
			fmt.Fprintf(env.Stdout, "already following %s\n", clean(f.URL))
		case err != nil:
			fmt.Fprintf(env.Stderr, "parallax: %s\n", clean(err.Error()))
		default:
			added++
			fmt.Fprintf(env.Stdout, "following %s (%s)\n", clean(f.URL), clean(orUnknown(f.Outlet)))
		}
	}
	fmt.Fprintf(env.Stdout, "%s added; 'parallax update' fetches them\n", plural(added, "feed"))
	return 0
}

func orUnknown(s string) string {
	if s == "" {
		return "outlet unknown"
	}
	return s
}

// listFeeds prints the followed feeds and their health.
func listFeeds(env *Env, l *library.Library, asJSON bool) int {
	fs, err := l.Feeds(context.Background())
	if err != nil {
		return errorf(env, "%v", err)
	}
	if asJSON {
		out := struct {
			Library string     `json:"library"`
			Feeds   []feedJSON `json:"feeds"`
		}{Library: l.Path(), Feeds: []feedJSON{}}
		for _, f := range fs {
			out.Feeds = append(out.Feeds, feedJSON{f, f.Failing()})
		}
		enc := json.NewEncoder(jsonOut(env.Stdout))
		enc.SetIndent("", "  ")
		if e := enc.Encode(out); e != nil {
			return errorf(env, "write JSON: %v", e)
		}
		return 0
	}
	if len(fs) == 0 {
		fmt.Fprintln(env.Stdout, "No feeds followed yet: 'parallax feeds starter' follows the seed outlets, 'parallax feeds add URL' one feed.")
		return 0
	}
	var t table
	t.add("ID", "OUTLET", "LAST OK", "NEXT", "ITEMS", "STATE", "URL")
	for _, f := range fs {
		state := "ok"
		switch {
		case f.LastChecked == nil:
			state = "not fetched yet"
		case f.Failing():
			state = fmt.Sprintf("FAILING (%d times): %s", f.Failures, f.LastError)
		case f.Failures > 0:
			state = fmt.Sprintf("failed %d: %s", f.Failures, f.LastError)
		}
		t.add(fmt.Sprint(f.ID), oneLine(orUnknown(f.Outlet), 20), when(f.LastOK), when(f.NextCheck), fmt.Sprint(f.Items),
			oneLine(state, 70), oneLine(f.URL, 80))
	}
	t.write(env.Stdout, "")
	return 0
}

// when is a time as a table shows it, "-" for none.
func when(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}
