// Package lang holds the English word data the analyses share: word
// frequencies (Background), month names (Month), case folding as SQLite
// folds names (ASCIILower) and reporting verbs (ReportingVerbs). It reads
// only data shipped in the binary; it depends on no other parallax
// package.
package lang
