package notes

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// ErrCodebookConflict is wrapped by Merge's error when two files define a
// code differently (another parent or colour) and no preferred file
// settles it; nothing is written.
var ErrCodebookConflict = errors.New("the codebooks conflict")

// CodeDef is one file's definition of a code.
type CodeDef struct {
	File string `json:"file"`
	Code Code   `json:"code"`
}

// CodeConflict is a code several files define differently. For a
// conflict (Parent or Colour differ) Winner is the definition kept — the
// first preferred file's that defines it — or -1 when none does. For a
// difference (only the description or the spelling differ) Winner is the
// first file's.
type CodeConflict struct {
	Name   string    `json:"name"`
	Fields []string  `json:"fields"` // what differs: "parent", "colour", "description", "spelling"
	Defs   []CodeDef `json:"definitions"`
	Winner int       `json:"winner"`
}

// mergedCodebook is the reconciled codebook of several files.
type mergedCodebook struct {
	codes       []Code            // in order: the first file's, then each further file's new codes
	canonical   map[string]string // lang.ASCIILower(name) → the name kept
	conflicts   []CodeConflict    // parent or colour differ
	differences []CodeConflict    // only description or spelling differ
}

// mergeCodebooks reconciles the codebooks of files (books[i] is the
// codebook of files[i]) by name, case aside. A code defined alike
// everywhere is kept; one whose parent or colour differs is a conflict,
// settled by the first file of prefer that defines it, else left
// unsettled (Winner -1); one whose description or spelling differs keeps
// the first file's definition and is listed among the differences.
func mergeCodebooks(files []string, books [][]Code, prefer []string) mergedCodebook {
	m := mergedCodebook{canonical: map[string]string{}}
	defs := map[string][]CodeDef{}
	var order []string
	for i, book := range books {
		for _, c := range book {
			key := lang.ASCIILower(c.Name)
			if _, ok := defs[key]; !ok {
				order = append(order, key)
			}
			defs[key] = append(defs[key], CodeDef{File: files[i], Code: c})
		}
	}
	for _, key := range order {
		ds := defs[key]
		first := ds[0].Code
		m.canonical[key] = first.Name
		var hard, soft []string
		for _, d := range ds[1:] {
			c := d.Code
			if lang.ASCIILower(c.Parent) != lang.ASCIILower(first.Parent) && !slices.Contains(hard, "parent") {
				hard = append(hard, "parent")
			}
			if !strings.EqualFold(c.Colour, first.Colour) && !slices.Contains(hard, "colour") {
				hard = append(hard, "colour")
			}
			if strings.TrimSpace(c.Description) != strings.TrimSpace(first.Description) && !slices.Contains(soft, "description") {
				soft = append(soft, "description")
			}
			if c.Name != first.Name && !slices.Contains(soft, "spelling") {
				soft = append(soft, "spelling")
			}
		}
		winner := 0
		switch {
		case len(hard) > 0:
			winner = -1
		prefs:
			for _, p := range prefer {
				for i, d := range ds {
					if d.File == p {
						winner = i
						break prefs
					}
				}
			}
			m.conflicts = append(m.conflicts, CodeConflict{Name: first.Name, Fields: append(hard, soft...), Defs: ds, Winner: winner})
		case len(soft) > 0:
			m.differences = append(m.differences, CodeConflict{Name: first.Name, Fields: soft, Defs: ds, Winner: 0})
		}
		if winner < 0 {
			continue
		}
		c := ds[winner].Code
		c.Name = first.Name
		m.codes = append(m.codes, c)
	}
	// Parents are named as the merged codebook spells them.
	for i := range m.codes {
		if p := m.codes[i].Parent; p != "" {
			if name, ok := m.canonical[lang.ASCIILower(p)]; ok {
				m.codes[i].Parent = name
			}
		}
	}
	return m
}

// unsettled lists the conflicts no preferred file settled.
func (m mergedCodebook) unsettled() []CodeConflict {
	var out []CodeConflict
	for _, c := range m.conflicts {
		if c.Winner < 0 {
			out = append(out, c)
		}
	}
	return out
}

// parentLoop returns the codes whose parents, as kept from different
// files, lead back to themselves, or nil.
func (m mergedCodebook) parentLoop() []string {
	parent := map[string]string{}
	for _, c := range m.codes {
		parent[lang.ASCIILower(c.Name)] = lang.ASCIILower(c.Parent)
	}
	for _, c := range m.codes {
		key := lang.ASCIILower(c.Name)
		seen := map[string]bool{}
		for cur := key; cur != ""; cur = parent[cur] {
			if seen[cur] {
				var loop []string
				for k := range seen {
					loop = append(loop, m.canonical[k])
				}
				return loop
			}
			seen[cur] = true
		}
	}
	return nil
}

// describeConflict says how the files define a code, for a message:
// `parent "" in a.db; "blame" in b.db, c.db`.
func describeConflict(c CodeConflict) string {
	var parts []string
	for _, f := range c.Fields {
		if f == "spelling" || f == "description" {
			continue
		}
		var vals []string
		files := map[string][]string{}
		for _, d := range c.Defs {
			v := strings.ToLower(d.Code.Colour)
			if f == "parent" {
				v = fmt.Sprintf("%q", d.Code.Parent)
			}
			if _, ok := files[v]; !ok {
				vals = append(vals, v)
			}
			files[v] = append(files[v], d.File)
		}
		for i, v := range vals {
			vals[i] = v + " in " + strings.Join(files[v], ", ")
		}
		parts = append(parts, f+" "+strings.Join(vals, "; "))
	}
	return strings.Join(parts, "; ")
}
