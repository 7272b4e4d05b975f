package studysvc

import (
	"reflect"
	"strconv"

	"epsm/lca"
)

// A study's rows repeat the same few "missing" notes (an emission factor, a price, a material's
// GWP) in every amount of every row: for 10,000 variants that was 48 MB of JSON through the
// webview bridge. The table therefore sends each distinct note once, in MissingText, and the
// rows' Missing lists hold indexes into it as decimal strings. The frontend's bridge
// (getStudyTable) restores the texts, so nothing above it sees the difference.

// slimForWindow leaves out of each row the life-cycle figures the window never shows (the
// savings block, the period totals and present values, the annual energy it has from the
// results): a third of a row's bytes. Exports and the CLI use Core.StudyTable, which keeps them.
func slimForWindow(t *StudyTable) {
	for i := range t.Rows {
		if l := t.Rows[i].LCA; l != nil {
			slim := *l
			slim.Savings, slim.AnnualEnergyKWh, slim.OperationalKgCO2e, slim.EnergyCostPresentValue = lca.Savings{}, lca.Amount{}, lca.Amount{}, lca.Amount{}
			t.Rows[i].LCA = &slim
		}
	}
}

// internMissing replaces every `Missing []string` field reachable from v (a pointer) with
// indexes into the returned list.
func internMissing(v any) []string {
	var texts []string
	index := map[string]string{}
	var walk func(reflect.Value)
	walk = func(x reflect.Value) {
		switch x.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !x.IsNil() {
				walk(x.Elem())
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < x.Len(); i++ {
				walk(x.Index(i))
			}
		case reflect.Struct:
			t := x.Type()
			for i := 0; i < x.NumField(); i++ {
				f := x.Field(i)
				if !t.Field(i).IsExported() {
					continue
				}
				if t.Field(i).Name == "Missing" && f.Type() == reflect.TypeOf([]string(nil)) {
					list := f.Interface().([]string)
					refs := make([]string, len(list))
					for j, s := range list {
						k, ok := index[s]
						if !ok {
							k = strconv.Itoa(len(texts))
							index[s] = k
							texts = append(texts, s)
						}
						refs[j] = k
					}
					if len(list) > 0 {
						f.Set(reflect.ValueOf(refs))
					}
					continue
				}
				walk(f)
			}
		}
	}
	walk(reflect.ValueOf(v))
	return texts
}
