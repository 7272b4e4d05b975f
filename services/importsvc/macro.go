package importsvc

import (
	"context"
	"fmt"
	"path/filepath"

	"epsm/runner"
	"epsm/store"
)

// importMacroFile expands a model that uses EPMacro (an .imf, or an .idf with ##include
// lines) with the EPMacro program of the engine in use and imports the expansion under the
// user's file name: the stored copy is then a plain IDF that runs without the included files.
// Include names resolve in the folder of the user's file, as EP-Launch does; nothing is
// written there. Without a usable EPMacro the file is refused with what to do instead.
func (imp *Importer) importMacroFile(me *store.MacroFileError) (store.Model, bool, error) {
	first := fmt.Sprintf("%s at line %d", me.First.Text, me.First.Line)
	exe, err := runner.EPMacroPath(imp.settings.Engine())
	if err != nil {
		return store.Model{}, false, fmt.Errorf("%s uses EPMacro lines (%s) that EPMacro must expand before EnergyPlus can read the file, but %v. "+
			"Expand it with EPMacro (EP-Launch does this for .imf files) and import the .idf it writes, or use the full EnergyPlus install from NREL, which has EPMacro", me.Path, first, err)
	}
	abs, err := filepath.Abs(me.Path)
	if err != nil {
		abs = me.Path
	}
	expanded, err := runner.ExpandMacros(context.Background(), exe, me.Source, filepath.Dir(abs), filepath.Join(imp.store.Dir(), "tmp"))
	if err != nil {
		return store.Model{}, false, fmt.Errorf("%s uses EPMacro lines (%s): %w", me.Path, first, err)
	}
	m, created, err := imp.store.ImportModelText(me.Path, expanded)
	if err != nil {
		return m, created, fmt.Errorf("%w (after expanding it with EPMacro)", err)
	}
	if created {
		imp.log.Info("expanded EPMacro lines", "path", me.Path, "macro_lines", me.Count, "epmacro", exe)
	}
	return m, created, nil
}
