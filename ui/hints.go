package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// keyHints writes bindings as the hint line of a dialog or a list, "enter:
// ok · esc: cancel", from their help: hints are never written by hand, so
// they cannot drift from the keys. Disabled bindings are left out.
func keyHints(bs ...key.Binding) string {
	var parts []string
	for _, b := range bs {
		if b.Enabled() {
			parts = append(parts, b.Help().Key+": "+b.Help().Desc)
		}
	}
	return strings.Join(parts, " · ")
}

// keyPair names two bindings that go together by their first keys, "h/l",
// for a hint inside a sentence.
func keyPair(a, b key.Binding) string {
	return firstKey(a) + "/" + firstKey(b)
}

// firstKey is a binding's first key as the user types it ("h" of h/left).
func firstKey(b key.Binding) string {
	if ks := b.Keys(); len(ks) > 0 {
		if ks[0] == " " {
			return "space"
		}
		return ks[0]
	}
	return b.Help().Key
}

// keyPairBinding is two bindings that go together (down and up, left and
// right) as one, named by their first keys ("j/k"), for a hint line.
func keyPairBinding(a, b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(append(a.Keys(), b.Keys()...)...), key.WithHelp(keyPair(a, b), desc))
}

// helpPair is two bindings that go together as one for a hint line, named
// by their help keys ("↑/↓").
func helpPair(a, b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(append(a.Keys(), b.Keys()...)...), key.WithHelp(a.Help().Key+"/"+b.Help().Key, desc))
}
