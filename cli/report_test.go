package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"epsm/internal/reportread"
	"epsm/internal/tempdir"
	"epsm/services/studysvc"
)

// `epsm study --report` writes the study's report: the HTML's figures are the --json table's
// (EP_pet, class, carbon per m² Atemp, Δ energy from the runs' own totals), its scatter labels
// exactly the Pareto-optimal variants, what the default settings lack is listed as missing; the
// PDF of the same study is a valid PDF that shows every variant.
func TestStudyReportCarriesTheTablesFigures(t *testing.T) {
	requireEngine(t)
	dir := tempdir.New(t)
	spec := map[string]any{
		"name":        "report study",
		"model":       abs(t, "../../shared/testdata/epsm/test.idf"),
		"weather":     []string{abs(t, "../../shared/testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw")},
		"options":     map[string][]string{"wall": {"keep", "wall_concrete_etics_sw100"}, "roof": {"keep", "flat_roof_concrete_pir120"}},
		"forceAnnual": true,
	}
	js, _ := json.Marshal(spec)
	specPath := filepath.Join(dir, "spec.json")
	if err := os.WriteFile(specPath, js, 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	htmlPath := filepath.Join(dir, "out", "report.html")
	if err := os.MkdirAll(filepath.Dir(htmlPath), 0o755); err != nil {
		t.Fatal(err)
	}
	// The model is heated by district heating: the user's own network's emission factor
	// replaces the national default first, as the settings advise. Prices stay blank.
	var stdout, stderr bytes.Buffer
	sess, err := openSession("test", data, 0, false, &stderr)
	if err != nil {
		t.Fatal(stderr.String())
	}
	settings, err := sess.app.Studies.LCASettings()
	if err != nil {
		t.Fatal(err)
	}
	fuel := settings.Fuels["District Heating Water"]
	factor := 0.0582 // Stockholm's 2022 figure, kg CO2e/kWh
	fuel.KgCO2ePerKWh, fuel.CarbonSource = &factor, "test: Stockholm 2022"
	settings.Fuels["District Heating Water"] = fuel
	if _, err := sess.app.Studies.SaveLCASettings(settings); err != nil {
		t.Fatal(err)
	}
	sess.close()
	if code := Main([]string{"study", specPath, "--data-dir", data, "--json", "--report", htmlPath}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	var table studysvc.StudyTable
	if err := json.Unmarshal(stdout.Bytes(), &table); err != nil || len(table.Rows) != 4 {
		t.Fatalf("%v: %d rows\n%s", err, len(table.Rows), stdout.String())
	}
	raw, err := os.ReadFile(htmlPath)
	if err != nil {
		t.Fatal(err)
	}
	page, err := reportread.ReadHTML(raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Resources) > 0 {
		t.Errorf("the report loads or runs something: %v", page.Resources)
	}
	for _, want := range []string{"report study", "test.idf", "USA_IL_Chicago-OHare", "Geographic adjustment factor F_geo", "EnergyPlus's conditioned floor area", "Space heating (counts in EP_pet)"} {
		if !strings.Contains(page.Text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	var base studysvc.VariantResult
	for _, r := range table.Rows {
		if r.Baseline {
			base = r
		}
	}
	if base.Results == nil || base.Atemp == nil || base.PrimaryEnergyNumber == nil {
		t.Fatalf("baseline %+v", base)
	}
	same := func(what, got string, want float64) {
		t.Helper()
		v, err := strconv.ParseFloat(got, 64)
		if err != nil || math.Abs(v-want) > 1e-9*math.Max(1, math.Abs(want)) {
			t.Errorf("%s = %q, the table gives %g", what, got, want)
		}
	}
	var keys []string
	var eps, carbons []float64
	incomplete := map[string]bool{}
	for _, r := range table.Rows {
		row, ok := page.Variants[r.Label+"|"+r.WeatherName]
		if !ok {
			t.Fatalf("no row %s|%s in the report: %v", r.Label, r.WeatherName, page.Order)
		}
		if r.PrimaryEnergyNumber == nil || r.EnergyClass == "" || r.LCA == nil {
			t.Fatalf("%s: the table lacks a figure: %+v", r.Label, r)
		}
		same(r.Label+" EP_pet", row.Values["primaryEnergyNumber"], *r.PrimaryEnergyNumber)
		if row.Values["energyClass"] != r.EnergyClass {
			t.Errorf("%s class %q, the table gives %q", r.Label, row.Values["energyClass"], r.EnergyClass)
		}
		same(r.Label+" energy", row.Values["energyKWh"], r.Results.TotalSiteKWh)
		same(r.Label+" Δ energy per m²", row.Values["deltaKWhPerM2"], (r.Results.TotalSiteKWh-base.Results.TotalSiteKWh) / *r.Atemp)
		// A figure the table cannot complete (a construction without GWP, no prices) is a dash
		// in the report, never 0, and its input is listed as missing.
		for _, fig := range []struct {
			field, missing string
			complete       bool
			perM2          float64
		}{
			{"embodiedKgPerM2", "Embodied carbon", r.LCA.EmbodiedKgCO2e.Complete, r.LCA.EmbodiedKgCO2e.Value / *r.Atemp},
			{"lifeCycleKgPerM2", "Life-cycle carbon", r.LCA.LifeCycleKgCO2e.Complete, r.LCA.LifeCycleKgCO2e.Value / *r.Atemp},
			{"lifeCycleCost", "Life-cycle cost", r.LCA.LifeCycleCost.Complete, r.LCA.LifeCycleCost.Value},
		} {
			if fig.complete {
				same(r.Label+" "+fig.field, row.Values[fig.field], fig.perM2)
				continue
			}
			incomplete[fig.missing] = true
			if row.Values[fig.field] != "" || row.Texts[fig.field] != "—" {
				t.Errorf("%s %s shows %q (%q) though the table cannot complete it", r.Label, fig.field, row.Texts[fig.field], row.Values[fig.field])
			}
		}
		if !r.Baseline && !(*r.PrimaryEnergyNumber < *base.PrimaryEnergyNumber) {
			t.Errorf("%s: EP_pet %g not below the baseline's %g on this heated model", r.Label, *r.PrimaryEnergyNumber, *base.PrimaryEnergyNumber)
		}
		if r.LCA.LifeCycleKgCO2e.Complete {
			keys, eps, carbons = append(keys, r.Label), append(eps, *r.PrimaryEnergyNumber), append(carbons, r.LCA.LifeCycleKgCO2e.Value / *r.Atemp)
		}
	}
	if !incomplete["Life-cycle cost"] || len(keys) < 2 {
		t.Fatalf("the study should have no cost (no prices) and at least two variants with carbon: %v, %d", incomplete, len(keys))
	}
	for figure := range incomplete {
		if !strings.Contains(strings.Join(page.Missing, ";"), figure) { // "input: figure, ..."
			t.Errorf("what is missing lacks %s: %v", figure, page.Missing)
		}
	}
	points := page.Points["carbon-0"]
	if len(points) != len(keys) {
		t.Fatalf("%d points on EP_pet × life-cycle carbon, want %d", len(points), len(keys))
	}
	optimal := 0
	for _, p := range points {
		i := indexOf(keys, p.Variant)
		if i < 0 {
			t.Fatalf("point of an unknown variant %q", p.Variant)
		}
		same(p.Variant+" point x", p.X, eps[i])
		same(p.Variant+" point y", p.Y, carbons[i])
		want := !dominatedAt(i, eps, carbons)
		if p.Pareto != want || (p.Label == p.Variant) != want {
			t.Errorf("%s: Pareto %v label %q, want optimal %v", p.Variant, p.Pareto, p.Label, want)
		}
		if want {
			optimal++
		}
	}
	if optimal == 0 {
		t.Error("no Pareto-optimal point labelled")
	}
	if strings.Contains(page.Text, "Overheating hours") || !strings.Contains(page.Text, "Electricity price") {
		t.Errorf("what is missing does not name the electricity price, or names overheating hours the table has: %v", page.Missing)
	}

	// The same study as a PDF (its runs come from the cache).
	pdfPath := filepath.Join(dir, "out", "report.pdf")
	stderr.Reset()
	if code := Main([]string{"study", specPath, "--data-dir", data, "--report", pdfPath}, new(bytes.Buffer), &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	raw, err = os.ReadFile(pdfPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := reportread.ReadPDF(raw)
	if err != nil {
		t.Fatalf("not a valid PDF: %v", err)
	}
	if doc.Pages < 2 {
		t.Errorf("%d pages", doc.Pages)
	}
	for _, r := range table.Rows {
		if indexOf(doc.Strings, r.Label) < 0 || !strings.Contains(doc.Text(), strconv.FormatFloat(*r.PrimaryEnergyNumber, 'f', 1, 64)) {
			t.Errorf("the PDF lacks %s or its EP_pet %.1f", r.Label, *r.PrimaryEnergyNumber)
		}
	}
	if !strings.Contains(doc.Text(), "kg CO₂e/m²") || !strings.Contains(doc.Text(), "Study report: report study") {
		t.Error("the PDF lacks its title or a unit in UTF-8")
	}
}

func TestStudyReportRefusesAnotherExtensionBeforeRunning(t *testing.T) {
	dir := tempdir.New(t)
	var stdout, stderr bytes.Buffer
	code := Main([]string{"study", "../examples/studies/1zone-envelope.json", "--data-dir", filepath.Join(dir, "data"), "--report", filepath.Join(dir, "report.docx")}, &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "report.docx") || !strings.Contains(stderr.String(), "name an .html or a .pdf file") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "data")); err == nil {
		t.Error("the data folder was opened (runs started?) before the bad report name was refused")
	}
}

func abs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if strings.TrimSpace(x) == s {
			return i
		}
	}
	return -1
}

// dominatedAt: another point is no worse on both figures and better on one.
func dominatedAt(i int, xs, ys []float64) bool {
	for j := range xs {
		if j != i && xs[j] <= xs[i] && ys[j] <= ys[i] && (xs[j] < xs[i] || ys[j] < ys[i]) {
			return true
		}
	}
	return false
}
