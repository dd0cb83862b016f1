"""The law in the form: in the sample delegation order, an urgent matter (6 kap. 39 §
kommunallagen) given to an employee shows the plugin's error beside the delegate field and in
the error summary at the top, with the same words `overens validate` gives; put right, both go.
With scripts (checked as you type) and without (checked on submit)."""
import subprocess
import unittest

import webtest

DOCUMENT = "exempelby-delegationsordning.xml"
# Row 1.1 of the sample: "Besluta i ärenden som är så brådskande ...", urgent="ja", delegate="ordf".
DELEGATE = "f-delegation-order_area_0_delegation_0_delegate"
EMPLOYEE = "ekchef"  # the finance director: kind="employee" in the sample's role table


class DelegationLawTest(webtest.BrowserTest):

    def validate_words(self):
        """What `overens validate` says about the same change, for comparing words."""
        path = self.workspace + "/" + DOCUMENT
        with open(path, encoding="utf-8") as f:
            original = f.read()
        changed = original.replace('delegate="ordf" substitute="vordf" legal-basis="KL 6 kap. 39 §"',
                                   'delegate="%s" substitute="vordf" legal-basis="KL 6 kap. 39 §"' % EMPLOYEE, 1)
        self.assertNotEqual(changed, original)
        scratch = self.tmp + "/validate-" + DOCUMENT
        with open(scratch, "w", encoding="utf-8") as f:
            f.write(changed)
        run = subprocess.run([webtest.OVERENS, "validate", scratch], capture_output=True, text=True, timeout=60)
        self.assertEqual(run.returncode, 1)
        line = [l for l in run.stderr.splitlines() if "urgent-not-member" in l]
        self.assertEqual(len(line), 1, run.stderr)
        return line[0].split("] ", 1)[1]

    def open_one_page(self):
        self.get("/open?file=" + DOCUMENT + "&mode=all")
        self.assertEqual(self.by_id(DELEGATE).get_attribute("value"), "ordf")
        self.assertEqual(self.field_messages(DELEGATE), "")
        self.assertFalse(self.exists("#error-summary"), "the sample has no diagnostics")
        self.rows_before = len(self.finds("input[id$='_delegate']"))

    def assert_error_shown(self, words):
        beside = self.field_messages(DELEGATE)
        self.assertIn("6 kap. 39 §", beside)
        self.assertEqual(beside, "Fel: " + words)
        described = self.by_id(DELEGATE).get_attribute("aria-describedby").split()
        self.assertIn(DELEGATE + "-error", described, "the error is tied to the field")
        self.assertEqual(self.by_id(DELEGATE).get_attribute("aria-invalid"), "true")
        links = [a for a in self.finds("#error-summary li a") if "6 kap. 39 §" in a.text]
        self.assertEqual(len(links), 1, self.summary_texts())
        self.assertEqual(links[0].text, "Fel: " + words)
        self.assertTrue(links[0].get_attribute("href").endswith("#" + DELEGATE))
        return links[0]

    def assert_error_gone(self):
        self.assertEqual(self.field_messages(DELEGATE), "")
        self.assertFalse(any("6 kap. 39 §" in t for t in self.summary_texts()), self.summary_texts())
        self.assertNotEqual(self.by_id(DELEGATE).get_attribute("aria-invalid"), "true")

    def test_with_javascript(self):
        words = self.validate_words()
        self.javascript(True)
        self.open_one_page()
        self.type_into(DELEGATE, EMPLOYEE)
        self.wait(lambda: "6 kap. 39 §" in self.field_messages(DELEGATE), "the law error beside the delegate")
        self.wait(lambda: any("6 kap. 39 §" in t for t in self.summary_texts()), "the law error in the summary")
        link = self.assert_error_shown(words)
        link.click()
        self.wait(lambda: self.driver.switch_to.active_element.get_attribute("id") == DELEGATE,
                  "the summary's link takes the focus to the field")
        self.type_into(DELEGATE, "ordf")
        self.wait(lambda: self.field_messages(DELEGATE) == "", "the error beside the field to go")
        self.wait(lambda: not any("6 kap. 39 §" in t for t in self.summary_texts()), "the summary's item to go")
        self.assert_error_gone()

    def test_without_javascript(self):
        words = self.validate_words()
        self.javascript(False)
        self.open_one_page()
        # By keyboard: Enter in a field does what the page's main button does (check, on one
        # page), never a row button's action.
        old = self.find("html")
        self.type_into(DELEGATE, EMPLOYEE).send_keys(webtest.Keys.ENTER)
        self.wait(lambda: self._stale(old), "the page after Enter")
        self.assertEqual(len(self.finds("input[id$='_delegate']")), self.rows_before, "no row was added or removed")
        self.assertNotIn("js", self.find("html").get_attribute("class") or "", "scripts really were off")
        self.assert_error_shown(words)
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("id"), "error-summary",
                         "the focus is on the error summary after submitting")
        self.type_into(DELEGATE, "ordf")
        self.submit("check")
        self.assert_error_gone()
        self.assertFalse(self.exists("#error-summary"))
        with open(self.workspace + "/" + DOCUMENT, encoding="utf-8") as f, \
                open(webtest.SAMPLES + "/kommun/" + DOCUMENT, encoding="utf-8") as g:
            self.assertEqual(f.read(), g.read(), "checking never writes the file")


if __name__ == "__main__":
    unittest.main()
