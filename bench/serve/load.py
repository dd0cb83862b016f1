#!/usr/bin/python3
"""Load on `overens serve` (issue 10, item 5): many clients on 127.0.0.1 at once, each editing,
validating (POST /d/<id>/check) and saving (POST /d/<id>/all, _action=save) its own document,
plus pairs of clients editing the same document; on the folder store and on the PostgreSQL store
(a server of its own, started here like the tests' harness but with PostgreSQL's default
durability). Reports throughput and p50/p99 latency of validate and save, with the load.

Afterwards it checks, from the store itself, that
  - every acknowledged save (303) is exactly one version of its document, holding that save's
    marker, and no refused save (409) is in any version; versions = 1 (the import) + saves;
  - every version is well-formed XML and every current document passes `overens validate`
    as the original sample did;
  - every conflict (409) reached the client that lost, as the conflict page.

Usage: bench/serve/load.py [--overens build/bin/overens] [--clients 50] [--pairs 5]
                           [--seconds 30] [--store folder|postgresql|both] [--users] [--keep-alive]
--users: serve with accounts (`overens user add`, --users FILE --behind-proxy); every client logs in.
"""
import argparse
import base64
import csv
import http.client
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import xml.dom.minidom

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "bench", "web"))
from live_validation import FormFields  # noqa: E402  (the form as a browser posts it)

SAMPLE = os.path.join(ROOT, "sample-agreements", "kommun", "exempelby-overenskommelse.xml")
ORG = "bench"
PASSWORD = "bench-password-1234"


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(len(s) * p))]


class Client:
    """One browser: a keep-alive connection, cookies, the CSRF token of the last page."""

    def __init__(self, port, user=None, keep_alive=False):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.origin = "http://127.0.0.1:%d" % port
        self.keep_alive = keep_alive
        self.cookies = {}
        self.user = user

    def request(self, method, path, fields=None):
        headers = {}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
        if not self.keep_alive:
            headers["Connection"] = "close"  # a connection per request: no worker held between requests
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        for attempt in range(2):
            try:
                self.conn.request(method, path, body, headers)
                r = self.conn.getresponse()
                data = r.read()
                if not self.keep_alive:
                    self.conn.close()
                break
            except (http.client.HTTPException, OSError):
                if attempt:
                    raise
                self.conn.close()  # the server closed an idle keep-alive connection
        for value in r.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";")[0]
        return r.status, r.getheader("Location"), data.decode("utf-8", "replace")

    def get(self, path, hops=5):
        status, location, page = self.request("GET", path)
        while status in (301, 302, 303) and location and hops:
            hops -= 1
            status, location, page = self.request("GET", location)
        return status, page

    def login(self):
        status, page = self.get("/login")
        token = re.search(r'name="_csrf" value="([^"]*)"', page)
        fields = [("user", self.user), ("name", self.user), ("password", PASSWORD)]
        if token:
            fields.append(("_csrf", token.group(1)))
        status, location, page = self.request("POST", "/login", fields)
        if status not in (302, 303):
            raise RuntimeError("login refused: %d %s" % (status, page[:300]))

    def open(self, name):
        status, page = self.get("/open?org=%s&file=%s" % (ORG, urllib.parse.quote(name)) + "&mode=all")
        if status == 200 and 'action="/login"' in page and self.user:
            self.login()
            status, page = self.get("/open?org=%s&file=%s" % (ORG, urllib.parse.quote(name)) + "&mode=all")
        form = FormFields()
        form.feed(page)
        if status != 200 or not form.action:
            raise RuntimeError("cannot open %s: %d %s" % (name, status, page[:300]))
        return form


class Worker(threading.Thread):
    """Edits one document until the deadline: change a text field to a new marker, check, save."""

    def __init__(self, port, number, document, deadline, user, keep_alive):
        super().__init__(daemon=True)
        self.client = Client(port, user, keep_alive)
        self.number, self.document, self.deadline = number, document, deadline
        self.check_ms, self.save_ms = [], []
        self.acked, self.refused = [], []  # markers saved (303) / refused (409)
        self.conflict_pages = 0  # 409s whose page is the conflict page
        self.errors = []

    def run(self):
        try:
            self.loop()
        except Exception as e:  # reported, not hidden
            self.errors.append(repr(e))

    def loop(self):
        if self.client.user:
            self.client.login()
        form = self.client.open(self.document)
        n = 0
        while time.monotonic() < self.deadline:
            n += 1
            marker = "lastmarker c%d n%d" % (self.number, n)
            target = next(f for f in form.fields if f[0].endswith(".text"))
            target[1] = marker
            fields = [tuple(f) for f in form.fields]
            t = time.perf_counter()
            status, _, reply = self.client.request("POST", form.check, fields + [("_step", "-1"), ("_touched", "")])
            self.check_ms.append((time.perf_counter() - t) * 1000)
            if status != 200 or not reply.startswith("{"):
                raise RuntimeError("check: %d %s" % (status, reply[:200]))
            t = time.perf_counter()
            status, location, page = self.client.request("POST", form.action, fields + [("_action", "save")])
            self.save_ms.append((time.perf_counter() - t) * 1000)
            if status in (302, 303):
                self.acked.append(marker)
                status, page = self.client.get(location)  # the page after the save, as a browser shows it
                form = FormFields()
                form.feed(page)
            elif status == 409:
                self.refused.append(marker)
                if 'class="error-summary"' in page:
                    self.conflict_pages += 1
                form = self.client.open(self.document)  # start again from the newest version
            else:
                raise RuntimeError("save: %d %s" % (status, page[:300]))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class PostgresServer:
    """initdb + pg_ctl in a folder of its own, 127.0.0.1 at a free port, default durability."""

    def __init__(self, folder):
        self.folder, self.data = folder, os.path.join(folder, "data")
        bins = sorted(d for d in os.listdir("/usr/lib/postgresql") if os.path.isdir(os.path.join("/usr/lib/postgresql", d)))
        self.bin = os.path.join("/usr/lib/postgresql", bins[-1], "bin")
        self.port = free_port()
        self.url = "postgresql://overens@127.0.0.1:%d/overens" % self.port
        self.as_server = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def start(self):
        os.makedirs(self.data, mode=0o700)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            shutil.chown(self.data, "postgres")
        subprocess.run(self.as_server + [os.path.join(self.bin, "initdb"), "-D", self.data, "-U", "overens",
                                         "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"],
                       check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(self.data, "postgresql.conf"), "a") as f:
            f.write("listen_addresses = '127.0.0.1'\nport = %d\nunix_socket_directories = ''\nmax_connections = 300\n"
                    % self.port)
        subprocess.run(self.as_server + [os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-w", "-l",
                                         os.path.join(self.folder, "log"), "start"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["psql", "-X", "-q", "-d", "postgresql://overens@127.0.0.1:%d/postgres" % self.port, "-c",
                        "CREATE DATABASE overens"], check=True)

    def stop(self):
        subprocess.run(self.as_server + [os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop"],
                       stdout=subprocess.DEVNULL)

    def versions(self):
        """(organisation, name) -> {number: xml}, read from the store's versions table."""
        out = subprocess.run(["psql", "-X", "-q", "-d", self.url, "-c",
                              "COPY (SELECT organisation, name, number, encode(xml, 'base64') FROM versions) TO STDOUT "
                              "WITH CSV"], check=True, stdout=subprocess.PIPE, text=True).stdout
        result = {}
        for org, name, number, data in csv.reader(io.StringIO(out)):
            result.setdefault((org, name), {})[int(number)] = base64.b64decode(data).decode("utf-8")
        return result


def folder_versions(workspace):
    """(organisation, name) -> {number: xml}, from the folder store's history (.overens/history)."""
    result = {}
    base = os.path.join(workspace, ".overens", "history", ORG)
    for name in os.listdir(base):
        for f in os.listdir(os.path.join(base, name)):
            if f.endswith(".xml"):
                with open(os.path.join(base, name, f), encoding="utf-8") as x:
                    result.setdefault((ORG, name), {})[int(f[:-4])] = x.read()
    return result


def run_store(args, kind, tmp):
    docs = ["client%02d.xml" % i for i in range(args.clients - 2 * args.pairs)] + \
           ["pair%02d.xml" % i for i in range(args.pairs)]
    source = os.path.join(tmp, "import")
    os.makedirs(source)
    for d in docs:
        shutil.copy(SAMPLE, os.path.join(source, d))
    pg = None
    if kind == "folder":
        spec = os.path.join(tmp, "workspace")
        os.makedirs(spec)
    else:
        pg = PostgresServer(os.path.join(tmp, "pg"))
        pg.start()
        spec = pg.url
    serve_args = [args.overens, "serve", "--listen", "127.0.0.1:0", "--store", spec, "-o", os.path.join(tmp, "out")]
    subprocess.run([args.overens, "store", "import", ORG, source, "--store", spec], check=True,
                   stdout=subprocess.DEVNULL)
    users = []
    if args.users:
        users_file = os.path.join(tmp, "users")
        for i in range(args.clients):
            subprocess.run([args.overens, "user", "add", "bench%02d" % i, "--users", users_file, "--organisation", ORG,
                            "--password-stdin"], input=PASSWORD + "\n", text=True, check=True)
            users.append("bench%02d" % i)
        serve_args += ["--users", users_file, "--behind-proxy"]
    proc = subprocess.Popen(serve_args, stdout=subprocess.PIPE, stderr=open(os.path.join(tmp, "serve.log"), "w"),
                            text=True)
    try:
        line = proc.stdout.readline()
        port = int(re.search(r":(\d+)/", line).group(1))
        load_before = os.getloadavg()
        deadline = time.monotonic() + args.seconds
        workers = []
        solo = args.clients - 2 * args.pairs
        for i in range(args.clients):
            document = docs[i] if i < solo else "pair%02d.xml" % ((i - solo) // 2)
            workers.append(Worker(port, i, document, deadline, users[i] if users else None, args.keep_alive))
        started = time.monotonic()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        elapsed = time.monotonic() - started
        load_after = os.getloadavg()
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    checks = [x for w in workers for x in w.check_ms]
    saves = [x for w in workers for x in w.save_ms]
    report = {
        "store": kind, "keep_alive": args.keep_alive, "clients": args.clients, "pairs": args.pairs, "seconds": round(elapsed, 1),
        "load_before": load_before, "load_after": load_after,
        "validate": {"n": len(checks), "per_s": round(len(checks) / elapsed, 1),
                     "p50_ms": round(percentile(checks, 0.5), 1), "p99_ms": round(percentile(checks, 0.99), 1)},
        "save": {"n": len(saves), "per_s": round(len(saves) / elapsed, 1),
                 "p50_ms": round(percentile(saves, 0.5), 1), "p99_ms": round(percentile(saves, 0.99), 1)},
        "acknowledged": sum(len(w.acked) for w in workers),
        "conflicts": sum(len(w.refused) for w in workers),
        "client_errors": [e for w in workers for e in w.errors],
    }
    report["problems"] = verify(args, kind, spec, pg, workers, docs, tmp)
    if pg:
        pg.stop()
    return report


def verify(args, kind, spec, pg, workers, docs, tmp):
    problems = []
    versions = pg.versions() if pg else folder_versions(spec)
    by_doc = {}
    for w in workers:
        by_doc.setdefault(w.document, []).append(w)
    for d in docs:
        vs = versions.get((ORG, d), {})
        acked = [m for w in by_doc.get(d, []) for m in w.acked]
        refused = [m for w in by_doc.get(d, []) for m in w.refused]
        if sorted(vs) != list(range(1, len(acked) + 2)):
            problems.append("%s: versions %s for %d acknowledged saves" % (d, sorted(vs)[:5], len(acked)))
        found = {}
        for number, text in vs.items():
            try:
                xml.dom.minidom.parseString(text.encode("utf-8"))
            except Exception as e:
                problems.append("%s v%d: not well-formed: %s" % (d, number, e))
            for m in re.findall(r"lastmarker c\d+ n\d+", text):
                found.setdefault(m, []).append(number)
        for m in acked:
            if len(found.get(m, [])) != 1:
                problems.append("%s: acknowledged save '%s' is in versions %s" % (d, m, found.get(m)))
        for m in refused:
            if m in found:
                problems.append("%s: refused save '%s' is in versions %s" % (d, m, found[m]))
    for w in workers:
        if w.conflict_pages != len(w.refused):
            problems.append("client %d: %d conflicts, %d conflict pages" % (w.number, len(w.refused), w.conflict_pages))
    # The current documents, as an editor would get them, validate like the sample they came from.
    exported = os.path.join(tmp, "export")
    subprocess.run([args.overens, "store", "export", ORG, exported, "--store", spec], check=True,
                   stdout=subprocess.DEVNULL)
    expected = subprocess.run([args.overens, "validate", SAMPLE], capture_output=True).returncode
    for d in docs:
        r = subprocess.run([args.overens, "validate", os.path.join(exported, d)], capture_output=True, text=True)
        if r.returncode != expected:
            problems.append("%s: validate exit %d (the sample: %d): %s" % (d, r.returncode, expected, r.stderr[:300]))
    return problems


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--overens", default=os.path.join(ROOT, "build", "bin", "overens"))
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--pairs", type=int, default=5)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--store", choices=["folder", "postgresql", "both"], default="both")
    p.add_argument("--users", action="store_true")
    p.add_argument("--keep-alive", action="store_true",
                   help="each client keeps its connection open (as a browser does for a few seconds)")
    args = p.parse_args()
    kinds = ["folder", "postgresql"] if args.store == "both" else [args.store]
    failed = False
    for kind in kinds:
        tmp = tempfile.mkdtemp(prefix="overens-bench-serve-")
        if os.geteuid() == 0:
            os.chmod(tmp, 0o755)
        try:
            report = run_store(args, kind, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        print(json.dumps(report, indent=1))
        v, s = report["validate"], report["save"]
        print("%-10s %d clients (%d pairs) %.0f s: validate %d (%.1f/s) p50 %.1f ms p99 %.1f ms; "
              "save %d (%.1f/s) p50 %.1f ms p99 %.1f ms; %d acknowledged, %d conflicts; load %.2f -> %.2f; %s"
              % (kind, args.clients, args.pairs, report["seconds"], v["n"], v["per_s"], v["p50_ms"], v["p99_ms"],
                 s["n"], s["per_s"], s["p50_ms"], s["p99_ms"], report["acknowledged"], report["conflicts"],
                 report["load_before"][0], report["load_after"][0],
                 "verified" if not report["problems"] and not report["client_errors"] else "PROBLEMS"))
        failed |= bool(report["problems"] or report["client_errors"])
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
