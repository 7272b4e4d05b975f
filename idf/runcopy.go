package idf

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// OutputInjection says what PrepareRunCopy added or changed.
type OutputInjection struct {
	AddedSQLite              bool // appended Output:SQLite, SimpleAndTabular;
	AddedSummaryReports      bool // appended Output:Table:SummaryReports, AllSummary;
	AddedOrChangedTableStyle bool // appended OutputControl:Table:Style, HTML; or added HTML to its separator
	ChangedSQLite            bool // an existing Output:SQLite's option was changed to SimpleAndTabular
	ExtendedSummaryReports   bool // AllSummary was added to an existing Output:Table:SummaryReports
	AddedHourlyMeters        int  // Output:Meter,<fuel>:Facility,Hourly; and Heating:* objects appended
	AddedZoneVariables       int  // Output:Variable,*,Zone Operative Temperature (and occupants),Hourly; appended
}

// Changed reports whether the run copy differs from the original.
func (o OutputInjection) Changed() bool {
	return o.AddedSQLite || o.AddedSummaryReports || o.AddedOrChangedTableStyle || o.ChangedSQLite || o.ExtendedSummaryReports || o.AddedHourlyMeters > 0 || o.AddedZoneVariables > 0
}

// PrepareRunCopy returns the text of a run copy of src: the original text unchanged (byte for
// byte, including comments), with objects appended when missing: `Output:SQLite,
// SimpleAndTabular;`, `Output:Table:SummaryReports, AllSummary;`. For OutputControl:Table:Style:
// if absent, append `OutputControl:Table:Style, HTML;`; if present but its Column Separator
// does not include HTML, rewrite that one field so that it does (Comma->CommaAndHTML,
// Tab->TabAndHTML, Fixed->HTML, XML->XMLandHTML, CommaAndXML->All), keeping its other fields
// (unit conversion). An existing Output:SQLite whose option is not SimpleAndTabular gets
// SimpleAndTabular (the results are read from its tabular data), keeping further fields. An
// existing Output:Table:SummaryReports without an AllSummary* report gets AllSummary added,
// since all three objects may appear only once per file. For the hourly profiles, it appends
// `Output:Meter, <fuel>:Facility, Hourly;` for electricity and for each fuel the model names
// (a boiler's NaturalGas, a DistrictHeating:Water object) unless the file already writes that
// meter hourly, and `Output:Meter, Heating:*, Hourly;` (every fuel's space heating, for the peak
// heating power). For summer overheating it appends `Output:Variable, *, Zone Operative
// Temperature, Hourly;` and, when the model has People, `Output:Variable, *, Zone People Occupant
// Count, Hourly;` (asking for it without People would cost a warning), unless the file already
// writes them hourly for every zone. The line ending of the file (CRLF,
// CR or LF) is used for everything added.
//
// Files with EPMacro lines are refused: the objects they include are unknown here, and adding
// a second Output:SQLite would make EnergyPlus fail. Expand them with EPMacro first.
func PrepareRunCopy(src []byte) ([]byte, OutputInjection, error) {
	var inj OutputInjection
	f, err := Parse(src)
	if err != nil {
		return nil, inj, fmt.Errorf("prepare run copy: %w", err)
	}
	if len(f.Macros) > 0 {
		m := f.Macros[0]
		return nil, inj, fmt.Errorf("prepare run copy: line %d: %q is an EPMacro line; expand the file with EPMacro first", m.Line, m.Text)
	}
	text := string(src)
	latin1 := !utf8.ValidString(text)
	var edits []edit
	var appended [][]string // objects to append, line by line

	if i := f.firstIndex("Output:SQLite"); i >= 0 {
		if !strings.EqualFold(f.Objects[i].Field(0), "SimpleAndTabular") {
			edits = append(edits, setField(text, latin1, f.starts[i], 0, "SimpleAndTabular"))
			inj.ChangedSQLite = true
		}
	} else {
		appended = append(appended, []string{"Output:SQLite,", "    SimpleAndTabular;        !- Option Type"})
		inj.AddedSQLite = true
	}

	if i := f.firstIndex("Output:Table:SummaryReports"); i >= 0 {
		if !hasAllSummary(f.Objects[i]) {
			edits = append(edits, addReport(text, latin1, f.Objects[i], f.starts[i], "AllSummary"))
			inj.ExtendedSummaryReports = true
		}
	} else {
		appended = append(appended, []string{"Output:Table:SummaryReports,", "    AllSummary;              !- Report 1 Name"})
		inj.AddedSummaryReports = true
	}

	if i := f.firstIndex("OutputControl:Table:Style"); i >= 0 {
		if sep, ok := withHTML(f.Objects[i].Field(0)); !ok {
			edits = append(edits, setField(text, latin1, f.starts[i], 0, sep))
			inj.AddedOrChangedTableStyle = true
		}
	} else {
		appended = append(appended, []string{"OutputControl:Table:Style,", "    HTML;                    !- Column Separator"})
		inj.AddedOrChangedTableStyle = true
	}

	for _, m := range hourlyMetersToAdd(f) {
		appended = append(appended, meterObject(m))
		inj.AddedHourlyMeters++
	}
	if addHeatingMeters(f) {
		appended = append(appended, meterObject(HeatingMeters))
		inj.AddedHourlyMeters++
	}
	for _, v := range zoneVariablesToAdd(f) {
		appended = append(appended, variableObject(v))
		inj.AddedZoneVariables++
	}

	if !inj.Changed() {
		return append([]byte(nil), src...), inj, nil
	}
	out := applyEdits(text, edits)
	if len(appended) > 0 {
		out = appendObjects(out, appended)
	}
	return []byte(out), inj, nil
}

// withHTML returns the column separator that keeps the user's formats and adds HTML, and
// whether sep already includes HTML (then nothing must change).
func withHTML(sep string) (string, bool) {
	switch strings.ToLower(sep) {
	case "html", "commaandhtml", "tabandhtml", "xmlandhtml", "all":
		return sep, true
	case "", "comma": // blank means EnergyPlus's default, Comma
		return "CommaAndHTML", false
	case "tab":
		return "TabAndHTML", false
	case "xml":
		return "XMLandHTML", false
	case "commaandxml":
		return "All", false
	default: // Fixed has no HTML pair; an unknown value would fail the run anyway
		return "HTML", false
	}
}

func hasAllSummary(o Object) bool {
	for _, f := range o.Fields {
		switch strings.ToLower(strings.TrimSpace(f)) {
		case "allsummary", "allsummaryandsizingperiod", "allsummaryandmonthly", "allsummarymonthlyandsizingperiod":
			return true
		}
	}
	return false
}

// newline is the line ending the file already uses, so an editor sees no mixed endings.
func newline(text string) string {
	i := strings.IndexAny(text, "\r\n")
	switch {
	case i < 0 || text[i] == '\n':
		return "\n"
	case i+1 < len(text) && text[i+1] == '\n':
		return "\r\n"
	default:
		return "\r"
	}
}

func appendObjects(text string, objects [][]string) string {
	nl := newline(text)
	var b strings.Builder
	b.WriteString(text)
	// Without a line break first, the objects would land inside a trailing comment.
	if text != "" && !strings.HasSuffix(text, "\n") && !strings.HasSuffix(text, "\r") {
		b.WriteString(nl)
	}
	b.WriteString(nl + "! Added by EPSM to this run copy: results are read from these outputs." + nl)
	for i, o := range objects {
		if i > 0 {
			b.WriteString(nl)
		}
		for _, line := range o {
			b.WriteString(line + nl)
		}
	}
	return b.String()
}

// edit replaces src[from:to] with text.
type edit struct {
	from, to int
	text     string
}

func applyEdits(src string, edits []edit) string {
	sort.Slice(edits, func(i, j int) bool { return edits[i].from < edits[j].from })
	var b strings.Builder
	last := 0
	for _, e := range edits {
		b.WriteString(src[last:e.from])
		b.WriteString(e.text)
		last = e.to
	}
	b.WriteString(src[last:])
	return b.String()
}

// fieldTokens re-reads the fields of the object whose class name starts at byte start, with
// their byte spans; the class name is token 0.
func fieldTokens(src string, latin1 bool, start int) []token {
	lx := newLexer(src, start, latin1)
	lx.lineStart = false // start is the class name, not the start of a line
	var toks []token
	for {
		t := lx.next()
		toks = append(toks, t)
		if t.sep != ',' {
			return toks
		}
	}
}

// setField replaces field i (0 = first after the class name) of the object starting at byte
// start, adding blank fields when the object is shorter.
func setField(src string, latin1 bool, start, i int, value string) edit {
	toks := fieldTokens(src, latin1, start)
	if k := i + 1; k < len(toks) {
		t := toks[k]
		if t.lo < 0 {
			return edit{from: t.sepPos, to: t.sepPos, text: value}
		}
		return edit{from: t.lo, to: t.hi, text: value}
	}
	end := toks[len(toks)-1].sepPos // the ';'
	return edit{from: end, to: end, text: strings.Repeat(",", i+2-len(toks)) + " " + value}
}

// addReport puts a report name in the first blank field of o (starting at byte start), or
// after its last field.
func addReport(src string, latin1 bool, o Object, start int, name string) edit {
	for i, f := range o.Fields {
		if strings.TrimSpace(f) == "" {
			return setField(src, latin1, start, i, name)
		}
	}
	return setField(src, latin1, start, len(o.Fields), name)
}
