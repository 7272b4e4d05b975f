// Package bbr turns a run's results into the figures Swedish users report under Boverket's
// building rules (BBR 29, BFS 2020:4, section 9): Atemp, delivered energy by carrier and by
// purpose, the primary energy number EP_pet with its energy class A-G, peak heating power, and
// summer overheating hours. Every factor is a setting that names its source, and a figure that
// lacks an input is missing with that input named, never zero.
package bbr
