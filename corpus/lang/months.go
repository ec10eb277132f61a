package lang

import (
	"strings"
	"time"
)

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
	"jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// Month returns the month an English month name or abbreviation names
// ("March", "mar", "Sept."), ignoring case and a final dot, or 0.
func Month(w string) time.Month {
	return months[strings.ToLower(strings.TrimSuffix(w, "."))]
}
