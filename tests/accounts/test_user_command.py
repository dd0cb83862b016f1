"""`overens user add|remove|passwd|grant|list`: the users file it writes (mode 0600, only hashes),
its messages and exit codes, the password from standard input or from a terminal without echo."""
import os
import pty
import re
import select
import stat
import subprocess
import tempfile
import time
import unittest

OVERENS = os.environ.get("OVERENS", "overens")
ENV = dict(os.environ, OVERENS_TEST_PBKDF2_ITERATIONS="1000")  # cheap hashes for the tests only


def user(*args, password=None, env=ENV):
    return subprocess.run([OVERENS, "user"] + list(args), input=password, capture_output=True, text=True,
                          timeout=60, env=env)


class UserCommandTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="overens-user-")
        self.users = os.path.join(self.tmp.name, "users")

    def tearDown(self):
        self.tmp.cleanup()

    def read_users(self):
        with open(self.users, encoding="utf-8") as f:
            return f.read()

    def test_add_list_grant_passwd_remove(self):
        run = user("add", "anna.berg", "--users", self.users, "--organisation", "exempelby-ks",
                   "--organisation", "exempelby-sn", "--password-stdin", password="ett långt lösenord\n")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("Added the account anna.berg", run.stdout)
        self.assertEqual(stat.S_IMODE(os.stat(self.users).st_mode), 0o600)
        text = self.read_users()
        self.assertNotIn("ett långt lösenord", text)
        self.assertRegex(text, r"\nanna\.berg:pbkdf2-sha256\$1000\$[^$:]+\$[^$:]+:exempelby-ks,exempelby-sn\n")

        run = user("list", "--users", self.users)
        self.assertEqual((run.returncode, run.stdout), (0, "anna.berg\texempelby-ks, exempelby-sn\n"))

        run = user("grant", "anna.berg", "--users", self.users, "--organisation", "*")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("every organisation", run.stdout)

        old = self.read_users()
        run = user("passwd", "anna.berg", "--users", self.users, "--password-stdin", password="ett annat lösenord\r\n")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("Changed the password of anna.berg", run.stdout)
        self.assertNotEqual(old, self.read_users())
        self.assertIn(":*\n", self.read_users())  # the grants stay

        run = user("remove", "anna.berg", "--users", self.users)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertNotIn("anna.berg", self.read_users())
        self.assertEqual(stat.S_IMODE(os.stat(self.users).st_mode), 0o600)

    def test_refusals_change_nothing(self):
        self.assertEqual(user("add", "anna", "--users", self.users, "--organisation", "ks", "--password-stdin",
                              password="ett långt lösenord\n").returncode, 0)
        before = self.read_users()
        cases = [
            (["add", "anna", "--users", self.users, "--password-stdin"], "ett långt lösenord\n", 1, "exists"),
            (["passwd", "bo", "--users", self.users, "--password-stdin"], "ett långt lösenord\n", 1, "no account 'bo'"),
            (["remove", "bo", "--users", self.users], None, 1, "no account 'bo'"),
            (["add", "bo", "--users", self.users, "--password-stdin"], "kort\n", 2, "too short"),
            (["add", "bo", "--users", self.users, "--password-stdin"], "", 2, "held no line"),
            (["add", "bo", "--users", self.users], "ett långt lösenord\n", 2, "--password-stdin"),
            (["add", "bo/../x", "--users", self.users, "--password-stdin"], "ett långt lösenord\n", 2, "not an account name"),
            (["add", "bo", "--users", self.users, "--organisation", "../etc", "--password-stdin"], "ett långt lösenord\n",
             2, "an organisation id is"),
            (["add", "bo", "--password-stdin"], "ett långt lösenord\n", 2, "needs the users file"),
            (["add", "--users", self.users], None, 2, "exactly one account NAME"),
            (["rename", "bo", "--users", self.users], None, 2, "needs an action"),
            (["remove", "anna", "--users", self.users, "--organisation", "ks"], None, 2, "--organisation goes with"),
            (["add", "bo", "--users", self.tmp.name, "--password-stdin"], "ett långt lösenord\n", 2, "is a folder"),
        ]
        for args, stdin, code, words in cases:
            run = user(*args, password=stdin)
            self.assertEqual(run.returncode, code, (args, run.stderr))
            self.assertIn(words, run.stderr, args)
            self.assertEqual(self.read_users(), before, args)

    def test_an_unreadable_users_file_is_said_with_its_place(self):
        with open(self.users, "w") as f:
            f.write("# mine\nanna:not-a-hash:ks\n")
        run = user("add", "bo", "--users", self.users, "--password-stdin", password="ett långt lösenord\n")
        self.assertEqual(run.returncode, 2)
        self.assertIn(self.users + ":2:6: error: [users-file] not a password hash", run.stderr)
        with open(self.users) as f:
            self.assertEqual(f.read(), "# mine\nanna:not-a-hash:ks\n")

    def prompted(self, args, answers):
        """Run `overens user ARGS` on a pseudo-terminal, typing each answer after its prompt;
        everything the terminal showed and the exit code."""
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(OVERENS, [OVERENS, "user"] + args, ENV)
        seen = b""

        def read_until(words, timeout=20):
            nonlocal seen
            end = time.monotonic() + timeout
            while (words is None or words not in seen) and time.monotonic() < end:
                ready, _, _ = select.select([fd], [], [], 0.2)
                if ready:
                    try:
                        chunk = os.read(fd, 1024)
                    except OSError:
                        return
                    if not chunk:
                        return
                    seen += chunk
        try:
            for prompt, answer in answers:
                read_until(prompt)
                self.assertIn(prompt, seen)
                os.write(fd, answer)
            read_until(None)
        finally:
            end = time.monotonic() + 20
            while True:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                if time.monotonic() > end:
                    os.kill(pid, 9)
                    _, status = os.waitpid(pid, 0)
                    break
                time.sleep(0.05)
            os.close(fd)
        return seen, os.waitstatus_to_exitcode(status)

    def test_the_prompt_asks_twice_without_echo(self):
        seen, code = self.prompted(["add", "cia", "--users", self.users, "--organisation", "ks"],
                                   [(b"Password for cia: ", b"hemligt och l\xc3\xa5ngt\n"),
                                    (b"The same password again: ", b"hemligt och l\xc3\xa5ngt\n")])
        self.assertEqual(code, 0, seen)
        self.assertIn(b"Added the account cia", seen)
        self.assertNotIn(b"hemligt", seen)  # never echoed
        self.assertIn("cia:pbkdf2-sha256$", self.read_users())

    def test_two_different_passwords_on_the_prompt_change_nothing(self):
        seen, code = self.prompted(["add", "cia", "--users", self.users],
                                   [(b"Password for cia: ", b"forsta losenordet\n"),
                                    (b"The same password again: ", b"andra losenordet\n")])
        self.assertEqual(code, 2, seen)
        self.assertIn(b"the two passwords differ", seen)
        self.assertFalse(os.path.exists(self.users))

    def test_the_default_work_factor_is_used_without_the_tests_variable(self):
        env = {k: v for k, v in os.environ.items() if k != "OVERENS_TEST_PBKDF2_ITERATIONS"}
        run = user("add", "dan", "--users", self.users, "--password-stdin", password="ett långt lösenord\n", env=env)
        self.assertEqual(run.returncode, 0, run.stderr)
        iterations = int(re.search(r"dan:pbkdf2-sha256\$(\d+)\$", self.read_users()).group(1))
        self.assertGreaterEqual(iterations, 200000)

    def test_help(self):
        run = subprocess.run([OVERENS, "help", "user"], capture_output=True, text=True, timeout=30)
        self.assertEqual(run.returncode, 0)
        self.assertIn("Usage: overens user add|remove|passwd|grant|list NAME --users FILE", run.stdout)
        self.assertIn("--password-stdin", run.stdout)


if __name__ == "__main__":
    unittest.main()
