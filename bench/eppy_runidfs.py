"""The eppy side of bench/overhead.sh: the same run copies through eppy's runIDFs on 2
processes, the way a Python user batches EnergyPlus. Prints the wall time of the runIDFs call
in seconds (the IDF files are parsed before the clock starts).

Usage: eppy_runidfs.py IDD WEATHER WORKDIR RUNCOPY...
"""
import os
import sys
import time

from eppy.modeleditor import IDF
from eppy.runner.run_functions import runIDFs

idd, weather, work, copies = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
IDF.setiddname(idd)
jobs = []
for i, path in enumerate(copies):
    idf = IDF(path, weather)
    out = os.path.join(work, "run-%d" % i)
    os.makedirs(out, exist_ok=True)
    # ep_version names the install; with idd given, eppy finds the engine beside the IDD.
    jobs.append((idf, {"output_directory": out, "verbose": "q", "ep_version": "25-2-0", "idd": idd}))
os.chdir(work)
t0 = time.monotonic()
runIDFs(jobs, processors=2)
print("%.6f" % (time.monotonic() - t0))
