package cluster

import (
	"reflect"
	"testing"
)

func TestSplitArrays(t *testing.T) {
	tests := []struct {
		name    string
		n, max  int
		want    []Array
		indexes string // of the first array, with max_parallel 4
	}{
		{"one array", 6, 1001, []Array{{0, 6}}, "0-5%4"},
		{"exactly the limit", 1001, 1001, []Array{{0, 1001}}, "0-1000%4"},
		{"one over", 1002, 1001, []Array{{0, 1001}, {1001, 1}}, "0-1000%4"},
		{"a 5,000-run study on a 2,000 limit", 5000, 2000, []Array{{0, 2000}, {2000, 2000}, {4000, 1000}}, "0-1999%4"},
		{"unknown limit: Slurm's default", 1500, 0, []Array{{0, 1001}, {1001, 499}}, "0-1000%4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitArrays(tt.n, tt.max)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("SplitArrays(%d, %d) = %v, want %v", tt.n, tt.max, got, tt.want)
			}
			if s := got[0].Indexes(4); s != tt.indexes {
				t.Errorf("--array=%s, want %s", s, tt.indexes)
			}
		})
	}
	if s := (Array{0, 3}).Indexes(0); s != "0-2" {
		t.Errorf("no throttle: --array=%s", s)
	}
}
