// Package epw reads the header of EnergyPlus weather (EPW) files: location, data periods and
// comments, plus a count of the hourly rows and their monthly mean dry-bulb temperature so
// the UI can show what a weather file is before a study uses it.
package epw
