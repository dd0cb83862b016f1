#!/usr/bin/env python3
"""Print the chapters and highest section numbers of Swedish acts, read from the consolidated
texts of the se-lex/sfs repository (https://github.com/se-lex/sfs, one Markdown file per act with
"## N kap." and "#### N §" headings, or "### N §" in acts without chapters).

Used once to fill the <structure> elements of templates/law/acts.xml:
    sfs_structure.py /path/to/sfs/checkout 2017:725 2017:900 ...
Prints, per act, a line such as: 2017:725 chapters=1:10 2:9 ... (chapter:highest section).
"""
import re
import subprocess
import sys


def text_of(repo, sfs):
    year, number = sfs.split(":")
    path = f"{year}/sfs-{year}-{number}.md"
    return subprocess.run(["git", "-C", repo, "show", f"HEAD:{path}"], capture_output=True, text=True,
                          check=True).stdout


def structure(text):
    chapters = {}
    current = None
    for line in text.splitlines():
        m = re.match(r"^##\s+(\d+)\s*([a-z]?)\s*kap\.", line)
        if m:
            current = m.group(1) + m.group(2)
            chapters.setdefault(current, 0)
            continue
        m = re.match(r"^#{3,4}\s+(\d+)\s*[a-z]?\s*§", line)
        if m:
            key = current if current is not None else "-"
            chapters[key] = max(chapters.get(key, 0), int(m.group(1)))
    return chapters


def main():
    repo = sys.argv[1]
    for sfs in sys.argv[2:]:
        s = structure(text_of(repo, sfs))
        if list(s) == ["-"]:
            print(f"{sfs} sections={s['-']}")
        else:
            print(f"{sfs} chapters=" + " ".join(f"{c}:{n}" for c, n in s.items() if c != "-"))


if __name__ == "__main__":
    main()
