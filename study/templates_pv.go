package study

import (
	"fmt"
	"strconv"
	"strings"

	"epsm/takeoff"
)

const (
	pvClass = "Generator:PVWatts"
	// pvMaxWPerM2 is about the best a roof can carry: 22-23 % efficient modules give 220-230 W
	// per m2 at 1000 W/m2 of sun. A capacity above it is a typo or the wrong unit.
	pvMaxWPerM2 = 250
	// pvSunnyTilt is the tilt (degrees) up to which a roof counts as flat: any azimuth gets sun.
	pvSunnyTilt = 10
)

// roofPVTemplate puts PV of a given DC capacity (kW, the whole roof) on the roof: one
// Generator:PVWatts per sunny exterior roof surface, with the surface's own tilt and azimuth
// (Array Geometry Type Surface) and a share of the capacity by net area, wired through a
// generator list and a PVWatts inverter to a new ElectricLoadCenter:Distribution (DC buss with
// inverter, baseload). A model that already has load centres keeps them: EnergyPlus takes
// several, and the new one only adds the PV.
func roofPVTemplate() Template {
	capacity := TemplateValue{Name: "DC capacity", Unit: "kW", Min: ptrFloat(0)}
	return Template{
		ID:   "roof-pv",
		Name: "Roof PV",
		Description: "Adds roof PV of the given DC capacity: a Generator:PVWatts (standard modules, roof mounted, 14 % " +
			"losses) on every flat, east-, south- or west-facing exterior roof surface, the capacity shared by area, " +
			"with an inverter and an electric load centre of its own. Costs default to per kW.",
		Values:    []TemplateValue{capacity},
		Per:       PerKW,
		Suggested: options("5", "10", "20"),
		applies: func(b *Base) error {
			_, err := b.sunnyRoofs()
			return err
		},
		apply: func(b *Base, values []string) (Change, error) {
			kW, err := capacity.number(values[0])
			if err != nil {
				return Change{}, err
			}
			roofs, err := b.sunnyRoofs()
			if err != nil {
				return Change{}, err
			}
			area := 0.0
			for _, s := range roofs {
				area += s.NetAreaM2
			}
			if w := kW * 1000 / area; w > pvMaxWPerM2 {
				return Change{}, fmt.Errorf("%s: %s kW on %.0f m2 of sunny roof is %.0f W/m2; modules give at most about %d W/m2, so at most %.1f kW fit",
					capacity.Name, values[0], area, w, pvMaxWPerM2, area*pvMaxWPerM2/1000)
			}
			_, checkW, err := b.fieldIndex(pvClass, "DC System Capacity")
			if err != nil {
				return Change{}, err
			}
			names := map[string]string{
				"ElectricLoadCenter:Distribution":     "EPSM PV",
				"ElectricLoadCenter:Generators":       "EPSM PV generators",
				"ElectricLoadCenter:Inverter:PVWatts": "EPSM PV inverter",
			}
			for class, name := range names {
				if b.nameTaken(class, name) {
					return Change{}, fmt.Errorf("the model already has a %s named %q; the roof-pv template adds its own", class, name)
				}
			}
			var c Change
			list := []string{names["ElectricLoadCenter:Generators"], "Name"}
			for _, s := range roofs {
				name := "EPSM PV " + s.Name
				if b.nameTaken(pvClass, name) {
					return Change{}, fmt.Errorf("the model already has a %s named %q", pvClass, name)
				}
				watts := canonicalValue(strconv.FormatFloat(roundSignificant(kW*1000*s.NetAreaM2/area, 6), 'f', -1, 64))
				if err := checkW(watts); err != nil {
					return Change{}, fmt.Errorf("roof %s: %w", s.Name, err)
				}
				c.Objects = append(c.Objects, idfObject(pvClass,
					name, "Name",
					"5", "PVWatts Version",
					watts, "DC System Capacity {W}",
					"Standard", "Module Type",
					"FixedRoofMounted", "Array Type",
					"0.14", "System Losses",
					"Surface", "Array Geometry Type",
					"", "Tilt Angle {deg}",
					"", "Azimuth Angle {deg}",
					s.Name, "Surface Name"))
				g := "Generator " + strconv.Itoa(len(c.Objects)) + " "
				list = append(list, name, g+"Name",
					pvClass, g+"Object Type",
					watts, g+"Rated Electric Power Output {W}",
					"", g+"Availability Schedule Name",
					"", g+"Rated Thermal to Electrical Power Ratio")
			}
			c.Objects = append(c.Objects,
				idfObject("ElectricLoadCenter:Generators", list...),
				idfObject("ElectricLoadCenter:Inverter:PVWatts",
					names["ElectricLoadCenter:Inverter:PVWatts"], "Name",
					"1.10", "DC to AC Size Ratio",
					"0.96", "Inverter Efficiency"),
				idfObject("ElectricLoadCenter:Distribution",
					names["ElectricLoadCenter:Distribution"], "Name",
					names["ElectricLoadCenter:Generators"], "Generator List Name",
					"Baseload", "Generator Operation Scheme Type",
					"", "Generator Demand Limit Scheme Purchased Electric Demand Limit {W}",
					"", "Generator Track Schedule Name Scheme Schedule Name",
					"", "Generator Track Meter Scheme Meter Name",
					"DirectCurrentWithInverter", "Electrical Buss Type",
					names["ElectricLoadCenter:Inverter:PVWatts"], "Inverter Name"))
			c.Units = len(roofs)
			c.AreaM2 = &area
			c.KW = &kW
			return c, nil
		},
	}
}

// sunnyRoofs are the exterior roof surfaces PV goes on: flat ones, and pitched ones facing
// east through south to west (a north-facing pitch gets little sun).
func (b *Base) sunnyRoofs() ([]takeoff.Surface, error) {
	roofs := b.Takeoff.ExteriorSurfaces(takeoff.ElementRoof)
	if len(roofs) == 0 {
		return nil, fmt.Errorf("%w: it has no exterior roof surfaces", ErrTemplateDoesNotApply)
	}
	var out []takeoff.Surface
	for _, s := range roofs {
		if s.NetAreaM2 > 0 && (s.TiltDeg <= pvSunnyTilt || (s.AzimuthDeg >= 90 && s.AzimuthDeg <= 270)) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: its %d exterior roof surface(s) all face north of east and west", ErrTemplateDoesNotApply, len(roofs))
	}
	return out, nil
}

// idfObject writes an object from value, comment pairs, one field a line as IDF Editor does.
func idfObject(class string, pairs ...string) string {
	var sb strings.Builder
	sb.WriteString(class + ",\n")
	for i := 0; i < len(pairs); i += 2 {
		end := ","
		if i+2 >= len(pairs) {
			end = ";"
		}
		fmt.Fprintf(&sb, "  %-28s !- %s\n", pairs[i]+end, pairs[i+1])
	}
	return sb.String()
}
