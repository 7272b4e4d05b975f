package tabular

import (
	"strings"
	"testing"

	"epsm/sim"
)

// report is the shape EnergyPlus 25.2 writes (trimmed): a default (GJ) run's summary, and
// the demand report's own "End Uses" table in W, which must not be taken for the energy one.
const report = `<p>Report:<b> Annual Building Utility Performance Summary</b></p>
<p>For:<b> Entire Facility</b></p>
<b>Values gathered over      8760.00 hours</b><br><br>
<b></b><br><br>
<b>Site and Source Energy</b><br><br>
<!-- FullName:Annual Building Utility Performance Summary_Entire Facility_Site and Source Energy-->
<table border="1" cellpadding="4" cellspacing="0">
  <tr><td></td>
    <td align="right">Total Energy [GJ]</td>
    <td align="right">Energy Per Total Building Area [MJ/m2]</td>
  </tr>
  <tr><td align="right">Total Site Energy</td><td align="right">       82.42</td><td align="right">      354.86</td></tr>
  <tr><td align="right">Net Site Energy</td><td align="right">       82.42</td><td align="right">      354.86</td></tr>
  <tr><td align="right">Total Source Energy</td><td align="right">      261.02</td><td align="right">     1123.83</td></tr>
</table>
<b>Building Area</b><br><br>
<table border="1" cellpadding="4" cellspacing="0">
  <tr><td></td><td align="right">Area [ft2]</td></tr>
  <tr><td align="right">Total Building Area</td><td align="right">     2500.00</td></tr>
  <tr><td align="right">Net Conditioned Building Area</td><td align="right">        0.00</td></tr>
</table>
<b>End Uses</b><br><br>
<table border="1" cellpadding="4" cellspacing="0">
  <tr><td></td><td align="right">Electricity [GJ]</td><td align="right">District Heating Water [GJ]</td><td align="right">Water [m3]</td></tr>
  <tr><td align="right">Heating</td><td align="right">        0.00</td><td align="right">       36.00</td><td align="right">        0.00</td></tr>
  <tr><td align="right">Exterior Lighting</td><td align="right">       46.42</td><td align="right">        0.00</td><td align="right">        0.00</td></tr>
  <tr><td align="right">Water Systems</td><td align="right">        0.00</td><td align="right">        0.00</td><td align="right">       99.00</td></tr>
  <tr><td align="right">&nbsp;</td><td align="right">&nbsp;</td><td align="right">&nbsp;</td><td align="right">&nbsp;</td></tr>
  <tr><td align="right">Total End Uses</td><td align="right">       46.42</td><td align="right">       36.00</td><td align="right">       99.00</td></tr>
</table>
<b>Comfort and Setpoint Not Met Summary</b><br><br>
<table border="1" cellpadding="4" cellspacing="0">
  <tr><td></td><td align="right">Facility [Hours]</td></tr>
  <tr><td align="right">Time Setpoint Not Met During Occupied Heating</td><td align="right">       12.50</td></tr>
  <tr><td align="right">Time Setpoint Not Met During Occupied Cooling</td><td align="right">        3.00</td></tr>
</table>
<p>Report:<b> Demand End Use Components Summary</b></p>
<p>For:<b> Entire Facility</b></p>
<b>End Uses</b><br><br>
<table border="1" cellpadding="4" cellspacing="0">
  <tr><td></td><td align="right">Electricity [W]</td></tr>
  <tr><td align="right">Heating</td><td align="right">     1234.00</td></tr>
</table>`

const gj = 1e9 / 3.6e6

// matching is what a correct extraction of report gives.
func matching() *sim.Results {
	area := 2500 * 0.09290304
	return &sim.Results{
		TotalSiteKWh: 82.42 * gj, NetSiteKWh: 82.42 * gj, TotalSourceKWh: 261.02 * gj,
		TotalAreaM2: area, EUIKWhPerM2: 82.42 * gj / area,
		UnmetHeatingHours: 12.5, UnmetCoolingHours: 3,
		EndUses: []sim.EndUse{{EndUse: "Heating", Fuel: "District Heating Water", KWh: 36 * gj}, {EndUse: "Exterior Lighting", Fuel: "Electricity", KWh: 46.42 * gj}},
	}
}

func TestDisagreementsFindEachWrongFigure(t *testing.T) {
	r := Parse(report)
	if got := Disagreements(matching(), r); len(got) != 0 {
		t.Fatalf("a correct extraction disagrees: %q", got)
	}
	tests := []struct {
		name   string
		change func(*sim.Results)
		want   string
	}{
		{"site energy in MJ taken as GJ", func(r *sim.Results) { r.TotalSiteKWh /= 1000 }, "total site energy"},
		{"net site", func(r *sim.Results) { r.NetSiteKWh *= 1.001 }, "net site energy"},
		{"source", func(r *sim.Results) { r.TotalSourceKWh = r.TotalSiteKWh }, "total source energy"},
		{"area in ft2 taken as m2", func(r *sim.Results) { r.TotalAreaM2 = 2500 }, "total floor area"},
		{"conditioned area", func(r *sim.Results) { r.ConditionedAreaM2 = r.TotalAreaM2 }, "conditioned floor area"},
		{"EUI", func(r *sim.Results) { r.EUIKWhPerM2 *= 3.6 }, "EUI"},
		{"unmet heating and cooling swapped", func(r *sim.Results) {
			r.UnmetHeatingHours, r.UnmetCoolingHours = r.UnmetCoolingHours, r.UnmetHeatingHours
		}, "unmet heating hours"},
		{"an end use missing", func(r *sim.Results) { r.EndUses = r.EndUses[:1] }, "Exterior Lighting / Electricity: eplustbl.htm says"},
		{"an end use wrong", func(r *sim.Results) { r.EndUses[0].KWh *= 2 }, "Heating / District Heating Water: extracted"},
		{"a zero cell listed", func(r *sim.Results) {
			r.EndUses = append(r.EndUses, sim.EndUse{EndUse: "Heating", Fuel: "Electricity"})
		}, "Heating / Electricity: extracted 0 kWh, not one of"},
		{"water listed as energy", func(r *sim.Results) {
			r.EndUses = append(r.EndUses, sim.EndUse{EndUse: "Water Systems", Fuel: "Water", KWh: 99})
		}, "Water Systems / Water"},
		{"totals listed", func(r *sim.Results) {
			r.EndUses = append(r.EndUses, sim.EndUse{EndUse: "Total End Uses", Fuel: "Electricity", KWh: 46.42 * gj})
		}, "Total End Uses / Electricity"},
		{"an end use twice", func(r *sim.Results) { r.EndUses = append(r.EndUses, r.EndUses[0]) }, "extracted twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := matching()
			tt.change(res)
			got := Disagreements(res, r)
			if len(got) == 0 || !strings.Contains(strings.Join(got, "\n"), tt.want) {
				t.Errorf("disagreements %q, want one about %q", got, tt.want)
			}
		})
	}
}

func TestTablesAreFoundByReportAndTitle(t *testing.T) {
	r := Parse(report)
	demand, err := r.Table("Demand End Use Components Summary", "Entire Facility", "End Uses")
	if err != nil {
		t.Fatal(err)
	}
	if v, unit, err := demand.Value("Heating", "Electricity"); err == nil || unit != "" || v != 0 {
		t.Errorf("W converted as %v %q (err %v): power is not a unit this reader knows", v, unit, err)
	}
	if _, err := r.Table("Annual Building Utility Performance Summary", "Entire Facility", "Site to Source Energy Conversion Factors"); err == nil {
		t.Error("found a table the report does not have")
	}
	if _, err := Parse(report+strings.Replace(report, "Demand", "Other", 1)).Table(abups, entireFacility, "End Uses"); err == nil || !strings.Contains(err.Error(), "two tables") {
		t.Errorf("a repeated table: %v", err)
	}
}

func TestConvertAndAgree(t *testing.T) {
	tests := []struct {
		v        float64
		unit     string
		want     float64
		wantUnit string
	}{
		{1, "GJ", 277.7778, "kWh"},
		{3.6, "MJ", 1, "kWh"},
		{1, "kBtu", 0.2931, "kWh"},
		{1, "MBtu", 293.1, "kWh"},
		{1, "ft2", 0.09290, "m2"},
		{3.6, "MJ/m2", 1, "kWh/m2"},
		{1, "kBtu/ft2", 3.155, "kWh/m2"},
		{7, "Hours", 7, "h"},
	}
	for _, tt := range tests {
		got, unit, err := Convert(tt.v, tt.unit)
		if err != nil || unit != tt.wantUnit || !Agree(got, tt.want) {
			t.Errorf("Convert(%v, %q) = %v %q, %v; want %v %q", tt.v, tt.unit, got, unit, err, tt.want, tt.wantUnit)
		}
	}
	if _, _, err := Convert(1, "kW"); err == nil {
		t.Error("an unknown unit converted")
	}
	agree := []struct {
		a, b float64
		want bool
	}{
		{1234.49, 1234.51, true}, // rounding each would say 1234 and 1235
		{1234, 1235, false},
		{0, 0, true},
		{0.0012345, 0.0012346, true},
		{0.001234, 0.001236, false},
		{-5, 5, false},
	}
	for _, tt := range agree {
		if got := Agree(tt.a, tt.b); got != tt.want {
			t.Errorf("Agree(%v, %v) = %t", tt.a, tt.b, got)
		}
	}
}
