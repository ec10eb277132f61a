package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
)

func TestKeysMarkdown(t *testing.T) {
	md := KeysMarkdown()
	k := DefaultKeyMap()
	for _, b := range []key.Binding{k.Quit, k.Help, k.Search, k.NextFact, k.Why, k.NextUnique, k.Choose, k.Pin, k.Furniture, k.Sort, k.Filter, k.ReadFact,
		k.FactHere, k.SearchList, k.SelectAll, k.SelectNone, k.SelectInvert} {
		if !strings.Contains(md, b.Help().Desc) {
			t.Errorf("key table lacks %q", b.Help().Desc)
		}
	}
	// The tagging keys are disabled until the notes store opens, but the
	// README documents them, with the notes view's and codebook's keys.
	nk := DefaultNotesKeyMap()
	for _, b := range []key.Binding{k.Tag, k.Visual, k.Export, nk.Memo, nk.Undo, nk.Redo, nk.Codebook, nk.Starter} {
		if !strings.Contains(md, b.Help().Desc) {
			t.Errorf("key table lacks %q", b.Help().Desc)
		}
	}
	for _, desc := range []string{"filter facts", "filter passages", "filter the list", "group by outlet / date / none"} {
		if !strings.Contains(md, desc) {
			t.Errorf("key table lacks %q", desc)
		}
	}
	if testing.Verbose() {
		fmt.Println(md)
	}
}

// TestNoKeyClashInAView: within one view no key does two things. The
// merge of the Stories view with issue 17's keys bound c twice in the read
// view (the sentence's next fact, a column per article); c stays the
// fact, C the columns.
func TestNoKeyClashInAView(t *testing.T) {
	m := lookalikeWithNotes(t, filepath.Join(t.TempDir(), "notes.db"), 160, 48)
	for _, v := range []string{"0", "1", "2", "3", "4", "5"} {
		m = send(m, keys(v)...)
		bound := map[string]string{}
		for _, group := range m.FullHelp() {
			for _, b := range group {
				if !b.Enabled() {
					continue
				}
				what := b.Help().Desc
				for _, k := range b.Keys() {
					if prev, ok := bound[k]; ok && prev != what {
						t.Errorf("view %s: %q both %q and %q", v, k, prev, what)
					}
					bound[k] = what
				}
			}
		}
	}
	k := DefaultKeyMap()
	if !key.Matches(keyMsg("c"), k.FactHere) || !key.Matches(keyMsg("C"), k.Stories.Columns) {
		t.Errorf("c is %q, C %q", k.FactHere.Help().Desc, k.Stories.Columns.Help().Desc)
	}
}

// TestKeysMarkdownHasEachViewsKeys: the generated key table left out two
// keys that the views' help lists: m (a memo) in the notes view and h/l
// (the outlets' columns) in the Stories view.
func TestKeysMarkdownHasEachViewsKeys(t *testing.T) {
	md := KeysMarkdown()
	section := func(name string) string {
		_, rest, ok := strings.Cut(md, "**"+name+"**")
		if !ok {
			t.Fatalf("no %q in the key table", name)
		}
		sec, _, _ := strings.Cut(rest, "\n**")
		return sec
	}
	for _, tc := range []struct{ view, row string }{
		{"Notes view", "| `m` | memo on tagged passage |"},
		{"Stories view", "| `h` `left` | outlets left |"},
		{"Stories view", "| `l` `right` | outlets right |"},
	} {
		if !strings.Contains(section(tc.view), tc.row) {
			t.Errorf("%s: no %s in:\n%s", tc.view, tc.row, section(tc.view))
		}
	}
}
