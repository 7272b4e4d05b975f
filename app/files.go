package app

import (
	"net/http"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// runFilePrefix is the URL path under which the UI loads a run's report files, e.g.
// /runfiles/12/eplustbl.htm, so the EnergyPlus HTML report opens inside the app.
const runFilePrefix = "/runfiles/"

// servedRunFiles are the only files of a run folder the UI may load.
var servedRunFiles = map[string]string{
	"eplustbl.htm": "text/html; charset=utf-8",
	"eplusout.err": "text/plain; charset=utf-8",
}

// RunFilesHandler serves report files of stored runs. Only listed names inside a run's own
// folder are served: an id and a file name, never a path.
func (c *Core) RunFilesHandler() http.Handler {
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
		run, err := c.store.Run(id)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", ctype)
		http.ServeFile(w, r, filepath.Join(run.Dir, name))
	})
}
