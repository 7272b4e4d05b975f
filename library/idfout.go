package library

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// maxNameLength is EnergyPlus's limit for alpha fields, names included.
const maxNameLength = 100

// IDFObjects writes the EnergyPlus objects of a construction for a variant IDF: one material
// object per layer (Material, Material:NoMass or Material:AirGap) or the window's
// WindowMaterial:SimpleGlazingSystem, then the Construction, layers outside to inside. Every
// number is the library's own, unrounded. Names are prefix + construction id (+ layer number
// and material id): unique within the text and, given a prefix no model object starts with,
// in the model; at most 100 characters; only letters, digits, spaces and "_-.()".
// It refuses a construction that is not Usable.
func (l *Library) IDFObjects(c Construction, prefix string) (constructionName, text string, err error) {
	if err := l.Usable(c); err != nil {
		return "", "", err
	}
	fig, err := l.Figures(c)
	if err != nil {
		return "", "", err
	}
	w := &idfWriter{used: map[string]bool{}}
	constructionName = w.name(prefix, c.ID)
	w.comment(fmt.Sprintf("EPSM library construction %s (%s)", c.ID, c.Element))
	var layerNames []string
	if c.Element == ElementWindow {
		win, _ := l.Window(c.WindowSystemID)
		w.comment(fmt.Sprintf("U %s W/m2-K (%s)", formatNumber(*win.UFactor), asciiOnly(win.UBasis)))
		n := w.name(prefix, c.ID, win.ID)
		w.object("WindowMaterial:SimpleGlazingSystem",
			field{n, "Name"},
			field{formatNumber(*win.UFactor), "U-Factor {W/m2-K}"},
			field{formatNumber(*win.SHGC), "Solar Heat Gain Coefficient"},
			field{formatNumber(*win.VisibleTransmittance), "Visible Transmittance"})
		layerNames = append(layerNames, n)
	} else {
		w.comment(fmt.Sprintf("U %.4f W/m2-K with EN ISO 6946 films (Rsi %s, Rse %s), %.4f without films",
			fig.U, formatNumber(fig.Rsi), formatNumber(fig.Rse), *fig.UNoFilms))
		for i, ly := range c.Layers {
			m, _ := l.Material(ly.MaterialID)
			n := w.name(prefix, c.ID, fmt.Sprintf("L%d", i+1), m.ID)
			w.material(n, m, ly.ThicknessM)
			layerNames = append(layerNames, n)
		}
	}
	if w.err != nil {
		return "", "", fmt.Errorf("construction %s: %w", c.label(), w.err)
	}
	fields := []field{{constructionName, "Name"}}
	for i, n := range layerNames {
		label := fmt.Sprintf("Layer %d", i+1)
		if i == 0 {
			label = "Outside Layer"
		}
		fields = append(fields, field{n, label})
	}
	w.object("Construction", fields...)
	return constructionName, w.b.String(), nil
}

type field struct{ value, comment string }

type idfWriter struct {
	b    strings.Builder
	used map[string]bool // upper-cased: EnergyPlus names are case-insensitive
	err  error
}

func (w *idfWriter) material(name string, m Material, d float64) {
	w.comment("material " + m.ID)
	switch m.Kind {
	case KindMaterial:
		w.object("Material",
			field{name, "Name"},
			field{m.Roughness, "Roughness"},
			field{formatNumber(d), "Thickness {m}"},
			field{num(m.Conductivity), "Conductivity {W/m-K}"},
			field{num(m.Density), "Density {kg/m3}"},
			field{num(m.SpecificHeat), "Specific Heat {J/kg-K}"},
			field{num(m.ThermalAbsorptance), "Thermal Absorptance"},
			field{num(m.SolarAbsorptance), "Solar Absorptance"},
			field{num(m.VisibleAbsorptance), "Visible Absorptance"})
	case KindNoMass:
		w.object("Material:NoMass",
			field{name, "Name"},
			field{m.Roughness, "Roughness"},
			field{num(m.ThermalResistance), "Thermal Resistance {m2-K/W}"},
			field{num(m.ThermalAbsorptance), "Thermal Absorptance"},
			field{num(m.SolarAbsorptance), "Solar Absorptance"},
			field{num(m.VisibleAbsorptance), "Visible Absorptance"})
	case KindAirGap:
		w.object("Material:AirGap",
			field{name, "Name"},
			field{num(m.ThermalResistance), "Thermal Resistance {m2-K/W}"})
	}
}

func (w *idfWriter) comment(s string) { fmt.Fprintf(&w.b, "! %s\n", s) }

// object writes one object in EnergyPlus's own layout: a field per line, "!-" field names.
func (w *idfWriter) object(class string, fields ...field) {
	w.b.WriteString(class + ",\n")
	for i, f := range fields {
		sep := ","
		if i == len(fields)-1 {
			sep = ";"
		}
		v := "    " + f.value + sep
		fmt.Fprintf(&w.b, "%-29s !- %s\n", v, f.comment)
	}
	w.b.WriteString("\n")
}

// name builds a valid, unique EnergyPlus name from parts joined by "_". A name longer than
// EnergyPlus's 100 characters is cut and ends with a hash of the whole, so two long names
// that share a beginning stay distinct.
func (w *idfWriter) name(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	full := sanitizeName(strings.Join(kept, "_"))
	n := full
	if len(n) > maxNameLength {
		sum := sha256.Sum256([]byte(full))
		n = strings.TrimSpace(n[:maxNameLength-9]) + "_" + hex.EncodeToString(sum[:])[:8]
	}
	if key := strings.ToUpper(n); w.used[key] {
		if w.err == nil {
			w.err = fmt.Errorf("two objects would both be named %q", n)
		}
	} else {
		w.used[key] = true
	}
	return n
}

// sanitizeName keeps letters, digits, spaces and "_-.()"; anything else becomes "_". That
// excludes the IDF separators ',' ';' and the comment mark '!', and keeps names ASCII so they
// read the same in a Latin-1 model.
func sanitizeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(" _-.()", r) {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return strings.TrimSpace(b.String())
}

// asciiOnly keeps comment text ASCII (a model may be Latin-1) and on one line.
func asciiOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 128:
			b.WriteRune(r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}
