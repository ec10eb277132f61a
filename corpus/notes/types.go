// Package notes keeps the codebook and the tagged passages (notes) of a
// corpus in a crash-safe store, anchors each passage by quote, position and
// context so it survives edited articles, and undoes and redoes changes.
package notes

import "time"

// Code is one tag of the codebook. Name is unique; a hierarchical tag
// names its parent ("blame/us" has parent "blame").
type Code struct {
	Name        string `json:"name"`
	Colour      string `json:"colour"` // #rrggbb
	Description string `json:"description"`
	Parent      string `json:"parent"`
	// Coder is who added the code to the codebook ("" before schema
	// version 5, or when unknown).
	Coder string `json:"coder"`
}

// Anchor locates a passage in an article, the way web annotation tools do:
// by position, exact quote and the context around it.
type Anchor struct {
	Article string `json:"article"` // article id
	Hash    string `json:"hash"`    // hex SHA-256 of the article text when tagged
	Start   int    `json:"start"`   // byte offsets into the article text
	End     int    `json:"end"`
	Quote   string `json:"quote"`
	Prefix  string `json:"prefix"` // up to 32 characters before the quote
	Suffix  string `json:"suffix"` // up to 32 characters after the quote
	// Outlet and Title are the article's outlet ("" when it has none) and
	// title when the passage was tagged or last placed, so a note whose
	// article is not loaded still says where it is from.
	Outlet string `json:"outlet,omitempty"`
	Title  string `json:"title,omitempty"`
	// MadeOn is the hex SHA-256 of the article text the note was made on:
	// Hash when it was made, never changed by re-anchoring, so a note on
	// an edited article (a library's new version) still says which text
	// it was made on. "" when unknown: notes made before schema version 6.
	MadeOn string `json:"made_on,omitempty"`
}

// Note is a tagged passage with its tags and memo.
type Note struct {
	ID       string    `json:"id"`
	Anchor   Anchor    `json:"anchor"`
	Tags     []string  `json:"tags"`
	Memo     string    `json:"memo"`
	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
	// Orphaned is set when the passage cannot be placed in its article's
	// text as last loaded; the note is kept and shown with its quote. A
	// note whose article is not loaded at all is not orphaned: see Loaded.
	Orphaned bool `json:"orphaned"`
	// Coder is who made the note: its tags are their coding. "" for a
	// note made before notes recorded their coder (schema version 5),
	// shown as UnknownCoder.
	Coder string `json:"coder"`
	// ModifiedBy is who last changed the note's tags or memo ("" when
	// unknown).
	ModifiedBy string `json:"modified_by"`
}
