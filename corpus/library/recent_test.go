package library

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

// TestRecentStories: the records of the articles seen most recently,
// oldest first, and the stories stored for them (only their articles
// among those records); an article without a story is among the records
// and in no story.
func TestRecentStories(t *testing.T) {
	ctx := context.Background()
	l := openTemp(t)
	if err := FillGenerated(l, 40); err != nil {
		t.Fatal(err)
	}
	if err := StoreGeneratedStories(l); err != nil {
		t.Fatal(err)
	}
	if _, err := l.db.ExecContext(ctx, "UPDATE articles SET story = '', thread = '' WHERE id = 'gen-000035'"); err != nil {
		t.Fatal(err)
	}
	stories, infos, err := l.RecentStories(ctx, 20)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, in := range infos {
		ids = append(ids, in.ID)
	}
	var want []string
	for i := 20; i < 40; i++ {
		want = append(want, fmt.Sprintf("gen-%06d", i))
	}
	if !slices.Equal(ids, want) {
		t.Fatalf("records %v, want %v", ids, want)
	}
	// Stories of gen-16…23 (4 of them recent), 24…31 and 32…39 (one without
	// a story), latest first.
	if len(stories) != 3 {
		t.Fatalf("%d stories, want 3: %+v", len(stories), stories)
	}
	sizes := []int{len(stories[0].Articles), len(stories[1].Articles), len(stories[2].Articles)}
	if !slices.Equal(sizes, []int{7, 8, 4}) {
		t.Fatalf("story sizes %v, want [7 8 4] (latest first)", sizes)
	}
	for _, s := range stories {
		if s.ID == "" || s.Thread == "" || s.Label == "" || s.Start == nil || s.End == nil || len(s.Outlets) == 0 {
			t.Errorf("story incomplete: %+v", s)
		}
		if slices.Contains(s.Articles, "gen-000035") {
			t.Errorf("the article without a story is in %s", s.ID)
		}
	}
	if stories[2].Articles[0] != "gen-000020" || stories[2].Label != infos[0].Title {
		t.Errorf("oldest story starts with %s labelled %q, want gen-000020 %q", stories[2].Articles[0], stories[2].Label, infos[0].Title)
	}
	all, infos, err := l.RecentStories(ctx, 0)
	if err != nil || len(infos) != 40 || len(all) != 5 {
		t.Fatalf("all: %d stories of %d records (%v), want 5 of 40", len(all), len(infos), err)
	}
}
