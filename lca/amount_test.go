package lca

import (
	"math"
	"testing"
)

func TestAmountArithmetic(t *testing.T) {
	cases := []struct {
		name     string
		got      Amount
		want     float64
		complete bool
		missing  []string
	}{
		{"known + known", Known(2).Add(Known(3)), 5, true, nil},
		{"known - known", Known(2).Sub(Known(3)), -1, true, nil},
		{"known * known", Known(2).Mul(Known(3)), 6, true, nil},
		{"partial sum keeps the known part", Known(2).Add(Unknown("Roof cost")), 2, false, []string{"Roof cost"}},
		{"missing names merge sorted and once", Unknown("b", "a").Add(Unknown("a", "c")), 0, false, []string{"a", "b", "c"}},
		{"unknown times known", Unknown("period").Mul(Known(5)), 0, false, []string{"period"}},
		// The zero value is what an unset input looks like: incomplete, not zero-and-done.
		{"zero value is incomplete", Amount{}, 0, false, nil},
		{"checked names an anonymous gap", checked(Amount{Value: 1}, "embodied carbon"), 1, false, []string{"embodied carbon"}},
		{"checked turns NaN into a named gap", checked(Known(math.NaN()), "annual energy use"), 0, false, []string{"annual energy use is not a finite number"}},
		{"checked turns Inf into a named gap", checked(Known(math.Inf(-1)), "x"), 0, false, []string{"x is not a finite number"}},
		{"checked: names force incomplete", checked(Amount{Value: 3, Complete: true, Missing: []string{"Wall GWP"}}, "w"), 3, false, []string{"Wall GWP"}},
		{"checked keeps a complete amount", checked(Known(4), "w"), 4, true, nil},
		// 1e308 + 1e308 and 1e308 * 10 overflow float64: an honest gap instead of an Inf.
		{"overflowing sum", Known(1e308).Add(Known(1e308)), 0, false, []string{OutOfRange}},
		{"overflowing product keeps other gaps", Known(1e308).Mul(Unknown("price").Add(Known(10))), 0, false, []string{OutOfRange, "price"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { assertAmount(t, c.name, c.got, c.want, c.complete, c.missing...) })
	}
}

func TestSavingPercent(t *testing.T) {
	cases := []struct {
		name              string
		baseline, variant Amount
		absolute          float64
		percent           *float64
		reason            ReasonCode
	}{
		// (200 - 150) / 200 = 25 %
		{"better", Known(200), Known(150), 50, f64(25), ""},
		// (200 - 250) / 200 = -25 %
		{"worse", Known(200), Known(250), -50, f64(-25), ""},
		// A net exporter: (-100 - -150) / |-100| = +50 %, better, so positive.
		{"negative baseline keeps the sign of the saving", Known(-100), Known(-150), 50, f64(50), ""},
		{"zero baseline", Known(0), Known(10), -10, nil, ReasonZeroBaseline},
		{"incomplete", Known(10), Unknown("x"), 10, nil, ReasonIncomplete},
		// 1e300 / 1e-310 overflows.
		{"percentage out of range", Known(1e-310), Known(-1e300), 1e300, nil, ReasonOutOfRange},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := saving(c.baseline, c.variant)
			if !near(s.Value, c.absolute, 1e-12) || s.PercentReasonCode != c.reason || s.PercentReason != c.reason.Sentence() {
				t.Errorf("saving = %g (%q, %q), want %g (%q, %q)", s.Value, s.PercentReasonCode, s.PercentReason, c.absolute, c.reason, c.reason.Sentence())
			}
			if (s.Percent == nil) != (c.percent == nil) || (c.percent != nil && !near(*s.Percent, *c.percent, 1e-12)) {
				t.Errorf("percent = %v, want %v", s.Percent, c.percent)
			}
		})
	}
}

// A value taken from a published range stays named through every sum and product it enters, so
// a life-cycle cost built on it says so as its investment does.
func TestAssumedValuesStayNamedThroughArithmetic(t *testing.T) {
	inv := Amount{Value: 60000, Complete: true, Assumed: []string{"cost of cellulose: 300 SEK/m², the midpoint of its published range 250-350"}}
	lcc := Known(2).Mul(inv).Add(Known(1000)).Sub(Known(10))
	if !lcc.Complete || lcc.Value != 120990 || len(lcc.Assumed) != 1 || lcc.Assumed[0] != inv.Assumed[0] {
		t.Fatalf("%+v", lcc)
	}
	both := lcc.Add(Amount{Value: 1, Complete: true, Assumed: []string{"another", inv.Assumed[0]}})
	if len(both.Assumed) != 2 {
		t.Errorf("assumptions once each: %q", both.Assumed)
	}
	if plain := Known(1).Add(Known(2)); plain.Assumed != nil {
		t.Errorf("no assumption named: %q", plain.Assumed)
	}
}
