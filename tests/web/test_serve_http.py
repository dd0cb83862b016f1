"""`overens serve` without a browser: its usage errors, how it stops, and what it answers to
requests a page would never send (another site's form, paths out of the workspace). The
addresses it refuses without accounts are in test_access.py."""
import http.client
import json
import os
import shutil
import signal
import subprocess
import tempfile
import unittest
import urllib.parse

import webtest


class ServeCommandTest(unittest.TestCase):

    def run_serve(self, *args):
        return subprocess.run([webtest.OVERENS, "serve"] + list(args), capture_output=True, text=True, timeout=30)

    def test_usage_errors(self):
        for args, words in [(["--listen", "127.0.0.1:http"], "bad port"),
                            (["--listen", "127.0.0.1:70000"], "bad port"),
                            (["--workspace", "/no/such/folder"], "no such folder"),
                            (["some.xml"], "serve takes no SOURCE")]:
            run = self.run_serve(*args)
            self.assertEqual(run.returncode, 2, args)
            self.assertIn(words, run.stderr, args)


class ServeHttpTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="overens-web-http-")
        cls.workspace = webtest.copy_samples(cls.tmp)
        cls.server = webtest.Server(cls.workspace, os.path.join(cls.tmp, "out"))
        cls.port = int(cls.server.url.rsplit(":", 1)[1])

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def request(self, method, path, body=None, headers=None):
        if method == "POST" and body is not None and "_csrf=" not in body:
            body += "&" + urllib.parse.urlencode({"_csrf": self.csrf()})
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=webtest.WAIT)
        conn.request(method, path, body, headers or {})
        r = conn.getresponse()
        data = r.read()
        conn.close()
        return r, data

    def csrf(self):
        """The server's CSRF token (without accounts, one for the server's lifetime)."""
        return webtest.Client(self.server).token("/")

    def file_bytes(self):
        with open(os.path.join(self.workspace, "exempelby-overenskommelse.xml"), "rb") as f:
            return f.read()

    def open_draft(self):
        r, _ = self.request("GET", "/open?file=exempelby-overenskommelse.xml&mode=all")
        self.assertEqual(r.status, 303)
        return r.getheader("Location").rsplit("/", 1)[0]

    def test_pages_and_static_files(self):
        r, body = self.request("GET", "/")
        self.assertEqual(r.status, 200)
        self.assertIn("text/html", r.getheader("Content-Type"))
        self.assertIn(b"exempelby-delegationsordning.xml", body)
        for name, kind in [("style.css", "text/css"), ("form.js", "text/javascript")]:
            r, body = self.request("GET", "/static/" + name)
            self.assertEqual(r.status, 200, name)
            self.assertIn(kind, r.getheader("Content-Type"))
            self.assertGreater(len(body), 1000)
        self.assertEqual(self.request("GET", "/static/page.html")[0].status, 404)
        self.assertEqual(self.request("GET", "/static/../../etc/passwd")[0].status, 404)

    def test_paths_outside_the_workspace_are_refused(self):
        for path in ["/open?file=../../etc/passwd", "/open?file=/etc/passwd", "/open?file=.hidden.xml",
                     "/out/..%2F..%2Fetc%2Fpasswd", "/out/../kommun/exempelby-overenskommelse.xml",
                     "/out/exempelby-overenskommelse.xml"]:
            self.assertEqual(self.request("GET", path)[0].status, 404, path)
        r, body = self.request("POST", "/new", urllib.parse.urlencode(
            {"kind": "agreement", "lang": "sv", "file": "../escape.xml"}),
            {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 400)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "escape.xml")))

    def test_another_sites_form_is_refused(self):
        draft = self.open_draft()
        before = self.file_bytes()
        body = urllib.parse.urlencode({"registration.dnr": "X", "_action": "save", "_step": "-1"})
        r, _ = self.request("POST", draft + "/all", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                          "Origin": "http://evil.example"})
        self.assertEqual(r.status, 403)
        self.assertEqual(self.file_bytes(), before)

    def test_check_answers_json_in_the_documents_words(self):
        draft = self.open_draft()
        body = urllib.parse.urlencode({"organisation.name": "", "_step": "-1"})
        r, data = self.request("POST", draft + "/check", body, {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 200)
        self.assertIn("application/json", r.getheader("Content-Type"))
        reply = json.loads(data)
        self.assertGreaterEqual(reply["errors"], 1)
        self.assertIn("f-organisation_name", reply["fields"])
        self.assertIn("Fel:", reply["fields"]["f-organisation_name"])
        self.assertIn('href="#f-organisation_name"', reply["summary"])

    def test_stops_on_sigint_and_sigterm(self):
        for sig in (signal.SIGINT, signal.SIGTERM):
            server = webtest.Server(self.workspace)
            server.proc.send_signal(sig)
            self.assertEqual(server.proc.wait(timeout=10), 0)
            server.stop()


if __name__ == "__main__":
    unittest.main()
