"""Logging in with a real Chromium (with and without JavaScript), in Swedish and English: the
login page, a wrong password, the pages logged in (who, log out), the live check and a save that
carry the session's CSRF token, a refusal for an organisation not granted, logging out; axe-core
(WCAG 2.1 A/AA) finds nothing on any of them."""
import os

import webtest

USERS = {"anna": ("annas långa lösenord", ["*"]), "bo": ("bos långa lösenord", ["exempelby-ks"])}
AGREEMENT = "exempelby-overenskommelse.xml"


class LoginBrowserTest(webtest.BrowserTest):

    @classmethod
    def setUpClass(cls):
        cls.tmp, cls.workspace, cls.users = webtest.workspace_with_users("overens-web-login-", USERS)
        cls.output = os.path.join(cls.tmp, "out")
        cls.downloads = os.path.join(cls.tmp, "downloads")
        os.makedirs(cls.downloads)
        cls.server = webtest.Server(cls.workspace, cls.output, args=["--users", cls.users], env=webtest.TEST_ENV)
        cls.driver = webtest.chromium(cls.downloads)

    def check(self, label):
        self.assertNoAxeViolations(label)
        print("axe %s: 0 violations" % label, flush=True)

    def log_in(self, user, password):
        self.type_into("login-user", user)
        self.type_into("login-password", password)
        self.click("form[action='/login'] button[type=submit]")

    def log_out(self):
        self.click(".account-bar__logout button")
        self.assertIn("/login", self.driver.current_url)

    def session(self, lang, js):
        self.javascript(js)
        label = "%s, %s" % (lang, "js" if js else "no js")
        self.driver.delete_all_cookies()
        self.get("/?ui=" + lang)
        self.assertIn("/login?next=", self.driver.current_url)
        self.assertEqual(self.by_id("login-user").get_attribute("autocomplete"), "username")
        self.check("login page (%s)" % label)

        self.log_in("anna", "fel lösenord")
        self.assertTrue(self.exists("#error-summary"))
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("id"), "error-summary")
        self.assertEqual(self.by_id("login-user").get_attribute("aria-invalid"), "true")
        self.check("login page with an error (%s)" % label)

        self.log_in("anna", USERS["anna"][0])
        self.assertTrue(self.exists(".account-bar"))
        self.assertIn("anna", self.find(".account-bar__user").text)
        self.check("documents logged in (%s)" % label)

        # Edit and save: the forms carry _csrf, the script its header.
        self.get("/open?file=%s&mode=all" % AGREEMENT)
        if js:
            self.type_into("f-organisation_name", "")
            self.wait(lambda: self.field_messages("f-organisation_name") != "", "the live check's message")
        self.type_into("f-registration_dnr", "KS 2027/%s%d" % (lang, js))
        self.submit("save")
        with open(os.path.join(self.workspace, AGREEMENT), encoding="utf-8") as f:
            self.assertIn('dnr="KS 2027/%s%d"' % (lang, js), f.read())
        self.check("saved (%s)" % label)

        self.log_out()
        self.check("logged out (%s)" % label)
        self.get("/")
        self.assertIn("/login", self.driver.current_url)

    def test_swedish_with_and_without_javascript(self):
        for js in (True, False):
            self.session("sv", js)
        self.javascript(True)

    def test_english_and_a_refusal(self):
        self.session("en", True)
        self.driver.delete_all_cookies()
        self.get("/login?ui=en")
        self.log_in("bo", USERS["bo"][0])
        self.get("/open?file=" + AGREEMENT)
        self.assertEqual(self.find("h1").text, "No access")
        self.check("refused: organisation not granted (en)")
        self.log_out()


if __name__ == "__main__":
    import unittest
    unittest.main()
