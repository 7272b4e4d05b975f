//go:build bindings

package desktop

// generatingBindings: `wails build` and `wails generate module` run the program with the
// bindings tag only to read the bound types; nothing may be opened or created then.
const generatingBindings = true
