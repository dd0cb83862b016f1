"""What the browser tests of `overens serve` share: a temporary copy of the samples, the
server on a free port of 127.0.0.1, one headless Chromium per test file, axe-core, bounded waits.

Configured by the environment CTest gives (tests/web/CMakeLists.txt): OVERENS (the command),
OVERENS_SOURCE_DIR (the repository), OVERENS_SHARED_TOOLS (../shared/tools), AXE_JS (axe.min.js).
"""
import os
import shutil
import subprocess
import tempfile
import time
import unittest
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

OVERENS = os.environ.get("OVERENS", "overens")
SOURCE_DIR = os.environ.get("OVERENS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED_TOOLS = os.environ.get("OVERENS_SHARED_TOOLS", os.path.join(SOURCE_DIR, "..", "shared", "tools"))
AXE_JS = os.environ.get("AXE_JS", os.path.join(os.path.dirname(__file__), "node_modules", "axe-core", "axe.min.js"))
SAMPLES = os.path.join(SOURCE_DIR, "sample-agreements")

WAIT = 20  # seconds: the longest any step may take before the test fails


class Server:
    """`overens serve` on a free port over a folder; stopped (SIGTERM, bounded) by stop().
    Its standard error (the refusal log) goes to a file, read with log()."""

    def __init__(self, workspace, output=None, args=(), listen="127.0.0.1:0", env=None):
        command = [OVERENS, "serve", "--listen", listen, "--workspace", workspace]
        if output:
            command += ["-o", output]
        command += list(args)
        self.errors = tempfile.NamedTemporaryFile(prefix="overens-serve-", suffix=".log", delete=False)
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=self.errors, text=True,
                                     env=dict(os.environ, **(env or {})))
        line = self._first_line()
        if not (line.startswith("http://") or line.startswith("https://")):
            self.stop()
            raise RuntimeError("overens serve did not start: %r %s" % (line, self.log()))
        self.url = line.split()[0].rstrip("/")
        self.host = self.url.split("//", 1)[1].rsplit(":", 1)[0]
        self.port = int(self.url.rsplit(":", 1)[1])

    def _first_line(self):
        import selectors
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout=WAIT):
            return ""
        return self.proc.stdout.readline().strip()

    def log(self):
        """Everything the server wrote to standard error so far."""
        with open(self.errors.name, encoding="utf-8", errors="replace") as f:
            return f.read()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc.stdout.close()
        self.errors.close()
        try:
            os.unlink(self.errors.name)
        except OSError:
            pass
        return self.proc.returncode


def copy_samples(target, folder="kommun"):
    """A temporary workspace: a copy of sample-agreements/<folder>."""
    workspace = os.path.join(target, folder)
    shutil.copytree(os.path.join(SAMPLES, folder), workspace)
    return workspace


def chromium(download_dir):
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="overens-chromium-")
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1200,1000", "--user-data-dir=" + profile]:
        o.add_argument(arg)
    o.add_experimental_option("prefs", {"download.default_directory": download_dir,
                                        "download.prompt_for_download": False})
    driver = webdriver.Chrome(options=o)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    driver._overens_profile = profile
    # Downloads from a headless browser go to the folder only when allowed explicitly.
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": download_dir})
    return driver


class BrowserTest(unittest.TestCase):
    """One server over a fresh copy of the samples and one browser for the whole test file."""

    samples = "kommun"

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="overens-web-")
        cls.workspace = copy_samples(cls.tmp, cls.samples)
        cls.output = os.path.join(cls.tmp, "out")
        cls.downloads = os.path.join(cls.tmp, "downloads")
        os.makedirs(cls.downloads)
        cls.server = Server(cls.workspace, cls.output)
        cls.driver = chromium(cls.downloads)

    @classmethod
    def tearDownClass(cls):
        try:
            cls.driver.quit()
        finally:
            code = cls.server.stop()
            shutil.rmtree(cls.driver._overens_profile, ignore_errors=True)
            shutil.rmtree(cls.tmp, ignore_errors=True)
        # SIGTERM is the server's ordinary way out.
        assert code == 0, "overens serve exited with %s" % code

    def setUp(self):
        self.javascript(True)

    # --- the browser -----------------------------------------------------------------------
    def javascript(self, on):
        """Turn the page's scripts on or off for what follows (same browser session)."""
        self.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not on})
        self.js = on

    def get(self, path):
        self.driver.get(self.server.url + path)
        return self.driver

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def finds(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def by_id(self, element_id):
        return self.driver.find_element(By.ID, element_id)

    def exists(self, css):
        return len(self.finds(css)) > 0

    def wait(self, condition, message, timeout=WAIT):
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(lambda d: condition())
        except TimeoutException:
            self.fail("timed out after %ss waiting for: %s" % (timeout, message))

    def click(self, css):
        """Click and, when it submits a form, wait for the next page."""
        element = self.find(css)
        old = self.find("html")
        element.click()
        self.wait(lambda: self._stale(old), "the page after clicking " + css)

    def submit(self, action):
        self.click('button[name="_action"][value="%s"]:not([hidden])' % action)

    @staticmethod
    def _stale(element):
        try:
            element.tag_name
            return False
        except Exception:
            return True

    def type_into(self, element_id, text, clear=True):
        el = self.by_id(element_id)
        if clear:
            el.clear()
        el.send_keys(text)
        return el

    def choose(self, element_id, value):
        Select(self.by_id(element_id)).select_by_value(value)

    def row_button(self, verb, target):
        """Press a row button (add/remove/duplicate/up/down) and wait for the form to come back."""
        selector = 'button[name="_op"][value="%s %s"]' % (verb, target)
        if self.js:
            main = self.find("main form")
            self.find(selector).click()
            self.wait(lambda: self._stale(main), "the form after " + verb + " " + target)
        else:
            self.click(selector)

    def _settled(self, read):
        """read(), again while the script is replacing what it reads."""
        for _ in range(50):
            try:
                return read()
            except StaleElementReferenceException:
                time.sleep(0.02)
        return read()

    def summary_texts(self):
        return self._settled(lambda: [li.text for li in self.finds("#error-summary li")])

    def field_messages(self, element_id):
        def read():
            found = self.finds("#%s-error" % element_id)
            return found[0].text if found else ""
        return self._settled(read)

    # --- axe-core --------------------------------------------------------------------------
    def axe(self):
        """axe-core's WCAG 2.1 A/AA violations of the page as it is now."""
        with open(AXE_JS, encoding="utf-8") as f:
            source = f.read()
        was = self.js
        if not was:
            self.javascript(True)  # axe needs scripts even where the page is tested without them
        try:
            self.driver.execute_script(source)
            result = self.driver.execute_async_script(
                "var done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
                ".then(function (r) { done(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
                " nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' ') + ': ' + n.failureSummary; })}; })); },"
                " function (e) { done([{id: 'axe-error', nodes: [String(e)]}]); });")
        finally:
            if not was:
                self.javascript(False)
        return result

    def assertNoAxeViolations(self, label):
        violations = self.axe()
        self.assertEqual(violations, [], "axe-core on %s (%s): %s" % (label, self.driver.current_url, violations))
        return len(violations)

    # --- files -----------------------------------------------------------------------------
    def wait_for_download(self, name):
        path = os.path.join(self.downloads, name)
        self.wait(lambda: os.path.exists(path) and not os.path.exists(path + ".crdownload"),
                  "the download of " + name)
        return path

    def fetch(self, path):
        with urllib.request.urlopen(self.server.url + path, timeout=WAIT) as r:
            return r.status, r.read()

    def run_tool(self, tool, *args):
        return subprocess.run([os.path.join(SHARED_TOOLS, tool)] + list(args), capture_output=True, text=True,
                              timeout=120)


# --- without a browser: an HTTP client with cookies and the page's CSRF token --------------------

import hashlib  # noqa: E402
import http.client  # noqa: E402
import re  # noqa: E402
import ssl  # noqa: E402
import urllib.parse  # noqa: E402

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class Reply:
    def __init__(self, response, body):
        self.status = response.status
        self.headers = response.headers
        self.body = body
        self.text = body.decode("utf-8", errors="replace")
        self.cookies = response.headers.get_all("Set-Cookie") or []

    def header(self, name):
        return self.headers.get(name)

    def csrf(self):
        """The CSRF token of the page (its meta tag, else a form's _csrf field)."""
        m = re.search(r'<meta name="csrf-token" content="([^"]+)">', self.text) or \
            re.search(r'name="_csrf" value="([^"]+)"', self.text)
        return m.group(1) if m else ""


class Client:
    """One browser's worth of state against a server: its cookies, over HTTP or HTTPS."""

    def __init__(self, server, cafile=None, timeout=WAIT):
        self.host, self.port = server.host, server.port
        self.tls = server.url.startswith("https://")
        self.cafile = cafile
        self.timeout = timeout
        self.cookies = {}

    def connection(self):
        if self.tls:
            context = ssl.create_default_context(cafile=self.cafile)
            return http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout, context=context)
        return http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if isinstance(body, dict) or isinstance(body, list):
            body = urllib.parse.urlencode(body)
            headers.update(FORM)
        conn = self.connection()
        try:
            conn.request(method, path, body, headers)
            r = conn.getresponse()
            reply = Reply(r, r.read())
        finally:
            conn.close()
        for c in reply.cookies:
            name, _, rest = c.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in c:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return reply

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, form, csrf=None, headers=None):
        """POST form (a dict or a list of pairs); csrf: the token to add as _csrf (None: none)."""
        pairs = list(form.items()) if isinstance(form, dict) else list(form)
        if csrf is not None:
            pairs.append(("_csrf", csrf))
        return self.request("POST", path, pairs, headers)

    def token(self, path="/"):
        """The CSRF token a page of this session carries."""
        return self.get(path).csrf()

    def login(self, user, password, expect=303):
        page = self.get("/login")
        r = self.post("/login", {"user": user, "password": password, "next": "/"}, csrf=page.csrf())
        assert r.status == expect, (r.status, r.text[:500])
        return r


def tree_digest(folder):
    """SHA-256 of every file under folder (names, bytes and symbolic links' targets). The folder
    store's own records (.overens/: the version a document had when it was first opened) are left
    out: opening a document is not a change of it."""
    h = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != ".overens")
        for name in sorted(files + [d for d in dirs if os.path.islink(os.path.join(root, d))]):
            path = os.path.join(root, name)
            h.update(os.path.relpath(path, folder).encode() + b"\0")
            if os.path.islink(path):
                h.update(b"link:" + os.readlink(path).encode())
            else:
                with open(path, "rb") as f:
                    h.update(f.read())
            h.update(b"\0")
    return h.hexdigest()


def make_users(path, accounts):
    """A users file through `overens user add` (cheap test hashes): accounts = {name: (password, [orgs])}."""
    env = dict(os.environ, OVERENS_TEST_PBKDF2_ITERATIONS="1000")
    for name, (password, orgs) in accounts.items():
        args = [OVERENS, "user", "add", name, "--users", path, "--password-stdin"]
        for org in orgs:
            args += ["--organisation", org]
        subprocess.run(args, input=password + "\n", text=True, check=True, capture_output=True, env=env, timeout=60)


def workspace_with_users(prefix, accounts):
    """A temporary folder with a copy of the samples and a users file: (folder, workspace, users file)."""
    tmp = tempfile.mkdtemp(prefix=prefix)
    users = os.path.join(tmp, "users")
    make_users(users, accounts)
    return tmp, copy_samples(tmp), users


def make_certificate(folder, host="127.0.0.1"):
    """A self-signed certificate for host (openssl), as (certificate, private key)."""
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=" + host, "-addext", "subjectAltName=IP:" + host],
                   check=True, capture_output=True, timeout=60)
    return cert, key


TEST_ENV = {"OVERENS_TEST_PBKDF2_ITERATIONS": "1000"}  # the server's dummy hash as cheap as the test hashes
