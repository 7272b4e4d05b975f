// Package idf reads and writes EnergyPlus IDF input text.
//
// It parses objects (with the line each starts on) and EPMacro lines, writes run copies that
// carry the outputs the app reads its results from, and summarises what a model will simulate
// so a launcher can show progress. It knows the IDF grammar, not the IDD: it does not validate
// fields against the EnergyPlus schema (EnergyPlus does that when it runs).
package idf
