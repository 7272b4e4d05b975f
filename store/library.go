package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"epsm/library"
)

// ErrInUse is returned when deleting a library item that a construction still uses.
var ErrInUse = errors.New("in use")

// librarySeededKey records that the default library was seeded once, so a user who deletes
// every item does not get the defaults back at the next start.
const librarySeededKey = "library.seeded_at"

// libraryDefaultsKey holds the version (a digest) of the default library the data folder's
// default items were last written from. When the app ships new default values (sources found
// for blanks, corrections), the items the user has not edited take them; edited ones (origin
// "user") and deleted ones stay as the user left them.
const libraryDefaultsKey = "library.default_version"

// queryer is what reads need: the database or a transaction, so validation inside a save sees
// the same data the save changes.
type queryer interface {
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}

// SeedLibrary stores lib (the default library that ships with the app, origin "default")
// when the library tables are empty and have never been seeded. Later, when lib differs from
// the defaults last written, it refreshes the items still as shipped (origin "default") with
// lib's values; it adds no item and changes no edited one. Otherwise it does nothing, so calling
// it at every start is safe.
func (s *Store) SeedLibrary(lib *library.Library) error {
	if ps := lib.Validate(); len(ps) > 0 {
		return fmt.Errorf("seed library: %w", library.Problems(ps))
	}
	version, err := defaultsVersion(lib)
	if err != nil {
		return fmt.Errorf("seed library: %w", err)
	}
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("seed library: %w", err)
	}
	defer tx.Rollback()
	var seeded, items int
	var written string
	err = tx.QueryRow(`SELECT (SELECT COUNT(*) FROM settings WHERE key = ?),
		(SELECT COUNT(*) FROM materials) + (SELECT COUNT(*) FROM window_systems) + (SELECT COUNT(*) FROM constructions),
		COALESCE((SELECT value FROM settings WHERE key = ?), '')`,
		librarySeededKey, libraryDefaultsKey).Scan(&seeded, &items, &written)
	if err != nil {
		return fmt.Errorf("seed library: %w", err)
	}
	fresh := seeded == 0 && items == 0
	if !fresh && written == version {
		return nil
	}
	keep := func(table, id string) (bool, error) {
		if fresh {
			return true, nil
		}
		return isDefaultItem(tx, table, id)
	}
	for _, m := range lib.Materials {
		if ok, err := keep("materials", m.ID); err != nil || !ok {
			if err != nil {
				return fmt.Errorf("seed library: %w", err)
			}
			continue
		}
		if err := upsertMaterial(tx, m, library.OriginDefault); err != nil {
			return fmt.Errorf("seed library: %w", err)
		}
	}
	for _, w := range lib.Windows {
		if ok, err := keep("window_systems", w.ID); err != nil || !ok {
			if err != nil {
				return fmt.Errorf("seed library: %w", err)
			}
			continue
		}
		if err := upsertWindow(tx, w, library.OriginDefault); err != nil {
			return fmt.Errorf("seed library: %w", err)
		}
	}
	for _, c := range lib.Constructions {
		if ok, err := keep("constructions", c.ID); err != nil || !ok {
			if err != nil {
				return fmt.Errorf("seed library: %w", err)
			}
			continue
		}
		if err := upsertConstruction(tx, c, library.OriginDefault); err != nil {
			return fmt.Errorf("seed library: %w", err)
		}
	}
	if fresh {
		if _, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)`, librarySeededKey, now()); err != nil {
			return fmt.Errorf("seed library: %w", err)
		}
	}
	if _, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, libraryDefaultsKey, version); err != nil {
		return fmt.Errorf("seed library: %w", err)
	}
	return tx.Commit()
}

// defaultsVersion is a digest of every value of lib, so any change to the shipped data is a
// new version.
func defaultsVersion(lib *library.Library) (string, error) {
	b, err := json.Marshal(lib)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// isDefaultItem says whether the library table holds the item id as shipped (origin
// "default"). The table name is one of three constants, never user input.
func isDefaultItem(tx *sql.Tx, table, id string) (bool, error) {
	var q string
	switch table {
	case "materials":
		q = `SELECT COUNT(*) FROM materials WHERE id = ? AND origin = 'default'`
	case "window_systems":
		q = `SELECT COUNT(*) FROM window_systems WHERE id = ? AND origin = 'default'`
	case "constructions":
		q = `SELECT COUNT(*) FROM constructions WHERE id = ? AND origin = 'default'`
	default:
		return false, fmt.Errorf("no library table %q", table)
	}
	var n int
	if err := tx.QueryRow(q, id).Scan(&n); err != nil {
		return false, fmt.Errorf("read %s %s: %w", table, id, err)
	}
	return n > 0, nil
}

// LoadLibrary reads the whole library, items in the order they were first stored.
func (s *Store) LoadLibrary() (*library.Library, error) {
	lib, err := loadLibrary(s.db)
	if err != nil {
		return nil, fmt.Errorf("load library: %w", err)
	}
	return lib, nil
}

// SaveMaterial inserts or updates a material by id. It is validated first, and so is every
// construction using it (a material turned into an air gap must not end up as an outside
// layer): invalid input returns library.Problems and changes nothing. The saved item's origin
// is "imported" when it says so, otherwise "user" (an edited default item is the user's now).
func (s *Store) SaveMaterial(m library.Material) error {
	return s.inTx("save material "+m.ID, func(tx *sql.Tx) error {
		ps := library.Problems(m.Validate())
		if len(ps) == 0 {
			lib, err := loadLibrary(tx)
			if err != nil {
				return err
			}
			replaced := false
			for i := range lib.Materials {
				if lib.Materials[i].ID == m.ID {
					lib.Materials[i], replaced = m, true
				}
			}
			if !replaced {
				lib.Materials = append(lib.Materials, m)
			}
			for _, id := range lib.ConstructionsUsing(m.ID) {
				c, _ := lib.Construction(id)
				ps = append(ps, lib.ValidateConstruction(c)...)
			}
		}
		if len(ps) > 0 {
			return ps
		}
		return upsertMaterial(tx, m, saveOrigin(m.Origin))
	})
}

// SaveWindowSystem inserts or updates a window system by id, validated first.
func (s *Store) SaveWindowSystem(w library.WindowSystem) error {
	return s.inTx("save window system "+w.ID, func(tx *sql.Tx) error {
		if ps := library.Problems(w.Validate()); len(ps) > 0 {
			return ps
		}
		return upsertWindow(tx, w, saveOrigin(w.Origin))
	})
}

// SaveConstruction inserts or updates a construction by id, validated first against the
// stored materials and window systems.
func (s *Store) SaveConstruction(c library.Construction) error {
	return s.inTx("save construction "+c.ID, func(tx *sql.Tx) error {
		return validateAndSaveConstruction(tx, c)
	})
}

func validateAndSaveConstruction(tx *sql.Tx, c library.Construction) error {
	lib, err := loadLibrary(tx)
	if err != nil {
		return err
	}
	if ps := library.Problems(lib.ValidateConstruction(c)); len(ps) > 0 {
		return ps
	}
	return upsertConstruction(tx, c, saveOrigin(c.Origin))
}

// DuplicateConstruction stores a copy of construction id as newID named newName, the user's
// own, and returns it. newID must not exist yet.
func (s *Store) DuplicateConstruction(id, newID, newName string) (library.Construction, error) {
	var out library.Construction
	err := s.inTx("duplicate construction "+id, func(tx *sql.Tx) error {
		lib, err := loadLibrary(tx)
		if err != nil {
			return err
		}
		c, ok := lib.Construction(id)
		if !ok {
			return fmt.Errorf("construction %q: %w", id, ErrNotFound)
		}
		if _, taken := lib.Construction(newID); taken {
			return fmt.Errorf("construction %q already exists: choose another id", newID)
		}
		c.ID, c.Name, c.Origin = newID, newName, library.OriginUser
		c.Layers = append([]library.Layer(nil), c.Layers...)
		out = c
		return validateAndSaveConstruction(tx, c)
	})
	return out, err
}

// DeleteMaterial deletes a material that no construction uses; otherwise it returns ErrInUse
// naming the constructions.
func (s *Store) DeleteMaterial(id string) error {
	return s.inTx("delete material "+id, func(tx *sql.Tx) error {
		users, err := strings1(tx, `SELECT DISTINCT construction_id FROM construction_layers WHERE material_id = ? ORDER BY construction_id`, id)
		if err != nil {
			return err
		}
		if len(users) > 0 {
			return fmt.Errorf("material %q is used by construction %s: remove it from them first: %w", id, strings.Join(users, ", "), ErrInUse)
		}
		return deleteRow(tx, "materials", "material", id)
	})
}

// DeleteWindowSystem deletes a window system that no construction uses; otherwise it returns
// ErrInUse naming the constructions.
func (s *Store) DeleteWindowSystem(id string) error {
	return s.inTx("delete window system "+id, func(tx *sql.Tx) error {
		users, err := strings1(tx, `SELECT id FROM constructions WHERE window_system_id = ? ORDER BY id`, id)
		if err != nil {
			return err
		}
		if len(users) > 0 {
			return fmt.Errorf("window system %q is used by construction %s: %w", id, strings.Join(users, ", "), ErrInUse)
		}
		return deleteRow(tx, "window_systems", "window system", id)
	})
}

// DeleteConstruction deletes a construction and its layers.
func (s *Store) DeleteConstruction(id string) error {
	return s.inTx("delete construction "+id, func(tx *sql.Tx) error {
		if _, err := tx.Exec(`DELETE FROM construction_layers WHERE construction_id = ?`, id); err != nil {
			return err
		}
		return deleteRow(tx, "constructions", "construction", id)
	})
}

func (s *Store) inTx(what string, f func(*sql.Tx) error) error {
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// deleteRow deletes by id from one of the library tables (a constant, never user input).
func deleteRow(tx *sql.Tx, table, item, id string) error {
	res, err := tx.Exec(`DELETE FROM `+table+` WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%s %q: %w", item, id, ErrNotFound)
	}
	return nil
}

func strings1(q queryer, query string, args ...any) ([]string, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// saveOrigin is the origin a saved item gets: "default" stays reserved for the shipped values
// as seeded, so an edited default item becomes the user's; an import stays "imported".
func saveOrigin(o string) string {
	if o == library.OriginImported {
		return o
	}
	return library.OriginUser
}

const materialColumns = `id, name, category, kind, thickness_m, conductivity_w_mk, density_kg_m3, specific_heat_j_kgk,
	thermal_resistance_m2k_w, roughness, thermal_absorptance, solar_absorptance, visible_absorptance, thermal_source,
	gwp_per_kg, gwp_per_m2, gwp_metric, gwp_source, cost_per_m2_per_100mm, cost_per_m2, cost_range, cost_basis,
	currency, cost_source, notes, origin`

const windowColumns = `id, name, u_factor_w_m2k, shgc, visible_transmittance, u_basis, source, gwp_per_m2, gwp_basis,
	gwp_source, cost_per_m2, currency, cost_source, notes, origin`

// upsertMaterial writes a material, keeping its row (and so its place in the list) on update.
// A nil number is stored as NULL: blank stays blank.
func upsertMaterial(tx *sql.Tx, m library.Material, origin string) error {
	_, err := tx.Exec(`INSERT INTO materials (`+materialColumns+`, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET name = excluded.name, category = excluded.category, kind = excluded.kind,
		thickness_m = excluded.thickness_m, conductivity_w_mk = excluded.conductivity_w_mk,
		density_kg_m3 = excluded.density_kg_m3, specific_heat_j_kgk = excluded.specific_heat_j_kgk,
		thermal_resistance_m2k_w = excluded.thermal_resistance_m2k_w, roughness = excluded.roughness,
		thermal_absorptance = excluded.thermal_absorptance, solar_absorptance = excluded.solar_absorptance,
		visible_absorptance = excluded.visible_absorptance, thermal_source = excluded.thermal_source,
		gwp_per_kg = excluded.gwp_per_kg, gwp_per_m2 = excluded.gwp_per_m2, gwp_metric = excluded.gwp_metric,
		gwp_source = excluded.gwp_source, cost_per_m2_per_100mm = excluded.cost_per_m2_per_100mm,
		cost_per_m2 = excluded.cost_per_m2, cost_range = excluded.cost_range, cost_basis = excluded.cost_basis,
		currency = excluded.currency, cost_source = excluded.cost_source, notes = excluded.notes,
		origin = excluded.origin, updated_at = excluded.updated_at`,
		m.ID, m.Name, m.Category, m.Kind, m.ThicknessM, m.Conductivity, m.Density, m.SpecificHeat,
		m.ThermalResistance, m.Roughness, m.ThermalAbsorptance, m.SolarAbsorptance, m.VisibleAbsorptance,
		m.ThermalSource, m.GWPPerKg, m.GWPPerM2, m.GWPMetric, m.GWPSource, m.CostPerM2Per100mm, m.CostPerM2,
		m.CostRange, m.CostBasis, m.Currency, m.CostSource, m.Notes, origin, now())
	if err != nil {
		return fmt.Errorf("store material %s: %w", m.ID, err)
	}
	return nil
}

func upsertWindow(tx *sql.Tx, w library.WindowSystem, origin string) error {
	_, err := tx.Exec(`INSERT INTO window_systems (`+windowColumns+`, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET name = excluded.name, u_factor_w_m2k = excluded.u_factor_w_m2k,
		shgc = excluded.shgc, visible_transmittance = excluded.visible_transmittance, u_basis = excluded.u_basis,
		source = excluded.source, gwp_per_m2 = excluded.gwp_per_m2, gwp_basis = excluded.gwp_basis,
		gwp_source = excluded.gwp_source, cost_per_m2 = excluded.cost_per_m2, currency = excluded.currency,
		cost_source = excluded.cost_source, notes = excluded.notes, origin = excluded.origin,
		updated_at = excluded.updated_at`,
		w.ID, w.Name, w.UFactor, w.SHGC, w.VisibleTransmittance, w.UBasis, w.Source, w.GWPPerM2, w.GWPBasis,
		w.GWPSource, w.CostPerM2, w.Currency, w.CostSource, w.Notes, origin, now())
	if err != nil {
		return fmt.Errorf("store window system %s: %w", w.ID, err)
	}
	return nil
}

// upsertConstruction writes a construction and replaces its layers, in order.
func upsertConstruction(tx *sql.Tx, c library.Construction, origin string) error {
	_, err := tx.Exec(`INSERT INTO constructions (id, name, element, window_system_id, notes, origin, updated_at)
		VALUES (?, ?, ?, NULLIF(?, ''), ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET name = excluded.name, element = excluded.element,
		window_system_id = excluded.window_system_id, notes = excluded.notes, origin = excluded.origin,
		updated_at = excluded.updated_at`,
		c.ID, c.Name, c.Element, c.WindowSystemID, c.Notes, origin, now())
	if err != nil {
		return fmt.Errorf("store construction %s: %w", c.ID, err)
	}
	if _, err := tx.Exec(`DELETE FROM construction_layers WHERE construction_id = ?`, c.ID); err != nil {
		return fmt.Errorf("store construction %s: %w", c.ID, err)
	}
	for i, ly := range c.Layers {
		if _, err := tx.Exec(`INSERT INTO construction_layers (construction_id, position, material_id, thickness_m, existing)
			VALUES (?, ?, ?, ?, ?)`, c.ID, i, ly.MaterialID, ly.ThicknessM, ly.Existing); err != nil {
			return fmt.Errorf("store construction %s, layer %d: %w", c.ID, i+1, err)
		}
	}
	return nil
}

// loadLibrary reads every item; rowid order is the order items were first stored, which an
// update keeps.
func loadLibrary(q queryer) (*library.Library, error) {
	lib := &library.Library{}
	rows, err := q.Query(`SELECT ` + materialColumns + ` FROM materials ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var m library.Material
		// Scanning into **float64 turns NULL into nil: a blank stays blank.
		if err := rows.Scan(&m.ID, &m.Name, &m.Category, &m.Kind, &m.ThicknessM, &m.Conductivity, &m.Density,
			&m.SpecificHeat, &m.ThermalResistance, &m.Roughness, &m.ThermalAbsorptance, &m.SolarAbsorptance,
			&m.VisibleAbsorptance, &m.ThermalSource, &m.GWPPerKg, &m.GWPPerM2, &m.GWPMetric, &m.GWPSource,
			&m.CostPerM2Per100mm, &m.CostPerM2, &m.CostRange, &m.CostBasis, &m.Currency, &m.CostSource,
			&m.Notes, &m.Origin); err != nil {
			return nil, fmt.Errorf("read materials: %w", err)
		}
		lib.Materials = append(lib.Materials, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read materials: %w", err)
	}
	rows.Close()

	rows, err = q.Query(`SELECT ` + windowColumns + ` FROM window_systems ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var w library.WindowSystem
		if err := rows.Scan(&w.ID, &w.Name, &w.UFactor, &w.SHGC, &w.VisibleTransmittance, &w.UBasis, &w.Source,
			&w.GWPPerM2, &w.GWPBasis, &w.GWPSource, &w.CostPerM2, &w.Currency, &w.CostSource, &w.Notes, &w.Origin); err != nil {
			return nil, fmt.Errorf("read window systems: %w", err)
		}
		lib.Windows = append(lib.Windows, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read window systems: %w", err)
	}
	rows.Close()

	layers, err := loadLayers(q)
	if err != nil {
		return nil, err
	}
	rows, err = q.Query(`SELECT id, name, element, COALESCE(window_system_id, ''), notes, origin FROM constructions ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c library.Construction
		if err := rows.Scan(&c.ID, &c.Name, &c.Element, &c.WindowSystemID, &c.Notes, &c.Origin); err != nil {
			return nil, fmt.Errorf("read constructions: %w", err)
		}
		c.Layers = layers[c.ID]
		lib.Constructions = append(lib.Constructions, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read constructions: %w", err)
	}
	return lib, nil
}

func loadLayers(q queryer) (map[string][]library.Layer, error) {
	rows, err := q.Query(`SELECT construction_id, material_id, thickness_m, existing FROM construction_layers
		ORDER BY construction_id, position`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]library.Layer{}
	for rows.Next() {
		var cid string
		var ly library.Layer
		if err := rows.Scan(&cid, &ly.MaterialID, &ly.ThicknessM, &ly.Existing); err != nil {
			return nil, fmt.Errorf("read construction layers: %w", err)
		}
		out[cid] = append(out[cid], ly)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read construction layers: %w", err)
	}
	return out, nil
}

// Library returns this data folder's library, seeding the shipped default library the first
// time (SeedLibrary leaves items already there alone).
func (s *Store) Library() (*library.Library, error) {
	def, err := library.Default()
	if err != nil {
		return nil, err
	}
	if err := s.SeedLibrary(def); err != nil {
		return nil, err
	}
	return s.LoadLibrary()
}
