package library

import (
	"os"
	"strings"
	"testing"

	"epsm/idf"
)

func TestFromIDFImportsTheExampleModel(t *testing.T) {
	f, err := idf.ParseFile("../examples/1ZoneUncontrolled.idf")
	if err != nil {
		t.Fatal(err)
	}
	lib, problems := FromIDF(f)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", Problems(problems))
	}
	if len(lib.Materials) != 3 || len(lib.Windows) != 0 || len(lib.Constructions) != 3 {
		t.Fatalf("%d materials, %d windows, %d constructions", len(lib.Materials), len(lib.Windows), len(lib.Constructions))
	}
	r13, ok := lib.Material("r13layer")
	if !ok || r13.Name != "R13LAYER" || r13.Kind != KindNoMass || *r13.ThermalResistance != 2.290965 ||
		*r13.SolarAbsorptance != 0.75 || r13.GWPPerKg != nil || r13.GWPPerM2 != nil || r13.Origin != OriginImported ||
		!strings.Contains(r13.ThermalSource, `Material:NoMass object "R13LAYER"`) {
		t.Errorf("R13LAYER imported as %+v", r13)
	}
	conc, _ := lib.Material("c5_-_4_in_hw_concrete")
	if conc.Kind != KindMaterial || *conc.ThicknessM != 0.1014984 || *conc.Conductivity != 1.729577 ||
		*conc.Density != 2242.585 || *conc.SpecificHeat != 836.8 || conc.Roughness != "MediumRough" {
		t.Errorf("concrete imported as %+v", conc)
	}
	want := map[string]string{"r13wall": ElementWall, "floor": ElementFloor, "roof31": ElementRoof}
	for id, el := range want {
		c, ok := lib.Construction(id)
		if !ok || c.Element != el {
			t.Errorf("construction %s: %+v, want element %s", id, c, el)
		}
	}
	floor, _ := lib.Construction("floor")
	if len(floor.Layers) != 1 || floor.Layers[0] != (Layer{"c5_-_4_in_hw_concrete", 0.1014984, false}) {
		t.Errorf("floor layers %v", floor.Layers)
	}

	// The imported wall computes its U (R13LAYER alone: 1/(0.13 + 2.290965 + 0.04) = 1/2.460965 = 0.4063)
	// and says its GWP is missing rather than zero.
	wall, _ := lib.Construction("r13wall")
	fig, err := lib.Figures(wall)
	if err != nil {
		t.Fatal(err)
	}
	if round4(fig.U) != "0.4063" || fig.GWPPerM2.Complete || fig.GWPPerM2.Missing[0] != "GWP of r13layer (R13LAYER)" {
		t.Errorf("figures %+v", fig)
	}
	// And goes back into an IDF with the model's numbers.
	_, text, err := lib.IDFObjects(wall, "EPSM")
	if err != nil {
		t.Fatal(err)
	}
	o, _ := parseObjects(t, text).First("Material:NoMass")
	if o.Field(2) != "2.290965" || o.Field(4) != "0.75" {
		t.Errorf("written back as %q", o.Fields)
	}
}

func TestFromIDFReportsWhatItCannotImport(t *testing.T) {
	const path = "../../shared/testdata/epsm/test.idf"
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("shared test model missing: %v", err)
	}
	f, err := idf.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lib, problems := FromIDF(f)
	if len(lib.Materials) != 25 || len(lib.Windows) != 2 {
		t.Errorf("%d materials, %d window systems; the model has 21 Material, 4 Material:NoMass, 2 simple glazings",
			len(lib.Materials), len(lib.Windows))
	}
	// The 90 windows use a simple glazing system: imported as a window construction.
	win, ok := lib.Construction("risn-tg013-2012_200_u2.30_shgc0.4959")
	ws, _ := lib.Window(win.WindowSystemID)
	if !ok || win.Element != ElementWindow || *ws.UFactor != 2.3 || *ws.SHGC != 0.4959 || *ws.VisibleTransmittance != 0.53 {
		t.Errorf("window construction %+v, system %+v", win, ws)
	}
	if err := lib.Usable(win); err != nil {
		t.Errorf("imported window not usable: %v", err)
	}
	// Surface types decide the element: "ceiling" is on Ceiling surfaces (heat flows up: roof).
	for id, el := range map[string]string{"external_wall": ElementWall, "external_roof": ElementRoof,
		"floor_slab": ElementFloor, "ceiling": ElementRoof} {
		if c, _ := lib.Construction(id); c.Element != el {
			t.Errorf("%s imported as %q, want %s", id, c.Element, el)
		}
	}
	text := Problems(problems).Error()
	for _, want := range []string{
		`Construction "Generic Double Pane" (line 2039) not imported: layer "Generic Low-e Glass"`,
		`construction generic_shade (Generic Shade) (line 2101) is used by no wall, roof or floor surface`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("problems do not say %q:\n%s", want, strings.ReplaceAll(text, "; ", "\n"))
		}
	}
	if strings.Contains(text, `element "" is not one of`) {
		t.Errorf("an unused construction is reported twice:\n%s", text)
	}
}

func TestFromIDFSkipsMalformedNumbers(t *testing.T) {
	f, err := idf.Parse([]byte(`Material, Brick, Rough, 0.1, one, 1900, 800;
Material:AirGap, Gap, 0.17;
Construction, Bad, Brick;
Construction, Gap only, Gap;
BuildingSurface:Detailed, S1, Wall, Gap only, Z;`))
	if err != nil {
		t.Fatal(err)
	}
	lib, problems := FromIDF(f)
	text := Problems(problems).Error()
	if len(lib.Materials) != 1 || !strings.Contains(text, `Material "Brick" (line 1) not imported: field 4 "one" is not a number`) ||
		!strings.Contains(text, `Construction "Bad" (line 3) not imported: layer "Brick"`) {
		t.Errorf("materials %v, problems:\n%s", lib.Materials, text)
	}
	// An air gap alone faces both the outdoors and the room: EnergyPlus would stop on it.
	if !strings.Contains(text, "an air gap cannot be the outside or inside layer") {
		t.Errorf("problems:\n%s", text)
	}
}
