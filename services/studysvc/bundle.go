package studysvc

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"

	"epsm/library"
	"epsm/runner"
	"epsm/services/importsvc"
	"epsm/sheet"
	"epsm/sim"
	"epsm/study"
	"epsm/version"
)

// StudyBundleExt is the extension of a study exported as one file for another user.
const StudyBundleExt = ".epsmstudy"

// bundleFormat is the version of the bundle layout; an importer refuses newer ones by name.
const bundleFormat = 2

// maxBundleEntry bounds one file read from a bundle: a weather file is ~1.5 MB and big models a
// few tens of MB, so 512 MiB stops a zip bomb long before it fills the disk.
const maxBundleEntry = 512 << 20

// A bundle is a zip holding:
//
//	manifest.json   format, app version, study name, what is inside
//	spec.json       the study spec with paths relative to it (unzipped, `epsm study spec.json` runs it)
//	model/<name>    the base model IDF
//	weather/<name>  each EPW
//	library.json    the library items the spec's options use: constructions, their materials and window systems
//	results.csv     the variant table as it was at export (for people and spreadsheets)
//	runs.json       each finished run's results by run key (format 2): an importer whose engine
//	                has the same version and build gets the same keys, and takes these results
//	                instead of simulating again; with another engine the variants run
type bundleManifest struct {
	Format     int      `json:"format"`
	App        string   `json:"app"`
	ExportedAt string   `json:"exportedAt"`
	Study      string   `json:"study"`
	Model      string   `json:"model"`
	Weather    []string `json:"weather"`
	Results    string   `json:"results,omitempty"`
	Runs       string   `json:"runs,omitempty"`
}

// bundleRun is one finished run of an exported study: the results another EPSM can reuse when
// its run key is the same, which means the same run copy, weather, engine build and options.
type bundleRun struct {
	RunKey        string       `json:"runKey"`
	EngineVersion string       `json:"engineVersion"`
	Status        sim.Status   `json:"status"`
	Message       string       `json:"message,omitempty"`
	Warnings      int          `json:"warnings"`
	Severe        int          `json:"severe"`
	ElapsedMS     int64        `json:"elapsedMs"`
	Results       *sim.Results `json:"results"`
}

// ExportStudyBundle writes a study as one file another user can import: its spec, base model,
// weather files and the library items its variants use, plus the current results table.
func (s *Studies) ExportBundle(studyID int64, path string) error {
	st, _, err := s.store.Study(studyID)
	if err != nil {
		return err
	}
	var spec study.Spec
	if err := json.Unmarshal([]byte(st.SpecJSON), &spec); err != nil {
		return fmt.Errorf("study %q has an unreadable spec: %w", st.Name, err)
	}
	base, err := s.store.Model(st.BaseModelID)
	if err != nil {
		return fmt.Errorf("base model of study %q: %w", st.Name, err)
	}
	lib, err := s.store.Library()
	if err != nil {
		return err
	}
	used, ids, err := usedLibrary(lib, spec)
	if err != nil {
		return fmt.Errorf("study %q: %w", st.Name, err)
	}
	renameOptions(&spec, ids) // a hand-written spec may name constructions: the bundle uses ids
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) error {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	addFile := func(name, from string) error {
		data, err := os.ReadFile(from)
		if err != nil {
			return fmt.Errorf("read %s: %w", from, err)
		}
		return add(name, data)
	}
	man := bundleManifest{Format: bundleFormat, App: version.AppName + " " + version.Version, ExportedAt: time.Now().UTC().Format(time.RFC3339), Study: st.Name,
		Model: "model/" + safeBase(base.Name)}
	if err := addFile(man.Model, base.StoredPath); err != nil {
		return fmt.Errorf("export study %q: %w", st.Name, err)
	}
	weathers, err := s.studyWeather(study.Spec{Weather: spec.Weather, WeatherIDs: spec.WeatherIDs})
	if err != nil {
		return fmt.Errorf("weather files of study %q: %w", st.Name, err)
	}
	for i, w := range weathers {
		name := fmt.Sprintf("weather/%s", safeBase(w.Name))
		if i > 0 && contains(man.Weather, name) {
			name = fmt.Sprintf("weather/%d-%s", i+1, safeBase(w.Name))
		}
		man.Weather = append(man.Weather, name)
		if err := addFile(name, w.StoredPath); err != nil {
			return fmt.Errorf("export study %q: %w", st.Name, err)
		}
	}
	spec.Model, spec.ModelID, spec.Weather, spec.WeatherIDs = man.Model, 0, man.Weather, nil
	specJSON, _ := json.MarshalIndent(spec, "", "  ")
	libJSON, _ := json.MarshalIndent(used, "", "  ")
	if t, err := s.Table(studyID); err == nil {
		var csvBuf bytes.Buffer
		if sheet.WriteCSV(&csvBuf, StudySheet(t, constructionNames(lib))) == nil {
			man.Results = "results.csv"
			if err := add(man.Results, csvBuf.Bytes()); err != nil {
				return fmt.Errorf("export study %q: %w", st.Name, err)
			}
		}
	}
	if runs, results, err := s.store.StudyRuns(studyID); err == nil {
		var done []bundleRun
		for _, r := range runs {
			if res := results[r.ID]; r.Status.Succeeded() && res != nil && r.CacheKey != "" {
				done = append(done, bundleRun{RunKey: r.CacheKey, EngineVersion: r.EngineVersion, Status: r.Status, Message: r.Message,
					Warnings: r.Warnings, Severe: r.Severe, ElapsedMS: int64(r.ElapsedSeconds * 1000), Results: res})
			}
		}
		sort.Slice(done, func(i, j int) bool { return done[i].RunKey < done[j].RunKey })
		if len(done) > 0 {
			man.Runs = "runs.json"
			runsJSON, _ := json.MarshalIndent(done, "", "  ")
			if err := add(man.Runs, runsJSON); err != nil {
				return fmt.Errorf("export study %q: %w", st.Name, err)
			}
		}
	}
	manJSON, _ := json.MarshalIndent(man, "", "  ")
	for _, f := range []struct {
		name string
		data []byte
	}{{"manifest.json", manJSON}, {"spec.json", specJSON}, {"library.json", libJSON}} {
		if err := add(f.name, f.data); err != nil {
			return fmt.Errorf("export study %q: %w", st.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("export study %q: %w", st.Name, err)
	}
	return writeFileAtomic(path, buf.Bytes())
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// safeBase keeps a file name usable inside a zip and on every OS.
func safeBase(name string) string {
	b := unsafeName.ReplaceAllString(filepath.Base(name), "_")
	if b == "" || b == "." || b == ".." {
		return "file"
	}
	return b
}

// usedLibrary is the part of the library a spec's options and packages name: those
// constructions, their layers' materials and their window systems; ids maps each option to its
// construction's id.
func usedLibrary(lib *library.Library, spec study.Spec) (library.Library, map[string]string, error) {
	var out library.Library
	seen := map[string]bool{}
	ids := map[string]string{}
	addCon := func(option string) error {
		if strings.EqualFold(strings.TrimSpace(option), study.Keep) || option == "" {
			return nil
		}
		con, ok := lib.FindConstruction(option)
		if !ok {
			return fmt.Errorf("construction %q is no longer in the library", option)
		}
		ids[option] = con.ID
		if seen["c:"+con.ID] {
			return nil
		}
		seen["c:"+con.ID] = true
		out.Constructions = append(out.Constructions, con)
		for _, l := range con.Layers {
			if m, ok := lib.Material(l.MaterialID); ok && !seen["m:"+m.ID] {
				seen["m:"+m.ID] = true
				out.Materials = append(out.Materials, m)
			}
		}
		if w, ok := lib.Window(con.WindowSystemID); ok && !seen["w:"+w.ID] {
			seen["w:"+w.ID] = true
			out.Windows = append(out.Windows, w)
		}
		return nil
	}
	for _, el := range study.Elements {
		for _, o := range spec.Options[el] {
			if err := addCon(o); err != nil {
				return out, nil, err
			}
		}
	}
	for _, p := range spec.Sampling.Packages {
		for _, el := range study.Elements {
			if err := addCon(p[el]); err != nil {
				return out, nil, err
			}
		}
	}
	return out, ids, nil
}

// LibraryImportNote says what happened to one library item of an imported study.
type LibraryImportNote struct {
	Kind    string `json:"kind"` // material, window system, construction
	ID      string `json:"id"`   // as in the bundle
	NewID   string `json:"newId,omitempty"`
	Outcome string `json:"outcome"` // added, same, renamed
	Message string `json:"message"`
}

// Outcomes of a library item on import.
const (
	LibraryAdded   = "added"
	LibrarySame    = "same"
	LibraryRenamed = "renamed"
)

// StudyImportReport is what importing a study bundle did.
type StudyImportReport struct {
	Path    string                 `json:"path"`
	Info    StudyInfo              `json:"info"`
	Files   importsvc.ImportReport `json:"files"`
	Library []LibraryImportNote    `json:"library"`
	// ResultsReused counts the runs answered with the bundle's results (same engine build);
	// the others were queued.
	ResultsReused int `json:"resultsReused"`
}

// ImportStudyBundle recreates a study exported by ExportStudyBundle: it imports the model and
// weather files (the same content already imported is reused), adds the library items the
// study uses, and creates the study, which queues its runs here. A library item whose id
// exists with different content is not overwritten: the bundle's item is added under a new
// id, the study uses that one, and the report says so.
func (s *Studies) ImportBundle(path string) (StudyImportReport, error) {
	rep := StudyImportReport{Path: path}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return rep, fmt.Errorf("%s is not a study file exported by EPSM (%s): %w", filepath.Base(path), StudyBundleExt, err)
	}
	defer zr.Close()
	read := func(name string) ([]byte, error) {
		for _, f := range zr.File {
			if f.Name != name {
				continue
			}
			if f.UncompressedSize64 > maxBundleEntry {
				return nil, fmt.Errorf("%s in %s is larger than %d MiB", name, filepath.Base(path), maxBundleEntry>>20)
			}
			rc, err := f.Open()
			if err != nil {
				return nil, fmt.Errorf("%s in %s: %w", name, filepath.Base(path), err)
			}
			defer rc.Close()
			data, err := io.ReadAll(io.LimitReader(rc, maxBundleEntry+1))
			if err == nil && len(data) > maxBundleEntry {
				err = fmt.Errorf("larger than %d MiB", maxBundleEntry>>20)
			}
			if err != nil {
				return nil, fmt.Errorf("%s in %s: %w", name, filepath.Base(path), err)
			}
			return data, nil
		}
		return nil, fmt.Errorf("%s has no %s: it is not a study file exported by EPSM, or it is damaged", filepath.Base(path), name)
	}
	var man bundleManifest
	var spec study.Spec
	var used library.Library
	for _, part := range []struct {
		name string
		into any
	}{{"manifest.json", &man}, {"spec.json", &spec}, {"library.json", &used}} {
		data, err := read(part.name)
		if err != nil {
			return rep, err
		}
		if err := json.Unmarshal(data, part.into); err != nil {
			return rep, fmt.Errorf("%s in %s: %w", part.name, filepath.Base(path), err)
		}
	}
	if man.Format > bundleFormat || man.Format < 1 {
		return rep, fmt.Errorf("%s was written by %s in format %d; this EPSM (%s) reads format %d: update EPSM to import it", filepath.Base(path), man.App, man.Format, version.Version, bundleFormat)
	}
	// Checked before anything is imported: without an engine the study could not be created,
	// and the file must not be left half-imported.
	if s.settings.Engine().Path == "" {
		return rep, fmt.Errorf("import %s: %w", filepath.Base(path), runner.ErrNoEngine)
	}
	// The files go into the data folder (not a temp folder): imported models remember where
	// they came from, and that place must outlive this call.
	dir := filepath.Join(s.store.Dir(), "imports", fmt.Sprintf("%s-%d", unsafeName.ReplaceAllString(man.Study, "_"), time.Now().UnixNano()))
	extract := func(name string) (string, error) {
		data, err := read(name)
		if err != nil {
			return "", err
		}
		to := filepath.Join(dir, filepath.Dir(filepath.FromSlash(name)), safeBase(name)) // never outside dir
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return "", fmt.Errorf("import %s: %w", filepath.Base(path), err)
		}
		if err := os.WriteFile(to, data, 0o644); err != nil {
			return "", fmt.Errorf("import %s: %w", filepath.Base(path), err)
		}
		return to, nil
	}
	modelPath, err := extract(spec.Model)
	if err != nil {
		return rep, err
	}
	files := []string{modelPath}
	spec.Weather = slicesMap(spec.Weather, func(w string) string { return w }) // copy: rewritten below
	for i, w := range spec.Weather {
		p, err := extract(w)
		if err != nil {
			return rep, err
		}
		spec.Weather[i] = p
		files = append(files, p)
	}
	spec.Model = modelPath
	rep.Files = s.importer.Import(files)
	if len(rep.Files.Errors) > 0 {
		e := rep.Files.Errors[0]
		return rep, fmt.Errorf("%s: %s", filepath.Base(path), e.Message)
	}
	renamed, notes, err := s.importLibraryItems(used)
	rep.Library = notes
	if err != nil {
		return rep, fmt.Errorf("library of %s: %w", filepath.Base(path), err)
	}
	renameOptions(&spec, renamed)
	if spec.Name == "" {
		spec.Name = man.Study
	}
	if names, err := s.store.Studies(); err == nil {
		for _, s := range names {
			if s.Name == spec.Name {
				spec.Name += " (imported)"
				break
			}
		}
	}
	known, err := bundleResults(man, read, filepath.Base(path))
	if err != nil {
		return rep, err
	}
	rep.Info, err = s.create(spec, known, "")
	if err != nil {
		return rep, fmt.Errorf("%s: the files and library items were imported, but the study could not be created: %w", filepath.Base(path), err)
	}
	for _, r := range rep.Info.Runs {
		if _, ok := known[r.CacheKey]; ok {
			rep.ResultsReused++
		}
	}
	return rep, nil
}

func slicesMap[T any](in []T, f func(T) T) []T {
	out := make([]T, len(in))
	for i, x := range in {
		out[i] = f(x)
	}
	return out
}

// importLibraryItems adds the bundle's library items. Items already here with the same content
// are reused; items whose id is taken by different content get a new id (and constructions
// follow their renamed materials). It returns the construction renames for the spec.
func (s *Studies) importLibraryItems(in library.Library) (map[string]string, []LibraryImportNote, error) {
	lib, err := s.store.Library()
	if err != nil {
		return nil, nil, err
	}
	var notes []LibraryImportNote
	taken := func(id string) bool {
		_, m := lib.Material(id)
		_, w := lib.Window(id)
		_, k := lib.Construction(id)
		return m || w || k
	}
	freeID := func(id string) string {
		for n := 1; ; n++ {
			cand := fmt.Sprintf("%s_imported", id)
			if n > 1 {
				cand = fmt.Sprintf("%s_imported%d", id, n)
			}
			if !taken(cand) {
				return cand
			}
		}
	}
	// importItem saves an item under the id it gets here (its own, or a new one when a different
	// item has it), or reuses the same item already here, and records which.
	importItem := func(kind, id, name string, here any, found bool, theirs any, save func(newID string) error) (string, error) {
		switch {
		case !found:
			notes = append(notes, LibraryImportNote{Kind: kind, ID: id, Outcome: LibraryAdded, Message: fmt.Sprintf("%s %s added to your library", kind, label(id, name))})
		case sameItem(here, theirs):
			notes = append(notes, LibraryImportNote{Kind: kind, ID: id, Outcome: LibrarySame, Message: fmt.Sprintf("%s %s is already in your library", kind, label(id, name))})
			return id, nil
		default:
			nid := freeID(id)
			notes = append(notes, LibraryImportNote{Kind: kind, ID: id, NewID: nid, Outcome: LibraryRenamed,
				Message: fmt.Sprintf("your library has a different %s %s; the study's version was added as %s and your own was left unchanged", kind, label(id, name), nid)})
			id = nid
		}
		if err := save(id); err != nil {
			return id, fmt.Errorf("%s %s: %w", kind, id, err)
		}
		return id, nil
	}
	matIDs, winIDs, conIDs := map[string]string{}, map[string]string{}, map[string]string{}
	for _, m := range in.Materials {
		here, found := lib.Material(m.ID)
		from := m.ID
		id, err := importItem("material", m.ID, m.Name, here, found, m, func(id string) error {
			m.ID, m.Origin = id, library.OriginImported
			lib.Materials = append(lib.Materials, m)
			return s.store.SaveMaterial(m)
		})
		if err != nil {
			return nil, notes, err
		}
		matIDs[from] = id
	}
	for _, w := range in.Windows {
		here, found := lib.Window(w.ID)
		from := w.ID
		id, err := importItem("window system", w.ID, w.Name, here, found, w, func(id string) error {
			w.ID, w.Origin = id, library.OriginImported
			lib.Windows = append(lib.Windows, w)
			return s.store.SaveWindowSystem(w)
		})
		if err != nil {
			return nil, notes, err
		}
		winIDs[from] = id
	}
	for _, con := range in.Constructions {
		// Compare and save with the ids the materials have here.
		con.Layers = slicesMap(con.Layers, func(l library.Layer) library.Layer {
			if id, ok := matIDs[l.MaterialID]; ok {
				l.MaterialID = id
			}
			return l
		})
		if id, ok := winIDs[con.WindowSystemID]; ok {
			con.WindowSystemID = id
		}
		here, found := lib.Construction(con.ID)
		from := con.ID
		id, err := importItem("construction", con.ID, con.Name, here, found, con, func(id string) error {
			con.ID, con.Origin = id, library.OriginImported
			lib.Constructions = append(lib.Constructions, con)
			return s.store.SaveConstruction(con)
		})
		if err != nil {
			return nil, notes, err
		}
		conIDs[from] = id
	}
	return conIDs, notes, nil
}

// sameItem compares two library items ignoring where each came from.
func sameItem(a, b any) bool {
	strip := func(x any) map[string]any {
		js, _ := json.Marshal(x)
		var m map[string]any
		_ = json.Unmarshal(js, &m)
		delete(m, "origin")
		return m
	}
	return reflect.DeepEqual(strip(a), strip(b))
}

func label(id, name string) string {
	if name == "" || name == id {
		return id
	}
	return fmt.Sprintf("%s (%s)", id, name)
}

// renameOptions points a spec's options and packages at the ids its constructions got here.
func renameOptions(spec *study.Spec, ids map[string]string) {
	for el, opts := range spec.Options {
		spec.Options[el] = slicesMap(opts, func(o string) string {
			if id, ok := ids[o]; ok {
				return id
			}
			return o
		})
	}
	for _, p := range spec.Sampling.Packages {
		for el, o := range p {
			if id, ok := ids[o]; ok {
				p[el] = id
			}
		}
	}
}

// bundleResults reads a bundle's finished runs as outcomes by run key; a bundle without them
// (format 1, or nothing finished) gives none.
func bundleResults(man bundleManifest, read func(string) ([]byte, error), file string) (map[string]sim.Outcome, error) {
	if man.Runs == "" {
		return nil, nil
	}
	data, err := read(man.Runs)
	if err != nil {
		return nil, err
	}
	var runs []bundleRun
	if err := json.Unmarshal(data, &runs); err != nil {
		return nil, fmt.Errorf("%s in %s: %w", man.Runs, file, err)
	}
	known := map[string]sim.Outcome{}
	for _, r := range runs {
		if r.RunKey == "" || r.Results == nil || !r.Status.Succeeded() {
			continue // only results are carried over, never a failure
		}
		msg := fmt.Sprintf("Results from the study file %s (EnergyPlus %s, same inputs and engine build); its output files are not in it: re-run to get them.", file, r.EngineVersion)
		known[r.RunKey] = sim.Outcome{Status: r.Status, Message: msg, Warnings: r.Warnings, Severe: r.Severe,
			Elapsed: time.Duration(r.ElapsedMS) * time.Millisecond, Results: r.Results, Progress: sim.Progress{Percent: 100, Phase: "done"}}
	}
	return known, nil
}
