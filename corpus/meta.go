package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus/lang"
)

const monthRE = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

var (
	isoDateRE = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?: ?(Z|[+-]\d{2}:?\d{2}))?)?$`)
	mdyRE     = regexp.MustCompile(`(?i)^(` + monthRE + `)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	dmyRE     = regexp.MustCompile(`(?i)^(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthRE + `),?\s+(\d{4})\b`)
	dotDateRE = regexp.MustCompile(`^(\d{1,2})[./](\d{1,2})[./](\d{4})\b`)
	// weekdayRE is a day's name before a date: "Thursday, December 11, 2008".
	weekdayRE = regexp.MustCompile(`(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+`)
)

// ParseDate reads a date as articles and metadata state it: ISO 8601 date or
// date-time ("2019-11-08", "2019-11-08T10:30:00Z", Jekyll's
// "2019-11-08 10:30:00 +0300"), "November 8, 2019",
// "8 November 2019", "Nov. 8, 2019" or "08.11.2019" (day first), after a
// day's name if any ("Thursday, December 11, 2008"). It returns
// false when s is not one of these; it never guesses a missing year.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if m := weekdayRE.FindString(s); m != "" {
		s = s[len(m):]
	}
	if m := isoDateRE.FindStringSubmatch(s); m != nil {
		if m[4] != "" {
			for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02T15:04:05-0700", "2006-01-02T15:04-07:00", "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -07:00", "2006-01-02 15:04 -0700"} {
				if t, err := time.Parse(layout, s); err == nil {
					return t, true
				}
			}
		}
		return mkDate(m[1], int(mustAtoi(m[2])), m[3])
	}
	if m := mdyRE.FindStringSubmatch(s); m != nil {
		return mkDate(m[3], int(lang.Month(m[1])), m[2])
	}
	if m := dmyRE.FindStringSubmatch(s); m != nil {
		return mkDate(m[3], int(lang.Month(m[2])), m[1])
	}
	if m := dotDateRE.FindStringSubmatch(s); m != nil {
		return mkDate(m[3], int(mustAtoi(m[2])), m[1])
	}
	return time.Time{}, false
}

func mustAtoi(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

func mkDate(year string, month int, day string) (time.Time, bool) {
	y, d := int(mustAtoi(year)), int(mustAtoi(day))
	if month < 1 || month > 12 || d < 1 || d > 31 || y < 1800 || y > 2200 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(month), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 February
		return time.Time{}, false
	}
	return t, true
}

// datelineRE matches an agency dateline at the start of a paragraph:
// "MOSCOW, November 8. /TASS/.", "TEHRAN (Tasnim) –", "MOSCOW (AA) -",
// "WASHINGTON, Aug 2 (Reuters) -", "PARIS, 3 June 2020 —",
// "KYIV, Ukraine (AP) —", "МОСКВА, 8 ноября. /ТАСС/.".
var datelineRE = regexp.MustCompile(`^(\p{Lu}[\p{Lu}'’.-]+(?:[ -]\p{Lu}[\p{Lu}'’.-]+){0,3})` +
	`(?:,\s*(\p{L}{3,12}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+\p{L}{3,12}\.?(?:\s+\d{4})?))?` + // any language's "November 8", "8 ноября"
	`(?:,\s*\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)?` + // region or country: "KYIV, Ukraine (AP) —"
	`\.?\s*(?:(/[^/\n]{1,30}/|\([^)\n]{1,30}\))\s*\.?)?` +
	`(\s*[-–—:]\s*|\s+)`)

// findDateline returns the dateline at the start of text[p.Start:p.End],
// or nil. A dateline is an upper-case place name, an optional date and
// credit, then a dash ("TEHRAN (Tasnim) –"), or a slash credit ("/TASS/.").
func findDateline(text string, p Span) *Dateline {
	s := text[p.Start:p.End]
	m := datelineRE.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	place := s[m[2]:m[3]]
	slashCredit := m[6] >= 0 && s[m[6]] == '/'
	sep := strings.TrimSpace(s[m[8]:m[9]])
	if !slashCredit && sep == "" {
		// "NATO (the alliance) said": a parenthesis without a dash after it
		// is prose, not a dateline.
		return nil
	}
	if len([]rune(place)) < 3 {
		return nil
	}
	end := m[1]
	for end > 0 && (s[end-1] == ' ' || s[end-1] == '\t') {
		end--
	}
	if end >= len(s) { // a dateline alone is not a paragraph's start
		return nil
	}
	d := &Dateline{Span: Span{p.Start, p.Start + end}, Place: place}
	if m[4] >= 0 {
		d.Date = strings.TrimRight(s[m[4]:m[5]], ".")
	}
	return d
}

// bylineRE matches a byline line: "By Elena Teslova", "By John Smith and
// Jane Doe", "By Jane Doe, Reuters", "By Elena Teslova | 23.05.2024".
var bylineRE = regexp.MustCompile(`^(?i:by)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+|&\s+)?(?:\p{Lu}[\p{L}.'’-]*|de|van|von|al|bin|el)){0,6})(?:\s*,\s*[\p{L} ]{2,40})?(?:\s*[|·•–—-]\s*[\p{L}\d:.,/ -]{0,60})?\s*$`)

// findByline returns the author named by a byline line, or "".
func findByline(line string) string {
	m := bylineRE.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return ""
	}
	// "By Monday, Russia had answered": a time, not a name.
	first := strings.ToLower(strings.Fields(m[1])[0])
	if lang.Month(first) > 0 || timeWords[first] {
		return ""
	}
	return m[1]
}

// publishedLineRE matches a line stating the publication date:
// "Published: 16 January 2019", "Posted on Nov. 8, 2019 10:00".
var publishedLineRE = regexp.MustCompile(`(?i)^\s*(?:first\s+)?(?:published|posted|date)(?:\s+on)?\s*:?\s*(.+)$`)

// findPublished returns the publication date a line states, or false.
func findPublished(line string) (time.Time, bool) {
	m := publishedLineRE.FindStringSubmatch(line)
	if m == nil {
		return time.Time{}, false
	}
	return ParseDate(m[1])
}
