package library

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// WriteCSV writes the library as materials.csv, glazing.csv and constructions.csv in dir, in
// the format LoadCSV reads (the shared library's columns). It refuses what the format cannot
// hold rather than dropping it: costs in another currency than SEK, for instance.
func (l *Library) WriteCSV(dir string) error {
	if err := l.representable(); err != nil {
		return fmt.Errorf("write library CSV to %s: %w", dir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write library CSV: %w", err)
	}
	files := []struct {
		name string
		recs [][]string
	}{
		{materialsFile, l.materialRecords()},
		{glazingFile, l.windowRecords()},
		{constructionsFile, l.constructionRecords()},
	}
	for _, f := range files {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		if err := w.WriteAll(f.recs); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(dir, f.name), err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(dir, f.name), err)
		}
	}
	return nil
}

func (l *Library) representable() error {
	for _, m := range l.Materials {
		if (m.CostPerM2 != nil || m.CostPerM2Per100mm != nil || m.CostRange != "") && m.Currency != csvCurrency {
			return fmt.Errorf("material %s: its cost is in %q, and the CSV format holds %s only", m.label(), m.Currency, csvCurrency)
		}
	}
	for _, w := range l.Windows {
		if w.CostPerM2 != nil && w.Currency != csvCurrency {
			return fmt.Errorf("window system %s: its cost is in %q, and the CSV format holds %s only", w.label(), w.Currency, csvCurrency)
		}
	}
	for _, c := range l.Constructions {
		if c.Element == ElementWindow && len(c.Layers) > 0 || c.Element != ElementWindow && c.WindowSystemID != "" {
			return fmt.Errorf("construction %s: a window has a window system and no layers, anything else layers and no window system", c.label())
		}
		for _, ly := range c.Layers {
			// ':' and ';' would break the "id:thickness;..." list.
			if strings.ContainsAny(ly.MaterialID, ":;") {
				return fmt.Errorf("construction %s: material id %q contains ':' or ';'", c.label(), ly.MaterialID)
			}
		}
	}
	return nil
}

func (l *Library) materialRecords() [][]string {
	cols := materialColumns
	for _, m := range l.Materials {
		if m.GWPPerM2 != nil || m.CostPerM2 != nil {
			cols = append(append([]string{}, materialColumns...), materialExtraColumns...)
			break
		}
	}
	recs := [][]string{cols}
	for _, m := range l.Materials {
		v := map[string]string{
			"id": m.ID, "name": m.Name, "category": m.Category, "eplus_object": m.Kind,
			"thickness_m": num(m.ThicknessM), "conductivity_w_mk": num(m.Conductivity),
			"density_kg_m3": num(m.Density), "specific_heat_j_kgk": num(m.SpecificHeat),
			"thermal_resistance_m2k_w": num(m.ThermalResistance), "roughness": m.Roughness,
			"thermal_absorptance": num(m.ThermalAbsorptance), "solar_absorptance": num(m.SolarAbsorptance),
			"visible_absorptance": num(m.VisibleAbsorptance), "thermal_source": m.ThermalSource,
			"gwp_a1a3_kgco2e_per_kg": num(m.GWPPerKg), "gwp_a1a3_kgco2e_per_m2": num(m.GWPPerM2),
			"gwp_metric": m.GWPMetric, "gwp_source": m.GWPSource,
			"cost_per_m2_per_100mm_sek": num(m.CostPerM2Per100mm), "cost_per_m2_sek": num(m.CostPerM2),
			"cost_range_sek": m.CostRange, "cost_basis": m.CostBasis, "cost_source": m.CostSource, "notes": m.Notes,
		}
		recs = append(recs, record(cols, v))
	}
	return recs
}

func (l *Library) windowRecords() [][]string {
	recs := [][]string{glazingColumns}
	for _, w := range l.Windows {
		recs = append(recs, record(glazingColumns, map[string]string{
			"id": w.ID, "name": w.Name, "u_factor_w_m2k": num(w.UFactor), "shgc": num(w.SHGC),
			"visible_transmittance": num(w.VisibleTransmittance), "u_basis": w.UBasis,
			"thermal_optical_source": w.Source, "gwp_kgco2e_per_m2": num(w.GWPPerM2), "gwp_basis": w.GWPBasis,
			"gwp_source": w.GWPSource, "cost_sek_per_m2": num(w.CostPerM2), "cost_source": w.CostSource, "notes": w.Notes,
		}))
	}
	return recs
}

func (l *Library) constructionRecords() [][]string {
	recs := [][]string{constructionColumns}
	for _, c := range l.Constructions {
		layers := c.WindowSystemID
		if c.Element != ElementWindow {
			parts := make([]string, len(c.Layers))
			for i, ly := range c.Layers {
				parts[i] = ly.MaterialID + ":" + formatNumber(ly.ThicknessM)
				if ly.Existing {
					parts[i] += ":existing"
				}
			}
			layers = strings.Join(parts, ";")
		}
		recs = append(recs, record(constructionColumns, map[string]string{
			"id": c.ID, "name": c.Name, "element": c.Element, "layers": layers, "notes": c.Notes,
		}))
	}
	return recs
}

func record(cols []string, v map[string]string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = v[c]
	}
	return out
}

// num writes an optional number: nil is a blank cell.
func num(v *float64) string {
	if v == nil {
		return ""
	}
	return formatNumber(*v)
}

// formatNumber writes the shortest decimal that reads back as exactly the same float64, in
// plain notation (spreadsheets and EnergyPlus both read it), so writing never rounds a value.
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
