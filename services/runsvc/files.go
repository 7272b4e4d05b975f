package runsvc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"epsm/runner"
	"epsm/store"
)

// runFilePrefix is the URL path under which the UI loads a run's report files, e.g.
// /runfiles/12/eplustbl.htm, so the EnergyPlus HTML report opens inside the app.
const runFilePrefix = "/runfiles/"

// servedRunFiles are the only files of a run folder the UI may load.
var servedRunFiles = map[string]string{
	"eplustbl.htm": "text/html; charset=utf-8",
	"eplusout.err": "text/plain; charset=utf-8",
}

// reportFreedPage stands for a report deleted to free space.
const reportFreedPage = `<!DOCTYPE html><html><body style="font-family:sans-serif;color:#52606d">
<p>This run's report was deleted to free space (Settings &gt; Storage). Its results, hourly data
and messages are kept; re-run it with "Re-run even if cached" to get the report again.</p></body></html>`

// runFileCSP is the policy of a served run file. The report is EnergyPlus's HTML with the
// model's own names in it (a hostile model can put markup there): it may show its inline
// styles and nothing else, no script, no remote image. Frames do not inherit the window's
// policy, hence its own.
const runFileCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

// RunFilesHandler serves report files of stored runs. Only listed names inside a run's own
// folder are served: an id and a file name, never a path.
func (q *Queue) RunFilesHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest, ok := strings.CutPrefix(r.URL.Path, runFilePrefix)
		if !ok {
			http.NotFound(w, r)
			return
		}
		idText, name, _ := strings.Cut(rest, "/")
		id, err := strconv.ParseInt(idText, 10, 64)
		ctype, allowed := servedRunFiles[name]
		if err != nil || !allowed || path.Base(name) != name {
			http.NotFound(w, r)
			return
		}
		f, err := q.openRunFile(id, name)
		gzipped := false
		if err != nil && name == runner.Report && errors.Is(err, fs.ErrNotExist) {
			// A trimmed run folder keeps its report gzipped.
			f, err = q.openRunFile(id, runner.ReportGz)
			gzipped = err == nil
			if run, rerr := q.store.Run(id); err != nil && rerr == nil && run.Outputs == store.OutputsNone {
				// Freed in Settings > Storage: the window's frame says so instead of "not found".
				w.Header().Set("Content-Type", ctype)
				w.Header().Set("Content-Security-Policy", runFileCSP+"; sandbox")
				w.WriteHeader(http.StatusGone)
				w.Write(withCSPMeta([]byte(reportFreedPage)))
				return
			}
		}
		if err != nil {
			q.log.Warn("run file refused", "url", r.URL.Path, "err", err)
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Content-Security-Policy", runFileCSP+"; sandbox")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		var content io.ReadSeeker = f
		if strings.HasPrefix(ctype, "text/html") {
			// Wails's Linux webview drops response headers, so the policy also goes into the
			// document itself.
			var src io.Reader = f
			if gzipped {
				zr, err := gzip.NewReader(f)
				if err != nil {
					http.NotFound(w, r)
					return
				}
				src = zr
			}
			data, err := io.ReadAll(io.LimitReader(src, 512<<20))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			content = bytes.NewReader(withCSPMeta(data))
		}
		http.ServeContent(w, r, name, info.ModTime(), content)
	})
}

// withCSPMeta puts the run files' policy as the document's first element, right after the
// doctype (before it would switch the page to quirks mode); the parser opens the head for it.
func withCSPMeta(doc []byte) []byte {
	meta := []byte(`<meta http-equiv="Content-Security-Policy" content="` + runFileCSP + `">`)
	at := 0
	trimmed := bytes.TrimLeft(doc, "\ufeff \t\r\n")
	if len(trimmed) >= 9 && bytes.EqualFold(trimmed[:9], []byte("<!doctype")) {
		if end := bytes.IndexByte(trimmed, '>'); end >= 0 {
			at = len(doc) - len(trimmed) + end + 1
		}
	}
	out := make([]byte, 0, len(doc)+len(meta)+1)
	out = append(out, doc[:at]...)
	out = append(out, '\n')
	out = append(out, meta...)
	return append(out, doc[at:]...)
}

// ErrOutsideRun is returned for a run file that is a link, or a run folder that leads out of
// the data folder's runs/.
var ErrOutsideRun = errors.New("not a file of the run's own folder")

// openRunFile opens a file of a run's output folder. The folder is built from ids only
// (runs/<id>, or the original's for a cached run), never from a stored or sent path; a
// folder that resolves elsewhere (a symlink) and a file that is not a regular file (a
// symlink planted by a model's output, a device) are refused.
func (q *Queue) openRunFile(id int64, name string) (*os.File, error) {
	run, err := q.store.Run(id)
	if err != nil {
		return nil, fmt.Errorf("run %d: %w", id, err)
	}
	owner := run.ID
	if run.CachedFrom != 0 {
		owner = run.CachedFrom
	}
	runs, err := filepath.EvalSymlinks(filepath.Join(q.store.Dir(), "runs"))
	if err != nil {
		return nil, fmt.Errorf("run %d: %w", id, err)
	}
	dir, err := filepath.EvalSymlinks(q.store.RunDir(owner))
	if err != nil {
		return nil, fmt.Errorf("run %d has no %s yet: %w", id, name, err)
	}
	if dir != filepath.Join(runs, strconv.FormatInt(owner, 10)) {
		return nil, fmt.Errorf("run %d: folder %s: %w", id, dir, ErrOutsideRun)
	}
	p := filepath.Join(dir, name)
	before, err := os.Lstat(p)
	if err != nil {
		return nil, fmt.Errorf("run %d has no %s yet: %w", id, name, err)
	}
	if !before.Mode().IsRegular() {
		return nil, fmt.Errorf("run %d: %s: %w", id, name, ErrOutsideRun)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("run %d: %w", id, err)
	}
	// The file checked is the file opened: not swapped for a link in between.
	if now, err := f.Stat(); err != nil || !os.SameFile(before, now) {
		f.Close()
		return nil, fmt.Errorf("run %d: %s changed while opening: %w", id, name, ErrOutsideRun)
	}
	return f, nil
}
