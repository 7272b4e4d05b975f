package idd

import (
	"testing"
)

func TestCheck(t *testing.T) {
	s := embeddedSchema(t)
	tests := []struct {
		class, field, value string
		err                 string // "" when the value fits
	}{
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness", "0.75", ""},
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness", "1", ""},
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness", " 0 ", ""},
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness", "", ""},
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness", "1.2", `"Sensible Heat Recovery Effectiveness" must be between 0 and 1, not 1.2`},
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness", "-0.1", `"Sensible Heat Recovery Effectiveness" must be between 0 and 1, not -0.1`},
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness", "high", `"Sensible Heat Recovery Effectiveness" must be a number, not "high"`},
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness", "NaN", `"Sensible Heat Recovery Effectiveness" must be a number, not "NaN"`},
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness", "0x1p-1", `"Sensible Heat Recovery Effectiveness" must be a number, not "0x1p-1"`},
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness", "Autosize", `"Sensible Heat Recovery Effectiveness" must be a number, not "Autosize"`},
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness", "0.7,", `"Sensible Heat Recovery Effectiveness" cannot hold "0.7,": a comma, semicolon, ! or line break would end the field in the IDF`},
		// exclusive bounds: more than 0, less than 100
		{"ZoneHVAC:IdealLoadsAirSystem", "Maximum Heating Supply Air Temperature", "99.9", ""},
		{"ZoneHVAC:IdealLoadsAirSystem", "Maximum Heating Supply Air Temperature", "100", `"Maximum Heating Supply Air Temperature" must be more than 0 and less than 100, not 100`},
		{"ZoneHVAC:IdealLoadsAirSystem", "Maximum Heating Supply Air Temperature", "0", `"Maximum Heating Supply Air Temperature" must be more than 0 and less than 100, not 0`},
		{"Fan:SystemModel", "Fan Total Efficiency", "1.0E+00", ""},
		{"Fan:SystemModel", "Fan Total Efficiency", "0", `"Fan Total Efficiency" must be more than 0 and at most 1, not 0`},
		{"Coil:Heating:DX:SingleSpeed", "Gross Rated Heating COP", "3.5", ""},
		{"Coil:Heating:DX:SingleSpeed", "Gross Rated Heating COP", "0", `"Gross Rated Heating COP" must be more than 0, not 0`},
		{"Coil:Heating:DX:SingleSpeed", "Gross Rated Heating COP", "", `"Gross Rated Heating COP" is required: it cannot be blank`},
		{"ZoneInfiltration:DesignFlowRate", "Air Changes per Hour", "-1", `"Air Changes per Hour" must be at least 0, not -1`},
		// Autosize and Autocalculate where the IDD allows them, in any letter case
		{"Coil:Heating:DX:SingleSpeed", "Gross Rated Heating Capacity", "AUTOSIZE", ""},
		{"Coil:Heating:DX:SingleSpeed", "Gross Rated Heating Capacity", "Autocalculate", `"Gross Rated Heating Capacity" must be a number or Autosize, not "Autocalculate"`},
		{"Zone", "Volume", "autocalculate", ""},
		{"Zone", "Volume", "Autosize", `"Volume" must be a number or Autocalculate, not "Autosize"`},
		{"Chiller:Electric:ASHRAE205", "Chilled Water Maximum Requested Flow Rate", "Autosize", ""}, // an A field typed real
		{"Chiller:Electric:ASHRAE205", "Chilled Water Maximum Requested Flow Rate", "lots", `"Chilled Water Maximum Requested Flow Rate" must be a number or Autosize, not "lots"`},
		// integers
		{"Zone", "Multiplier", "3", ""},
		{"Zone", "Multiplier", "2.5", `"Multiplier" must be a whole number, not "2.5"`},
		// choices, in any letter case
		{"ZoneHVAC:IdealLoadsAirSystem", "Heat Recovery Type", "sensible", ""},
		{"ZoneHVAC:IdealLoadsAirSystem", "Heat Recovery Type", "Total", `"Heat Recovery Type" must be one of None, Sensible, Enthalpy, not "Total"`},
		{"WindowMaterial:Screen", "Angle of Resolution for Screen Transmittance Output Map", "5", ""},
		{"WindowMaterial:Screen", "Angle of Resolution for Screen Transmittance Output Map", "4", `"Angle of Resolution for Screen Transmittance Output Map" must be one of 0, 1, 2, 3, 5, not 4`},
		// names and references: any text without separators
		{"Zone", "Name", "Kök 1", ""},
		{"Zone", "Name", "", `"Name" is required: it cannot be blank`},
		{"BuildingSurface:Detailed", "Zone Name", "Zone 1; x", `"Zone Name" cannot hold "Zone 1; x": a comma, semicolon, ! or line break would end the field in the IDF`},
	}
	for _, tt := range tests {
		t.Run(tt.field+"="+tt.value, func(t *testing.T) {
			_, f := lookup(t, s, tt.class, tt.field)
			err := f.Check(tt.value)
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("Check(%q) = %v, want it to fit", tt.value, err)
			case tt.err != "" && (err == nil || err.Error() != tt.err):
				t.Errorf("Check(%q) = %v, want %s", tt.value, err, tt.err)
			}
		})
	}
}
