package app

// The hostile-input suite (issue 6): every file of testdata/hostile, and the files and paths
// this test makes itself, dropped on the app the way the window does (Core.Import). A refused
// file must get one error that names it and says the problem in words; an odd but valid file
// must give the same model as the clean example. After each case the app still imports, and
// what was stored before is still there. The messages are written to docs/INPUT_ERRORS.md
// (UPDATE_DOCS=1 rewrites it; otherwise the test fails when the doc differs).

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"epsm/internal/tempdir"
	"epsm/internal/winetest"
	"epsm/runner"
	"epsm/services/importsvc"
	"epsm/services/runsvc"
	"epsm/sim"
	"epsm/store"
)

const (
	hostileDir    = "../testdata/hostile"
	exampleModel  = "../examples/1ZoneUncontrolled.idf"
	exampleEPW    = "../examples/USA_CO_Golden-NREL.724666_TMY3.epw"
	inputErrorsMD = "../docs/INPUT_ERRORS.md"
)

// hostileCase is one row of docs/INPUT_ERRORS.md.
type hostileCase struct {
	name string
	file string // in testdata/hostile; empty when make builds the file
	make func(t *testing.T, h *hostileEnv) string
	// refused: a phrase the error must contain. Empty: the file must import.
	want string
	// for imported files: what they must equal ("model" or "weather": the clean example)
	sameAs string
	// check adds assertions for an imported file and returns what the user sees for it.
	check func(t *testing.T, h *hostileEnv, rep importsvc.ImportReport) string
	// epMacro: the case runs the engine's EPMacro.
	epMacro bool
}

type hostileEnv struct {
	c           *App
	engine      sim.Engine
	tmp         string
	example     []byte
	weather     []byte
	clean       store.Model
	cleanW      store.Weather
	afterImport int
}

// variant writes the example model with a unique comment to dir/name, so that each import of
// it is new content and really parsed, not answered as a duplicate.
func (h *hostileEnv) variant(t *testing.T, dir, name string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	data := append(append([]byte{}, h.example...), fmt.Sprintf("\n! %s\n", p)...)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func (h *hostileEnv) write(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(h.tmp, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func hostileCases() []hostileCase {
	refuse := func(name, file, want string) hostileCase { return hostileCase{name: name, file: file, want: want} }
	same := func(name, file string) hostileCase { return hostileCase{name: name, file: file, sameAs: "model"} }
	epMacro := func(c hostileCase) hostileCase { c.epMacro = true; return c }
	return []hostileCase{
		// Models that cannot be read.
		refuse("IDF: empty file", "idf-empty.idf", "the file is empty"),
		refuse("IDF: only comments", "idf-comments-only.idf", "the file has only comments"),
		refuse("IDF: binary garbage", "idf-binary-garbage.idf", "binary data, not an IDF text file"),
		refuse("IDF: UTF-16 text", "idf-utf16.idf", "UTF-16 text is not supported"),
		refuse("IDF: truncated in the middle of an object", "idf-truncated-mid-object.idf", "is not terminated by ';' before the end of the file"),
		refuse("IDF: last object not terminated", "idf-unterminated-object.idf", "object Schedule:Constant starting at line 459 is not terminated by ';'"),
		refuse("IDF: ';' missing between two objects", "idf-missing-semicolon.idf", "ScheduleTypeLimits looks like the start of a new object, but the Zone object above it (line 250) has no ';'"),
		refuse("IDF: no Version object", "idf-missing-version.idf", "has no Version object"),
		refuse("IDF: a weather file named .idf", "idf-really-a-weather-file.idf", "this is an EPW weather file"),
		refuse("IDF: an epJSON model named .idf", "idf-really-epjson.idf", "JSON text (an epJSON model?)"),
		refuse("Not a model or weather file", "notes.txt", "not an EnergyPlus model (.idf, .imf) or weather file (.epw)"),
		epMacro(refuse("Macro file whose ##include is missing", "macro-missing-include.imf", `cannot find/read include file "macro-not-there.imf"`)),
		// Models that are odd but valid: the same model as the clean file.
		same("IDF: CRLF line ends", "idf-crlf.idf"),
		same("IDF: old-Mac CR line ends", "idf-lone-cr.idf"),
		same("IDF: UTF-8 byte-order mark", "idf-bom.idf"),
		same("IDF: Latin-1 text (Göteborg Säve)", "idf-latin1.idf"),
		same("IDF: unknown and misspelt objects (EnergyPlus reports them when it runs)", "idf-unknown-objects.idf"),
		same("IDF: 50 MB of comments", ""),
		epMacro(same("Macro file (.imf) with ##include, expanded with EPMacro", "macro-main.imf")),
		epMacro(same("IDF with ##include lines, expanded with EPMacro", "idf-with-include.idf")),
		{name: "IDF: older Version (9.4)", file: "idf-old-version-9.4.idf", check: oldVersion("9.4")},
		{name: "IDF: very old Version (8.0, old RunPeriod layout)", file: "idf-very-old-version-8.0.idf", check: oldVersion("8.0")},
		// Weather files.
		refuse("EPW: empty file", "epw-empty.epw", "not an EPW weather file: the file is empty"),
		refuse("EPW: a model named .epw", "epw-really-a-model.epw", "this looks like an EnergyPlus model"),
		refuse("EPW: binary garbage", "epw-binary-garbage.epw", "not an EPW weather file: first line does not start with LOCATION"),
		refuse("EPW: header cut short", "epw-header-cut.epw", "expected the COMMENTS 1 header line, but the file ends after 5 header lines"),
		refuse("EPW: header only", "epw-header-only.epw", "no weather data rows after the 8 header lines"),
		refuse("EPW: truncated year", "epw-truncated-year.epw", "after 48 of the 8760 hourly rows that DATA PERIODS promises (1/1 to 12/31): the file is cut short"),
		refuse("EPW: wrong number of fields", "epw-wrong-field-count.epw", "line 18: data row has 20 fields, want at least 35"),
		refuse("EPW: non-numeric value", "epw-non-numeric.epw", `line 13: data row dry bulb temperature "N/A" is not a number`),
		{name: "EPW: CRLF line ends", sameAs: "weather"},
		{name: "EPW: UTF-8 byte-order mark", sameAs: "weather"},
		{name: "EPW: Latin-1 city name", sameAs: "weather"},
		// File names, paths and files that move.
		{name: "Folder name with spaces", sameAs: "model"},
		{name: "Non-ASCII letters in the path", sameAs: "model"},
		{name: "'#' in the path", sameAs: "model"},
		{name: "'?' in the path", sameAs: "model"},
		{name: "'(' and ')' in the path", sameAs: "model"},
		{name: "Very long path (over 1,000 characters)", sameAs: "model"},
		{name: "Read-only source folder", sameAs: "model"},
		{name: "File deleted after it was chosen, before import", want: "is not there (moved, renamed or deleted?)"},
		{name: "A folder with no model or weather file in it", want: "is a folder with no model (.idf, .imf) or weather file (.epw) directly inside it"},
	}
}

// generated builds the files of the cases without a corpus file.
func (h *hostileEnv) generated(t *testing.T, name string) string {
	t.Helper()
	switch name {
	case "IDF: 50 MB of comments":
		var b bytes.Buffer
		b.Grow(51 << 20)
		b.Write(h.example)
		line := "! " + strings.Repeat("comment ", 9) + "\n"
		for b.Len() < 50<<20 {
			b.WriteString(line)
		}
		return h.write(t, "50 MB of comments.idf", b.Bytes())
	case "EPW: CRLF line ends":
		return h.write(t, "crlf.epw", bytes.ReplaceAll(h.weather, []byte("\n"), []byte("\r\n")))
	case "EPW: UTF-8 byte-order mark":
		return h.write(t, "bom.epw", append([]byte("\xEF\xBB\xBF"), h.weather...))
	case "EPW: Latin-1 city name":
		// Same length as "Denver Centennial" so the header stays the same but for the city.
		return h.write(t, "latin1.epw", bytes.Replace(h.weather, []byte("Denver Centennial"), []byte("G\xF6teborg S\xE4ve  x"), 1))
	case "Folder name with spaces":
		return h.variant(t, filepath.Join(h.tmp, "my models", "renovation study"), "semi detached house.idf")
	case "Non-ASCII letters in the path":
		return h.variant(t, filepath.Join(h.tmp, "Göteborg – Ωmega", "日本"), "Bürohaus Ärö.idf")
	case "'#' in the path":
		return h.variant(t, filepath.Join(h.tmp, "project #12"), "house#2.idf")
	case "'?' in the path":
		return h.variant(t, filepath.Join(h.tmp, "what?"), "why?.idf")
	case "'(' and ')' in the path":
		return h.variant(t, filepath.Join(h.tmp, "copy (2)"), "model (final) (1).idf")
	case "Very long path (over 1,000 characters)":
		dir := h.tmp
		for i := 0; len(dir) < 1000; i++ {
			name := fmt.Sprintf("%02d-%s", i, strings.Repeat("long folder name ", 5))
			if runtime.GOOS == "windows" {
				name = strings.TrimSuffix(name, " ") // Windows drops a name's trailing space
			}
			dir = filepath.Join(dir, name)
		}
		return h.variant(t, dir, strings.Repeat("very long file name ", 10)+".idf")
	case "Read-only source folder":
		// chmod binds a non-root user only; a folder read-only for root too (a read-only
		// mount in a user namespace) is store's TestReadOnlyFolders.
		dir := filepath.Join(h.tmp, "read-only")
		p := h.variant(t, dir, "locked.idf")
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return p
	case "File deleted after it was chosen, before import":
		p := h.variant(t, h.tmp, "chosen then deleted.idf")
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		return p
	case "A folder with no model or weather file in it":
		dir := filepath.Join(h.tmp, "photos.idf")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		h.write(t, "photos.idf/house.jpg", []byte("\xFF\xD8\xFF"))
		return dir
	}
	t.Fatalf("no file for case %q", name)
	return ""
}

// oldVersion checks the flag an old model gets before it runs: the warning stored on its
// runs (and shown on the model card), and the transition offer or why there is none.
func oldVersion(version string) func(t *testing.T, h *hostileEnv, rep importsvc.ImportReport) string {
	return func(t *testing.T, h *hostileEnv, rep importsvc.ImportReport) string {
		t.Helper()
		m := rep.Models[0]
		if m.Summary.Version != version || !m.Summary.Annual || m.Summary.RunPeriods[0].Days != 365 || m.Summary.Zones != 1 {
			t.Errorf("summary of the %s model = %+v", version, m.Summary)
		}
		_, warning := h.c.Settings.EngineFor(m.Summary.Version)
		if !strings.Contains(warning, "Written for EnergyPlus "+version) || !strings.Contains(warning, "no "+version+" engine installed") {
			t.Errorf("version warning = %q", warning)
		}
		offer, err := h.c.Importer.TransitionOffer(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(runner.TransitionSteps(h.engine)) > 0 {
			if !offer.Possible {
				t.Errorf("the engine has transition programs but no transition is offered: %+v", offer)
			}
			return fmt.Sprintf("Imported, flagged: %s Transition offered (%d steps).", warning, offer.Steps)
		}
		if offer.Possible || !strings.Contains(offer.Reason, "no transition programs") {
			t.Errorf("transition offer = %+v", offer)
		}
		return fmt.Sprintf("Imported, flagged: %s Transition: %s.", warning, offer.Reason)
	}
}

// goInternals are fragments of Go and system-call errors that mean nothing to a user.
var goInternals = []string{"unexpected EOF", "no such file or directory", "%!", "<nil>", "runtime error", "panic", "strconv.", "errno", "syscall", "invalid argument"}

func TestHostileInput(t *testing.T) {
	engine := testEngine(t)
	tmp := tempdir.New(t)
	h := &hostileEnv{engine: engine, tmp: tmp}
	h.c = openCore(t, filepath.Join(tmp, "data"), &engine, nil)
	defer h.c.Close()
	var err error
	if h.example, err = os.ReadFile(exampleModel); err != nil {
		t.Fatal(err)
	}
	if h.weather, err = os.ReadFile(exampleEPW); err != nil {
		t.Fatal(err)
	}
	corpus, err := filepath.Abs(hostileDir)
	if err != nil {
		t.Fatal(err)
	}
	// What is stored before the hostile files arrive: it must survive every one of them.
	base := h.c.Importer.Import([]string{exampleModel, exampleEPW})
	if len(base.Models) != 1 || len(base.Weather) != 1 || len(base.Errors) != 0 {
		t.Fatalf("baseline import: %+v", base)
	}
	h.clean, h.cleanW = base.Models[0], base.Weather[0]

	var rows []string
	for _, tc := range hostileCases() {
		// One subtest per case: a failure names its case, and the others still run. Cases run
		// in order (not in parallel): each checks that what the earlier ones left stays intact.
		t.Run(tc.name, func(t *testing.T) {
			if why := notOnThisOS(tc, engine); why != "" {
				t.Skip(why)
			}
			path := filepath.Join(corpus, tc.file)
			if tc.file == "" {
				path = h.generated(t, tc.name)
			}
			if tc.file != "" {
				corpusIsWhatItSays(t, path)
			}
			start := time.Now()
			rep := h.c.Importer.Import([]string{path})
			took := time.Since(start)
			seen := ""
			switch {
			case tc.want != "":
				seen = refused(t, tc, path, rep)
			default:
				seen = accepted(t, h, tc, path, rep)
			}
			if tc.name == "IDF: 50 MB of comments" {
				t.Logf("50 MB of comments imported in %v", took.Round(time.Millisecond))
			}
			h.assertStillWorks(t, tc.name)
			file := "`" + tc.file + "`"
			if tc.file == "" {
				file = "made by the test: `" + shorten(displayPath(path, corpus, tmp, engine)) + "`"
			}
			rows = append(rows, fmt.Sprintf("| %s | %s | %s |", tc.name, file, mdCell(displayPath(seen, corpus, tmp, engine))))
		})
	}
	rows = append(rows, h.duplicateDrop(t), h.vanishAfterImport(t))
	rows = append(rows, macroWithoutEPMacro(t, corpus, tmp, engine)...)
	if runtime.GOOS == "windows" {
		return // the doc is the Linux run's: Windows skips cases and writes paths with backslashes
	}
	checkInputErrorsDoc(t, rows)
}

// notOnThisOS says why a case cannot be made or run here, or "" when it can.
func notOnThisOS(tc hostileCase, engine sim.Engine) string {
	if runtime.GOOS == "windows" && tc.name == "'?' in the path" {
		return "Windows allows no '?' in a file name: a user cannot have such a path"
	}
	if tc.epMacro {
		return winetest.Cannot32Bit(filepath.Join(filepath.Dir(engine.Path), "EPMacro.exe"))
	}
	return ""
}

// corpusIsWhatItSays guards against a checkout that rewrote the corpus (line-end or encoding
// conversion), which would make the odd-but-valid cases test a plain file.
func corpusIsWhatItSays(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ok := true
	switch filepath.Base(path) {
	case "idf-crlf.idf":
		ok = bytes.Count(data, []byte("\r\n")) == bytes.Count(data, []byte("\n"))
	case "idf-lone-cr.idf":
		ok = !bytes.Contains(data, []byte("\n")) && bytes.Contains(data, []byte("\r"))
	case "idf-bom.idf":
		ok = bytes.HasPrefix(data, []byte("\xEF\xBB\xBF"))
	case "idf-latin1.idf":
		ok = !utf8.Valid(data) && bytes.Contains(data, []byte("G\xF6teborg"))
	case "idf-utf16.idf":
		ok = bytes.HasPrefix(data, []byte("\xFF\xFE"))
	}
	if !ok {
		t.Fatalf("%s is not what its name says: was it converted on checkout? (testdata/hostile/.gitattributes says -text)", path)
	}
}

func refused(t *testing.T, tc hostileCase, path string, rep importsvc.ImportReport) string {
	t.Helper()
	if len(rep.Errors) != 1 || len(rep.Models)+len(rep.Weather) != 0 {
		t.Errorf("%s: want one error and nothing imported, got %+v", tc.name, rep)
		return ""
	}
	msg := rep.Errors[0].Message
	if rep.Errors[0].Path != path || !strings.Contains(msg, filepath.Base(path)) {
		t.Errorf("%s: the error does not name the file %s: %q", tc.name, filepath.Base(path), msg)
	}
	if !strings.Contains(msg, tc.want) {
		t.Errorf("%s: message %q does not say %q", tc.name, msg, tc.want)
	}
	for _, frag := range goInternals {
		if strings.Contains(msg, frag) {
			t.Errorf("%s: message %q shows Go internals (%q)", tc.name, msg, frag)
		}
	}
	return msg
}

func accepted(t *testing.T, h *hostileEnv, tc hostileCase, path string, rep importsvc.ImportReport) string {
	t.Helper()
	if len(rep.Errors) != 0 || len(rep.Duplicates) != 0 || len(rep.Models)+len(rep.Weather) != 1 {
		t.Errorf("%s: want one new file imported, got %+v", tc.name, rep)
		return ""
	}
	if tc.check != nil {
		return tc.check(t, h, rep)
	}
	if tc.sameAs == "weather" {
		w := rep.Weather[0]
		got, want := w.Header, h.cleanW.Header
		if tc.name == "EPW: Latin-1 city name" {
			if got.Location.City != "Göteborg Säve  x  Golden   Nr" {
				t.Errorf("%s: city %q", tc.name, got.Location.City)
			}
			got.Location.City = want.Location.City
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: header differs from the clean file's:\n%+v\n%+v", tc.name, got, want)
		}
		return fmt.Sprintf("Imported as %s: the same weather card as the clean file (%s, %d hourly rows).", w.Name, w.Header.Location.Country, w.Header.DataRows)
	}
	m := rep.Models[0]
	if !reflect.DeepEqual(m.Summary, h.clean.Summary) {
		t.Errorf("%s: summary differs from the clean file's:\n%+v\n%+v", tc.name, m.Summary, h.clean.Summary)
	}
	if m.Name != filepath.Base(path) || m.OriginalPath != path {
		t.Errorf("%s: stored as %q from %q", tc.name, m.Name, m.OriginalPath)
	}
	if stored, err := os.ReadFile(m.StoredPath); err != nil || hashOf(stored) != m.SHA256 {
		t.Errorf("%s: stored copy %s unreadable or wrong (%v)", tc.name, m.StoredPath, err)
	}
	return fmt.Sprintf("Imported: the same model card as the clean file (EnergyPlus %s, %d zone, %d run period, %d design days).",
		m.Summary.Version, m.Summary.Zones, len(m.Summary.RunPeriods), len(m.Summary.DesignDays))
}

// assertStillWorks checks that what was stored before is intact, no half-written copy is
// left behind, and a new valid file still imports.
func (h *hostileEnv) assertStillWorks(t *testing.T, after string) {
	t.Helper()
	m, err := h.c.Store.Model(h.clean.ID)
	if err != nil || m.SHA256 != h.clean.SHA256 {
		t.Fatalf("after %s: the stored example model is gone or changed (%v)", after, err)
	}
	w, err := h.c.Store.Weather(h.cleanW.ID)
	if err != nil || w.SHA256 != h.cleanW.SHA256 {
		t.Fatalf("after %s: the stored weather file is gone or changed (%v)", after, err)
	}
	for _, f := range []struct{ path, sum string }{{m.StoredPath, m.SHA256}, {w.StoredPath, w.SHA256}} {
		if data, err := os.ReadFile(f.path); err != nil || hashOf(data) != f.sum {
			t.Fatalf("after %s: stored copy %s is damaged (%v)", after, f.path, err)
		}
	}
	if tmp, _ := filepath.Glob(filepath.Join(h.c.Store.Dir(), "files", ".import-*")); len(tmp) > 0 {
		t.Errorf("after %s: half-written copies left: %v", after, tmp)
	}
	h.afterImport++
	p := h.variant(t, filepath.Join(h.tmp, "after"), fmt.Sprintf("next %d.idf", h.afterImport))
	if rep := h.c.Importer.Import([]string{p}); len(rep.Models) != 1 || len(rep.Errors) != 0 || len(rep.Duplicates) != 0 {
		t.Fatalf("after %s: a valid file no longer imports: %+v", after, rep)
	}
}

// duplicateDrop drops one file twice and its copy under another name: one model.
func (h *hostileEnv) duplicateDrop(t *testing.T) string {
	t.Helper()
	p := h.variant(t, filepath.Join(h.tmp, "dup"), "dropped twice.idf")
	other := filepath.Join(h.tmp, "dup", "same content, other name.idf")
	data, _ := os.ReadFile(p)
	if err := os.WriteFile(other, data, 0o644); err != nil {
		t.Fatal(err)
	}
	rep := h.c.Importer.Import([]string{p, p, other})
	if len(rep.Errors) != 0 || len(rep.Models) != 3 || len(rep.Duplicates) != 2 || rep.Models[1].ID != rep.Models[0].ID || rep.Models[2].ID != rep.Models[0].ID {
		t.Errorf("duplicate drop: %+v", rep)
	}
	h.assertStillWorks(t, "the duplicate drop")
	return fmt.Sprintf("| The same file dropped twice, and once more under another name | made by the test | One model; the two others are reported as already imported (%d duplicates): the app shows \"%d files are already imported\". |",
		len(rep.Duplicates), len(rep.Duplicates))
}

// vanishAfterImport deletes the user's file after import and runs the model on the real
// engine: the run uses the store's content-addressed copy.
func (h *hostileEnv) vanishAfterImport(t *testing.T) string {
	t.Helper()
	p := h.variant(t, filepath.Join(h.tmp, "vanish"), "deleted after import.idf")
	rep := h.c.Importer.Import([]string{p})
	if len(rep.Models) != 1 {
		t.Fatalf("import before deleting: %+v", rep)
	}
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	runs, err := h.c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: []int64{rep.Models[0].ID}, WeatherID: h.cleanW.ID, DesignDaysOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := h.c.Queue.Wait(ctx, []int64{runs[0].ID}); err != nil {
		t.Fatal(err)
	}
	d, err := h.c.Queue.RunDetails(runs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Run.Status != sim.StatusSucceeded || d.Results == nil {
		t.Fatalf("run of a model whose file was deleted: %s %q", d.Run.Status, d.Run.Message)
	}
	return fmt.Sprintf("| File deleted after import, then run (real EnergyPlus, design days) | made by the test | The run %s: it uses the app's own copy of the file. |", d.Run.Status)
}

// macroWithoutEPMacro imports a macro file on installs whose EPMacro is missing or may not
// be run. No engine is started: only the folder beside the energyplus path matters.
func macroWithoutEPMacro(t *testing.T, corpus, tmp string, real sim.Engine) []string {
	t.Helper()
	noMacro := filepath.Join(tmp, "engine without EPMacro")
	notExec := filepath.Join(tmp, "engine with EPMacro not executable")
	for _, d := range []string{noMacro, notExec} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(notExec, "EPMacro"), []byte("not run"), 0o644); err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, tc := range []struct {
		name, dir, want string
	}{
		{"Macro file, engine without EPMacro", noMacro, "this EnergyPlus has no EPMacro"},
		{"Macro file, EPMacro not executable", notExec, "is not executable (chmod +x it)"},
	} {
		if runtime.GOOS == "windows" && tc.dir == notExec {
			continue // Windows has no executable bit
		}
		engine := sim.Engine{Path: filepath.Join(tc.dir, "energyplus"), Version: "25.2.0"}
		c := openCore(t, filepath.Join(tmp, "data "+tc.name), &engine, nil)
		path := filepath.Join(corpus, "macro-main.imf")
		msg := refused(t, hostileCase{name: tc.name, want: tc.want}, path, c.Importer.Import([]string{path}))
		for _, say := range []string{"##include macro-zone-part.imf at line 250", "Expand it with EPMacro"} {
			if !strings.Contains(msg, say) {
				t.Errorf("%s: message %q does not say %q", tc.name, msg, say)
			}
		}
		c.Close()
		rows = append(rows, fmt.Sprintf("| %s | `macro-main.imf` | %s |", tc.name, mdCell(displayPath(msg, corpus, tmp, real))))
	}
	return rows
}

// displayPath makes messages the same on every machine: folders become placeholders.
func displayPath(s, corpus, tmp string, engine sim.Engine) string {
	s = strings.ReplaceAll(s, corpus, "testdata/hostile")
	s = strings.ReplaceAll(s, tmp, "<temp>")
	if engine.Path != "" {
		s = strings.ReplaceAll(s, engine.Path, "<energyplus>")
	}
	return s
}

// shorten keeps a very long path readable in the table.
func shorten(p string) string {
	if n := len([]rune(p)); n > 120 {
		r := []rune(p)
		return fmt.Sprintf("%s…%s (%d characters)", string(r[:50]), string(r[n-40:]), n)
	}
	return p
}

func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func hashOf(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

func checkInputErrorsDoc(t *testing.T, rows []string) {
	t.Helper()
	doc := `# What the app says about bad input

Generated by ` + "`go test ./app -run TestHostileInput`" + ` from the messages the app really gives (run it
with ` + "`UPDATE_DOCS=1`" + ` to rewrite this file; the test fails when this file and the messages differ).

Each file is dropped on the app as the window does it (one import per file). A refused file gets one
message that names it; the app keeps working, and nothing already stored is lost (the test checks
both after every case). Odd but valid files import as the same model as the clean example
(` + "`examples/1ZoneUncontrolled.idf`" + `, or its weather file). Corpus files are in
[testdata/hostile](../testdata/hostile) (see its README); files marked *made by the test* are written
into a temporary folder at run time (the 50 MB file, copies of the 1.6 MB weather file, odd paths).
` + "`<temp>`" + ` stands for that folder and ` + "`<energyplus>`" + ` for the engine's path. In the app, a refused
file shows as a toast titled "Could not import <file name>" with this message.

| Case | File | What the user sees |
|---|---|---|
` + strings.Join(rows, "\n") + "\n"
	if os.Getenv("UPDATE_DOCS") != "" {
		if err := os.WriteFile(inputErrorsMD, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	have, err := os.ReadFile(inputErrorsMD)
	if err != nil || string(have) != doc {
		t.Errorf("%s is not what the app says (run UPDATE_DOCS=1 go test ./app -run TestHostileInput): %v\n%s", inputErrorsMD, err, lineDiff(string(have), doc))
	}
}

// lineDiff shows the first line that differs.
func lineDiff(have, want string) string {
	a, b := strings.Split(have, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(a), len(b)); i++ {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n  doc:  %s\n  test: %s", i+1, x, y)
		}
	}
	return ""
}
