"""`overens serve` with accounts: which addresses need them and TLS, logins, sessions and their
cookies, rate limits, logout, grants read afresh, and the refusal log. A real server on the
loopback (127.0.0.1, and 127.0.0.2 as "another address"), HTTPS with a self-signed certificate."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import webtest
from webtest import Client

USERS = {"anna": ("annas långa lösenord", ["*"]),
         "bo": ("bos långa lösenord", ["exempelby-ks"]),
         "cia": ("cias långa lösenord", [])}
LOG_LINE = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ overens serve: refused client="[^"]*" user="[^"]*" '
                      r'what="[^"]*" why="[^"]*"$', re.M)


def serve(*args):
    return subprocess.run([webtest.OVERENS, "serve"] + list(args), capture_output=True, text=True, timeout=30)


class AddressesTest(unittest.TestCase):
    """What serve refuses to start with, before it listens."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="overens-access-")
        cls.users = os.path.join(cls.tmp, "users")
        webtest.make_users(cls.users, {"anna": USERS["anna"]})
        cls.cert, cls.key = webtest.make_certificate(cls.tmp)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_another_address_needs_accounts_and_tls(self):
        for address in ["0.0.0.0:8080", "192.168.1.10:8080", "localhost:8080", "[::]:8080", "127.0.0.2:0"]:
            run = serve("--listen", address, "--workspace", self.tmp)
            self.assertEqual(run.returncode, 2, address)
            self.assertIn("only 127.0.0.1 can be served without accounts", run.stderr, address)
            self.assertIn("--users FILE", run.stderr)
        run = serve("--listen", "127.0.0.2:0", "--users", self.users, "--workspace", self.tmp)
        self.assertEqual(run.returncode, 2)
        self.assertIn("needs TLS: give --certificate FILE --private-key FILE, or --behind-proxy", run.stderr)

    def test_usage_errors(self):
        broken = os.path.join(self.tmp, "broken-users")
        with open(broken, "w") as f:
            f.write("anna:plain:ks\n")
        for args, words in [
                (["--certificate", self.cert], "--certificate and --private-key go together"),
                (["--certificate", self.cert, "--private-key", self.key, "--behind-proxy"], "not both"),
                (["--certificate", "/no/cert.pem", "--private-key", self.key], "/no/cert.pem: cannot be read"),
                (["--users", broken], broken + ":1:6: error: [users-file]"),
                (["--client-timeout", "0"], "--client-timeout needs a number of seconds"),
                (["--listen", "[::1"], "no ']'")]:
            run = serve("--listen", "127.0.0.1:0", "--workspace", self.tmp, *args) if args[0] != "--listen" else \
                serve("--workspace", self.tmp, *args)
            self.assertEqual(run.returncode, 2, args)
            self.assertIn(words, run.stderr, args)

    def test_a_certificate_that_is_not_one_is_said(self):
        run = serve("--listen", "127.0.0.1:0", "--workspace", self.tmp, "--certificate", self.users,
                    "--private-key", self.key)
        self.assertEqual(run.returncode, 2)
        self.assertIn("cannot listen on 127.0.0.1:0", run.stderr)


class LoginsTest(unittest.TestCase):
    """One HTTPS server with three accounts on 127.0.0.2 (another address than 127.0.0.1)."""

    @classmethod
    def setUpClass(cls):
        cls.tmp, cls.workspace, cls.users = webtest.workspace_with_users("overens-logins-", USERS)
        cls.cert, cls.key = webtest.make_certificate(cls.tmp, "127.0.0.2")
        cls.server = webtest.Server(cls.workspace, os.path.join(cls.tmp, "out"), listen="127.0.0.2:0",
                                    args=["--users", cls.users, "--certificate", cls.cert, "--private-key", cls.key],
                                    env=webtest.TEST_ENV)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def client(self):
        return Client(self.server, cafile=self.cert)

    def test_serves_https_and_every_page_needs_a_login(self):
        self.assertTrue(self.server.url.startswith("https://127.0.0.2:"))
        c = self.client()
        for path in ["/", "/new", "/open?file=exempelby-overenskommelse.xml", "/out/x.pdf", "/d/abc/all"]:
            r = c.get(path)
            self.assertEqual(r.status, 303, path)
            self.assertTrue(r.header("Location").startswith("/login?next="), path)
        self.assertEqual(c.get("/static/style.css").status, 200)  # the login page needs it
        r = c.post("/new", {"kind": "agreement", "file": "x.xml"})
        self.assertEqual(r.status, 401)
        self.assertIn("Du är inte inloggad", r.text)
        self.assertIn("Strict-Transport-Security", str(r.headers))

    def test_login_sets_a_session_cookie_and_the_page_says_who(self):
        c = self.client()
        page = c.get("/login?next=%2Fnew")
        self.assertEqual(page.status, 200)
        self.assertIn('autocomplete="current-password"', page.text)
        login_cookie = [x for x in page.cookies if x.startswith("overens-login=")][0]
        for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"]:
            self.assertIn(attribute, login_cookie)
        r = c.post("/login", {"user": "anna", "password": USERS["anna"][0], "next": "/new"}, csrf=page.csrf())
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/new")
        session = [x for x in r.cookies if x.startswith("overens-session=")][0]
        token = session.split("=", 1)[1].split(";")[0]
        self.assertRegex(token, r"^[A-Za-z0-9_-]{43}$")
        for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"]:
            self.assertIn(attribute, session)
        home = c.get("/")
        self.assertEqual(home.status, 200)
        self.assertIn("Inloggad som anna", home.text)
        self.assertIn("exempelby-overenskommelse.xml", home.text)
        self.assertNotEqual(home.csrf(), "")
        self.assertNotEqual(home.csrf(), token)

    def test_a_wrong_password_or_unknown_account_is_one_message_and_logged(self):
        c = self.client()
        for user, password in [("anna", "fel lösenord"), ("ingen", "annas långa lösenord")]:
            page = c.get("/login")
            r = c.post("/login", {"user": user, "password": password}, csrf=page.csrf())
            self.assertEqual(r.status, 401)
            self.assertIn("Användarnamnet eller lösenordet stämmer inte", r.text)
            self.assertIn('href="#login-user"', r.text)
            self.assertNotIn("overens-session", c.cookies)
            self.assertRegex(self.server.log(), r'user="%s" what="login" why="wrong user name or password"' % user)
        self.assertTrue(LOG_LINE.search(self.server.log()))

    def test_a_login_without_the_login_forms_token_is_refused(self):
        c = self.client()
        r = c.post("/login", {"user": "anna", "password": USERS["anna"][0]})
        self.assertEqual(r.status, 403)
        c.get("/login")
        r = c.post("/login", {"user": "anna", "password": USERS["anna"][0]}, csrf="forged")
        self.assertEqual(r.status, 403)
        self.assertIn("Formuläret kunde inte skickas", r.text)
        self.assertNotIn("overens-session", c.cookies)

    def test_the_next_address_stays_on_this_server(self):
        for target in ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]:
            c = self.client()
            page = c.get("/login")
            r = c.post("/login", {"user": "anna", "password": USERS["anna"][0], "next": target}, csrf=page.csrf())
            self.assertEqual((r.status, r.header("Location")), (303, "/"), target)

    def test_logout_ends_the_session_on_the_server(self):
        c = self.client()
        c.login("anna", USERS["anna"][0])
        stolen = dict(c.cookies)
        r = c.post("/logout", {}, csrf=c.token())
        self.assertEqual((r.status, r.header("Location")), (303, "/login"))
        self.assertNotIn("overens-session", c.cookies)
        again = self.client()
        again.cookies = stolen  # the old cookie, kept by someone
        self.assertEqual(again.get("/").status, 303)

    def test_logout_needs_the_csrf_token(self):
        c = self.client()
        c.login("anna", USERS["anna"][0])
        r = c.post("/logout", {})
        self.assertEqual(r.status, 403)
        self.assertEqual(c.get("/").status, 200)  # still logged in

    def test_grants_decide_what_a_user_sees_and_opens(self):
        bo = self.client()
        bo.login("bo", USERS["bo"][0])
        home = bo.get("/")
        self.assertEqual(home.status, 200)
        self.assertNotIn("exempelby-overenskommelse.xml", home.text)  # the top level is the organisation ""
        r = bo.get("/open?file=exempelby-overenskommelse.xml")
        self.assertEqual(r.status, 403)
        self.assertIn("Ingen behörighet", r.text)
        self.assertIn('user="bo" what="GET /open" why="organisation \'\' not granted"', self.server.log())
        for path in ["/out/exempelby-overenskommelse.pdf", "/open?org=exempelby-sn&file=x.xml"]:
            self.assertEqual(bo.get(path).status, 403, path)
        r = bo.post("/new", {"kind": "agreement", "lang": "sv", "file": "bos.xml"}, csrf=home.csrf())
        self.assertEqual(r.status, 403)
        self.assertFalse(os.path.exists(os.path.join(self.workspace, "bos.xml")))

    def test_another_users_draft_is_refused(self):
        anna, cia = self.client(), self.client()
        anna.login("anna", USERS["anna"][0])
        draft = anna.get("/open?file=exempelby-overenskommelse.xml&mode=all").header("Location")
        self.assertTrue(draft.startswith("/d/"))
        cia.login("cia", USERS["cia"][0])
        before = webtest.tree_digest(self.workspace)
        r = cia.get(draft)
        self.assertEqual(r.status, 403)
        r = cia.post(draft, {"registration.dnr": "KS 1/1", "_action": "save", "_step": "-1"}, csrf=cia.token())
        self.assertEqual(r.status, 403)
        self.assertIn("Ingen behörighet", r.text)
        self.assertEqual(webtest.tree_digest(self.workspace), before)
        self.assertEqual(anna.get(draft).status, 200)

    def test_a_removed_account_is_logged_out_and_a_new_password_applies_at_once(self):
        webtest.make_users(self.users, {"dan": ("dans långa lösenord", ["*"])})
        dan = self.client()
        dan.login("dan", "dans långa lösenord")
        self.assertEqual(dan.get("/").status, 200)
        env = dict(os.environ, **webtest.TEST_ENV)
        subprocess.run([webtest.OVERENS, "user", "passwd", "dan", "--users", self.users, "--password-stdin"],
                       input="dans nya lösenord\n", text=True, check=True, capture_output=True, env=env, timeout=60)
        self.client().login("dan", "dans långa lösenord", expect=401)
        self.client().login("dan", "dans nya lösenord")
        subprocess.run([webtest.OVERENS, "user", "remove", "dan", "--users", self.users], check=True,
                       capture_output=True, timeout=60)
        self.assertEqual(dan.get("/").status, 303)


class RateLimitTest(unittest.TestCase):
    """Failed logins per account (5) and per client address (20) in 15 minutes; plain HTTP behind
    a proxy on 127.0.0.2, so X-Forwarded-For names the client and X-Forwarded-Proto the cookie's Secure."""

    @classmethod
    def setUpClass(cls):
        cls.tmp, cls.workspace, cls.users = webtest.workspace_with_users("overens-limits-", USERS)
        cls.server = webtest.Server(cls.workspace, listen="127.0.0.2:0",
                                    args=["--users", cls.users, "--behind-proxy"], env=webtest.TEST_ENV)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def attempt(self, user, password, address, proto="https"):
        c = Client(self.server)
        headers = {"X-Forwarded-For": "203.0.113.9, " + address, "X-Forwarded-Proto": proto}
        page = c.get("/login", headers=headers)
        return c.post("/login", {"user": user, "password": password}, csrf=page.csrf(), headers=headers)

    def test_an_account_is_limited_after_five_failures(self):
        for i in range(5):
            self.assertEqual(self.attempt("bo", "fel", "198.51.100.%d" % i).status, 401)
        r = self.attempt("bo", USERS["bo"][0], "198.51.100.77")  # right password, another address
        self.assertEqual(r.status, 429)
        self.assertIn("För många misslyckade försök", r.text)
        self.assertGreater(int(r.header("Retry-After")), 800)
        self.assertIn('client="198.51.100.77" user="bo" what="login" why="rate-limited', self.server.log())
        self.assertEqual(self.attempt("cia", USERS["cia"][0], "198.51.100.77").status, 303)  # others are not

    def test_an_address_is_limited_after_twenty_failures(self):
        for i in range(20):
            self.assertEqual(self.attempt("nobody%d" % (i % 4), "fel", "192.0.2.50").status, 401)
        self.assertEqual(self.attempt("anna", USERS["anna"][0], "192.0.2.50").status, 429)
        self.assertEqual(self.attempt("anna", USERS["anna"][0], "192.0.2.51").status, 303)

    def test_the_secure_flag_follows_the_proxys_scheme(self):
        secure = self.attempt("anna", USERS["anna"][0], "192.0.2.60", "https")
        plain = self.attempt("anna", USERS["anna"][0], "192.0.2.61", "http")
        self.assertIn("; Secure", [x for x in secure.cookies if x.startswith("overens-session=")][0])
        self.assertNotIn("Secure", [x for x in plain.cookies if x.startswith("overens-session=")][0])


class LocalTest(unittest.TestCase):
    """127.0.0.1 without accounts needs no login; --users there turns logins on."""

    @classmethod
    def setUpClass(cls):
        cls.tmp, cls.workspace, cls.users = webtest.workspace_with_users("overens-local-", {"anna": USERS["anna"]})

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_no_login_without_accounts_and_logins_with_them(self):
        server = webtest.Server(self.workspace)
        try:
            c = Client(server)
            r = c.get("/")
            self.assertEqual(r.status, 200)
            self.assertNotIn("Logga ut", r.text)
            self.assertEqual(c.get("/login").header("Location"), "/")
        finally:
            server.stop()
        server = webtest.Server(self.workspace, args=["--users", self.users], env=webtest.TEST_ENV)
        try:
            c = Client(server)
            self.assertEqual(c.get("/").status, 303)
            r = c.login("anna", USERS["anna"][0])
            self.assertNotIn("Secure", [x for x in r.cookies if x.startswith("overens-session=")][0])
            self.assertIn("Logga ut", c.get("/").text)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
