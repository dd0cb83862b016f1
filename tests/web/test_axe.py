"""axe-core (WCAG 2.1 A and AA rules) on every page of `overens serve`, in Swedish and English,
with and without errors shown: zero violations. Prints one line per page checked."""
import os
import re
import unittest

import webtest

DOCUMENTS = ["exempelby-overenskommelse.xml", "exempelby-instruktion-kommundirektor.xml",
             "exempelby-delegationsordning.xml"]
DELEGATE = "f-delegation-order_area_0_delegation_0_delegate"


class AxeTest(webtest.BrowserTest):

    def check(self, label):
        self.assertNoAxeViolations(label)
        print("axe %s [%s]: 0 violations" % (label, self.lang), flush=True)
        self.checked.append(label)

    def draft_base(self):
        return re.sub(r"/(step/\d+|all|preview|build)$", "", self.driver.current_url.split("#")[0])

    def pages(self):
        self.checked = []
        self.get("/")
        self.check("documents")
        self.get("/new")
        self.check("new document")
        self.click("form[action='/new'] button[type=submit]")  # no file name: an error
        self.assertTrue(self.exists("#error-summary"))
        self.check("new document, with an error")

        for name in DOCUMENTS:
            self.get("/open?file=" + name)
            base = self.draft_base()
            total = int(self.find(".progress").text.split()[-1])
            for step in range(total):
                self.get(base[len(self.server.url):] + "/step/%d" % step)
                self.check("%s step %d/%d" % (name, step + 1, total))
            self.get(base[len(self.server.url):] + "/all")
            self.check(name + " on one page")
            self.get(base[len(self.server.url):] + "/preview")
            self.check(name + " preview")
        self.get(base[len(self.server.url):] + "/build")
        self.check("build")
        self.click("form[action$='/build'] button[type=submit]")
        self.assertTrue(self.exists("ul.downloads a"))
        self.check("build, files made")

        # Errors shown: the law error typed in (beside the field by the script) and submitted.
        self.get("/open?file=exempelby-delegationsordning.xml&mode=all")
        self.type_into(DELEGATE, "ekchef")
        self.wait(lambda: self.field_messages(DELEGATE) != "", "the law error")
        self.check("delegation order, error shown while typing")
        self.submit("check")
        self.assertTrue(self.exists("#error-summary"))
        self.check("delegation order, error shown after submitting")
        self.get(self.draft_base()[len(self.server.url):] + "/preview")
        self.check("preview with errors")
        self.get(self.draft_base()[len(self.server.url):] + "/build")
        self.submit("save")
        self.get(self.draft_base()[len(self.server.url):] + "/build")
        self.click("form[action$='/build'] button[type=submit]")
        self.check("build with errors")
        with open(os.path.join(webtest.SAMPLES, "kommun", "exempelby-delegationsordning.xml"), "rb") as f, \
                open(os.path.join(self.workspace, "exempelby-delegationsordning.xml"), "wb") as g:
            g.write(f.read())

        # A new, empty agreement: every step submitted shows its errors.
        self.get("/new")
        self.find("input[name=kind][value=agreement]").click()
        self.type_into("new-file", "tom-%s.xml" % self.lang)
        self.click("form[action='/new'] button[type=submit]")
        base = self.draft_base()
        total = int(self.find(".progress").text.split()[-1])
        for step in range(total):
            self.get(base[len(self.server.url):] + "/step/%d" % step)
            self.submit("check")
            self.assertTrue(self.exists("#error-summary"))
            self.check("new agreement step %d/%d, errors shown" % (step + 1, total))
        self.get(base[len(self.server.url):] + "/all")
        self.submit("check")
        self.check("new agreement on one page, errors shown")
        self.submit("save")
        path = os.path.join(self.workspace, "tom-%s.xml" % self.lang)
        with open(path, "a", encoding="utf-8") as f:
            f.write("<!-- changed elsewhere -->\n")
        self.submit("save")
        self.check("file changed on disk")
        os.remove(path)

        self.get("/d/0000/all")
        self.check("form closed")
        self.get("/no-such-page")
        self.check("not found")

    def test_swedish(self):
        self.lang = "sv"
        self.get("/?ui=sv")
        self.pages()

    def test_english(self):
        self.lang = "en"
        self.get("/?ui=en")
        self.assertEqual(self.find("html").get_attribute("lang"), "en")
        self.pages()
        self.get("/?ui=sv")


if __name__ == "__main__":
    unittest.main()
