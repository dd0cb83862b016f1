#!/usr/bin/python3
"""Generate N header-only Överens sources for the remind benchmark.

Usage: generate_sources.py N DIR [--seed S]

Writes DIR/<bucket>/<n>.xml, 500 files per folder, with review dates spread over three years
from 2027-01-01 (about 1 in 36 falls inside a 30-day window), a mix of the three document kinds,
two or three parties each, some reviews recurring. Also drops a few non-source XML files, which
remind must skip. Deterministic for a given N and seed. Fast: plain string formatting."""
import datetime, os, random, sys

KINDS = ["agreement", "director-instruction", "delegation-order"]
EVERY = ["P1Y", "P2Y", "P6M", "P1Y", "P1Y"]
FIRST = ["Åsa", "Per", "Karin", "Nils", "Eva", "Lars", "Maria", "Johan", "Sara", "Erik"]
LAST = ["Öberg", "Lind", "Ström", "Åkesson", "Berg", "Nyström", "Holm", "Ek"]

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    rnd = random.Random(seed)
    start = datetime.date(2027, 1, 1)
    made = set()
    for i in range(n):
        bucket = os.path.join(out, "k%03d" % (i // 500))
        if bucket not in made:
            os.makedirs(bucket, exist_ok=True)
            made.add(bucket)
        kind = KINDS[i % 3]
        org = "Kommun %d" % (i % 290)
        nxt = start + datetime.timedelta(days=rnd.randrange(3 * 365))
        adopted = nxt - datetime.timedelta(days=365)
        every = EVERY[i % len(EVERY)]
        recurring = ' recurring="true"' if i % 4 == 0 else ""
        parties = []
        for role, title in (("chair", "Kommunstyrelsens ordförande"), ("director", "Kommundirektör"),
                            ("secretary", "Nämndsekreterare"))[: 2 + (i % 2)]:
            name = "%s %s" % (rnd.choice(FIRST), rnd.choice(LAST))
            parties.append('  <party role="%s" name="%s" title="%s" email="%s.%d@kommun%d.example"/>\n'
                           % (role, name, title, role, i, i % 290))
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<%s lang="%s">\n'
               '  <organisation type="kommun" name="%s" board="Kommunstyrelsen"/>\n%s'
               '  <registration dnr="KS %d/%05d" adopted="%s"/>\n'
               '  <review every="%s" next="%s" notify-before="P30D"%s/>\n</%s>\n'
               % (kind, "en" if i % 10 == 0 else "sv", org, "".join(parties), adopted.year, i, adopted.isoformat(),
                  every, nxt.isoformat(), recurring, kind))
        with open(os.path.join(bucket, "%06d.xml" % i), "w", encoding="utf-8") as f:
            f.write(xml)
        if i % 5000 == 0:
            with open(os.path.join(bucket, "styles-%d.xml" % i), "w") as f:
                f.write('<?xml version="1.0"?>\n<styles/>\n')

if __name__ == "__main__":
    main()
