package compare

import (
	"context"
	"testing"
	"time"
)

func TestZZPhases(t *testing.T) {
	c, _ := ecb()
	for run := 0; run < 3; run++ {
		var stages []string
		var times []time.Time
		last := ""
		t0 := time.Now()
		_, err := Analyze(context.Background(), c, Options{Progress: func(stage string, done, total int) {
			if stage != last {
				last = stage
				stages = append(stages, stage)
				times = append(times, time.Now())
			}
		}})
		if err != nil {
			t.Fatal(err)
		}
		end := time.Now()
		for i, s := range stages {
			next := end
			if i+1 < len(times) {
				next = times[i+1]
			}
			t.Logf("%-22s %v", s, next.Sub(times[i]))
		}
		t.Logf("total %v", end.Sub(t0))
	}
}
