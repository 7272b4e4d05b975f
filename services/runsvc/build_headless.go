//go:build !(desktop || dev || production || bindings)

package runsvc

// guiBuild: this program is the headless epsm, which can be the worker on a cluster's nodes.
const guiBuild = false
