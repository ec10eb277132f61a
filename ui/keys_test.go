package ui

import (
	"fmt"
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
