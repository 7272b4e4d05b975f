package idd

import (
	"reflect"
	"testing"
)

func TestSuggest(t *testing.T) {
	s := embeddedSchema(t)
	tests := []struct {
		class, field string // field "" suggests classes
		want         []string
	}{
		{"ZoneHVAC:IdealLoadAirSystem", "", []string{"ZoneHVAC:IdealLoadsAirSystem"}},
		{"zonehvac:idealloadsairsytem", "", []string{"ZoneHVAC:IdealLoadsAirSystem"}},
		{"IdealLoadsAirSystem", "", []string{"ZoneHVAC:IdealLoadsAirSystem", "HVACTemplate:Zone:IdealLoadsAirSystem"}},
		{"Generator:PVWats", "", []string{"Generator:PVWatts"}},
		{"Nothing:Like:This:At:All", "", []string{}},
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Efectiveness", []string{"Sensible Heat Recovery Effectiveness"}},
		{"ZoneHVAC:IdealLoadsAirSystem", "sensible heat recovery effectivness {dimensionless}", []string{"Sensible Heat Recovery Effectiveness"}},
		{"ZoneHVAC:IdealLoadsAirSystem", "Heat Recovery Effectiveness", []string{"Latent Heat Recovery Effectiveness", "Sensible Heat Recovery Effectiveness"}},
		{"Site:SpectrumData", "Wavelenght", []string{"Wavelength"}}, // named once, though the IDD repeats it
	}
	for _, tt := range tests {
		t.Run(tt.class+"/"+tt.field, func(t *testing.T) {
			var got []string
			if tt.field == "" {
				got = s.Suggest(tt.class)
			} else {
				c, _ := s.Class(tt.class)
				got = c.Suggest(tt.field)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLookupSaysWhatIsMissing(t *testing.T) {
	s := embeddedSchema(t)
	tests := []struct{ class, field, err string }{
		{"ZoneHVAC:IdealLoadAirSystem", "Sensible Heat Recovery Effectiveness", `EnergyPlus 25.2.0 has no class "ZoneHVAC:IdealLoadAirSystem"; did you mean "ZoneHVAC:IdealLoadsAirSystem"?`},
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Efectiveness", `ZoneHVAC:IdealLoadsAirSystem has no field "Sensible Heat Recovery Efectiveness"; did you mean "Sensible Heat Recovery Effectiveness"?`},
		{"Nothing:Like:This:At:All", "Name", `EnergyPlus 25.2.0 has no class "Nothing:Like:This:At:All"`},
		{"Zone", "Colour of the walls", `Zone has no field "Colour of the walls"`},
	}
	for _, tt := range tests {
		t.Run(tt.class+"/"+tt.field, func(t *testing.T) {
			if _, _, _, err := s.Lookup(tt.class, tt.field); err == nil || err.Error() != tt.err {
				t.Errorf("Lookup = %v, want %s", err, tt.err)
			}
		})
	}
}
