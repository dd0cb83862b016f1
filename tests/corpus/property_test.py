#!/usr/bin/env python3
"""The corpus property: for every input, `overens validate` exit 0 implies `overens build`
exit 0 and outputs that pass odf-validate, pdf-check and ics-validate; an input that is
refused gets exit 1 and at least one located error, never a crash.

Usage: property_test.py OVERENS TOOLS_DIR CORPUS_DIR [-j N] [--odf-every K]

The checkers run only on accepted inputs (they are the slow part). pdf-check and
ics-validate run on every accepted input. odf-validate starts jing five times per file (about
4 s of CPU), so by default it runs on every input whose dates or durations changed (they reach
typed ODF attributes such as meta:creation-date) and on every K-th other input
(default 8; --odf-every 1 checks all); every other ODT still has its package and each XML
stream checked for well-formedness here, which is how bad characters break an ODT.
Prints a table per class and the time taken; exits 1 when anything failed (all are listed).
"""
import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.dom.minidom
import zipfile

TIMEOUT = 60


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT, **kw)


def well_formed_odt(path):
    """The package opens, mimetype comes first, every XML stream parses."""
    problems = []
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            # The first entry in the file (Poco orders the central directory by name).
            first = min(z.infolist(), key=lambda i: i.header_offset, default=None)
            if first is None or first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED:
                problems.append("mimetype is not the first entry, stored")
            for n in names:
                if n.endswith(".xml") or n.endswith(".rdf"):
                    try:
                        xml.dom.minidom.parseString(z.read(n))
                    except Exception as e:  # noqa: BLE001 - any parse error is the finding
                        problems.append("%s is not well-formed: %s" % (n, e))
    except zipfile.BadZipFile as e:
        problems.append("not a zip: %s" % e)
    return problems


def check_one(overens, tools, path, full_odf):
    """Returns (class, accepted, problems)."""
    name = os.path.basename(path)
    cls = name.split("-")[1]
    problems = []
    v = run([overens, "validate", path])
    err = v.stderr.decode("utf-8", "replace")
    if v.returncode not in (0, 1):
        return cls, False, ["validate exit %d: %s" % (v.returncode, err[-400:])]
    if v.returncode == 1:
        # A refusal says where: FILE:LINE:COL, or FILE: alone where there is no place.
        if not re.search(r"^\S.*?(:\d+:\d+)?: error: \[[a-z0-9.-]+\] ", err, re.M):
            problems.append("refused without an error line: " + err[-400:])
        if len(err) > 200000:
            problems.append("refusal printed %d bytes (not capped)" % len(err))
        return cls, False, problems
    with tempfile.TemporaryDirectory() as out:
        b = run([overens, "build", path, "-o", out])
        if b.returncode != 0:
            return cls, True, ["validate accepted, build exit %d: %s" % (b.returncode,
                                                                         b.stderr.decode("utf-8", "replace")[-600:])]
        files = sorted(os.listdir(out))
        for ext, tool in (("odt", "odf-validate"), ("pdf", "pdf-check"), ("ics", "ics-validate")):
            made = [f for f in files if f.endswith("." + ext)]
            if len(made) != 1:
                problems.append("build wrote %s, no single .%s" % (files, ext))
                continue
            if ext == "odt" and not full_odf:
                problems += ["odt: " + p for p in well_formed_odt(os.path.join(out, made[0]))]
                continue
            c = run([os.path.join(tools, tool), os.path.join(out, made[0])])
            if c.returncode != 0:
                tail = (c.stdout + c.stderr).decode("utf-8", "replace").strip().splitlines()[-6:]
                problems.append("%s failed: %s" % (tool, " | ".join(tail)))
    return cls, True, problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("overens")
    ap.add_argument("tools")
    ap.add_argument("corpus")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--odf-every", type=int, default=8)
    a = ap.parse_args()
    inputs = sorted(os.path.join(a.corpus, f) for f in os.listdir(a.corpus) if f.endswith(".xml"))
    if len(inputs) < 300:
        sys.exit("the corpus has %d inputs, fewer than 300" % len(inputs))
    start = time.time()
    table = collections.defaultdict(lambda: [0, 0])
    failures = []
    with concurrent.futures.ThreadPoolExecutor(a.j) as pool:
        futures = {pool.submit(check_one, a.overens, a.tools, p,
                               i % a.odf_every == 0 or re.search(r"-(date|duration)-", p) is not None): p
                   for i, p in enumerate(inputs)}
        for f in concurrent.futures.as_completed(futures):
            try:
                cls, accepted, problems = f.result()
            except subprocess.TimeoutExpired as e:
                cls, accepted, problems = "?", False, ["timed out: %s" % e.cmd]
            table[cls][0] += 1
            table[cls][1] += accepted
            failures += ["%s: %s" % (os.path.basename(futures[f]), p) for p in problems]
    print("%-10s %7s %9s" % ("class", "inputs", "accepted"))
    for cls in sorted(table):
        print("%-10s %7d %9d" % (cls, table[cls][0], table[cls][1]))
    print("%-10s %7d %9d   (%.1f s)" % ("total", sum(t[0] for t in table.values()),
                                        sum(t[1] for t in table.values()), time.time() - start))
    for f in sorted(failures):
        print("FAIL", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
