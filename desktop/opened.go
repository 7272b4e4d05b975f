package desktop

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"strings"
	"sync"

	"epsm/services/importsvc"
)

// Files reach the window from outside it in three ways: named on the command line (the file
// manager's "Open with EPSM Desktop", a double-click on an associated .idf or .epw), forwarded
// by a second launch to the running window (single instance), and, on macOS, the Finder's
// open-document event. All three import the files the way a drop does.

// commandLineFiles are the files a launch names. A file manager passes absolute paths; a
// shell may pass relative ones, taken from dir, the folder the launch ran in. Flags are not
// files (macOS adds -psn_…, GTK may add its own).
func commandLineFiles(args []string, dir string) []string {
	var files []string
	for _, a := range args {
		if a == "" || strings.HasPrefix(a, "-") {
			continue
		}
		if strings.HasPrefix(a, "file://") { // some file managers pass a URI for %U
			a = uriPath(a)
		}
		if !filepath.IsAbs(a) && dir != "" {
			a = filepath.Join(dir, a)
		}
		files = append(files, filepath.Clean(a))
	}
	return files
}

// uriPath turns file:///home/a%20b/x.idf into /home/a b/x.idf (and file:///C:/x into C:\x).
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Path == "" {
		return uri // not a URI after all: the import will say the file is not there
	}
	p := u.Path
	if len(p) > 2 && p[0] == '/' && p[2] == ':' { // a Windows drive letter
		p = p[1:]
	}
	return filepath.FromSlash(p)
}

// instanceID names the single running window of one data folder: a second launch on the same
// folder hands its files to that window and ends, while another folder (EPSM_DATA_DIR) may
// have a window of its own. Letters and digits only, so that it is a valid D-Bus name part
// on Linux and a valid mutex name on Windows.
func instanceID(dataDir string) string {
	if abs, err := filepath.Abs(dataDir); err == nil {
		dataDir = abs
	}
	sum := sha256.Sum256([]byte(dataDir))
	return "epsmdesktop" + hex.EncodeToString(sum[:8])
}

// openedFiles holds the import of files opened before the page could hear of it: the window
// reads it once as it loads (Shell.OpenedFiles); what is opened after that is pushed as
// import:done like a drop.
type openedFiles struct {
	mu      sync.Mutex
	taken   bool
	pending importsvc.ImportReport
}

// hold keeps rep for the page if the page has not loaded yet, and says whether it did.
func (o *openedFiles) hold(rep importsvc.ImportReport) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.taken {
		return false
	}
	o.pending.Models = append(o.pending.Models, rep.Models...)
	o.pending.Weather = append(o.pending.Weather, rep.Weather...)
	o.pending.Duplicates = append(o.pending.Duplicates, rep.Duplicates...)
	o.pending.Errors = append(o.pending.Errors, rep.Errors...)
	return true
}

// take returns what was held and from then on holds nothing.
func (o *openedFiles) take() importsvc.ImportReport {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.taken = true
	rep := o.pending
	o.pending = importsvc.ImportReport{}
	return rep
}
