//go:build linux

package cli

import (
	"bytes"
	"debug/pe"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"epsm/internal/enginetest"
	"epsm/version"
)

// The Windows installer, installed for real: make test-release builds it (scripts/release.sh)
// and runs this test with EPSM_WINDOWS_INSTALLER (the installer), EPSM_WINE (the wine64
// loader), EPSM_WINE_SHIM (the ProcessPrng shim Go programs need under Wine 8) and
// EPSM_WINDOWS_ENGINE (the Windows EnergyPlus, as a Z: path). Each run makes a fresh Wine
// prefix: a PC that has never seen EPSM.

// winePC is a fresh Wine prefix, as a new Windows PC.
type winePC struct {
	t                        *testing.T
	wine, wineserver, prefix string
	programFiles             string // the prefix's C:\Program Files, as a Linux path
}

func newWinePC(t *testing.T) *winePC {
	t.Helper()
	wine, shim := os.Getenv("EPSM_WINE"), os.Getenv("EPSM_WINE_SHIM")
	if wine == "" || shim == "" || os.Getenv("EPSM_WINDOWS_ENGINE") == "" {
		t.Fatal("EPSM_WINDOWS_INSTALLER is set, but EPSM_WINE, EPSM_WINE_SHIM or EPSM_WINDOWS_ENGINE is not")
	}
	pc := &winePC{t: t, wine: wine, prefix: filepath.Join(t.TempDir(), "wine"), wineserver: filepath.Join(filepath.Dir(wine), "wineserver")}
	pc.programFiles = filepath.Join(pc.prefix, "drive_c", "Program Files")
	t.Cleanup(func() { _ = pc.cmd(pc.wineserver, "-k").Run() })
	// wineboot leaves Wine's services running: they would hold a pipe, so it writes nowhere.
	if err := pc.cmd(wine, "wineboot", "--init").Run(); err != nil {
		t.Fatalf("wineboot: %v", err)
	}
	pc.settle()
	if _, err := os.Stat(filepath.Join(pc.prefix, "drive_c", "windows", "system32")); err != nil {
		t.Fatalf("wineboot made no prefix: %v", err)
	}
	b, err := os.ReadFile(shim)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pc.prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return pc
}

func (pc *winePC) cmd(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "WINEPREFIX="+pc.prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=")
	// A Wine service started by the command could hold its output pipes: do not wait on them
	// past the program's end.
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// settle waits until every program in the prefix has ended (an NSIS uninstaller runs on as a
// copy of itself after the one started returns) and the registry is written.
func (pc *winePC) settle() {
	if out, err := pc.cmd(pc.wineserver, "-w").CombinedOutput(); err != nil {
		pc.t.Fatalf("wineserver -w: %v\n%s", err, out)
	}
}

// run runs a Windows program in the prefix and returns its exit code and output.
func (pc *winePC) run(dir string, env []string, exe string, args ...string) (int, string, string) {
	pc.t.Helper()
	cmd := pc.cmd(pc.wine, append([]string{exe}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) && !errors.Is(err, exec.ErrWaitDelay) {
		pc.t.Fatalf("wine %s %s: %v", exe, strings.Join(args, " "), err)
	}
	return cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()
}

// regValue reads one value of a registry key ("" for the key's default); ok is false when the
// key or the value does not exist.
func (pc *winePC) regValue(key, name string) (value string, ok bool) {
	pc.t.Helper()
	args := []string{"reg", "query", key, "/v", name}
	if name == "" {
		args = []string{"reg", "query", key, "/ve"}
	}
	code, out, _ := pc.run("", nil, args[0], args[1:]...)
	if code != 0 {
		return "", false
	}
	for _, line := range strings.Split(out, "\n") {
		f := regValueLine.FindStringSubmatch(line)
		if f != nil && (f[1] == name || (name == "" && f[1] == "(Default)")) {
			return f[2], true
		}
	}
	return "", false
}

// env is a variable of the prefix's Windows environment.
func (pc *winePC) env(name string) string {
	pc.t.Helper()
	_, out, _ := pc.run("", nil, "cmd", "/c", "echo %"+name+"%")
	v := strings.TrimSpace(out)
	if v == "" || strings.Contains(v, "%") {
		pc.t.Fatalf("%%%s%% is not set in the Wine prefix (%q)", name, out)
	}
	return v
}

// linuxPath is where C:\... is in the prefix.
func (pc *winePC) linuxPath(windowsPath string) string {
	rest, ok := strings.CutPrefix(windowsPath, `C:\`)
	if !ok {
		pc.t.Fatalf("%s is not on drive C:", windowsPath)
	}
	return filepath.Join(pc.prefix, "drive_c", filepath.FromSlash(strings.ReplaceAll(rest, `\`, "/")))
}

// regValueLine is a value as `reg query` prints it: "    name    REG_SZ    value".
var regValueLine = regexp.MustCompile(`^\s+(\S.*?)\s+REG_\w+\s*(.*?)\s*$`)

func (pc *winePC) keyExists(key string) bool {
	code, _, _ := pc.run("", nil, "reg", "query", key)
	return code == 0
}

// shortcuts lists the EPSM shortcuts anywhere in the prefix (Start menu, desktop).
func (pc *winePC) shortcuts() []string {
	var found []string
	_ = filepath.WalkDir(filepath.Join(pc.prefix, "drive_c"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() == "EPSM Desktop.lnk" {
			found = append(found, p)
		}
		return nil
	})
	return found
}

type fileAssociation struct{ Ext, Name, Description, IconName string }

// wailsAssociations are the file associations wails.json declares (the macOS Info.plist is
// made from them too); the installer's own list must be the same.
func wailsAssociations(t *testing.T) (assoc []fileAssociation, productVersion string) {
	t.Helper()
	b, err := os.ReadFile("../wails.json")
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Info struct {
			ProductVersion   string            `json:"productVersion"`
			FileAssociations []fileAssociation `json:"fileAssociations"`
		} `json:"info"`
	}
	if err := json.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	return cfg.Info.FileAssociations, cfg.Info.ProductVersion
}

func TestWindowsInstaller(t *testing.T) {
	installer := os.Getenv("EPSM_WINDOWS_INSTALLER")
	if installer == "" {
		t.Skip("make test-release runs this test (it needs the NSIS installer of make release, and Wine)")
	}
	requireEngine(t)
	assoc, productVersion := wailsAssociations(t)
	if len(assoc) != 2 {
		t.Fatalf("wails.json declares %d file associations, want .idf and .epw: %+v", len(assoc), assoc)
	}
	pc := newWinePC(t)
	installed := filepath.Join(pc.programFiles, "EPSM Desktop")
	classes := `HKLM\Software\Classes\`
	uninstallKey := `HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\EPSMDesktop`

	// Wine reports Windows 7 unless told otherwise: the installer refuses it (exit 64), as
	// Wails's template does for every Windows before 10, and installs nothing.
	if code, _, _ := pc.run("", nil, installer, "/S"); code != 64 {
		t.Errorf("the installer on Windows 7: exit %d, want 64 (refused)", code)
	}
	if _, err := os.Stat(installed); err == nil {
		t.Fatalf("the installer refused Windows 7 but installed into %s", installed)
	}
	pc.run("", nil, "reg", "add", `HKCU\Software\Wine`, "/v", "Version", "/t", "REG_SZ", "/d", "win10", "/f")
	// Another program had .epw before: uninstalling EPSM gives it back.
	pc.run("", nil, "reg", "add", classes+".epw", "/ve", "/t", "REG_SZ", "/d", "OtherApp.Weather", "/f")

	start := time.Now()
	if code, out, errOut := pc.run("", nil, installer, "/S"); code != 0 {
		t.Fatalf("silent install: exit %d\n%s%s", code, out, errOut)
	}
	pc.settle()
	t.Logf("silent install in %s", time.Since(start).Round(time.Millisecond))

	t.Run("files and shortcuts", func(t *testing.T) {
		for _, f := range []string{"epsm.exe", "uninstall.exe", "idffile.ico", "epwfile.ico"} {
			if _, err := os.Stat(filepath.Join(installed, f)); err != nil {
				t.Errorf("installed: %v", err)
			}
		}
		// Explorer's Properties → Details: the version information Wails writes from wails.json.
		if err := versionInfo(filepath.Join(installed, "epsm.exe"), "ProductName", "EPSM Desktop", "ProductVersion", productVersion, "CompanyName", "EPSM Desktop"); err != nil {
			t.Error(err)
		}
		if s := pc.shortcuts(); len(s) != 2 {
			t.Errorf("shortcuts %v: want one in the Start menu and one on the desktop", s)
		}
		if v, _ := pc.regValue(uninstallKey, "DisplayVersion"); v != productVersion {
			t.Errorf("Apps & features shows version %q, want %q", v, productVersion)
		}
		if v, _ := pc.regValue(uninstallKey, "QuietUninstallString"); !strings.Contains(v, `EPSM Desktop\uninstall.exe" /S`) {
			t.Errorf("quiet uninstall command %q", v)
		}
	})

	t.Run("file associations", func(t *testing.T) {
		for _, a := range assoc {
			if v, _ := pc.regValue(classes+"."+a.Ext, ""); v != a.Name {
				t.Errorf(".%s opens with %q, want %q", a.Ext, v, a.Name)
			}
			if v, _ := pc.regValue(classes+"."+a.Ext, "EPSM_previous"); a.Ext == "epw" && v != "OtherApp.Weather" {
				t.Errorf(".epw: the earlier program %q was not kept for the uninstall", v)
			}
			// A double-click runs this command: the program's path quoted (it has spaces), the
			// file as one argument; EPSM imports it (the Linux e2e test opens files so).
			want := `"C:\Program Files\EPSM Desktop\epsm.exe" "%1"`
			if v, _ := pc.regValue(classes+a.Name+`\shell\open\command`, ""); v != want {
				t.Errorf("%s opens with %q, want %q", a.Name, v, want)
			}
			if v, _ := pc.regValue(classes+a.Name+`\DefaultIcon`, ""); v != `C:\Program Files\EPSM Desktop\`+a.IconName+".ico" {
				t.Errorf("%s icon %q", a.Name, v)
			}
			if v, _ := pc.regValue(classes+a.Name, ""); v != a.Description {
				t.Errorf("%s is described as %q, want %q", a.Name, v, a.Description)
			}
		}
	})

	// The installed app, from its install folder: its version, and the example run headless
	// with the Windows EnergyPlus into the data folder under %APPDATA%, which the Linux build
	// gives the same figures for.
	appData := filepath.Join(pc.linuxPath(pc.env("APPDATA")), "EPSM Desktop")
	t.Run("installed epsm.exe", func(t *testing.T) {
		code, out, errOut := pc.run(installed, nil, `C:\Program Files\EPSM Desktop\epsm.exe`, "--version")
		if code != 0 || out != "epsm "+version.String()+"\n" {
			t.Fatalf("installed epsm.exe --version = %d, %q (%s); want %q", code, out, errOut, "epsm "+version.String())
		}
		model, weather := winPath(mustAbs(t, "../examples/1ZoneUncontrolled.idf")), winPath(mustAbs(t, "../examples/USA_CO_Golden-NREL.724666_TMY3.epw"))
		code, out, errOut = pc.run(installed, []string{"ENERGYPLUS_EXE=" + os.Getenv("EPSM_WINDOWS_ENGINE"), "EPSM_DATA_DIR="}, `C:\Program Files\EPSM Desktop\epsm.exe`, "run", "--weather", weather, model, "--json")
		win := oneRun(t, "installed epsm.exe", code, out, errOut)
		code, out, errOut = linux("run", "--weather", "../examples/USA_CO_Golden-NREL.724666_TMY3.epw", "../examples/1ZoneUncontrolled.idf", "--json", "--data-dir", t.TempDir())
		lin := oneRun(t, "linux", code, out, errOut)
		t.Logf("total site energy: installed Windows app %.4f kWh, Linux %.4f kWh", win.Results.TotalSiteKWh, lin.Results.TotalSiteKWh)
		if !enginetest.Same4(win.Results.TotalSiteKWh, lin.Results.TotalSiteKWh) {
			t.Errorf("installed Windows app %.4f kWh, Linux %.4f kWh: not the same to 4 significant figures", win.Results.TotalSiteKWh, lin.Results.TotalSiteKWh)
		}
		if _, err := os.Stat(filepath.Join(appData, "epsm.db")); err != nil {
			t.Errorf("the run's data folder is not %%APPDATA%%\\EPSM Desktop: %v", err)
		}
	})

	start = time.Now()
	if code, out, errOut := pc.run("", nil, `C:\Program Files\EPSM Desktop\uninstall.exe`, "/S"); code != 0 {
		t.Fatalf("silent uninstall: exit %d\n%s%s", code, out, errOut)
	}
	pc.settle()
	t.Logf("silent uninstall in %s", time.Since(start).Round(time.Millisecond))

	t.Run("uninstalled", func(t *testing.T) {
		if entries, err := os.ReadDir(installed); !os.IsNotExist(err) {
			t.Errorf("the install folder is still there: %v %v", names(entries), err)
		}
		if s := pc.shortcuts(); len(s) != 0 {
			t.Errorf("shortcuts left: %v", s)
		}
		if pc.keyExists(uninstallKey) {
			t.Errorf("%s is still there", uninstallKey)
		}
		for _, a := range assoc {
			if pc.keyExists(classes + a.Name) {
				t.Errorf("%s%s is still there", classes, a.Name)
			}
		}
		if pc.keyExists(classes + ".idf") {
			t.Errorf("%s.idf is still there (nothing had it before EPSM)", classes)
		}
		if v, _ := pc.regValue(classes+".epw", ""); v != "OtherApp.Weather" {
			t.Errorf(".epw opens with %q after the uninstall, want the earlier OtherApp.Weather", v)
		}
		if _, ok := pc.regValue(classes+".epw", "EPSM_previous"); ok {
			t.Errorf(".epw keeps EPSM's note of the earlier program")
		}
		// The user's results are theirs: an uninstall leaves the data folder.
		if _, err := os.Stat(filepath.Join(appData, "epsm.db")); err != nil {
			t.Errorf("the uninstall removed the user's data folder: %v", err)
		}
	})
}

// versionInfo checks that a Windows program's resources (.rsrc) hold each key with its value,
// as the VS_VERSIONINFO block stores them: UTF-16 strings, the value after its key.
func versionInfo(exe string, keyValues ...string) error {
	f, err := pe.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		return fmt.Errorf("%s has no resources (.rsrc): no icon, no version information", exe)
	}
	data, err := rsrc.Data()
	if err != nil {
		return err
	}
	utf16le := func(s string) []byte {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	for i := 0; i+1 < len(keyValues); i += 2 {
		k := bytes.Index(data, utf16le(keyValues[i]))
		if k < 0 || !bytes.Contains(data[k:min(len(data), k+200)], utf16le(keyValues[i+1])) {
			return fmt.Errorf("%s: the version information lacks %s = %q", exe, keyValues[i], keyValues[i+1])
		}
	}
	return nil
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func names(entries []os.DirEntry) []string {
	var n []string
	for _, e := range entries {
		n = append(n, e.Name())
	}
	return n
}
