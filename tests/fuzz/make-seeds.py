#!/usr/bin/env python3
"""Seed corpora for the fuzz targets from the samples: whole files for the source reader, each
section element alone for its plugin's target. Usage: make-seeds.py OUT_DIR"""
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
out = sys.argv[1]
samples = []
for d in ("kommun", "region", "faulty"):
    folder = os.path.join(root, "sample-agreements", d)
    samples += [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(".xml")]
sections = ["goals", "co-leadership", "division-of-work", "collaboration-rules", "director-instruction",
            "delegation-order"]
os.makedirs(os.path.join(out, "source_reader"), exist_ok=True)
for s in sections:
    os.makedirs(os.path.join(out, s), exist_ok=True)
for path in samples:
    data = open(path, "rb").read()
    name = os.path.basename(path)
    open(os.path.join(out, "source_reader", name), "wb").write(data)
    for s in sections:
        m = re.search(rb"<%s[ >].*?</%s>" % (s.encode(), s.encode()), data, re.S)
        if m:
            open(os.path.join(out, s, name), "wb").write(m.group(0))
