//go:build desktop || dev || production || bindings

package runsvc

// guiBuild: this program is the desktop app, which links GTK/WebKit and so cannot be the
// worker on a cluster's nodes.
const guiBuild = true
