"""A new agreement written from nothing through the guided interview, saved, built, and its
PDF downloaded and checked with ../shared/tools/pdf-check; with scripts and without."""
import os
import unittest

import webtest
from webtest import By

# What the chair and the director answer, by the answer's element id. A table's first row is
# added with its "add" button when the step shows the table.
ANSWERS = {
    "f-organisation_type": "kommun",
    "f-organisation_name": "Nyby kommun",
    "f-party_0_name": "Eva Holm",
    "f-party_0_title": "Kommunstyrelsens ordförande",
    "f-party_1_name": "Omar Said",
    "f-party_1_title": "Kommundirektör",
    "f-registration_adopted": "2027-03-01",
    "f-goals_goal_0_title": "Sänka sjukfrånvaron i förvaltningen",
    "f-goals_goal_0_horizon": "year",
    "f-co-leadership_story_vision": "Nyby ska vara en kommun där det är lätt att bo, arbeta och driva företag.",
    "f-co-leadership_meeting_0_name": "Veckoavstämning",
    "f-co-leadership_meeting_0_every": "P1W",
    "f-co-leadership_urgent_routine": "Ordföranden beslutar efter samråd med direktören och anmäler beslutet vid nästa sammanträde.",
    "f-division-of-work_area_0_name": "Personalfrågor",
    "f-division-of-work_area_0_owner": "director",
    "f-collaboration-rules_behaviour_0_kind": "transparency",
    "f-collaboration-rules_behaviour_0_commitment_0": "Vi berättar för varandra om det som kan bli en fråga i styrelsen.",
    "f-collaboration-rules_follow-up_every": "P6M",
}
TABLES = ["goals.goal", "co-leadership.meeting", "division-of-work.area", "collaboration-rules.behaviour",
          "collaboration-rules.behaviour.0.commitment"]


class NewAgreementTest(webtest.BrowserTest):

    def answer_step(self):
        """Fill what this step asks of ANSWERS, adding a table's first row where needed."""
        for table in TABLES:
            if self.exists('button[name="_op"][value="add %s"]' % table) and \
                    not self.exists("#f-%s_0" % table.replace(".", "_")):
                self.row_button("add", table)
                self.wait(lambda: self.exists("#f-%s_0" % table.replace(".", "_")), "the new row of " + table)
        filled = []
        for element_id, value in ANSWERS.items():
            found = self.driver.find_elements(By.ID, element_id)
            if not found:
                continue
            if found[0].tag_name == "select":
                self.choose(element_id, value)
            else:
                self.type_into(element_id, value)
            filled.append(element_id)
        return filled

    def write_agreement(self, file_name):
        self.get("/")
        self.click("a.button[href='/new']")
        self.find("input[name=kind][value=agreement]").click()
        self.find("input[name=lang][value=sv]").click()
        self.type_into("new-file", file_name)
        self.click("form[action='/new'] button[type=submit]")
        self.assertIn("/step/0", self.driver.current_url)

        asked, steps = set(), 0
        while True:
            steps += 1
            self.assertLess(steps, 30, "the interview never ends")
            progress = self.find(".progress").text
            self.assertRegex(progress, r"^Steg %d av \d+$" % steps)
            filled = self.answer_step()
            asked.update(filled)
            if steps == 2:
                # Back and next keep what was typed: the answers of step 2 survive a round trip.
                self.submit("back")
                self.assertEqual(self.by_id("f-organisation_name").get_attribute("value"), "Nyby kommun")
                self.submit("next")
                for element_id in filled:
                    self.assertEqual(self.by_id(element_id).get_attribute("value"), ANSWERS[element_id], element_id)
            if not self.exists('button[name="_action"][value="next"]:not([hidden])'):
                break
            self.submit("next")
        self.assertEqual(asked, set(ANSWERS), "every answer was asked on some step")
        self.submit("save")
        self.assertIn("Sparat i " + file_name, self.find(".notice").text)
        self.assertEqual([t for t in self.summary_texts() if t.startswith("Fel:")], [],
                         "the agreement written through the interview has no errors")
        self.assertTrue(os.path.exists(os.path.join(self.workspace, file_name)))

        # Build and download the PDF.
        self.click("nav.draft-nav a[href$='/build']")
        self.click("form[action$='/build'] button[type=submit]")
        stem = file_name[:-4]
        links = [a.get_attribute("href") for a in self.finds("ul.downloads a")]
        self.assertEqual(sorted(os.path.basename(l) for l in links), sorted(stem + e for e in [".ics", ".odt", ".pdf"]))
        self.find("ul.downloads a[href$='%s.pdf']" % stem).click()
        pdf = self.wait_for_download(stem + ".pdf")
        check = self.run_tool("pdf-check", "--expect-text", "Nyby kommun", "--expect-text",
                              "Sänka sjukfrånvaron i förvaltningen", "--expect-text", "Omar Said", pdf)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        self.assertIn("pdf-check: OK", check.stdout)
        if self.js:  # the other two downloads, checked once
            for ext, tool in [(".ics", "ics-validate"), (".odt", "odf-validate")]:
                self.find("ul.downloads a[href$='%s%s']" % (stem, ext)).click()
                check = self.run_tool(tool, self.wait_for_download(stem + ext))
                self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        return steps

    def test_started_from_the_organisations_other_document(self):
        self.javascript(False)
        self.get("/new")
        self.find("input[name=kind][value=delegation-order]").click()
        webtest.Select(self.by_id("new-from")).select_by_value("/exempelby-instruktion-kommundirektor.xml")  # ORG/NAME, "" the top level
        self.type_into("new-file", "ny-delegationsordning")
        self.click("form[action='/new'] button[type=submit]")
        # Organisation and parties come from the instruction: nothing typed twice.
        self.assertEqual(self.by_id("f-organisation_name").get_attribute("value"), "Exempelby kommun")
        self.assertEqual(self.by_id("f-organisation_type").get_attribute("value"), "kommun")
        names = [self.by_id("f-party_%d_name" % i).get_attribute("value") for i in range(2)]
        self.assertEqual(sorted(names), ["Anders Berg", "Karin Lindqvist"])
        self.assertIn("ny-delegationsordning.xml", self.find(".caption").text, "the .xml ending is added")
        self.assertFalse(os.path.exists(os.path.join(self.workspace, "ny-delegationsordning.xml")), "not saved yet")

    def test_with_javascript(self):
        self.javascript(True)
        self.write_agreement("nyby-overenskommelse.xml")
        self.assertIn("js", self.find("html").get_attribute("class") or "")

    def test_without_javascript(self):
        self.javascript(False)
        self.write_agreement("nyby-overenskommelse-utan-skript.xml")
        self.assertNotIn("js", self.find("html").get_attribute("class") or "", "scripts really were off")


if __name__ == "__main__":
    unittest.main()
