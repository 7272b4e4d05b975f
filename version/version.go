// Package version names this build: the app's name and version, shown by About, written into
// exported files and study bundles. A release build sets Version with
// -ldflags "-X epsm/version.Version=1.2.3".
package version

// AppName is the product's name.
const AppName = "EPSM Desktop"

// Version follows wails.json's productVersion unless the build sets it.
var Version = "0.1.0"
