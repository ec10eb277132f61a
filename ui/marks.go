package ui

// The marks drawn at the edges of the read view's columns. Each has one
// meaning and a shape of its own, so that without colour (NO_COLOR,
// --no-color) no mark can be read as another: TestMarksAreDistinct checks
// it.
const (
	markCursor      = "▌" // left: the cursor, in the focused column
	markSelection   = "┃" // left: the visual selection (v), focused column
	markCounterpart = "»" // left: a counterpart of the cursor sentence, in the other columns
	markTag         = "▐" // right: a tagged passage
	markTags        = "█" // right: several tagged passages
	markMemo        = "¶" // right: where a tagged passage with a memo starts
	markOther       = "┆" // right: another coder's passage (--compare-notes), none of one's own
)

// edgeMarks lists every mark, for the distinctness test and the legend.
var edgeMarks = []string{markCursor, markSelection, markCounterpart, markTag, markTags, markMemo, markOther}
