package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"epsm/epw"
	"epsm/idf"
	"epsm/runner"
	"epsm/sim"
	"epsm/takeoff"
)

// modelInfo is what `epsm inspect` prints for an IDF.
type modelInfo struct {
	File    string           `json:"file"`
	Kind    string           `json:"kind"`
	Summary idf.Summary      `json:"summary"`
	Days    int              `json:"simulatedDays"`
	Takeoff *takeoff.Takeoff `json:"takeoff"`
	// TakeoffError says why the take-off could not be made (the rest of the summary stands).
	TakeoffError string `json:"takeoffError,omitempty"`
	// EngineWarning says that no installed EnergyPlus matches the model's Version, and what to do.
	EngineWarning string `json:"engineWarning,omitempty"`
}

// engineWarning is "" when an installed engine has the model's major.minor version; otherwise
// it names the versions and what to do. Engines are looked for once, on the first model.
func engineWarning(modelVersion string, engines func() []sim.Engine) string {
	want := sim.MajorMinor(modelVersion)
	if want == "" {
		return "the model has no Version object: EnergyPlus will assume its own version"
	}
	found := engines()
	var have []string
	for _, e := range found {
		if e.MajorMinor() == want {
			return ""
		}
		have = append(have, e.Version)
	}
	if len(found) == 0 {
		return fmt.Sprintf("no EnergyPlus is installed (the model is written for %s): %v", want, runner.ErrNoEngine)
	}
	return fmt.Sprintf("no installed EnergyPlus matches the model's version %s (installed: %s); %s", want, strings.Join(have, ", "),
		runner.VersionMismatchAdvice(modelVersion, found[0]))
}

type weatherInfo struct {
	File   string     `json:"file"`
	Kind   string     `json:"kind"`
	Header epw.Header `json:"header"`
}

func inspectCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(reorder(args, map[string]bool{})); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "epsm inspect: name an .idf or .epw file")
		return 2
	}
	status := 0
	var found []sim.Engine
	discovered := false
	engines := func() []sim.Engine {
		if !discovered {
			found, _ = runner.Discover(context.Background(), runner.DiscoverOptions{})
			discovered = true
		}
		return found
	}
	for _, path := range fs.Args() {
		var info any
		switch strings.ToLower(filepath.Ext(path)) {
		case ".idf":
			f, err := idf.ParseFile(path)
			if err != nil {
				fmt.Fprintln(stderr, "epsm inspect:", err)
				status = 1
				continue
			}
			s := idf.Summarize(f)
			mi := modelInfo{File: path, Kind: "model", Summary: s, Days: s.TotalDays(false), EngineWarning: engineWarning(s.Version, engines)}
			if mi.EngineWarning != "" {
				fmt.Fprintf(stderr, "epsm inspect: warning: %s: %s\n", path, mi.EngineWarning)
			}
			if tk, err := takeoff.Compute(f); err != nil {
				mi.TakeoffError = err.Error()
			} else {
				mi.Takeoff = tk
			}
			info = mi
		case ".epw":
			h, err := epw.ParseFile(path)
			if err != nil {
				fmt.Fprintln(stderr, "epsm inspect:", err)
				status = 1
				continue
			}
			info = weatherInfo{File: path, Kind: "weather", Header: *h}
		default:
			fmt.Fprintf(stderr, "epsm inspect: %s: not an EnergyPlus model (.idf) or weather file (.epw)\n", path)
			status = 1
			continue
		}
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			enc.Encode(info)
			continue
		}
		printInfo(stdout, info)
	}
	return status
}

func printInfo(w io.Writer, info any) {
	switch v := info.(type) {
	case modelInfo:
		s := v.Summary
		fmt.Fprintf(w, "Model        %s\n", v.File)
		fmt.Fprintf(w, "Building     %s\n", s.BuildingName)
		fmt.Fprintf(w, "Version      %s\n", s.Version)
		fmt.Fprintf(w, "Zones        %d\n", s.Zones)
		for _, rp := range s.RunPeriods {
			fmt.Fprintf(w, "Run period   %s: %d/%d - %d/%d (%d days)\n", rp.Name, rp.BeginMonth, rp.BeginDay, rp.EndMonth, rp.EndDay, rp.Days)
		}
		for _, dd := range s.DesignDays {
			fmt.Fprintf(w, "Design day   %s (%d/%d)\n", dd.Name, dd.Month, dd.Day)
		}
		annual := "no (design days only; use --annual to force a weather-file year)"
		if s.Annual {
			annual = "yes"
		}
		fmt.Fprintf(w, "Runs annual  %s\n", annual)
		fmt.Fprintf(w, "Sim. days    %d\n", v.Days)
		if tk := v.Takeoff; tk != nil {
			fmt.Fprintf(w, "Envelope     exterior wall %.1f m2 net (%.1f gross), windows %.1f m2 (WWR %.1f%%), roof %.1f m2, ground floor %.1f m2\n",
				tk.Wall.NetM2, tk.Wall.GrossM2, tk.Window.NetM2, tk.WindowWallRatio*100, tk.Roof.NetM2, tk.GroundFloor.NetM2)
			for _, o := range []string{"N", "NE", "E", "SE", "S", "SW", "W", "NW"} {
				if a := tk.Wall.ByOrientation[o]; a > 0 || tk.Window.ByOrientation[o] > 0 {
					fmt.Fprintf(w, "  %-3s        wall %.1f m2, windows %.1f m2\n", o, a, tk.Window.ByOrientation[o])
				}
			}
		} else if v.TakeoffError != "" {
			fmt.Fprintf(w, "Envelope     not computed: %s\n", v.TakeoffError)
		}
	case weatherInfo:
		l := v.Header.Location
		fmt.Fprintf(w, "Weather      %s\n", v.File)
		fmt.Fprintf(w, "Location     %s, %s, %s\n", l.City, l.State, l.Country)
		fmt.Fprintf(w, "Lat/Lon      %.3f, %.3f\n", l.Latitude, l.Longitude)
		fmt.Fprintf(w, "Time zone    UTC%+g\n", l.TimeZone)
		fmt.Fprintf(w, "Elevation    %g m\n", l.Elevation)
		fmt.Fprintf(w, "Source       %s (WMO %s)\n", l.Source, l.WMO)
		fmt.Fprintf(w, "Data rows    %d\n", v.Header.DataRows)
	}
}

// reorder moves flags before positional arguments so `epsm run a.idf --json` works: the
// standard flag package stops at the first positional argument. valued names flags that take
// a value.
func reorder(args []string, valued map[string]bool) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if valued[name] && !strings.Contains(name, "=") && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		rest = append(rest, a)
	}
	return append(flags, rest...)
}
