#!/usr/bin/python3
# A test SMTP server that requires STARTTLS and a login (aiosmtpd), saving each message as
# DIR/NNNN.eml. For the remind tests of --starttls and --smtp-user; loopback only.
# Usage: starttls_server.py --dir DIR --port PORT --cert CERT --key KEY --user U --password P
import argparse, os, signal, ssl, sys, threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Save:
    def __init__(self, folder):
        self.folder, self.n = folder, 0

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        path = os.path.join(self.folder, "%04d.eml" % self.n)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or b"")
        os.replace(path + ".tmp", path)
        print("starttls-server: saved %s to=%s tls=%s" % (path, ",".join(envelope.rcpt_tos), session.ssl is not None),
              flush=True)
        return "250 OK"


def main():
    ap = argparse.ArgumentParser()
    for a in ("--dir", "--cert", "--key", "--user", "--password"):
        ap.add_argument(a, required=True)
    ap.add_argument("--port", type=int, required=True)
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(a.cert, a.key)

    def authenticate(server, session, envelope, mechanism, data):
        ok = isinstance(data, LoginPassword) and data.login == a.user.encode() and data.password == a.password.encode()
        return AuthResult(success=ok, handled=False)

    class TlsController(Controller):
        def _trigger_server(self):  # the readiness probe cannot speak STARTTLS: just connect
            import socket
            with socket.create_connection((self.hostname, self.port), 1.0) as s:
                s.recv(1024)

    ctl = TlsController(Save(a.dir), hostname="127.0.0.1", port=a.port, tls_context=ctx, require_starttls=True,
                        authenticator=authenticate, auth_required=True, auth_require_tls=True)
    ctl.start()
    print("starttls-server: listening on 127.0.0.1:%d" % a.port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.5):
        pass
    ctl.stop()


if __name__ == "__main__":
    main()
