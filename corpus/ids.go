package corpus

import (
	"fmt"
	"sort"
	"strings"
)

// uniqueIDs makes article ids unique: when several articles claim one id,
// the first in path order keeps it and each other is renamed with a
// suffix ("story-2"), keeps the id it claimed in ClaimedID, and gets a
// warning naming both files.
func uniqueIDs(arts []*Article) {
	seen := make(map[string]int)
	keeper := make(map[string]*Article)
	for _, a := range arts {
		seen[a.ID]++
		if seen[a.ID] == 1 {
			keeper[a.ID] = a
			continue
		}
		old, n := a.ID, seen[a.ID]
		a.ID = fmt.Sprintf("%s-%d", old, n)
		for seen[a.ID] > 0 {
			n++
			a.ID = fmt.Sprintf("%s-%d", old, n)
		}
		seen[a.ID]++
		a.ClaimedID = old
		a.Warnings = append(a.Warnings, renamedWarning(a, keeper[old], "it comes first in path order"))
	}
}

// renamedPrefix starts the warning of an article renamed because another
// file keeps its id.
const renamedPrefix = "renamed: "

// renamedWarning says that a was renamed because keeper keeps the id it
// claimed, and why keeper does.
func renamedWarning(a, keeper *Article, why string) string {
	return fmt.Sprintf("%sthe id %q of this file, %s, is also that of %s, which keeps it (%s): this one is %q",
		renamedPrefix, a.ClaimedID, Printable(a.Path), Printable(keeper.Path), why, a.ID)
}

// Contested returns, for each id that several articles claim, those
// articles: the one that holds the id first, then the renamed ones in
// path order. It is empty when every id is claimed once.
func (c *Corpus) Contested() map[string][]*Article {
	var out map[string][]*Article
	for _, a := range c.Articles {
		if a.ClaimedID == "" {
			continue
		}
		if out == nil {
			out = map[string][]*Article{}
		}
		if _, ok := out[a.ClaimedID]; !ok {
			holder := c.Article(a.ClaimedID)
			if holder == nil {
				continue
			}
			out[a.ClaimedID] = []*Article{holder}
		}
		out[a.ClaimedID] = append(out[a.ClaimedID], a)
	}
	for _, arts := range out {
		sort.SliceStable(arts[1:], func(i, j int) bool { return arts[1+i].Path < arts[1+j].Path })
	}
	return out
}

// GiveID gives a renamed article the id it claimed (ClaimedID), because,
// in why's words, it has the better claim to it: the article that held
// the id takes a's id in exchange, and both articles' warnings say which
// file keeps the id and which is renamed. It does nothing for an article
// that was not renamed.
func (c *Corpus) GiveID(a *Article, why string) {
	id := a.ClaimedID
	holder := c.Article(id)
	if id == "" || holder == nil || holder == a {
		return
	}
	holder.ID, a.ID = a.ID, id
	holder.ClaimedID, a.ClaimedID = id, ""
	a.Warnings = dropRenamed(a.Warnings)
	holder.Warnings = append(dropRenamed(holder.Warnings), renamedWarning(holder, a, why))
	// The other articles renamed from the same id now name a as keeper.
	for _, o := range c.Articles {
		if o.ClaimedID == id && o != holder {
			o.Warnings = append(dropRenamed(o.Warnings), renamedWarning(o, a, why))
		}
	}
}

func dropRenamed(ws []string) []string {
	out := ws[:0]
	for _, w := range ws {
		if !strings.HasPrefix(w, renamedPrefix) {
			out = append(out, w)
		}
	}
	return out
}
