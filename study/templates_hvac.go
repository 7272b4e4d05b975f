package study

import "strings"

// The heat pumps the COP template knows: single-speed objects whose rated COP is one field.
// Multi- and variable-speed coils (a COP per speed) are left to field measures.
var (
	heatPumpHeating = []classField{
		{"Coil:Heating:DX:SingleSpeed", "Gross Rated Heating COP"},
		{"Coil:Heating:WaterToAirHeatPump:EquationFit", "Gross Rated Heating COP"},
		{"HeatPump:PlantLoop:EIR:Heating", "Reference Coefficient of Performance"},
		{"HeatPump:WaterToWater:EquationFit:Heating", "Reference Coefficient of Performance"},
	}
	heatPumpCooling = []classField{
		{"Coil:Cooling:DX:SingleSpeed", "Gross Rated Cooling COP"},
		{"Coil:Cooling:WaterToAirHeatPump:EquationFit", "Gross Rated Cooling COP"},
		{"HeatPump:PlantLoop:EIR:Cooling", "Reference Coefficient of Performance"},
		{"HeatPump:WaterToWater:EquationFit:Cooling", "Reference Coefficient of Performance"},
	}
	// A VRF outdoor unit is one object with both COPs.
	heatPumpBoth = "AirConditioner:VariableRefrigerantFlow"
)

// heatPumpCOPTemplate sets the rated COPs of the model's heat pumps: two values, heating and
// cooling, because a reversible heat pump is one product with both ratings (EnergyPlus models
// it as a heating and a cooling object). A model with only heating (or only cooling) objects
// takes the other value unused, still checked.
func heatPumpCOPTemplate() Template {
	all := append(append(classesOf(heatPumpHeating), classesOf(heatPumpCooling)...), heatPumpBoth)
	values := []TemplateValue{
		{Name: "Heating COP", Unit: "W/W", Min: ptrFloat(1), Max: ptrFloat(10)},
		{Name: "Cooling COP", Unit: "W/W", Min: ptrFloat(1), Max: ptrFloat(10)},
	}
	return Template{
		ID:   "heat-pump-cop",
		Name: "Heat pump COP",
		Description: "Sets the rated heating and cooling COP of every single-speed heat pump and DX coil: " +
			strings.Join(all, ", ") + ". Costs default to per unit: one heat pump per heating and cooling object pair.",
		Values:    values,
		Per:       PerUnit,
		Suggested: []Option{{Values: []string{"3.5", "3.2"}}, {Values: []string{"4", "3.5"}}, {Values: []string{"4.5", "4"}}},
		applies: func(b *Base) error {
			if b.countOf(all...) == 0 {
				return lacks(all...)
			}
			return nil
		},
		apply: func(b *Base, cops []string) (Change, error) {
			var c Change
			if b.countOf(all...) == 0 {
				return Change{}, lacks(all...)
			}
			// Checked here too: the model may lack the objects one of the two values is for.
			for i, v := range cops {
				if _, err := values[i].number(v); err != nil {
					return Change{}, err
				}
			}
			heating, err := b.setFields(&c, heatPumpHeating, cops[0])
			if err != nil {
				return Change{}, err
			}
			cooling, err := b.setFields(&c, heatPumpCooling, cops[1])
			if err != nil {
				return Change{}, err
			}
			vrf, err := b.setFields(&c, []classField{{heatPumpBoth, "Gross Rated Heating COP"}}, cops[0])
			if err != nil {
				return Change{}, err
			}
			if _, err := b.setFields(&c, []classField{{heatPumpBoth, "Gross Rated Cooling COP"}}, cops[1]); err != nil {
				return Change{}, err
			}
			c.Units = max(heating, cooling) + vrf
			return c, nil
		},
	}
}

var fans = []classField{
	{"Fan:ConstantVolume", "Fan Total Efficiency"},
	{"Fan:VariableVolume", "Fan Total Efficiency"},
	{"Fan:OnOff", "Fan Total Efficiency"},
	{"Fan:SystemModel", "Fan Total Efficiency"},
	{"Fan:ZoneExhaust", "Fan Total Efficiency"},
}

// fanEfficiencyTemplate sets the total efficiency (impeller and motor) of every fan.
// Fan:ComponentModel builds its efficiency from curves and is left to field measures.
func fanEfficiencyTemplate() Template {
	classes := classesOf(fans)
	return Template{
		ID:          "fan-efficiency",
		Name:        "Fan efficiency",
		Description: "Sets the Fan Total Efficiency of every " + strings.Join(classes, ", ") + ". Costs default to per fan.",
		Values:      []TemplateValue{{Name: "Fan total efficiency", Unit: "-", Min: ptrFloat(0), Max: ptrFloat(1)}},
		Per:         PerUnit,
		Suggested:   options("0.6", "0.7", "0.8"),
		applies: func(b *Base) error {
			if b.countOf(classes...) == 0 {
				return lacks(classes...)
			}
			return nil
		},
		apply: func(b *Base, values []string) (Change, error) {
			var c Change
			n, err := b.setFields(&c, fans, values[0])
			if err != nil {
				return Change{}, err
			}
			if n == 0 {
				return Change{}, lacks(classes...)
			}
			c.Units = n
			return c, nil
		},
	}
}
