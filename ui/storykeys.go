package ui

import "github.com/charmbracelet/bubbles/key"

// StoriesKeys are the bindings of the Stories view, of opening a story or
// a thread, and of the read view's columns. They are part of the KeyMap
// (KeyMap.Stories), so help is generated from them.
type StoriesKeys struct {
	// View switches to the Stories view; Everything opens the whole
	// corpus again (enabled while a story or thread is open).
	View, Everything key.Binding
	// Open opens the story or thread under the cursor in the read view.
	Open key.Binding
	// Move, Merge and Split correct the grouping of the story under the
	// cursor.
	Move, Merge, Split key.Binding
	// Columns switches the read view between a column per outlet and a
	// column per article; Order cycles the columns' order.
	Columns, Order key.Binding
}

func defaultStoriesKeys() StoriesKeys {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	ks := StoriesKeys{
		View:       b([]string{"0"}, "0", "stories view"),
		Everything: b([]string{"E"}, "E", "open everything again"),
		Open:       b([]string{"enter"}, "enter", "open story/thread"),
		Move:       b([]string{"m"}, "m", "move an article to another story"),
		Merge:      b([]string{"M"}, "M", "merge with another story"),
		Split:      b([]string{"s"}, "s", "split articles off"),
		Columns:    b([]string{"C"}, "C", "column per outlet/article"),
		Order:      b([]string{"s"}, "s", "column order"),
	}
	ks.Everything.SetEnabled(false)
	return ks
}
