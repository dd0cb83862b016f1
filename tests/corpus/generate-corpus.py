#!/usr/bin/env python3
"""Write the bad-input corpus: mutants of the valid samples in the classes of issue 15.

Usage: generate-corpus.py [-o DIR] [--seed S]    (default DIR: tests/corpus/inputs)

Every input is a sample with one hostile change (or a few of one kind). The file name says
its class and what was done: NNN-CLASS-WHAT.xml. The same seed writes the same corpus, so the
committed files can be checked with `git diff` after a change to this script.

Classes:
  syntax     ill-formed XML (duplicate attributes, '<' in a value, bare '&', undefined
             entities, a second root, text after the root, misplaced declaration, bad
             character references, unclosed and mismatched tags, DOCTYPE)
  encoding   bytes that are not strict UTF-8 or characters XML 1.0 forbids, as bytes and as
             character references; other declared encodings
  lines      the same document with CR, CRLF or no line ends at all, and long lines (valid)
  values     a value out of what the writers can take: dates, durations, whole numbers,
             very long text, languages, party roles, characters the writers must escape
  structure  header parts removed or doubled, a substitute equal to the delegate, many
             unknown attributes, deep nesting
"""
import argparse
import os
import random
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLES = [os.path.join(ROOT, "sample-agreements", d, f)
           for d in ("kommun", "region")
           for f in sorted(os.listdir(os.path.join(ROOT, "sample-agreements", d))) if f.endswith(".xml")]

ATTR = re.compile(rb'(\s)([a-z][a-z-]*)="([^"]*)"')
TEXT = re.compile(rb'>([^<>\s][^<>]*)<')


def pick(rng, pattern, data):
    found = list(pattern.finditer(data))
    return rng.choice(found) if found else None


def in_attr(rng, data, payload):
    m = pick(rng, ATTR, data)
    return data[:m.start(3)] + payload + data[m.end(3):]


def in_text(rng, data, payload):
    m = pick(rng, TEXT, data)
    if not m:
        return in_attr(rng, data, payload)
    cut = rng.randint(m.start(1), m.end(1))
    return data[:cut] + payload + data[cut:]


def after_root_start(data, payload):
    root = re.search(rb'<(?!\?|!)[a-z-]+[^>]*>', data)
    return data[:root.end()] + payload + data[root.end():]


def syntax_mutations(rng, data):
    def dup_attr(d):
        m = pick(rng, ATTR, d)
        return d[:m.end()] + b' ' + m.group(2) + b'="again"' + d[m.end():]

    def drop_end_tag(d):
        ends = list(re.finditer(rb'</[a-z-]+>', d))
        m = rng.choice(ends[:-1] or ends)
        return d[:m.start()] + d[m.end():]

    def mismatch(d):
        ends = list(re.finditer(rb'</([a-z-]+)>', d))
        m = rng.choice(ends)
        return d[:m.start()] + b'</' + m.group(1) + b'x>' + d[m.end():]

    def unquoted(d):
        m = pick(rng, ATTR, d)
        return d[:m.start(3) - 1] + m.group(3).split(b' ')[0] + d[m.end(3) + 1:]

    return [
        ("duplicate-attribute", dup_attr(data)),
        ("lt-in-attribute", in_attr(rng, data, b'a < b')),
        ("bare-ampersand", in_text(rng, data, b' & ')),
        ("bare-ampersand-attribute", in_attr(rng, data, b'A & B')),
        ("undefined-entity-nbsp", in_text(rng, data, b'&nbsp;')),
        ("undefined-entity-attribute", in_attr(rng, data, b'x&copy;y')),
        ("second-root", data + b'<agreement kind="agreement"/>\n'),
        ("text-after-root", data + b'trailing words\n'),
        ("declaration-after-blank-lines", b'\n\n' + data),
        ("charref-without-semicolon", in_text(rng, data, b'&#12')),
        ("charref-empty-hex", in_text(rng, data, b'&#x;')),
        ("charref-letters", in_attr(rng, data, b'&#xZZ;')),
        ("unclosed-element", drop_end_tag(data)),
        ("mismatched-end-tag", mismatch(data)),
        ("unquoted-attribute", unquoted(data)),
        ("doctype-with-entity", data.replace(b'?>', b'?>\n<!DOCTYPE agreement [<!ENTITY e "expanded">]>', 1)),
        ("truncated", data[:rng.randint(len(data) // 3, len(data) - 20)]),
        ("cdata-unclosed", in_text(rng, data, b'<![CDATA[ never closed')),
        ("comment-double-dash", in_text(rng, data, b'<!-- a -- b -->')),
        ("empty-file", b''),
    ]


def encoding_mutations(rng, data):
    out = []
    bad_bytes = [
        ("overlong-e0-80-af", b'\xe0\x80\xaf'), ("overlong-c0-af", b'\xc0\xaf'),
        ("surrogate-ed-a0-80", b'\xed\xa0\x80'), ("above-10ffff-f4-90", b'\xf4\x90\x80\x80'),
        ("lead-f5", b'\xf5\x80\x80\x80'), ("lead-ff", b'\xff'), ("lone-continuation", b'\x80'),
        ("truncated-sequence", b'\xc3'), ("u-fffe", b'\xef\xbf\xbe'), ("u-ffff", b'\xef\xbf\xbf'),
        ("c0-control-01", b'\x01'), ("c0-control-1b", b'\x1b'), ("nul-middle", b'\x00'),
        ("latin1-a-ring", b'\xe5'),
    ]
    for name, payload in bad_bytes:
        where = rng.choice([in_attr, in_text])
        out.append((name, where(rng, data, payload)))
    refs = [
        ("ref-surrogate", b'&#xD800;'), ("ref-above-10ffff", b'&#x110000;'), ("ref-huge", b'&#99999999999;'),
        ("ref-nul", b'&#0;'), ("ref-c0", b'&#x1B;'), ("ref-fffe", b'&#xFFFE;'),
    ]
    for name, payload in refs:
        out.append((name, in_text(rng, data, payload)))
    out.append(("nul-at-start", b'\x00' + data))
    out.append(("utf16-bom", b'\xff\xfe' + data))
    out.append(("declared-latin1", data.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"', 1)))
    return out


def line_mutations(rng, data):
    lf = data.replace(b'\r\n', b'\n')
    one_line = re.sub(rb'>\s+<', b'><', lf)
    return [
        ("cr-only", lf.replace(b'\n', b'\r')),
        ("crlf", lf.replace(b'\n', b'\r\n')),
        ("one-line", one_line),
        ("mixed-line-ends", b''.join(l + rng.choice([b'\n', b'\r\n', b'\r']) for l in lf.split(b'\n'))),
    ]


LONG_TEXT = "x" * 66000  # above what one PDF string can hold (65,535 bytes)


def value_mutations(rng, data):
    out = []
    attrs = list(ATTR.finditer(data))

    def set_attr(kind, payload):
        cands = [m for m in attrs if kind(m.group(3))] or attrs
        m = rng.choice(cands)
        return m.group(2).decode(), data[:m.start(3)] + payload + data[m.end(3):]

    is_date = lambda v: re.fullmatch(rb'\d{4}-\d\d-\d\d', v) is not None
    is_duration = lambda v: re.fullmatch(rb'P[0-9YMWDTHS]+', v) is not None
    is_text = lambda v: len(v) > 3 and not is_date(v) and not is_duration(v)
    for value in [b'9999-12-31', b'1899-12-31', b'2200-01-01', b'2199-12-31', b'1900-01-01', b'0001-01-01',
                  b'2027-02-29', b'2027-13-01', b'27-01-01', b'2027-1-1']:
        name, mutated = set_attr(is_date, value)
        out.append(("date-%s-%s" % (name, value.decode()), mutated))
    for value in [b'PT1S', b'P0D', b'P99999Y', b'P100Y', b'P11Y', b'P10Y', b'P1D', b'P400D', b'PT24H', b'P1W']:
        name, mutated = set_attr(is_duration, value)
        out.append(("duration-%s-%s" % (name, value.decode()), mutated))
    for label, value in [("long-66000", LONG_TEXT.encode()), ("long-2001", ("x" * 2001).encode()),
                         ("long-2000", ("ö" * 2000).encode()), ("del-char", b'A\x7fB'),
                         ("c1-control", 'A\u0085B'.encode()), ("line-separator", 'A\u2028B'.encode()),
                         ("emoji", 'Möte 🗳️ 👩🏽‍💼'.encode()), ("rtl", 'مجلس البلدية'.encode()),
                         ("combining", 'A\u030a\u0301\u0323'.encode()), ("markup-chars", b'&lt;b&gt; &amp; &quot;'),
                         ("tab-and-newline-ref", b'a&#9;b&#10;c&#13;d'), ("only-spaces", b'   '),
                         ("empty", b''), ("percent-and-braces", b'{organisation} %s %n \\\\ $1'),
                         ("bidi-override", 'A\u202eB'.encode()), ("zero-width", 'A\u200b\ufeffB'.encode())]:
        name, mutated = set_attr(is_text, value)
        out.append(("text-%s-%s" % (name, label), mutated))
    long_body = ("Ett stycke. " * 1500).encode()
    out.append(("multiline-18000", in_text(rng, data, long_body)))
    for lang in [b'', b'de', b'SV', b'sv-SE', b' en']:
        out.append(("lang-%s" % (lang.decode().strip() or "empty"),
                    re.sub(rb'lang="[a-z]*"', b'lang="' + lang + b'"', data, count=1)))
    for role in [b'king', b'', b'Chair', b'chair chair']:
        out.append(("party-role-%s" % (role.decode().replace(' ', '-') or "empty"),
                    data.replace(b'party role="chair"', b'party role="' + role + b'"', 1)))
    for num in [b'2147483648', b'99999999999', b'-2147483649', b'1e3', b'0x10', b'2147483647']:
        m = re.search(rb'(priority|year|level|count)="[^"]*"', data)
        if m:
            out.append(("integer-%s-%s" % (m.group(1).decode(), num.decode()),
                        data[:m.start()] + m.group(1) + b'="' + num + b'"' + data[m.end():]))
        else:
            name, mutated = set_attr(lambda v: v.isdigit(), num)
            out.append(("integer-%s-%s" % (name, num.decode()), mutated))
    return out


def structure_mutations(rng, data):
    out = [
        ("no-party", re.sub(rb'\s*<party [^>]*/>', b'', data)),
        ("no-registration", re.sub(rb'\s*<registration [^>]*/>', b'', data)),
        ("no-organisation", re.sub(rb'\s*<organisation [^>]*/>', b'', data)),
        ("no-review", re.sub(rb'\s*<review [^>]*/>', b'', data)),
        ("review-twice", re.sub(rb'(<review [^>]*/>)', rb'\1\1', data, count=1)),
        ("unknown-attributes-2000", after_root_start(data, b'<organisation ' + b' '.join(
            b'a%d="v"' % i for i in range(2000)) + b'/>')),
        ("nested-2000", after_root_start(data, b"<x>" * 2000 + b"</x>" * 2000)),
        ("unknown-section", after_root_start(data, b'<unknown-section/>')),
    ]
    m = None
    if b'<delegation-order' in data:
        m = re.search(rb'(?<![-a-z])delegate="([^"]+)"', data)
    if m:
        row = data.rfind(b'<', 0, m.start())
        tag_end = data.find(b'>', m.end())
        row_tag = data[row:tag_end]
        closing = b'/' if row_tag.endswith(b'/') else b''
        fixed = re.sub(rb'\s+substitute="[^"]*"', b'', row_tag.rstrip(b'/')) + b' substitute="' + m.group(1) + b'"' + closing
        out.append(("substitute-equals-delegate", data[:row] + fixed + data[tag_end:]))
    return out


# (class, mutations, how many samples each mutation is applied to: 0 = all). Syntax and
# encoding need no variety of documents: they use the two smallest samples.
CLASSES = [("syntax", syntax_mutations, 2), ("encoding", encoding_mutations, 2), ("lines", line_mutations, 0),
           ("values", value_mutations, 3), ("structure", structure_mutations, 0)]
SMALLEST = sorted(SAMPLES, key=os.path.getsize)[:2]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default=os.path.join(HERE, "inputs"))
    ap.add_argument("--seed", type=int, default=15)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    if os.path.isdir(a.output):
        shutil.rmtree(a.output)
    os.makedirs(a.output)
    n = 0
    counts = {}
    for cls, mutate, per in CLASSES:
        samples = SMALLEST if cls in ("syntax", "encoding") else SAMPLES
        for si, sample in enumerate(samples):
            data = open(sample, "rb").read()
            stem = os.path.splitext(os.path.basename(sample))[0]
            for mi, (what, mutated) in enumerate(mutate(rng, data)):
                # Spread: each mutation on `per` of the samples, a different few for each.
                if per and cls not in ("syntax", "encoding") and (mi + si) % len(samples) >= per:
                    continue
                n += 1
                name = "%03d-%s-%s-%s.xml" % (n, cls, stem, re.sub(r'[^a-z0-9.-]+', '-', what.lower()))
                with open(os.path.join(a.output, name), "wb") as f:
                    f.write(mutated)
                counts[cls] = counts.get(cls, 0) + 1
    for cls, c in counts.items():
        print("%-10s %d" % (cls, c))
    print("total      %d" % n)


if __name__ == "__main__":
    main()
