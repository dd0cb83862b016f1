#!/usr/bin/python3
"""Live validation latency of `overens serve`: 200 edits of one field, each posted to the
draft's check endpoint exactly as the page's script posts it (the whole form, urlencoded), for
the sample agreement and the sample delegation order. Prints median and 99th percentile.

Usage: bench/web/live_validation.py [build/bin/overens] [--edits N]
Measures wall time per request from this client (keep-alive connection), the server on 127.0.0.1.
"""
import http.client
import html.parser
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")


class FormFields(html.parser.HTMLParser):
    """The name/value pairs a browser would post for the page's draft form (no button)."""

    def __init__(self):
        super().__init__()
        self.fields, self.action, self._select, self._textarea, self._in_form = [], None, None, None, False
        self._options = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "data-check" in a:
            self._in_form, self.action, self.check = True, a["action"], a["data-check"]
        if not self._in_form:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("radio", "checkbox"):
            self.fields.append([a["name"], a.get("value", "")])
        elif tag == "select" and a.get("name"):
            self._select, self._options = a["name"], []
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        if tag == "select" and self._select is not None:
            chosen = [v for v, s in self._options if s] or [self._options[0][0] if self._options else ""]
            self.fields.append([self._select, chosen[0]])
            self._select = None
        if tag == "textarea" and self._textarea is not None:
            self.fields.append(self._textarea)
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data


def measure(port, document, field_suffix, edits):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/open?file=" + document + "&mode=all")
    r = conn.getresponse()
    r.read()
    location = r.getheader("Location")
    conn.request("GET", location)
    page = conn.getresponse().read().decode()
    form = FormFields()
    form.feed(page)
    target = next(f for f in form.fields if f[0].endswith(field_suffix))
    original = target[1]
    times = []
    for i in range(edits):
        target[1] = original + (" " + "x" * (i % 7 + 1) if i % 2 else "")
        body = urllib.parse.urlencode([tuple(f) for f in form.fields] + [("_step", "-1"), ("_touched", "")])
        t = time.perf_counter()
        conn.request("POST", form.check, body, {"Content-Type": "application/x-www-form-urlencoded"})
        reply = conn.getresponse().read()
        times.append((time.perf_counter() - t) * 1000)
        assert reply.startswith(b"{"), reply[:200]
    conn.close()
    times.sort()
    return len(form.fields), statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    overens = args[0] if args else os.path.join(ROOT, "build", "bin", "overens")
    edits = int(sys.argv[sys.argv.index("--edits") + 1]) if "--edits" in sys.argv else 200
    tmp = tempfile.mkdtemp(prefix="overens-bench-web-")
    try:
        workspace = os.path.join(tmp, "kommun")
        shutil.copytree(os.path.join(ROOT, "sample-agreements", "kommun"), workspace)
        proc = subprocess.Popen([overens, "serve", "--listen", "127.0.0.1:0", "--workspace", workspace],
                                stdout=subprocess.PIPE, text=True)  # stderr: the server's own
        port = int(proc.stdout.readline().split(":")[2].split("/")[0])
        try:
            print("load: %s" % os.getloadavg()[0])
            for document, field in [("exempelby-overenskommelse.xml", ".text"),
                                    ("exempelby-delegationsordning.xml", ".matter")]:
                n, median, p99 = measure(port, document, field, edits)
                print("%-36s %5d form fields  %d edits  median %.1f ms  p99 %.1f ms" % (document, n, edits, median, p99))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
