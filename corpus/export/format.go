package export

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is an export format.
type Format string

// The export formats.
const (
	Markdown Format = "md"
	CSV      Format = "csv"
	JSON     Format = "json"
	QDPX     Format = "qdpx"
	QDC      Format = "qdc"
	HTML     Format = "html"
)

// Formats lists every format in the order a chooser shows them.
func Formats() []Format { return []Format{Markdown, CSV, JSON, QDPX, QDC, HTML} }

// ParseFormat turns a name ("md", "markdown", "csv", "json", "qdpx", "qdc",
// "html") into a Format.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), ".")) {
	case "md", "markdown":
		return Markdown, nil
	case "csv":
		return CSV, nil
	case "json", "jsonld", "json-ld", "w3c":
		return JSON, nil
	case "qdpx", "refi", "refi-qda":
		return QDPX, nil
	case "qdc", "codebook":
		return QDC, nil
	case "html", "htm":
		return HTML, nil
	}
	return "", fmt.Errorf("unknown export format %q: use one of md, csv, json, qdpx, qdc, html", s)
}

// NamedBy returns the format a file name's extension names ("out.json":
// JSON), and false when it names none ("notes.txt", "-", no extension).
func NamedBy(path string) (Format, bool) {
	ext := filepath.Ext(path)
	if path == "-" || ext == "" {
		return "", false
	}
	f, err := ParseFormat(ext)
	return f, err == nil
}

// Extension returns the file name extension of the format, with the dot.
func (f Format) Extension() string {
	switch f {
	case Markdown:
		return ".md"
	case CSV:
		return ".csv"
	case JSON:
		return ".json"
	case QDPX:
		return ".qdpx"
	case QDC:
		return ".qdc"
	case HTML:
		return ".html"
	}
	return ""
}

// Binary reports whether the format is not text (a .qdpx is a zip file),
// so it should not be written to a terminal.
func (f Format) Binary() bool { return f == QDPX }

// UsesAnalysis reports whether the format shows the shared facts and
// framing markers, so the caller should run the analyses to fill
// Input.Facts and Input.Markers (only the HTML report does).
func (f Format) UsesAnalysis() bool { return f == HTML }

// Description says in a few words what the format is and what opens it.
func (f Format) Description() string {
	switch f {
	case Markdown:
		return "Markdown notes (Obsidian, any Markdown editor)"
	case CSV:
		return "CSV table, one row per tag (Excel, LibreOffice, pandas)"
	case JSON:
		return "W3C Web Annotation JSON (annotation tools; parallax import)"
	case QDPX:
		return "REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder)"
	case QDC:
		return "REFI-QDA codebook (NVivo, ATLAS.ti, MAXQDA, QualCoder)"
	case HTML:
		return "HTML report, articles side by side (any browser)"
	}
	return ""
}

// GroupBy chooses how the Markdown notes are grouped.
type GroupBy string

// The groupings of the Markdown notes.
const (
	ByTag     GroupBy = "tag"
	ByOutlet  GroupBy = "outlet"
	ByArticle GroupBy = "article"
)

// ParseGroupBy turns "tag", "outlet" or "article" into a GroupBy.
func ParseGroupBy(s string) (GroupBy, error) {
	switch g := GroupBy(strings.ToLower(strings.TrimSpace(s))); g {
	case ByTag, ByOutlet, ByArticle:
		return g, nil
	case "":
		return ByTag, nil
	}
	return "", fmt.Errorf("unknown grouping %q: use tag, outlet or article", s)
}
