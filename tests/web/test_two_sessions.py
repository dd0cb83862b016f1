"""Two people on one document, each in a browser of their own: the first save wins; the second
is refused (409) with a page that shows what changed in between, beside the second person's
answers, which stay in their draft; after seeing the difference they can save theirs on top
(a new version); the history lists every version with who, when and what, shows any of them,
and a restore is one more version. Nothing is overwritten silently, no answer is lost."""
import os
import re
import unittest

import webtest

AGREEMENT = "exempelby-overenskommelse.xml"


class TwoSessionsTest(webtest.BrowserTest):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.first = cls.driver
        cls.second = webtest.chromium(cls.downloads)

    @classmethod
    def tearDownClass(cls):
        try:
            cls.second.quit()
        finally:
            cls.driver = cls.first
            super().tearDownClass()

    def read(self):
        with open(os.path.join(self.workspace, AGREEMENT), encoding="utf-8") as f:
            return f.read()

    def use(self, driver):
        self.driver = driver
        self.javascript(driver is self.first)  # one with scripts, one without

    def conflict_rows(self):
        return {tr.get_attribute("data-path"): [td.text for td in tr.find_elements(webtest.By.CSS_SELECTOR, "td")]
                for tr in self.finds(".conflict-table tbody tr")}

    def test_second_save_is_refused_shows_the_difference_and_keeps_the_answers(self):
        before = self.read()
        # Both open the same version.
        self.use(self.first)
        self.get("/open?file=" + AGREEMENT + "&mode=all")
        self.use(self.second)
        self.get("/open?file=" + AGREEMENT + "&mode=all")

        # The first saves a new registration number.
        self.use(self.first)
        self.type_into("f-registration_dnr", "KS 2027/0100")
        self.submit("save")
        self.assertTrue(self.exists(".notice"), "the first save went through")
        saved_by_first = self.read()
        self.assertIn('dnr="KS 2027/0100"', saved_by_first)

        # The second changed the same answer and another one: refused, nothing written.
        self.use(self.second)
        self.type_into("f-registration_dnr", "KS 2027/0200")
        self.type_into("f-party_0_email", "ordforande@exempelby.se")
        self.submit("save")
        self.assertEqual(self.find("h1").text, "Filen har ändrats sedan du öppnade den")
        self.assertEqual(self.read(), saved_by_first, "the first person's save is not overwritten")
        rows = self.conflict_rows()
        # field: [when you started, now (theirs), yours]
        self.assertEqual(rows["registration.dnr"], ["KS 2027/0042", "KS 2027/0100", "KS 2027/0200"])
        self.assertEqual(rows["party.0.email"],
                         ["anders.berg@exempelby.se", "anders.berg@exempelby.se", "ordforande@exempelby.se"])
        self.assertTrue(self.exists('.conflict-table tr.conflict-both[data-path="registration.dnr"]'))
        self.assertEqual(len(rows), 2, rows)
        self.assertNoAxeViolations("the conflict page")

        # Back to the form: the answers are still there.
        self.click("main ul.list li:first-child a")
        self.assertEqual(self.by_id("f-registration_dnr").get_attribute("value"), "KS 2027/0200")
        self.assertEqual(self.by_id("f-party_0_email").get_attribute("value"), "ordforande@exempelby.se")
        # Saving again is still refused: it is still based on the old version.
        self.submit("save")
        self.assertEqual(self.find("h1").text, "Filen har ändrats sedan du öppnade den")
        self.assertEqual(self.read(), saved_by_first)
        # Having seen the difference, they save theirs on top of the first's version.
        self.click('button[name="_action"][value="save-over"]')
        self.assertTrue(self.exists(".notice"), "saved on top")
        saved_by_second = self.read()
        self.assertIn('dnr="KS 2027/0200"', saved_by_second)
        self.assertIn('email="ordforande@exempelby.se"', saved_by_second)

        # The history: the version first seen, the first's and the second's save.
        self.get("/history?file=" + AGREEMENT)
        versions = [tr.get_attribute("data-version") for tr in self.finds(".history-table tbody tr")]
        self.assertEqual(versions, ["3", "2", "1"])
        what = {tr.get_attribute("data-version"): tr.find_elements(webtest.By.CSS_SELECTOR, "td")[2].text
                for tr in self.finds(".history-table tbody tr")}
        self.assertEqual(what["2"], "registration.dnr")
        self.assertEqual(what["3"], "party.0.email, registration.dnr")
        self.assertEqual(what["1"], "Filen ändrades utanför tjänsten")
        for tr in self.finds(".history-table tbody tr"):
            self.assertRegex(tr.find_elements(webtest.By.CSS_SELECTOR, "td")[1].text, r"^\d{4}-\d\d-\d\dT")
        self.assertNoAxeViolations("the history page")

        # Version 2 as it was, and how it differs from the newest.
        self.click('a[href*="v=2"]')
        self.assertIn("version 2", self.find("h1").text)
        self.assertIn("KS 2027/0100", self.find("main").text)
        self.assertNoAxeViolations("a version")

        # Restore the first person's version: version 4, with its bytes.
        self.get("/history?file=" + AGREEMENT)
        self.click('.history-table tr[data-version="2"] form button')
        self.assertEqual(self.read(), saved_by_first)
        versions = [tr.get_attribute("data-version") for tr in self.finds(".history-table tbody tr")]
        self.assertEqual(versions, ["4", "3", "2", "1"])
        self.assertIn("version 2", self.find('.history-table tr[data-version="4"]').text)

        # The first person's draft is now stale too: refused, and their earlier view kept.
        self.use(self.first)
        self.type_into("f-registration_dnr", "KS 2027/0300")
        self.submit("save")
        self.assertEqual(self.find("h1").text, "Filen har ändrats sedan du öppnade den")
        self.assertEqual(self.read(), saved_by_first)
        self.assertNotEqual(before, saved_by_first)


if __name__ == "__main__":
    unittest.main()
