"""Saving from the form: the file stays the truth. One changed field changes that field's line
only; a sample saved unchanged stays byte for byte as it was; rows added, copied, moved and
removed land on the right elements; a file changed on disk while open is never overwritten.
With scripts and without."""
import difflib
import os
import unittest

import webtest

AGREEMENT = "exempelby-overenskommelse.xml"
INSTRUCTION = "exempelby-instruktion-kommundirektor.xml"
DELEGATION = "exempelby-delegationsordning.xml"


class EditSaveTest(webtest.BrowserTest):

    def read(self, name):
        with open(os.path.join(self.workspace, name), encoding="utf-8") as f:
            return f.read()

    def original(self, name):
        with open(os.path.join(webtest.SAMPLES, "kommun", name), encoding="utf-8") as f:
            return f.read()

    def changed_lines(self, before, after):
        diff = [l for l in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
                if l[:1] in "+-" and not l.startswith(("+++", "---"))]
        return diff

    def save(self):
        self.submit("save")
        self.assertTrue(self.exists(".notice"), "saved")

    def test_one_field_with_javascript(self):
        self.javascript(True)
        before = self.read(AGREEMENT)
        self.get("/open?file=" + AGREEMENT)
        self.type_into("f-registration_dnr", "KS 2027/0099")
        self.save()
        self.assertEqual(self.changed_lines(before, self.read(AGREEMENT)), [
            '-  <registration dnr="KS 2027/0042" adopted="2027-01-20" version="1.0"/>',
            '+  <registration dnr="KS 2027/0099" adopted="2027-01-20" version="1.0"/>'])

    def test_one_field_without_javascript(self):
        self.javascript(False)
        before = self.read(INSTRUCTION)
        line = [l for l in before.splitlines() if "<task>Vara kommunens kontaktperson" in l][0]
        self.get("/open?file=" + INSTRUCTION + "&mode=all")
        self.type_into("f-director-instruction_task_1", "Vara kommunens kontaktperson gentemot Länsstyrelsen och MSB.")
        self.save()
        self.assertEqual(self.changed_lines(before, self.read(INSTRUCTION)), [
            "-" + line,
            "+    <task>Vara kommunens kontaktperson gentemot Länsstyrelsen och MSB.</task>"])

    def test_unchanged_samples_stay_byte_identical(self):
        for js, name in [(True, DELEGATION), (False, DELEGATION), (True, INSTRUCTION)]:
            self.javascript(js)
            before = self.read(name)
            self.get("/open?file=" + name + "&mode=all")
            self.save()
            self.assertEqual(self.read(name), before, "%s saved unchanged (scripts %s)" % (name, js))

    def goal_titles(self):
        return [e.get_attribute("value") for e in self.finds("input[id^='f-goals_goal_'][id$='_title']")
                if e.get_attribute("id").count("_") == 3]

    def test_rows_with_and_without_javascript(self):
        for js in (True, False):
            self.javascript(js)
            start = self.read(AGREEMENT)
            self.get("/open?file=" + AGREEMENT + "&mode=all")
            titles = self.goal_titles()
            self.assertGreaterEqual(len(titles), 3)
            self.row_button("duplicate", "goals.goal.0")
            self.assertEqual(self.goal_titles(), [titles[0]] + titles)
            self.assertEqual(self.driver.switch_to.active_element.get_attribute("id").split("_")[:3],
                             ["f-goals", "goal", "1"], "the focus is on the copy")
            self.row_button("down", "goals.goal.0")
            self.assertEqual(self.goal_titles(), [titles[0]] + titles)
            self.row_button("down", "goals.goal.1")
            self.assertEqual(self.goal_titles(), [titles[0], titles[1], titles[0]] + titles[2:])
            self.row_button("remove", "goals.goal.2")
            self.assertEqual(self.goal_titles(), titles)
            self.row_button("up", "goals.goal.1")
            self.assertEqual(self.goal_titles(), [titles[1], titles[0]] + titles[2:])
            self.save()
            moved = self.read(AGREEMENT)
            self.assertLess(moved.index(titles[1]), moved.index(titles[0]), "the goals swapped places in the file")
            self.row_button("down", "goals.goal.0")
            self.save()
            # Moved back, every element is as it was (the answers model may move a blank line between rows).
            self.assertEqual([l for l in self.changed_lines(start, self.read(AGREEMENT)) if l.strip("+- ")], [])
            self.assertEqual(self.goal_titles(), titles)

    def test_file_changed_on_disk_is_not_overwritten(self):
        for js in (True, False):
            self.javascript(js)
            self.get("/open?file=" + DELEGATION + "&mode=all")
            path = os.path.join(self.workspace, DELEGATION)
            changed_elsewhere = self.read(DELEGATION).replace("</delegation-order>\n",
                                                              "</delegation-order>\n<!-- edited elsewhere -->\n", 1)
            with open(path, "w", encoding="utf-8") as f:
                f.write(changed_elsewhere)
            self.type_into("f-registration_dnr", "KS 2027/0555")
            self.submit("save")
            self.assertEqual(self.find("h1").text, "Filen har ändrats sedan du öppnade den")
            self.assertEqual(self.read(DELEGATION), changed_elsewhere, "the file changed elsewhere is kept")
            self.driver.back()
            self.get("/open?file=" + DELEGATION + "&mode=all")  # opened again: it saves
            self.type_into("f-registration_dnr", "KS 2027/0555")
            self.save()
            self.assertIn('dnr="KS 2027/0555"', self.read(DELEGATION))
            self.assertIn("<!-- edited elsewhere -->", self.read(DELEGATION))
            with open(path, "w", encoding="utf-8") as f:
                f.write(self.original(DELEGATION))


if __name__ == "__main__":
    unittest.main()
