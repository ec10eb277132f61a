package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// KeyMap is every key binding of the reader. Components take the groups
// they use from it; help is generated from it, so it never lies.
type KeyMap struct {
	// Global.
	Quit, Help, Search, SearchNext, SearchPrev, Back key.Binding
	// SearchList lists every match of the last search.
	SearchList key.Binding
	// ForceQuit quits from anywhere, even from a text input.
	ForceQuit                                   key.Binding
	ViewRead, ViewFacts, ViewOutlets, ViewNotes key.Binding
	ViewProblems                                key.Binding

	// Movement, shared by every view.
	Up, Down, Top, Bottom, HalfDown, HalfUp key.Binding
	Left, Right, NextCol, PrevCol           key.Binding
	PageLeft, PageRight                     key.Binding

	// Read view.
	NextFact, PrevFact, NextUnique, PrevUnique key.Binding
	Why, Choose, Pin, Furniture                key.Binding
	// FactHere turns the alignment to the next fact of a sentence in
	// several facts.
	FactHere key.Binding
	// Versions opens the version history of the article under the
	// cursor, and its diffs: enabled when the articles are a library's.
	Versions key.Binding

	// Tagging and export: disabled until the notes file is open (the
	// notes service switches them on).
	Tag, Visual, Export key.Binding

	// Facts view.
	Open, ReadFact, Sort, Filter, OnlyDisc key.Binding

	// Dialogs. ItemUp and ItemDown move in a chooser whose filter box
	// takes the letters.
	Toggle, Confirm  key.Binding
	ItemUp, ItemDown key.Binding
	// The article chooser: choose every listed article, none, or the
	// opposite of each.
	SelectAll, SelectNone, SelectInvert key.Binding

	// Stories view, opening a story, and the read view's columns.
	Stories StoriesKeys
}

// DefaultKeyMap returns parallax's key bindings.
func DefaultKeyMap() *KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	km := &KeyMap{
		Quit:         b([]string{"q", "ctrl+c"}, "q", "quit"),
		ForceQuit:    b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Help:         b([]string{"?", "f1"}, "?", "help & legend"),
		Search:       b([]string{"/"}, "/", "search all articles"),
		SearchNext:   b([]string{"n"}, "n", "next match"),
		SearchPrev:   b([]string{"N"}, "N", "previous match"),
		SearchList:   b([]string{"F"}, "F", "list matches: who says it?"),
		Back:         b([]string{"esc"}, "esc", "close / back"),
		ViewRead:     b([]string{"1"}, "1", "read view"),
		ViewFacts:    b([]string{"2"}, "2", "facts view"),
		ViewOutlets:  b([]string{"3"}, "3", "outlets view"),
		ViewNotes:    b([]string{"4"}, "4", "notes view"),
		ViewProblems: b([]string{"5"}, "5", "load problems"),

		Up:        b([]string{"k", "up"}, "↑/k", "up"),
		Down:      b([]string{"j", "down"}, "↓/j", "down"),
		Top:       b([]string{"g", "home"}, "g", "top"),
		Bottom:    b([]string{"G", "end"}, "G", "bottom"),
		HalfDown:  b([]string{"ctrl+d", "pgdown"}, "ctrl+d", "half page down"),
		HalfUp:    b([]string{"ctrl+u", "pgup"}, "ctrl+u", "half page up"),
		Left:      b([]string{"h", "left"}, "←/h", "column left"),
		Right:     b([]string{"l", "right"}, "→/l", "column right"),
		NextCol:   b([]string{"tab"}, "tab", "next column"),
		PrevCol:   b([]string{"shift+tab"}, "shift+tab", "previous column"),
		PageLeft:  b([]string{"H"}, "H", "page columns left"),
		PageRight: b([]string{"L"}, "L", "page columns right"),

		NextFact:   b([]string{"]"}, "]", "next shared fact"),
		PrevFact:   b([]string{"["}, "[", "previous shared fact"),
		NextUnique: b([]string{"o"}, "o", "next outlet-only passage"),
		PrevUnique: b([]string{"O"}, "O", "previous outlet-only passage"),
		Why:        b([]string{"w", "enter"}, "w/enter", "why? explain sentence"),
		Choose:     b([]string{"a"}, "a", "choose articles"),
		Pin:        b([]string{"p"}, "p", "pin as reference"),
		Furniture:  b([]string{"f"}, "f", "show/hide furniture"),
		FactHere:   b([]string{"c"}, "c", "align on this sentence's next fact"),
		Versions:   key.NewBinding(key.WithKeys("V"), key.WithHelp("V", "versions & diff (library)"), key.WithDisabled()),

		Tag:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tag passage"), key.WithDisabled()),
		Visual: key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "select passage"), key.WithDisabled()),
		Export: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export"), key.WithDisabled()),

		Open:     b([]string{"enter"}, "enter", "wordings side by side"),
		ReadFact: b([]string{"r"}, "r", "show in read view"),
		Sort:     b([]string{"s"}, "s", "cycle sort"),
		Filter:   b([]string{"f"}, "f", "filter by label"),
		OnlyDisc: b([]string{"d"}, "d", "only discrepancies"),

		Toggle:   b([]string{" ", "x"}, "space", "show/hide"),
		Confirm:  b([]string{"enter"}, "enter", "confirm"),
		ItemUp:   b([]string{"up", "ctrl+p"}, "↑", "previous in a chooser"),
		ItemDown: b([]string{"down", "ctrl+n"}, "↓", "next in a chooser"),

		SelectAll:    b([]string{"+"}, "+", "choose all listed"),
		SelectNone:   b([]string{"-"}, "-", "choose none listed"),
		SelectInvert: b([]string{"*"}, "*", "invert the listed"),

		Stories: defaultStoriesKeys(),
	}
	km.ViewNotes.SetEnabled(false)
	return km
}

// helpAs is b with another description: the same keys doing what they
// mean in one view ("next outlet" for l in the outlets view).
func helpAs(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// outletKeys are the outlets view's bindings as its help names them: the
// column keys choose the outlet, the line keys scroll its profile.
func outletKeys(k *KeyMap) (next, prev, scroll []key.Binding) {
	next = []key.Binding{helpAs(k.Right, "next outlet"), helpAs(k.NextCol, "next outlet"), helpAs(k.NextFact, "next outlet")}
	prev = []key.Binding{helpAs(k.Left, "previous outlet"), helpAs(k.PrevCol, "previous outlet"), helpAs(k.PrevFact, "previous outlet")}
	scroll = []key.Binding{helpAs(k.Down, "scroll down"), helpAs(k.Up, "scroll up"), k.HalfDown, k.HalfUp, k.Top, k.Bottom}
	return next, prev, scroll
}

// outletsHelp lists the outlets view's keys once each.
func outletsHelp(k *KeyMap) []key.Binding {
	next, prev, scroll := outletKeys(k)
	return slices.Concat(next, prev, scroll[:2])
}

// KeysMarkdown returns the key map as Markdown tables, one per group, for
// the README: generated, so it cannot drift from the real keys.
func KeysMarkdown() string {
	k := DefaultKeyMap()
	nk := DefaultNotesKeyMap()
	// The tagging keys start disabled and are switched on once the notes
	// store opens; the README documents them all.
	for _, kb := range []*key.Binding{&k.Tag, &k.Visual, &k.Export, &k.ViewNotes, &k.Stories.Everything, &k.Versions} {
		kb.SetEnabled(true)
	}
	groups := []struct {
		name string
		keys []key.Binding
	}{
		{"Everywhere", []key.Binding{k.Stories.View, k.ViewRead, k.ViewFacts, k.ViewOutlets, k.ViewNotes, k.ViewProblems, k.Stories.Everything, k.Search, k.SearchNext, k.SearchPrev, k.SearchList, k.Help, k.Back, k.Quit}},
		{"Moving (every view)", []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp, k.Left, k.Right, k.NextCol, k.PrevCol}},
		{"Read view", []key.Binding{k.NextFact, k.PrevFact, k.FactHere, k.NextUnique, k.PrevUnique, k.Why, k.PageLeft, k.PageRight, k.Choose, k.Pin, k.Furniture, k.Stories.Columns, k.Stories.Order, k.Versions}},
		{"Stories view", []key.Binding{k.Stories.Open, helpAs(k.NextFact, "next thread"), helpAs(k.PrevFact, "previous thread"), helpAs(k.Left, "outlets left"), helpAs(k.Right, "outlets right"), k.Stories.Move, k.Stories.Merge, k.Stories.Split, helpAs(k.Toggle, "choose an article to split off")}},
		{"Facts view", []key.Binding{k.Open, k.ReadFact, k.Sort, k.Filter, helpAs(k.Search, "filter facts (as f)"), k.OnlyDisc}},
		{"Outlets view", outletsHelp(k)},
		{"Choosing articles", []key.Binding{k.Toggle, k.SelectAll, k.SelectNone, k.SelectInvert, helpAs(k.Search, "filter the list"), helpAs(k.Sort, "group by outlet / date / none"), k.Pin, k.Confirm, k.Back}},
		{"Tagging (read view)", []key.Binding{k.Tag, k.Visual, nk.TrimStart, nk.TrimEnd, nk.GrowStart, nk.GrowEnd, nk.Memo, nk.Repeat, nk.ListTags}},
		{"Tagging (every view)", []key.Binding{nk.Undo, nk.Redo, k.Export}},
		{"Notes view", []key.Binding{nk.Jump, nk.Memo, nk.Group, nk.Retag, nk.Delete, nk.Codebook, nk.ByCoder, nk.Disagree, helpAs(k.Search, "filter passages"), notesVersionsKey(k)}},
		{"Disagreements (D in the notes view)", disagreeHelp()},
		{"Codebook", []key.Binding{nk.NewCode, nk.Rename, nk.Merge, nk.DeleteCode, nk.Starter}},
		{"Dialogs", []key.Binding{k.ItemUp, k.ItemDown, nk.Newline, nk.Editor, nk.Yes, nk.No, nk.NextField, nk.PrevField}},
	}
	var b strings.Builder
	for _, g := range groups {
		fmt.Fprintf(&b, "**%s**\n\n| key | action |\n|---|---|\n", g.name)
		for _, kb := range g.keys {
			if !kb.Enabled() {
				continue
			}
			keys := make([]string, len(kb.Keys()))
			for i, s := range kb.Keys() {
				if s == " " {
					s = "space"
				}
				keys[i] = "`" + s + "`"
			}
			fmt.Fprintf(&b, "| %s | %s |\n", strings.Join(keys, " "), kb.Help().Desc)
		}
		b.WriteString("\n")
	}
	return b.String()
}
