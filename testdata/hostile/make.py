#!/usr/bin/env python3
"""Writes the hostile-input corpus beside this script (see README.md). Run it from anywhere;
it reads only ../../examples and ../../../shared/testdata and is deterministic."""
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "testdata")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


E = read(os.path.join(ROOT, "examples", "1ZoneUncontrolled.idf"))
W = read(os.path.join(ROOT, "examples", "USA_CO_Golden-NREL.724666_TMY3.epw"))
OLD = read(os.path.join(SHARED, "energyplus", "1ZoneUncontrolled.idf"))
lines = E.split(b"\n")
wlines = W.split(b"\n")
header, rows = wlines[:8], wlines[8:]
rnd = random.Random(6)


def once(data, old, new):
    assert data.count(old) == 1, old
    return data.replace(old, new)


# --- refused models ---
write("idf-empty.idf", b"")
write("idf-comments-only.idf", b"\n".join(lines[:15]) + b"\n")
write("idf-binary-garbage.idf", bytes(rnd.getrandbits(8) for _ in range(4096)))
write("idf-utf16.idf", b"\xff\xfe" + b"\n".join(lines[:100]).decode("utf-8").encode("utf-16-le"))
cut = E.index(b"15.24000,15.24000,0,  !- X,Y,Z ==> Vertex 3 {m}", E.index(b"Zn001:Wall002"))
write("idf-truncated-mid-object.idf", E[:cut + 6])
write("idf-unterminated-object.idf", once(E, b"Schedule:Constant,AlwaysOn,On/Off,1.0;", b"Schedule:Constant,AlwaysOn,On/Off,1.0"))
write("idf-missing-semicolon.idf", once(E, b"autocalculate;           !- Volume {m3}", b"autocalculate            !- Volume {m3}"))
write("idf-missing-version.idf", once(E, b"  Version,25.2;\n", b""))
write("idf-really-a-weather-file.idf", b"\n".join(wlines[:10]) + b"\n")
write("idf-really-epjson.idf", b'{\n  "Version": {"Version 1": {"version_identifier": "25.2"}},\n  "Zone": {"ZONE ONE": {}}\n}\n')
write("notes.txt", b"Remember to ask about the window U-values.\n")

# --- accepted models: the same model as the example, written differently ---
write("idf-crlf.idf", E.replace(b"\n", b"\r\n"))
write("idf-lone-cr.idf", E.replace(b"\n", b"\r"))
write("idf-bom.idf", b"\xef\xbb\xbf" + E)
latin1 = once(E, b"Denver Centennial  Golden   N_CO_USA Design_Conditions,", "Göteborg Säve Design_Conditions,".encode("utf-8"))
write("idf-latin1.idf", latin1.decode("utf-8").encode("latin-1"))
write("idf-unknown-objects.idf", E + b"\n  Zonee,\n    Typo Zone;               !- a misspelt class\n\n  MyTool:Settings,a,b,c;\n")

# --- old versions: flagged, transition offered where the engine has the updaters ---
write("idf-old-version-9.4.idf", OLD)
v8 = once(OLD, b"Version,9.4;", b"Version,8.0;")
# EnergyPlus 8.x RunPeriod: no year fields after the begin and end days.
v8 = re.sub(rb"(RunPeriod,\n(?:.*\n){3}).*!- Begin Year\n((?:.*\n){2}).*!- End Year\n", rb"\1\2", v8)
write("idf-very-old-version-8.0.idf", v8)

# --- macro files (EPMacro) ---
zs, ze = E.index(b"  Zone,\n"), E.index(b"  Output:Variable,*,Site Outdoor Air Drybulb Temperature,hourly;")
part = E[zs:ze]
write("macro-zone-part.imf", b"! Included by macro-main.imf and idf-with-include.idf: the zone and its surfaces.\n" + part)
write("macro-main.imf", E[:zs] + b"##include macro-zone-part.imf\n\n" + E[ze:])
write("idf-with-include.idf", b"! An .idf with an EPMacro line: EP-Launch would not expand it, EPSM does.\n" + E[:zs] + b"##include macro-zone-part.imf\n\n" + E[ze:])
write("macro-missing-include.imf", E[:zs] + b"##include macro-not-there.imf\n\n" + E[ze:])

# --- weather files ---
write("epw-empty.epw", b"")
write("epw-really-a-model.epw", b"\n".join(lines[:40]) + b"\n")
write("epw-binary-garbage.epw", bytes(rnd.getrandbits(8) for _ in range(4096)))
write("epw-header-cut.epw", b"\n".join(header[:5]) + b"\n")
write("epw-header-only.epw", b"\n".join(header) + b"\n")
write("epw-truncated-year.epw", b"\n".join(header + rows[:48]) + b"\n")
short = rows[:24]
short[9] = b",".join(short[9].split(b",")[:20])
write("epw-wrong-field-count.epw", b"\n".join(header + short) + b"\n")
nonnum = rows[:24]
f = nonnum[4].split(b",")
f[6] = b"N/A"
nonnum[4] = b",".join(f)
write("epw-non-numeric.epw", b"\n".join(header + nonnum) + b"\n")
