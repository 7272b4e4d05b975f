package takeoff

import "strings"

// exposure is what lies on the outer side of a surface, as far as renovation goes.
type exposure int

const (
	interior exposure = iota // another zone, the same zone, or adiabatic
	outdoors
	ground
	other // other-side coefficients or conditions model: a user-defined boundary
)

// boundaries lists the Outside Boundary Condition keys of the 25.2 IDD with their exposure.
// The preprocessor keys only exist before ExpandObjects turns them into other-side
// coefficients for the slab and basement ground models: they are ground contact.
var boundaries = map[string]struct {
	name string
	exp  exposure
}{}

func init() {
	for _, b := range []struct {
		name string
		exp  exposure
	}{
		{"Adiabatic", interior}, {"Surface", interior}, {"Zone", interior}, {"Space", interior},
		{"Outdoors", outdoors},
		{"Foundation", ground}, {"Ground", ground}, {"GroundFCfactorMethod", ground},
		{"GroundSlabPreprocessorAverage", ground}, {"GroundSlabPreprocessorCore", ground},
		{"GroundSlabPreprocessorPerimeter", ground},
		{"GroundBasementPreprocessorAverageWall", ground}, {"GroundBasementPreprocessorAverageFloor", ground},
		{"GroundBasementPreprocessorUpperWall", ground}, {"GroundBasementPreprocessorLowerWall", ground},
		{"OtherSideCoefficients", other}, {"OtherSideConditionsModel", other},
	} {
		boundaries[strings.ToLower(b.name)] = b
	}
}

// baseElement is the element of a base surface of EnergyPlus class cls ("Wall", "Floor" or
// "Roof", where Ceiling is a Roof as in GetHTSurfaceData) and exposure exp.
func baseElement(cls string, exp exposure) string {
	switch {
	case exp == outdoors && cls == "Wall":
		return ElementWall
	case exp == outdoors && cls == "Roof":
		return ElementRoof
	case exp == outdoors && cls == "Floor":
		return ElementExposedFloor
	case exp == ground && cls == "Floor":
		return ElementFloor
	case exp == ground && cls == "Wall":
		return ElementGroundWall
	}
	return ""
}

// subElement is the element of a subsurface of type typ in a base surface of element parent.
func subElement(typ, parent string) string {
	glazed := typ == "Window" || typ == "GlassDoor" || typ == "TubularDaylightDome"
	switch {
	case parent == ElementWall && glazed && typ != "TubularDaylightDome":
		return ElementWindow
	case parent == ElementRoof && glazed:
		return ElementSkylight
	case (parent == ElementWall || parent == ElementRoof) && typ == "Door":
		return ElementDoor
	}
	return ""
}
