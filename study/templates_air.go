package study

import (
	"fmt"
	"strconv"
)

const (
	infiltrationClass = "ZoneInfiltration:DesignFlowRate"
	infiltrationCalc  = "Design Flow Rate Calculation Method"
)

// infiltrationTemplate sets every ZoneInfiltration:DesignFlowRate to one calculation method
// and that method's value. EnergyPlus reads only the field of the method chosen, so the
// others are left as they are (a later edit back to them finds them unchanged).
func infiltrationTemplate(id, name, method, field string, value TemplateValue, suggested ...string) Template {
	return Template{
		ID:   id,
		Name: name,
		Description: fmt.Sprintf("Sets every %s to the %s method with %s = the value. Costs default to per m2 of "+
			"exterior envelope (walls with their windows and doors, roofs, floors on the ground or over outdoor "+
			"air, walls against the ground), the area airtightness is measured against.", infiltrationClass, method, field),
		Values:    []TemplateValue{value},
		Per:       PerM2,
		Suggested: options(suggested...),
		applies: func(b *Base) error {
			if len(b.objectsOf(infiltrationClass)) == 0 {
				return lacks(infiltrationClass)
			}
			return nil
		},
		apply: func(b *Base, values []string) (Change, error) {
			var c Change
			objects := b.objectsOf(infiltrationClass)
			if len(objects) == 0 {
				return Change{}, lacks(infiltrationClass)
			}
			if err := b.setAll(&c, infiltrationClass, infiltrationCalc, method, objects); err != nil {
				return Change{}, err
			}
			if err := b.setAll(&c, infiltrationClass, field, values[0], objects); err != nil {
				return Change{}, err
			}
			c.Units = len(objects)
			if a := b.envelopeAreaM2(); a > 0 {
				c.AreaM2 = &a
			}
			return c, nil
		},
	}
}

func infiltrationACHTemplate() Template {
	return infiltrationTemplate("infiltration-ach", "Infiltration (air changes per hour)", "AirChanges/Hour", "Air Changes per Hour",
		TemplateValue{Name: "Air changes per hour", Unit: "1/h", Min: ptrFloat(0)}, "0.3", "0.2", "0.1")
}

func infiltrationPerAreaTemplate() Template {
	return infiltrationTemplate("infiltration-flow-per-area", "Infiltration (flow per exterior surface area)", "Flow/ExteriorArea",
		"Flow Rate per Exterior Surface Area", TemplateValue{Name: "Flow per exterior surface area", Unit: "m3/s-m2", Min: ptrFloat(0)},
		"0.0003", "0.0002", "0.0001")
}

// envelopeAreaM2 is the gross exterior envelope of the take-off (EN ISO 9972's envelope area).
func (b *Base) envelopeAreaM2() float64 {
	tk := b.Takeoff
	return tk.Wall.GrossM2 + tk.Roof.GrossM2 + tk.GroundFloor.GrossM2 + tk.ExposedFloor.GrossM2 + tk.GroundWall.GrossM2
}

// setpointTemplate gives every thermostat a constant heating (or cooling) setpoint: it adds one
// Schedule:Constant and points the setpoint schedule fields of ThermostatSetpoint:DualSetpoint
// and of the single heating (cooling) thermostats at it. The model's old schedules stay in the
// file, unused. ThermostatSetpoint:SingleHeatingOrCooling has one schedule for both, so neither
// template touches it.
func setpointTemplate(kind string, dualField, single string, value TemplateValue, suggested ...string) Template {
	const dual = "ThermostatSetpoint:DualSetpoint"
	targets := []classField{{dual, dualField}, {single, "Setpoint Temperature Schedule Name"}}
	return Template{
		ID:   kind + "-setpoint",
		Name: map[string]string{"heating": "Heating setpoint", "cooling": "Cooling setpoint"}[kind],
		Description: fmt.Sprintf("A constant %s setpoint all year: adds a Schedule:Constant and sets it as the %s of every "+
			"%s and the setpoint schedule of every %s. "+
			"The heating and cooling templates do not check each other's values: keep heating options below cooling ones.", kind, dualField, dual, single),
		Values:    []TemplateValue{value},
		Per:       PerFixed,
		Suggested: options(suggested...),
		applies: func(b *Base) error {
			if b.countOf(dual, single) == 0 {
				return lacks(dual, single)
			}
			return nil
		},
		apply: func(b *Base, values []string) (Change, error) {
			x, err := value.number(values[0])
			if err != nil {
				return Change{}, err
			}
			degrees := canonicalValue(strconv.FormatFloat(x, 'f', -1, 64))
			name := fmt.Sprintf("EPSM %s setpoint %s", kind, degrees)
			if b.nameTaken("Schedule:", name) {
				return Change{}, fmt.Errorf("the model already has a schedule named %q; rename it to use the %s template", name, kind+"-setpoint")
			}
			var c Change
			if c.Units, err = b.setFields(&c, targets, name); err != nil {
				return Change{}, err
			}
			if c.Units == 0 {
				return Change{}, lacks(dual, single)
			}
			c.Objects = append(c.Objects, idfObject("Schedule:Constant", name, "Name", "", "Schedule Type Limits Name", degrees, "Hourly Value {C}"))
			return c, nil
		},
	}
}

func heatingSetpointTemplate() Template {
	return setpointTemplate("heating", "Heating Setpoint Temperature Schedule Name", "ThermostatSetpoint:SingleHeating",
		TemplateValue{Name: "Heating setpoint", Unit: "°C", Min: ptrFloat(5), Max: ptrFloat(30)}, "20", "21", "22")
}

func coolingSetpointTemplate() Template {
	return setpointTemplate("cooling", "Cooling Setpoint Temperature Schedule Name", "ThermostatSetpoint:SingleCooling",
		TemplateValue{Name: "Cooling setpoint", Unit: "°C", Min: ptrFloat(15), Max: ptrFloat(40)}, "24", "25", "26")
}
