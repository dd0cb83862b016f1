#!/usr/bin/env python3
"""Run the delegation-order rules over the corpus and report precision and recall per rule.

The corpus: sources.tsv (published orders), rows.tsv (their rows, classified by hand) and
planted.tsv (faults written the way drafters write, and lawful controls). Each source becomes one
delegation order (the board's or a committee's, as the source says); each row gets its own roles so
that every diagnostic can be traced back to the row it is about. The real `overens validate`
reads them.

    report.py --overens build/bin/overens [--check] [--verbose] [--sources ID,ID,...] [--templates DIR]

--sources reports on the rows of those sources only (e.g. a batch held out from tuning).
--check exits 1 unless: every planted fault is caught with its expected severity, no lawful
published row gets an error, and at most 5 % of the lawful rows get a warning.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile
from xml.sax.saxutils import quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = "delegation-order."
DIAG = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): \[(?P<code>[^\]]+)\] (?P<msg>.*)$")


def read_tsv(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def load():
    sources = {}
    for s in read_tsv("sources.tsv"):
        s += [""] * (7 - len(s))
        sources[s[0]] = {"id": s[0], "type": s[1], "board": s[2], "committee": s[3], "url": s[4], "what": s[5],
                         "adopted": s[6].strip() or "2026-01-01"}
    rows = []
    for file_name, planted in (("rows.tsv", False), ("planted.tsv", True)):
        for c in read_tsv(file_name):
            c += [""] * (12 - len(c))
            expect = set() if c[10].strip() in ("", "-") else set(c[10].split())
            rows.append({"id": c[0], "source": c[1], "delegate": c[2], "delegate_kind": c[3], "substitute": c[4],
                         "substitute_kind": c[5], "matter": c[6], "legal_basis": c[7], "note": c[8], "attrs": c[9],
                         "expect": expect, "reason": c[11], "planted": planted})
    return sources, rows


def build_order(source, rows):
    """The XML of one order and, per line, the row it belongs to."""
    lines, owner = [], {}
    committee = source["committee"]
    body = committee or source["board"]
    org = "Exempelland" if source["type"] == "region" else "Exempelby kommun"
    lines += ['<?xml version="1.0" encoding="UTF-8"?>', '<delegation-order lang="sv">',
              f'  <organisation type="{source["type"]}" name="{org}" board="{source["board"]}"/>',
              '  <party role="contact" name="Korpus Sekreterare" title="Nämndsekreterare" email="korpus@example.org"/>',
              f'  <registration dnr="KORPUS 1" adopted="{source["adopted"]}" body={quoteattr(body)} minutes="§ 1" version="1"/>',
              '  <delegation-order reporting="report"' + (f' committee={quoteattr(committee)}' if committee else "") + '>']
    for i, row in enumerate(rows):
        for role, title, kind in (("d", row["delegate"], row["delegate_kind"]), ("s", row["substitute"], row["substitute_kind"])):
            if title:
                owner[len(lines) + 1] = row["id"]
                lines.append(f'    <role id="{role}{i}" title={quoteattr(title)} kind="{kind}"/>')
    lines.append('    <area number="1" title="Korpus">')
    for i, row in enumerate(rows):
        attrs = f'number="{i + 1}" matter={quoteattr(row["matter"])} delegate="d{i}"'
        if row["substitute"]:
            attrs += f' substitute="s{i}"'
        if row["legal_basis"]:
            attrs += f' legal-basis={quoteattr(row["legal_basis"])}'
        if row["note"]:
            attrs += f' note={quoteattr(row["note"])}'
        if row["attrs"]:
            attrs += " " + row["attrs"]
        owner[len(lines) + 1] = row["id"]
        lines.append(f"      <delegation {attrs}/>")
    lines += ["    </area>", "  </delegation-order>", "</delegation-order>", ""]
    return "\n".join(lines), owner


def run(overens, sources, rows, templates=None):
    got = collections.defaultdict(set)
    messages = collections.defaultdict(list)
    by_source = collections.defaultdict(list)
    for row in rows:
        by_source[row["source"]].append(row)
    with tempfile.TemporaryDirectory() as tmp:
        files, owners = [], {}
        for sid, srows in by_source.items():
            xml, owner = build_order(sources[sid], srows)
            path = os.path.join(tmp, sid + ".xml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(xml)
            files.append(path)
            owners[path] = owner
        extra = ["--templates", templates] if templates else []
        res = subprocess.run([overens, "validate", "--lang", "sv"] + extra + files, capture_output=True, text=True,
                             timeout=120)
        for line in res.stderr.splitlines():
            m = DIAG.match(line)
            if not m:
                continue
            row_id = owners.get(m["file"], {}).get(int(m["line"]))
            if row_id is None:
                print("diagnostic outside the rows: " + line, file=sys.stderr)
                continue
            code = m["code"][len(PREFIX):] if m["code"].startswith(PREFIX) else m["code"]
            got[row_id].add(f'{m["sev"]}:{code}')
            messages[row_id].append(f'{m["sev"]}: [{code}] {m["msg"]}')
    return got, messages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--overens", required=True)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--sources", help="only the rows of these sources (comma-separated ids)")
    ap.add_argument("--templates", help="a templates folder to read the law data from (e.g. a tuned copy)")
    a = ap.parse_args()
    sources, rows = load()
    if a.sources:
        wanted = set(a.sources.split(","))
        unknown = wanted - set(sources)
        if unknown:
            ap.error("unknown sources: " + ", ".join(sorted(unknown)))
        rows = [r for r in rows if r["source"] in wanted]
    got, messages = run(a.overens, sources, rows, a.templates)

    stats = collections.defaultdict(lambda: collections.Counter())
    for row in rows:
        g, e = got[row["id"]], row["expect"]
        for item in e | g:
            code = item.split(":", 1)[1]
            if item in e and item in g:
                stats[code]["tp"] += 1
            elif item in e:
                stats[code]["fn"] += 1
            else:
                stats[code]["fp"] += 1

    real = [r for r in rows if not r["planted"]]
    planted = [r for r in rows if r["planted"]]
    print(f"corpus: {len(real)} published rows from {len({r['source'] for r in real})} orders, "
          f"{len([r for r in planted if r['expect']])} planted faults, {len([r for r in planted if not r['expect']])} planted lawful controls")
    print(f"{'rule':40} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for code in sorted(stats):
        s = stats[code]
        prec = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else float("nan")
        rec = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else float("nan")
        print(f"{code:40} {s['tp']:4} {s['fp']:4} {s['fn']:4} {prec:10.2f} {rec:8.2f}")

    def text(r):
        return f'{r["id"]} ({r["source"]}): "{r["matter"]}"' + (f' [lagrum: {r["legal_basis"]}]' if r["legal_basis"] else "") + \
            (f' [anm: {r["note"]}]' if r["note"] else "") + f' [delegat: {r["delegate"]}]'

    failures = []
    print("\nfalse alarms (found, not expected):")
    for r in rows:
        extra = got[r["id"]] - r["expect"]
        if extra:
            print(f"  {text(r)}\n    got {' '.join(sorted(extra))}")
            for m in messages[r["id"]]:
                print(f"      {m}")
    print("\nmisses (expected, not found):")
    for r in rows:
        missing = r["expect"] - got[r["id"]]
        if missing:
            print(f"  {text(r)}\n    missing {' '.join(sorted(missing))}  ({r['reason']})")
    print("\nrows where the law itself is unclear:")
    for r in rows:
        if r["reason"].startswith("unclear:"):
            print(f"  {text(r)}\n    {r['reason'][len('unclear:'):].strip()}")
            for m in messages[r["id"]] or ["(no message)"]:
                print(f"      says: {m}")

    # The thresholds.
    for r in planted:
        for item in r["expect"]:
            if item not in got[r["id"]]:
                failures.append(f"planted fault not caught as {item}: {text(r)}")
    lawful = [r for r in rows if not any(x.startswith("error:") for x in r["expect"])]
    for r in lawful:
        errors = [x for x in got[r["id"]] if x.startswith("error:")]
        if errors and (not r["planted"] or not r["expect"]):
            failures.append(f"error on a lawful row: {text(r)}: {' '.join(errors)}")
    clean = [r for r in rows if not r["expect"]]
    warned = [r for r in clean if any(x.startswith("warning:") for x in got[r["id"]])]
    share = len(warned) / len(clean) if clean else 0.0
    print(f"\nlawful rows: {len(clean)}, with a warning: {len(warned)} ({share:.1%}, limit 5%)")
    if share > 0.05:
        failures.append(f"warnings on {share:.1%} of lawful rows (limit 5%)")
    if a.verbose:
        for r in rows:
            print(r["id"], sorted(got[r["id"]]), sorted(r["expect"]))
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures))
    return 1 if (a.check and failures) else 0


if __name__ == "__main__":
    sys.exit(main())
