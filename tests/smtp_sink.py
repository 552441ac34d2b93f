"""A small SMTP server on the loopback that keeps what it is sent, for tests and scripts/bench_actions.py.

`SmtpSink(delay=1)` takes a second to accept each message, as a busy provider does; `stall=True` accepts
connections and never answers; `refuse=True` turns every message away with a permanent error. Nothing leaves the
machine: it listens on 127.0.0.1 only and delivers nowhere.

`python tests/smtp_sink.py --delay 1 --log FILE` runs one in a process of its own (scripts/bench_actions.py does,
so that the load's own timing never waits on the sink's threads): it prints its port, then appends each message's
recipients to FILE, a line per message, until it is stopped.
"""

import argparse
import signal
import socketserver
import sys
import threading
import time
from collections import Counter
from email import message_from_bytes


class SmtpSink:
    def __init__(self, delay=0.0, stall=False, refuse=False, port=0, log=None):
        self.delay, self.stall, self.refuse = delay, stall, refuse
        self.log = open(log, "a", buffering=1) if log else None  # noqa: SIM115 (closed on exit)
        self.messages = []
        self.connections = 0
        self._lock = threading.Lock()
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                sink._converse(self)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True
            request_queue_size = 128

        self.server = Server(("127.0.0.1", port), Handler)
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        if self.log:
            self.log.close()

    def recipients(self):
        """How many messages each address received."""
        with self._lock:
            return Counter(address for message in self.messages for address in message["rcpt"])

    def parsed(self):
        with self._lock:
            return [message_from_bytes(message["data"]) for message in self.messages]

    def _converse(self, handler):
        with self._lock:
            self.connections += 1
        if self.stall:
            # Accepted, then silence: the client's socket timeout is all that ends it.
            handler.rfile.read()
            return

        def reply(line):
            handler.wfile.write(line.encode() + b"\r\n")
            handler.wfile.flush()

        reply("220 sink ready")
        rcpt = []
        while line := handler.rfile.readline():
            command = line.decode("latin-1").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                reply("250 sink")
            elif verb == "MAIL":
                rcpt = []
                reply("250 OK")
            elif verb == "RCPT":
                if self.refuse:
                    reply("550 no thank you")
                    continue
                rcpt.append(command.split(":", 1)[1].strip().strip("<>").lower())
                reply("250 OK")
            elif verb == "DATA":
                reply("354 go ahead")
                data = []
                while (chunk := handler.rfile.readline()) not in (b".\r\n", b""):
                    data.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                if self.delay:
                    time.sleep(self.delay)
                with self._lock:
                    self.messages.append({"rcpt": rcpt, "data": b"".join(data)})
                    if self.log:
                        self.log.write(" ".join(rcpt) + "\n")
                reply("250 OK queued")
            elif verb == "QUIT":
                reply("221 bye")
                return
            else:  # RSET, NOOP and anything else
                reply("250 OK")


def main():
    parser = argparse.ArgumentParser(description="An SMTP sink on 127.0.0.1 in a process of its own.")
    parser.add_argument("--delay", type=float, default=0.0, help="Seconds to take over each message.")
    parser.add_argument("--log", required=True, help="File to append each message's recipients to.")
    options = parser.parse_args()
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    with SmtpSink(delay=options.delay, log=options.log) as sink:
        print(sink.port, flush=True)
        stopped.wait()
    sys.exit(0)


if __name__ == "__main__":
    main()
