package runner

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"epsm/idf"
	"epsm/internal/removeall"
	"epsm/launch"
	"epsm/sim"
)

// EPMacroPath is the EPMacro program that comes with an engine (beside the energyplus
// executable in every NREL install), or an error that says, for a person, why there is none.
func EPMacroPath(e sim.Engine) (string, error) {
	if e.Path == "" {
		return "", errors.New("no EnergyPlus is installed here, and EPMacro comes with it")
	}
	name := "EPMacro"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	path := filepath.Join(filepath.Dir(e.Path), name)
	st, err := os.Stat(path)
	if err != nil || st.IsDir() {
		return "", fmt.Errorf("this EnergyPlus has no EPMacro (there is no %s beside %s)", name, e.Path)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm()&0o111 == 0 {
		return "", fmt.Errorf("this EnergyPlus's EPMacro (%s) is not executable (chmod +x it)", path)
	}
	return path, nil
}

// epMacroTimeout bounds one expansion: EPMacro is a text preprocessor that finishes in well
// under a second on real files, so a minute means it is stuck.
const epMacroTimeout = time.Minute

// epMacroOutputLimit bounds the messages kept from EPMacro's stdout and stderr: its result is
// out.idf, and only the last line of what it prints is shown.
const epMacroOutputLimit = 1 << 20

// ExpandMacros runs EPMacro on the text of a macro file in a new folder under workDir and
// returns the expanded IDF text. EPMacro reads in.imf in its working folder and opens
// ##include files relative to it, so a ##fileprefix line makes them resolve in includeDir
// (the folder of the user's file) without copying or changing anything there. EPMacro
// reports problems (such as a missing include file) as Output:PreprocessorMessage objects in
// its output; a Severe or Fatal one is returned as an error with the user's line number.
func ExpandMacros(ctx context.Context, exe string, src []byte, includeDir, workDir string) ([]byte, error) {
	if err := os.MkdirAll(workDir, 0o755); err != nil {
		return nil, fmt.Errorf("EPMacro work folder: %w", err)
	}
	dir, err := os.MkdirTemp(workDir, "epmacro-*")
	if err != nil {
		return nil, fmt.Errorf("EPMacro work folder: %w", err)
	}
	defer removeall.RemoveAll(dir)
	prefix := "##fileprefix " + filepath.ToSlash(includeDir) + "/\n"
	if err := os.WriteFile(filepath.Join(dir, "in.imf"), append([]byte(prefix), src...), 0o644); err != nil {
		return nil, fmt.Errorf("EPMacro input: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, epMacroTimeout)
	defer cancel()
	out, exit := launch.Output(ctx, launch.Command{Path: exe, Dir: dir, WaitDelay: 5 * time.Second}, epMacroOutputLimit)
	if err := exit.AsError(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("EPMacro did not finish within %s", epMacroTimeout)
		}
		return nil, fmt.Errorf("EPMacro failed (%v): %s", err, lastLine(string(out)))
	}
	expanded, err := os.ReadFile(filepath.Join(dir, "out.idf"))
	if err != nil {
		return nil, fmt.Errorf("EPMacro wrote no out.idf: %s", lastLine(string(out)))
	}
	if err := macroMessages(expanded); err != nil {
		return nil, err
	}
	return expanded, nil
}

var macroLineRE = regexp.MustCompile(`line number=\s*(\d+)`)

// macroMessages turns EPMacro's Severe and Fatal Output:PreprocessorMessage objects into one
// error. Their line numbers count the ##fileprefix line this package adds, hence the -1.
func macroMessages(expanded []byte) error {
	f, err := idf.Parse(expanded)
	if err != nil {
		return fmt.Errorf("EPMacro's output is not valid IDF: %w", err)
	}
	var msgs []string
	for _, o := range f.All("Output:PreprocessorMessage") {
		level := o.Field(1)
		if !strings.EqualFold(o.Field(0), "EPMacro") || !(strings.EqualFold(level, "Severe") || strings.EqualFold(level, "Fatal")) {
			continue
		}
		var parts []string
		where := ""
		for i := 2; i < len(o.Fields); i++ {
			p := o.Field(i)
			switch {
			case p == "" || strings.HasPrefix(p, "refer to"):
			case macroLineRE.MatchString(p):
				if n, err := strconv.Atoi(macroLineRE.FindStringSubmatch(p)[1]); err == nil && n > 1 {
					where = fmt.Sprintf("line %d: ", n-1)
				}
			case strings.HasPrefix(p, "symbol="):
				parts = append(parts, strconv.Quote(strings.TrimPrefix(p, "symbol=")))
			default:
				parts = append(parts, p)
			}
		}
		msgs = append(msgs, where+strings.Join(parts, " "))
	}
	if len(msgs) > 0 {
		return fmt.Errorf("EPMacro could not expand it: %s", strings.Join(msgs, "; "))
	}
	return nil
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
