package studysvc

import (
	"slices"
	"testing"

	"epsm/lca"
)

// The window learns what is wrong with its settings as problems at fields, not as an error
// text to take apart.
func TestCheckLCASettingsNamesTheFields(t *testing.T) {
	s := NewService(nil, nil)
	if ps := s.CheckLCASettings(lca.DefaultSettings()); len(ps) != 0 {
		t.Errorf("defaults: problems %+v, want none", ps)
	}
	bad := lca.DefaultSettings()
	bad.Currency, bad.DiscountRate = "", 0.7
	price := -2.0
	bad.Fuels["District Heating Water"] = lca.Fuel{PricePerKWh: &price}
	var fields []string
	for _, p := range s.CheckLCASettings(bad) {
		if p.Message == "" {
			t.Errorf("problem at %s has no message", p.Field)
		}
		fields = append(fields, p.Field)
	}
	want := []string{"fuels.District Heating Water.pricePerKWh", "currency", "discountRate"}
	if !slices.Equal(fields, want) {
		t.Errorf("fields %q, want %q", fields, want)
	}
}
