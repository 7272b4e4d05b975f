// Package eplusout reads what EnergyPlus leaves in a run folder: the annual results and the
// hourly meters from eplusout.sql, the warning and error counts and messages of eplusout.err,
// and eplusout.end. Table and column names are matched by name, never by position, because
// they change between EnergyPlus versions.
package eplusout
