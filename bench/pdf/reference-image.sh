#!/usr/bin/env bash
# The first page of the sample agreement built with a municipality's reference document (its
# own fonts, margins, a logo in the header with text beside it), as a PNG (pdftoppm -r 60):
# run it with the build before and after a change to see what reaches the PDF.
#
# Usage: bench/pdf/reference-image.sh OVERENS OUT.png
set -eu
OVERENS=$1
OUT=$2
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The reference: a zip with styles.xml and a 96x48 logo (a blue field with a white bar).
/usr/bin/python3 - "$WORK/kommunen.ott" <<'EOF'
import struct, sys, zipfile, zlib
w, h = 96, 48
rows = b"".join(b"\x00" + b"".join(bytes((255, 255, 255)) if 18 <= y < 30 and 12 <= x < 84 else bytes((20, 60, 130))
                                   for x in range(w)) for y in range(h))
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
styles = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">
  <office:font-face-decls><style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/></office:font-face-decls>
  <office:styles>
    <style:default-style style:family="paragraph"><style:text-properties style:font-name="DejaVu Serif" fo:font-size="10pt"/></style:default-style>
    <style:style style:name="Text_20_body" style:family="paragraph"/>
  </office:styles>
  <office:automatic-styles>
    <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
      fo:margin-top="1.5cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="2cm"/></style:page-layout>
  </office:automatic-styles>
  <office:master-styles>
    <style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header>
      <text:p><draw:frame draw:name="Logo" text:anchor-type="paragraph" svg:width="3cm" svg:height="1.5cm"><draw:image xlink:href="Pictures/logo.png"/></draw:frame>Exempelby kommun · Kommunledningskontoret</text:p>
    </style:header></style:master-page>
  </office:master-styles>
</office:document-styles>"""
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text-template")
    z.writestr("styles.xml", styles, zipfile.ZIP_DEFLATED)
    z.writestr("Pictures/logo.png", png, zipfile.ZIP_DEFLATED)
EOF
"$OVERENS" build "$ROOT/sample-agreements/kommun/exempelby-overenskommelse.xml" -o "$WORK" --format pdf \
  --reference-odt "$WORK/kommunen.ott"
pdftoppm -r 60 -f 1 -l 1 -png -singlefile "$WORK/exempelby-overenskommelse.pdf" "${OUT%.png}"
echo "$OUT"
