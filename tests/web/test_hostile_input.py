"""Hostile input to `overens serve`, each refused or made harmless, and nothing written that
should not be: stored and reflected XSS in every kind of field, names that try to leave the
workspace, missing and forged CSRF tokens, another site's form, oversize bodies and fields,
characters an answer file cannot keep, and slow or half-open clients. Every case asserts the
status, the message and, by a digest of the whole folder, that no file changed.
(Another organisation's documents and drafts: test_access.py, LoginsTest.)"""
import os
import shutil
import socket
import ssl
import tempfile
import threading
import time
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

import webtest
from webtest import Client

AGREEMENT = "exempelby-overenskommelse.xml"
PAYLOAD = "\"'><script>alert('xss')</script><img src=x onerror=alert(1)>&amp;]]><!--"
RAW = ["<script>alert(", "<img src=x", "onerror=alert(1)>"]  # none of these may reach a page unescaped

# One field of each kind the form has: path, and where the saved file holds it (XPath, attribute).
FIELDS = {
    "organisation.name": ("text", "./organisation", "name"),
    "organisation.type": ("select", "./organisation", "type"),
    "registration.adopted": ("date", "./registration", "adopted"),
    "registration.dnr": ("header text", "./registration", "dnr"),
    "party.0.title": ("header table cell", "./party[1]", "title"),
    "goals.intro": ("textarea", "./goals/intro", None),
    "goals.goal.0.title": ("table cell", "./goals/goal[1]/title", None),
    "goals.goal.0.activity.0": ("list item", "./goals/goal[1]/activity[1]", None),
}


class HostileInputTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="overens-hostile-")
        cls.workspace = webtest.copy_samples(cls.tmp)
        cls.outside = os.path.join(cls.tmp, "outside")
        os.makedirs(cls.outside)
        with open(os.path.join(cls.outside, "secret.xml"), "w") as f:
            f.write('<agreement kind="agreement"><organisation name="HEMLIGT-UTANFÖR"/></agreement>\n')
        os.symlink(os.path.join(cls.outside, "secret.xml"), os.path.join(cls.workspace, "link-out.xml"))
        cls.server = webtest.Server(cls.workspace, os.path.join(cls.tmp, "out"))

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.c = Client(self.server)
        self.csrf = self.c.token()
        self.before = webtest.tree_digest(self.tmp)

    def assertNothingChanged(self, label=""):
        self.assertEqual(webtest.tree_digest(self.tmp), self.before, "a file changed: " + label)

    def assertNoRawPayload(self, reply, label):
        for raw in RAW:
            self.assertNotIn(raw, reply.text, "%s: %r reached the page unescaped" % (label, raw))
        self.assertNotIn("HEMLIGT-UTANFÖR", reply.text, label)

    def open_draft(self, name=AGREEMENT, mode="all"):
        r = self.c.get("/open?file=%s&mode=%s" % (urllib.parse.quote(name), mode))
        self.assertEqual(r.status, 303, name)
        return r.header("Location").rsplit("/", 1)[0]

    # --- XSS ----------------------------------------------------------------------------------
    def test_stored_xss_in_every_kind_of_field_is_kept_as_text_and_escaped_everywhere(self):
        draft = self.open_draft()
        form = [(path, PAYLOAD) for path in FIELDS] + [("_action", "save"), ("_step", "-1")]
        r = self.c.post(draft + "/all", form, csrf=self.csrf)
        self.assertEqual(r.status, 303, r.text[:300])
        # The file: well-formed, each value exactly what was typed.
        root = ET.parse(os.path.join(self.workspace, AGREEMENT)).getroot()
        for path, (kind, xpath, attribute) in FIELDS.items():
            element = root.find(xpath)
            self.assertIsNotNone(element, path)
            value = element.get(attribute) if attribute else element.text.strip()
            self.assertEqual(" ".join(value.split()), " ".join(PAYLOAD.split()), "%s (%s)" % (path, kind))
        # Every page that shows the document, in the draft and opened afresh.
        pages = ["/", "/new", "/new?from=" + AGREEMENT, draft + "/all", draft + "/preview", draft + "/build"]
        pages += [draft + "/step/%d" % i for i in range(14)]
        fresh = self.open_draft()
        pages += [fresh + "/all", fresh + "/step/0"]
        escaped = 0
        for page in pages:
            reply = self.c.get(page)
            self.assertIn(reply.status, (200, 400), page)
            self.assertNoRawPayload(reply, page)
            escaped += reply.text.count("&lt;script&gt;alert(")
        self.assertGreaterEqual(escaped, 8)  # the values are there, escaped
        # The live check's JSON carries HTML for the page: escaped too (the type is not one of the choices).
        check = self.c.post(fresh + "/check", [("organisation.type", PAYLOAD), ("_step", "-1")],
                            headers={"X-CSRF-Token": self.csrf})
        self.assertEqual(check.status, 200)
        self.assertIn("f-organisation_type", check.text)
        self.assertNoRawPayload(check, "check")

    def test_reflected_xss_in_addresses_and_forms_is_escaped(self):
        probes = ["/?ui=" + urllib.parse.quote(PAYLOAD), "/new?from=" + urllib.parse.quote(PAYLOAD),
                  "/open?file=" + urllib.parse.quote(PAYLOAD), "/d/" + urllib.parse.quote(PAYLOAD, safe="") + "/all",
                  "/" + urllib.parse.quote(PAYLOAD, safe=""), "/out/" + urllib.parse.quote(PAYLOAD, safe="") + ".pdf"]
        for probe in probes:
            reply = self.c.get(probe)
            self.assertIn(reply.status, (200, 404), probe)
            self.assertNoRawPayload(reply, probe)
        r = self.c.post("/new", {"kind": "agreement", "lang": "sv", "file": PAYLOAD, "from": PAYLOAD}, csrf=self.csrf)
        self.assertEqual(r.status, 400)
        self.assertIn("Ange ett filnamn", r.text)
        self.assertNoRawPayload(r, "POST /new")
        r = self.c.post("/new", {"kind": PAYLOAD, "lang": PAYLOAD, "file": "ok.xml"}, csrf=self.csrf)
        self.assertEqual(r.status, 400)
        self.assertNoRawPayload(r, "POST /new kind")
        self.assertNothingChanged()

    # --- names that leave the workspace ---------------------------------------------------------
    def test_names_never_leave_the_workspace(self):
        names = ["../outside/secret.xml", "../../etc/passwd", "/etc/passwd", "%2e%2e/outside/secret.xml",
                 "a/../../outside/secret.xml", "..\\outside\\secret.xml", "secret.xml\0.xml", ".hidden.xml",
                 "\u202elmx.terces", "\uff0e\uff0e\uff0fsecret.xml", "exempelby\uff0eoverenskommelse.xml",
                 "link-out.xml", "..", ".", ""]
        home = self.c.get("/")
        self.assertNotIn("link-out.xml", home.text)  # a link out of the workspace is not listed
        for name in names:
            r = self.c.get("/open?file=" + urllib.parse.quote(name, safe=""))
            self.assertEqual(r.status, 404, repr(name))
            self.assertIn("Sidan finns inte", r.text, repr(name))
            self.assertIn('what="GET /open" why="not a document name', self.server.log())
            self.assertNoRawPayload(r, repr(name))
            r = self.c.post("/new", {"kind": "agreement", "lang": "sv", "file": name, "from": name}, csrf=self.csrf)
            self.assertEqual(r.status, 400, repr(name))
            if "\u202e" in name or "\0" in name:
                self.assertIn("Ett svar innehåller U+", r.text, repr(name))  # refused before the page
            elif name == "link-out.xml":
                self.assertIn("Det finns redan en fil som heter link-out.xml", r.text)  # never written through
            else:
                self.assertIn("Ange ett filnamn", r.text, repr(name))
        for path in ["/out/../kommun/" + AGREEMENT, "/out/%2e%2e%2fkommun%2f" + AGREEMENT, "/static/../../etc/passwd"]:
            self.assertEqual(self.c.get(path).status, 404, path)
        self.assertNothingChanged()

    # --- CSRF and other sites -------------------------------------------------------------------
    def test_missing_and_forged_csrf_tokens_are_refused_and_logged(self):
        draft = self.open_draft()
        form = {"registration.dnr": "KS 9999/1", "_action": "save", "_step": "-1"}
        for token, why in [(None, "no CSRF token"), ("", "no CSRF token"), ("forged-token", "a CSRF token not of this session"),
                           (self.csrf[:-1] + ("A" if self.csrf[-1] != "A" else "B"), "a CSRF token not of this session")]:
            r = self.c.post(draft + "/all", form, csrf=token)
            self.assertEqual(r.status, 403, token)
            self.assertIn("Formuläret kunde inte skickas", r.text)
            self.assertIn('what="POST %s/all" why="%s"' % (draft, why), self.server.log())
        for path in [draft + "/check", draft + "/build", "/new", "/logout"]:
            self.assertEqual(self.c.post(path, {"kind": "agreement", "file": "x.xml"}).status, 403, path)
        r = self.c.post(draft + "/check", {"_step": "-1"}, headers={"X-CSRF-Token": "forged"})
        self.assertEqual(r.status, 403)
        self.assertEqual(self.c.post(draft + "/check", {"_step": "-1"}, headers={"X-CSRF-Token": self.csrf}).status, 200)
        self.assertNothingChanged()

    def test_another_sites_form_is_refused_even_with_the_token(self):
        draft = self.open_draft()
        for origin in ["http://evil.example", "null", "https://127.0.0.1:%d" % self.server.port]:
            r = self.c.post(draft + "/all", {"registration.dnr": "KS 1/1", "_action": "save", "_step": "-1"},
                            csrf=self.csrf, headers={"Origin": origin})
            self.assertEqual(r.status, 403, origin)
            self.assertIn("Formuläret kom från en annan webbplats", r.text)
        self.assertIn('why="cross-site: http://evil.example"', self.server.log())
        self.assertNothingChanged()

    # --- sizes and characters -------------------------------------------------------------------
    def raw(self, data, read_timeout=20):
        """Send bytes on a fresh connection; the status line and the body of what comes back."""
        with socket.create_connection((self.server.host, self.server.port), timeout=read_timeout) as s:
            try:
                s.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                pass
            reply = b""
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    reply += chunk
            except (ConnectionResetError, socket.timeout):
                pass
        return reply.decode("utf-8", errors="replace")

    def post_head(self, path, length, extra=""):
        return ("POST %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                "Content-Length: %d\r\nCookie: x=y\r\n%s\r\n" % (path, self.server.host, self.server.port, length, extra))

    def test_oversize_bodies_and_fields_are_refused(self):
        draft = self.open_draft()
        # Declared larger than 16 MB: answered at once, before any of it is read.
        started = time.monotonic()
        reply = self.raw(self.post_head(draft + "/all", 17 * 1024 * 1024).encode(), read_timeout=20)
        self.assertTrue(reply.startswith("HTTP/1.1 413"), reply[:200])
        self.assertIn("Formuläret är för stort", reply)
        self.assertLess(time.monotonic() - started, 15)
        # Sent larger than 16 MB without a length (chunked): refused when the cap is passed.
        chunk = ("a=" + "b" * (1024 * 1024 - 2)).encode()
        body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(17)) + b"0\r\n\r\n"
        head = ("POST %s/all HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                "Transfer-Encoding: chunked\r\n\r\n" % (draft, self.server.host, self.server.port)).encode()
        reply = self.raw(head + body)
        self.assertTrue(reply.startswith("HTTP/1.1 413"), reply[:200])
        # One answer longer than 64 kB; more fields than 200,000.
        r = self.c.post(draft + "/all", {"goals.intro": "x" * (64 * 1024 + 1), "_action": "save", "_step": "-1"},
                        csrf=self.csrf)
        self.assertEqual(r.status, 413)
        self.assertIn("Ett svar (goals.intro) är längre än 64 kB", r.text)
        r = self.c.request("POST", draft + "/check", "&".join(["a=1"] * 200001) + "&_csrf=" + self.csrf,
                           webtest.FORM)
        self.assertEqual(r.status, 413)
        # Not a form at all.
        r = self.c.request("POST", draft + "/all", '{"registration.dnr": "x"}', {"Content-Type": "application/json"})
        self.assertEqual(r.status, 415)
        self.assertIn("Inte ett formulär", r.text)
        log = self.server.log()
        for why in ['why="too-large: 17825792"', 'why="too-large: more than 16777216"',
                    'why="field-too-large: goals.intro"', 'why="too-many-fields: 200000"', 'why="not-urlencoded: application/json"']:
            self.assertIn(why, log)
        self.assertNothingChanged()

    def test_characters_an_answer_file_cannot_keep_are_refused(self):
        draft = self.open_draft()
        for value, said in [("Exempelby\x01", "U+0001"), ("Exempelby\x00kommun", "U+0000"),
                            ("Anders\u202eBerg", "U+202E"), ("Exempelby\u2066", "U+2066"), ("x\ufffe", "U+FFFE"),
                            ("\x1b[31mröd", "U+001B")]:
            r = self.c.post(draft + "/all", {"organisation.name": value, "_action": "save", "_step": "-1"},
                            csrf=self.csrf)
            self.assertEqual(r.status, 400, repr(value))
            self.assertIn("Ett svar innehåller %s in organisation.name" % said, r.text)
        body = ("organisation.name=Exempelby%FF&_action=save&_step=-1&_csrf=" + self.csrf).encode()
        r = self.c.request("POST", draft + "/all", body, webtest.FORM)
        self.assertEqual(r.status, 400)
        self.assertIn("byte 0xFF", r.text)
        self.assertNothingChanged()


class SlowClientsTest(unittest.TestCase):
    """A server with --client-timeout 2 (8 workers): slow and silent clients are cut off and do not
    keep the others waiting; over TLS too, where a client may never start the handshake."""

    TIMEOUT = 2

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="overens-slow-")
        cls.workspace = webtest.copy_samples(cls.tmp)
        cls.cert, cls.key = webtest.make_certificate(cls.tmp)
        cls.server = webtest.Server(cls.workspace, args=["--client-timeout", str(cls.TIMEOUT)])
        cls.tls = webtest.Server(cls.workspace, args=["--client-timeout", str(cls.TIMEOUT), "--certificate", cls.cert,
                                                      "--private-key", cls.key])

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tls.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def closed_after(self, sock, dribble=None, limit=20):
        """Seconds until the server closes sock, sending `dribble` a byte every 0.5 s meanwhile."""
        started = time.monotonic()
        sock.settimeout(0.5)
        sent = 0
        while time.monotonic() - started < limit:
            try:
                data = sock.recv(4096)
                if not data:
                    return time.monotonic() - started
            except socket.timeout:
                pass
            except (ConnectionResetError, ssl.SSLError, OSError):
                return time.monotonic() - started
            if dribble and sent < len(dribble):
                try:
                    sock.send(dribble[sent:sent + 1])
                    sent += 1
                except OSError:
                    return time.monotonic() - started
        return None

    def test_slow_headers_and_silent_connections_are_cut_off_and_others_are_served(self):
        before = webtest.tree_digest(self.tmp)
        loris = []
        for _ in range(12):  # more than the 8 workers
            s = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-a: ")
            loris.append(s)
        silent = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
        times = [None] * 13
        threads = [threading.Thread(target=lambda i=i, s=s: times.__setitem__(i, self.closed_after(s, b"b" * 100)))
                   for i, s in enumerate(loris)]
        threads.append(threading.Thread(target=lambda: times.__setitem__(12, self.closed_after(silent))))
        for t in threads:
            t.start()
        time.sleep(0.3)
        started = time.monotonic()
        r = Client(self.server, timeout=15).get("/")
        served = time.monotonic() - started
        for t in threads:
            t.join(30)
        for s in loris + [silent]:
            s.close()
        self.assertEqual(r.status, 200)
        self.assertLess(served, 3 * self.TIMEOUT + 2, "a normal request waited %.1f s behind slow clients" % served)
        for i, t in enumerate(times):
            self.assertIsNotNone(t, "connection %d was never closed" % i)
            self.assertLess(t, 3 * self.TIMEOUT + 2, "connection %d held for %.1f s" % (i, t))
        self.assertEqual(webtest.tree_digest(self.tmp), before)

    def test_a_body_that_stops_arriving_is_cut_off_and_nothing_is_saved(self):
        c = Client(self.server)
        csrf = c.token()
        draft = c.get("/open?file=%s&mode=all" % AGREEMENT).header("Location").rsplit("/", 1)[0]
        before = webtest.tree_digest(self.tmp)
        body = urllib.parse.urlencode({"_csrf": csrf, "registration.dnr": "KS 1/1", "_action": "save", "_step": "-1"})
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
        s.sendall(("POST %s/all HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                   "Content-Length: %d\r\n\r\n" % (draft, self.server.port, len(body) + 1000)).encode() + body.encode())
        held = self.closed_after(s)
        s.close()
        self.assertIsNotNone(held)
        self.assertLess(held, 3 * self.TIMEOUT + 2)
        self.assertEqual(webtest.tree_digest(self.tmp), before)
        # The log line is written as the server gives up on the body, about when the client sees the close.
        end = time.monotonic() + 10
        while 'why="too-large: the body did not arrive in time' not in self.server.log() and time.monotonic() < end:
            time.sleep(0.05)
        self.assertIn('why="too-large: the body did not arrive in time', self.server.log())

    def test_a_tls_client_that_never_says_hello_is_cut_off(self):
        silent = socket.create_connection(("127.0.0.1", self.tls.port), timeout=5)
        held = self.closed_after(silent)
        silent.close()
        self.assertIsNotNone(held)
        self.assertLess(held, 3 * self.TIMEOUT + 2)
        r = Client(self.tls, cafile=self.cert).get("/")  # and the server still serves
        self.assertEqual(r.status, 200)


if __name__ == "__main__":
    unittest.main()
