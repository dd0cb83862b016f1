"""Two `overens serve` processes (as on two machines behind a load balancer) over one PostgreSQL
database holding the documents and the accounts: an organisation imported with `overens store
import`, accounts added with `overens user add --users postgresql://...`; a save on one server
makes the other's draft stale (409, what changed shown, the answers kept); each server shows the
other's version in the history; an account sees only its organisations; export gives back the
saved bytes. Needs the CTest fixture postgresql_server (tests/support/)."""
import os
import re
import secrets
import subprocess
import tempfile
import shutil
import unittest
import urllib.parse

import webtest

AGREEMENT = "exempelby-overenskommelse.xml"


def server_url():
    with open(os.environ["OVERENS_TEST_POSTGRESQL_URL_FILE"], encoding="utf-8") as f:
        return f.read().strip()


class TwoServersOnePostgresql(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        admin = server_url()
        cls.database = "web_test_" + secrets.token_hex(4)
        subprocess.run(["psql", "-X", "-q", "-d", admin, "-c", "CREATE DATABASE " + cls.database], check=True,
                       capture_output=True, timeout=60)
        cls.db = admin.rsplit("/", 1)[0] + "/" + cls.database
        cls.tmp = tempfile.mkdtemp(prefix="overens-web-pg-")
        env = dict(os.environ, **webtest.TEST_ENV)
        r = subprocess.run([webtest.OVERENS, "store", "import", "exempelby", os.path.join(webtest.SAMPLES, "kommun"),
                            "--store", cls.db], capture_output=True, text=True, env=env, timeout=60)
        assert r.returncode == 0, r.stderr
        r = subprocess.run([webtest.OVERENS, "store", "import", "exempelland", os.path.join(webtest.SAMPLES, "region"),
                            "--store", cls.db], capture_output=True, text=True, env=env, timeout=60)
        assert r.returncode == 0, r.stderr
        webtest.make_users(cls.db, {"anna": ("annas långa lösenord", ["exempelby"]),
                                    "bertil": ("bertils långa lösenord", ["exempelby"]),
                                    "cia": ("cias långa lösenord", ["exempelland"])})
        args = ["--store", cls.db, "--users", cls.db]
        # Each server's copies of the documents for the engine go under its own TMPDIR, removed below.
        for name in ("one", "two"):
            os.makedirs(os.path.join(cls.tmp, name))
            setattr(cls, name, webtest.Server(None, os.path.join(cls.tmp, "out-" + name), args=args,
                                              env=dict(webtest.TEST_ENV, TMPDIR=os.path.join(cls.tmp, name))))

    @classmethod
    def tearDownClass(cls):
        codes = [cls.one.stop(), cls.two.stop()]
        subprocess.run(["psql", "-X", "-q", "-d", server_url(), "-c",
                        "DROP DATABASE IF EXISTS %s WITH (FORCE)" % cls.database], capture_output=True, timeout=60)
        shutil.rmtree(cls.tmp, ignore_errors=True)
        assert codes == [0, 0], codes

    def client(self, server, user):
        c = webtest.Client(server)
        c.login(user, {"anna": "annas långa lösenord", "bertil": "bertils långa lösenord",
                       "cia": "cias långa lösenord"}[user])
        return c

    def open_all(self, c):
        r = c.get("/open?org=exempelby&file=%s&mode=all" % AGREEMENT)
        self.assertEqual(r.status, 303, r.text[:300])
        return r.header("Location")

    def test_a_save_on_one_server_makes_the_others_draft_stale(self):
        anna, bertil = self.client(self.one, "anna"), self.client(self.two, "bertil")
        a, b = self.open_all(anna), self.open_all(bertil)
        r = anna.post(a, {"registration.dnr": "KS 2027/0500", "_action": "save", "_step": "-1"}, csrf=anna.token(a))
        self.assertEqual(r.status, 303, r.text[:500])
        r = bertil.post(b, {"registration.dnr": "KS 2027/0600", "_action": "save", "_step": "-1"},
                        csrf=bertil.token(b))
        self.assertEqual(r.status, 409, r.text[:500])
        row = re.search(r'<tr class="conflict-both" data-path="registration.dnr">(.*?)</tr>', r.text)
        self.assertTrue(row, r.text[:2000])
        self.assertEqual(re.findall(r'<td class="value">([^<]*)</td>', row.group(1)),
                         ["KS 2027/0042", "KS 2027/0500", "KS 2027/0600"])
        self.assertIn("anna", r.text)
        # The answers stay in bertil's draft, on the other server.
        self.assertIn('value="KS 2027/0600"', bertil.get(b).text)
        # Both servers show anna's version.
        for c in (anna, bertil):
            h = c.get("/history?org=exempelby&file=" + AGREEMENT)
            self.assertEqual(h.status, 200)
            self.assertEqual(re.findall(r'<tr data-version="(\d+)">', h.text), ["2", "1"])
            self.assertIn("<td>anna</td>", h.text)
        # What the database holds is what export writes.
        out = os.path.join(self.tmp, "export")
        r = subprocess.run([webtest.OVERENS, "store", "export", "exempelby", out, "--store", self.db],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(out, AGREEMENT), encoding="utf-8") as f:
            self.assertIn('dnr="KS 2027/0500"', f.read())

    def test_an_account_sees_only_its_organisations(self):
        cia = self.client(self.two, "cia")
        home = cia.get("/")
        self.assertIn("exempelland", home.text)
        self.assertNotIn("exempelby-overenskommelse.xml", home.text)
        for path in ["/open?org=exempelby&file=" + AGREEMENT, "/history?org=exempelby&file=" + AGREEMENT,
                     "/history/view?org=exempelby&file=%s&v=1" % AGREEMENT]:
            self.assertEqual(cia.get(path).status, 403, path)
        r = cia.post("/history/restore", {"org": "exempelby", "file": AGREEMENT, "v": "1", "current": "1"},
                     csrf=cia.token())
        self.assertEqual(r.status, 403)
        own = cia.get("/open?org=exempelland&file=exempelland-overenskommelse.xml")
        self.assertEqual(own.status, 303)


if __name__ == "__main__":
    unittest.main()
