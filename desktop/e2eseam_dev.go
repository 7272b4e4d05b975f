//go:build dev

package desktop

import "os"

// e2eSaveDir is the test seam of the dev build (the binary Playwright drives): with
// EPSM_E2E_SAVE_DIR set, a save dialog answers with that folder and the suggested file name.
func e2eSaveDir() string { return os.Getenv("EPSM_E2E_SAVE_DIR") }
