package library

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sharedDir is the project's shared library data, the source of defaultdata/.
const sharedDir = "../../shared/data/library"

func loadShared(t *testing.T) *Library {
	t.Helper()
	if _, err := os.Stat(filepath.Join(sharedDir, materialsFile)); err != nil {
		t.Fatalf("the shared library data is missing (%v): these tests read %s", err, sharedDir)
	}
	lib, err := LoadCSV(sharedDir)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func TestLoadSharedLibraryKeepsBlanksBlank(t *testing.T) {
	lib := loadShared(t)
	if len(lib.Materials) != 35 || len(lib.Windows) != 10 || len(lib.Constructions) != 15 {
		t.Fatalf("%d materials, %d window systems, %d constructions; the README says 35, 10, 15",
			len(lib.Materials), len(lib.Windows), len(lib.Constructions))
	}
	kinds := map[string]int{}
	blankGWP := 0
	for _, m := range lib.Materials {
		kinds[m.Kind]++
		if m.GWPPerKg == nil {
			blankGWP++
		}
	}
	if kinds[KindMaterial] != 33 || kinds[KindAirGap] != 2 {
		t.Errorf("kinds %v, want 33 Material and 2 Material:AirGap", kinds)
	}
	// README: GWP blank for 11 materials (9 without a source, 2 air gaps).
	if blankGWP != 11 {
		t.Errorf("%d materials without GWP, the README counts 11", blankGWP)
	}
	xps, _ := lib.Material("xps_29")
	if xps.GWPPerKg != nil || xps.GWPMetric != "" || *xps.Conductivity != 0.029 {
		t.Errorf("xps_29: %+v", xps)
	}
	finish, _ := lib.Material("etics_finish")
	if finish.ThicknessM == nil || *finish.ThicknessM != 0.0095 {
		t.Errorf("etics_finish fixed thickness %v, want 0.0095", finish.ThicknessM)
	}
	cell, _ := lib.Material("cellulose_loosefill_50")
	if cell.CostRange != "250-350" || cell.Currency != "SEK" || cell.CostPerM2Per100mm != nil {
		t.Errorf("cellulose cost: range %q currency %q per100 %v", cell.CostRange, cell.Currency, cell.CostPerM2Per100mm)
	}
	gap, _ := lib.Material("air_gap_wall")
	if gap.ThermalResistance == nil || *gap.ThermalResistance != 0.15 || gap.Conductivity != nil {
		t.Errorf("air_gap_wall: %+v", gap)
	}
	vac, _ := lib.Window("vacuum_glazing_spacia")
	if *vac.UFactor != 1.1 || vac.SHGC != nil || vac.VisibleTransmittance != nil {
		t.Errorf("vacuum glazing: %+v", vac)
	}
	c, _ := lib.Construction("wall_timber_recladding_gw95")
	want := []Layer{{MaterialID: "wood_cladding", ThicknessM: 0.022}, {MaterialID: "air_gap_wall", ThicknessM: 0.025},
		{MaterialID: "wood_fibre_sheathing_board", ThicknessM: 0.0127}, {MaterialID: "glass_wool_batt_19", ThicknessM: 0.095},
		{MaterialID: "glass_wool_batt_19", ThicknessM: 0.120}, {MaterialID: "pe_vapour_barrier", ThicknessM: 0.0002},
		{MaterialID: "gypsum_board", ThicknessM: 0.0125}}
	if !reflect.DeepEqual(c.Layers, want) {
		t.Errorf("layers %v, want %v", c.Layers, want)
	}
	w, _ := lib.Construction("window_triple_lowe_argon")
	if w.WindowSystemID != "trp_lowe_argon" || len(w.Layers) != 0 {
		t.Errorf("window construction %+v", w)
	}
	if ps := lib.Validate(); len(ps) > 0 {
		t.Errorf("the shared library has problems: %v", Problems(ps))
	}
}

// The embedded default must be the shared library, except for EPSM's documented changes:
// ":existing" marks on construction layers; GWP values that cite Boverket's klimatdatabas where
// the shared copy had a blank or ICE v2.0 (every other cell as shared); and the README sections
// that explain both.
func TestDefaultIsTheSharedLibrary(t *testing.T) {
	loadShared(t)
	gwpColumns := map[string][]string{
		materialsFile: {"gwp_a1a3_kgco2e_per_kg", "gwp_metric", "gwp_source"},
		glazingFile:   {"gwp_kgco2e_per_m2", "gwp_basis", "gwp_source"},
	}
	for _, name := range []string{materialsFile, glazingFile, constructionsFile, "README.md"} {
		shared, err := os.ReadFile(filepath.Join(sharedDir, name))
		if err != nil {
			t.Fatal(err)
		}
		embedded, err := defaultData.ReadFile("defaultdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		switch name {
		case constructionsFile:
			embedded = bytes.ReplaceAll(embedded, []byte(":existing"), nil)
		case "README.md":
			if !bytes.HasPrefix(embedded, bytes.TrimRight(shared, "\n")) || !bytes.Contains(embedded, []byte("EPSM's changes to this copy")) ||
				!bytes.Contains(embedded, []byte("Boverket's klimatdatabas in this copy")) {
				t.Errorf("defaultdata/README.md must be the shared README plus EPSM's sections on existing layers and on Boverket's values")
			}
			continue
		case materialsFile, glazingFile:
			sharedRows, embeddedRows := csvRows(t, shared), csvRows(t, embedded)
			if len(sharedRows) != len(embeddedRows) {
				t.Fatalf("defaultdata/%s has %d rows, the shared copy %d", name, len(embeddedRows), len(sharedRows))
			}
			gwp := map[string]bool{}
			for _, c := range gwpColumns[name] {
				gwp[c] = true
			}
			for i, row := range embeddedRows {
				changed := false
				for col, v := range row {
					if v == sharedRows[i][col] {
						continue
					}
					if !gwp[col] {
						t.Errorf("defaultdata/%s row %d (%s): %s differs from the shared copy", name, i+2, row["id"], col)
					}
					changed = true
				}
				if changed && !strings.HasPrefix(row["gwp_source"], "Boverket klimatdatabas version 02.07.000") {
					t.Errorf("defaultdata/%s row %d (%s): a changed GWP must cite Boverket's klimatdatabas: %q", name, i+2, row["id"], row["gwp_source"])
				}
			}
			continue
		}
		if !bytes.Equal(bytes.TrimRight(shared, "\n"), bytes.TrimRight(embedded, "\n")) {
			t.Errorf("defaultdata/%s differs from %s beyond the existing-layer marks", name, filepath.Join(sharedDir, name))
		}
	}
	lib, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if lib.Materials[0].Origin != OriginDefault || lib.Constructions[14].Origin != OriginDefault {
		t.Error("default items are not marked as default")
	}
	if !strings.Contains(DefaultAttribution(), "ICE v2.0") {
		t.Error("the attribution does not name the GWP source")
	}
}

func TestCSVRoundTrip(t *testing.T) {
	lib := loadShared(t)
	// A user's items that the shared files do not have: per-m² GWP and cost columns.
	lib.Materials = append(lib.Materials, Material{ID: "green_roof_mat", Name: "Sedum mat", Kind: KindNoMass,
		ThermalResistance: ptr(0.05), Roughness: "VeryRough", ThermalSource: "product sheet",
		GWPPerM2: ptr(4.2), GWPMetric: MetricCO2e, GWPSource: "EPD 123", CostPerM2: ptr(450), Currency: "SEK",
		CostSource: "quote 2025", Notes: "line one\nline two, with a comma"})
	dir := t.TempDir()
	if err := lib.WriteCSV(dir); err != nil {
		t.Fatal(err)
	}
	again, err := LoadCSV(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(lib, again) {
		for i := range lib.Materials {
			if !reflect.DeepEqual(lib.Materials[i], again.Materials[i]) {
				t.Errorf("material %d: wrote %+v\nread %+v", i, lib.Materials[i], again.Materials[i])
			}
		}
		t.Fatal("the library read back differs from the one written")
	}
	// Without such items the files have exactly the shared columns.
	plain := loadShared(t)
	if err := plain.WriteCSV(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{materialsFile, glazingFile, constructionsFile} {
		got, _ := os.ReadFile(filepath.Join(dir, name))
		want, _ := os.ReadFile(filepath.Join(sharedDir, name))
		if g, w := firstLine(got), firstLine(want); g != w {
			t.Errorf("%s header\n%s\nwant\n%s", name, g, w)
		}
	}
}

func firstLine(b []byte) string { return strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]) }

func TestLoadCSVErrorsNameFileRowAndColumn(t *testing.T) {
	mat := "id,name,category,eplus_object,thickness_m,conductivity_w_mk,density_kg_m3,specific_heat_j_kgk," +
		"thermal_resistance_m2k_w,roughness,thermal_absorptance,solar_absorptance,visible_absorptance,thermal_source," +
		"gwp_a1a3_kgco2e_per_kg,gwp_metric,gwp_source,cost_per_m2_per_100mm_sek,cost_range_sek,cost_basis,cost_source,notes\n"
	good := "eps,EPS,insulation,Material,,0.037,16,1210,,VeryRough,0.9,0.7,0.7,src,3.29,CO2e,ICE,,,,,\n"
	glz := "id,name,u_factor_w_m2k,shgc,visible_transmittance,u_basis,thermal_optical_source,gwp_kgco2e_per_m2,gwp_basis,gwp_source,cost_sek_per_m2,cost_source,notes\n"
	con := "id,name,element,layers,notes\n"
	cases := []struct {
		name                     string
		materials, glazing, cons string
		want                     []string
	}{
		{"a word for a number", mat + good + "xps,XPS,insulation,Material,,abc,29,1210,,Rough,0.9,0.7,0.7,s,,,,,,,,\n", glz, con,
			[]string{"materials.csv row 3 (xps), column conductivity_w_mk", `"abc" is not a number`}},
		{"a decimal comma", mat + "eps,EPS,insulation,Material,,\"0,037\",16,1210,,VeryRough,0.9,0.7,0.7,s,,,,,,,,\n", glz, con,
			[]string{"materials.csv row 2 (eps), column conductivity_w_mk"}},
		{"an unknown column", strings.Replace(mat, "notes", "remarks", 1) + good, glz, con,
			[]string{"materials.csv row 1, column 22", `unknown column "remarks"`}},
		{"a missing column", mat + good, strings.Replace(glz, ",shgc", "", 1), con,
			[]string{"glazing.csv row 1", `column "shgc" is missing`}},
		{"a repeated id", mat + good + good, glz, con,
			[]string{"materials.csv row 3, column id", `"eps" is already used in row 2`}},
		{"a layer without thickness", mat + good, glz, con + "w,Wall,wall,eps:0.1;eps,\n",
			[]string{"constructions.csv row 2 (w), column layers", `layer 2 "eps" is not material_id:thickness_m`}},
		{"a thickness in words", mat + good, glz, con + "w,Wall,wall,eps:ten cm,\n",
			[]string{"constructions.csv row 2 (w), column layers", `thickness "ten cm"`}},
		{"a ragged row", mat + "eps,EPS\n", glz, con, []string{"materials.csv", "wrong number of fields"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range map[string]string{materialsFile: tc.materials, glazingFile: tc.glazing, constructionsFile: tc.cons} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := LoadCSV(dir)
			if err == nil {
				t.Fatal("loaded")
			}
			for _, w := range append(tc.want, dir) {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
	if _, err := LoadCSV(t.TempDir()); err == nil || !strings.Contains(err.Error(), materialsFile) {
		t.Errorf("an empty folder: %v", err)
	}
}

func TestWriteCSVRefusesWhatTheFormatCannotHold(t *testing.T) {
	lib := loadShared(t)
	lib.Windows[0].CostPerM2, lib.Windows[0].Currency, lib.Windows[0].CostSource = ptr(400), "EUR", "quote"
	err := lib.WriteCSV(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "sgl_clear_3mm") || !strings.Contains(err.Error(), "EUR") {
		t.Fatalf("a EUR cost written to the SEK column: %v", err)
	}
}

// csvRows reads a library CSV into one map per row, by column name.
func csvRows(t *testing.T, data []byte) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = r[i]
		}
		out = append(out, row)
	}
	return out
}
