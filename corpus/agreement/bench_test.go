package agreement

import "testing"

// benchData is binary reliability data the size of a large study: 20,000
// sentences × 50 codes, three coders, a tenth of the cells missing.
func benchData() Data {
	d := Data{Coders: 3}
	for u := 0; u < 1_000_000; u++ {
		row := make([]string, 3)
		for i := range row {
			switch h := (u*7 + i*13) % 10; {
			case h == 0:
				row[i] = Missing
			case h < 3:
				row[i] = Applied
			default:
				row[i] = NotApplied
			}
		}
		d.Add(row...)
	}
	return d
}

func BenchmarkCoefficients(b *testing.B) {
	d := benchData()
	b.ResetTimer()
	for b.Loop() {
		PercentAgreement(d)
		CohenKappa(d)
		FleissKappa(d)
		KrippendorffAlpha(d)
	}
}

func BenchmarkUnitizedAlpha(b *testing.B) {
	// 200 articles of 5,000 characters, three coders, a passage every
	// 300 characters.
	const length = 1_000_000
	coders := make([][]Segment, 3)
	for i := range coders {
		for s := i * 7; s+80 < length; s += 300 {
			coders[i] = append(coders[i], Segment{s, s + 40 + (s/300+i)%40})
		}
	}
	b.ResetTimer()
	for b.Loop() {
		UnitizedAlpha(length, coders)
	}
}
