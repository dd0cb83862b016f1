#!/usr/bin/python3
# A mail server that stops answering, for the remind tests (loopback only). It accepts every
# connection and stalls at the stage --stall names: "greeting" (says nothing), "mail" (greets
# and answers EHLO, then never answers MAIL FROM), or "data-end" (takes the whole message, saves
# it as DIR/NNNN.eml, and never answers the final dot). Logs "connection N" for each one.
# Usage: stalling_smtp.py --dir DIR --port PORT --stall greeting|mail|data-end
import argparse, os, socket, sys, threading


def serve(conn, n, stall, folder):
    f = conn.makefile("rb")
    say = lambda line: conn.sendall(line.encode() + b"\r\n")
    try:
        if stall == "greeting":
            f.read()  # until the client gives up
            return
        say("220 stalling.test ESMTP")
        while True:
            line = f.readline()
            if not line:
                return
            cmd = line.strip().upper()
            if cmd.startswith(b"EHLO") or cmd.startswith(b"HELO"):
                say("250 stalling.test")
            elif cmd.startswith(b"MAIL"):
                if stall == "mail":
                    f.read()
                    return
                say("250 OK")
            elif cmd.startswith(b"RCPT"):
                say("250 OK")
            elif cmd == b"DATA":
                say("354 go ahead")
                data = b""
                while not data.endswith(b"\r\n.\r\n"):
                    chunk = f.readline()
                    if not chunk:
                        return
                    data += chunk
                path = os.path.join(folder, "%04d-%d.eml" % (n, len(os.listdir(folder))))
                with open(path, "wb") as out:
                    out.write(data[:-5])
                print("stalling-smtp: saved %s" % path, flush=True)
                f.read()  # never answers the dot
                return
            elif cmd == b"QUIT":
                say("221 bye")
                return
            else:
                say("250 OK")
    except OSError:
        pass
    finally:
        conn.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--stall", choices=("greeting", "mail", "data-end"), default="data-end")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", a.port))
    s.listen(16)
    print("stalling-smtp: listening on 127.0.0.1:%d" % a.port, flush=True)
    n = 0
    while True:
        conn, _ = s.accept()
        n += 1
        print("stalling-smtp: connection %d" % n, flush=True)
        threading.Thread(target=serve, args=(conn, n, a.stall, a.dir), daemon=True).start()


if __name__ == "__main__":
    main()
