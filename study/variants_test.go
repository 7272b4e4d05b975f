package study

import (
	"fmt"
	"strings"
	"testing"
)

func idResolver(el, o string) (string, error) {
	if strings.HasPrefix(o, "bad") {
		return "", fmt.Errorf("%s: no construction %q in the library", el, o)
	}
	return o, nil
}

func TestFactorialCountMatchesTheIssue(t *testing.T) {
	// 2 x 2 x 1 x 2 library options plus "keep" for each element:
	// (3 x 3 x 2 x 3) - 1 = 53 variants besides the baseline.
	s := Spec{Options: map[string][]string{
		"wall":   {"keep", "w1", "w2"},
		"roof":   {"keep", "r1", "r2"},
		"floor":  {"keep", "f1"},
		"window": {"keep", "g1", "g2"},
	}}
	if s.Count() != 53 {
		t.Fatalf("count = %d", s.Count())
	}
	vs, err := s.Variants(idResolver, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 54 || !vs[0].Baseline {
		t.Fatalf("%d variants (want baseline + 53)", len(vs))
	}
	ids := map[string]bool{}
	for _, v := range vs {
		if ids[v.ID] {
			t.Fatalf("duplicate id %s", v.ID)
		}
		ids[v.ID] = true
	}
	// Stable ids: the same choices give the same id, whatever the order of options.
	s2 := s
	s2.Options = map[string][]string{"window": {"g2", "g1", "keep"}, "floor": {"f1", "keep"}, "roof": {"r2", "keep", "r1"}, "wall": {"w2", "w1", "keep"}}
	vs2, _ := s2.Variants(idResolver, nil)
	for _, v := range vs2 {
		if !ids[v.ID] {
			t.Fatalf("id %s not stable across option order", v.ID)
		}
	}
}

func TestNamesAreReadable(t *testing.T) {
	s := Spec{Sampling: Sampling{Mode: List, Packages: []map[string]string{{"wall": "etics150", "window": "triple"}}}}
	names := map[string]string{"etics150": "ETICS 150 mm", "triple": "triple low-e"}
	vs, err := s.Variants(idResolver, func(id string) string { return names[id] })
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[1].Name != "Wall: ETICS 150 mm | Window: triple low-e" {
		t.Fatalf("variants = %+v", vs)
	}
	if vs[1].Choices["roof"] != Keep {
		t.Fatalf("unlisted element must keep: %+v", vs[1].Choices)
	}
}

func TestLatinHypercubeIsBalancedAndReproducible(t *testing.T) {
	s := Spec{Options: map[string][]string{
		"wall": {"keep", "w1", "w2", "w3"}, "roof": {"keep", "r1", "r2", "r3"},
		"floor": {"keep", "f1", "f2", "f3"}, "window": {"keep", "g1", "g2", "g3"},
	}, Sampling: Sampling{Mode: LHS, N: 16, Seed: 7}}
	a, err := s.Variants(idResolver, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Variants(idResolver, nil)
	if len(a) != len(b) {
		t.Fatal("not reproducible")
	}
	for i := range a {
		if a[i].ID != b[i].ID {
			t.Fatal("not reproducible")
		}
	}
	// 16 samples over 4 options: each option of each element is used exactly 4 times (the
	// baseline combination, if drawn, is dropped, so allow one fewer). The loop runs over the
	// spec's options, not over what was drawn, so an option never drawn counts as 0 and fails.
	for _, el := range Elements {
		counts := map[string]int{}
		for _, v := range a[1:] {
			counts[v.Choices[el]]++
		}
		for _, o := range s.Options[el] {
			if n := counts[o]; n < 3 || n > 4 {
				t.Errorf("%s option %s used %d times, want 4 (3 if the baseline was drawn)", el, o, n)
			}
			delete(counts, o)
		}
		for o, n := range counts {
			t.Errorf("%s: %d variants use %q, which is not one of its options %q", el, n, o, s.Options[el])
		}
	}
	s.Sampling.N = 10000
	if all, _ := s.Variants(idResolver, nil); len(all) != 256 {
		t.Fatalf("a sample larger than the space gives the space: %d", len(all))
	}
}

func TestSpecErrors(t *testing.T) {
	tests := []struct {
		spec Spec
		want string
	}{
		{Spec{Options: map[string][]string{"door": {"keep"}}}, "unknown element"},
		{Spec{Options: map[string][]string{"wall": {}}}, "no options"},
		{Spec{Sampling: Sampling{Mode: "random"}}, "unknown sampling"},
		{Spec{Sampling: Sampling{Mode: LHS}}, "n > 0"},
		{Spec{Sampling: Sampling{Mode: List}}, "needs packages"},
		{Spec{Options: map[string][]string{"wall": {"bad-id"}}}, "no construction"},
	}
	for _, tt := range tests {
		_, err := tt.spec.Variants(idResolver, nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: err = %v, want %q", tt.spec, err, tt.want)
		}
	}
}

func TestCountWithoutKeep(t *testing.T) {
	// Only new walls: both options are variants, there is no all-keep combination to drop.
	s := Spec{Options: map[string][]string{"wall": {"w1", "w2"}}}
	vs, err := s.Variants(idResolver, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Count() != 2 || len(vs)-1 != 2 {
		t.Fatalf("count %d, variants %d", s.Count(), len(vs)-1)
	}
}
