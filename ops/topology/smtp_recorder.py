"""An SMTP server that records what it receives: each message becomes one file in a folder.

    python ops/topology/smtp_recorder.py --port 8025 --dir /tmp/hub-topology/mail [--delay 0.05]

aiosmtpd (PyPI) answers SMTP on 127.0.0.1; every accepted message is written, then fsynced and renamed into
place, before the server says 250, so a message the app was told was delivered is always on disk, and one
it was not told about never is. ``--delay`` slows each acceptance a little, like a real relay, so a worker
killed "in the middle of sending" is really in the middle; a message whose sender is gone by then is not
kept. The load test reads the folder.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import time
import uuid
from pathlib import Path

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, folder: Path, delay: float) -> None:
        self.folder = folder
        self.delay = delay

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's hook name
        if self.delay:
            await asyncio.sleep(self.delay)
        if server.transport is None or server.transport.is_closing():
            # The sender went away before it could read our reply: like a relay that commits a message
            # only with its 250, nothing is kept (the sender will try again).
            return "421 Sender gone"
        name = f"{time.time():.6f}-{uuid.uuid4().hex}.eml"
        partial = self.folder / f".{name}.part"
        content = envelope.original_content or envelope.content
        with partial.open("wb") as handle:
            handle.write(f"X-Recorded-Rcpt: {', '.join(envelope.rcpt_tos)}\r\n".encode())
            handle.write(content if isinstance(content, bytes) else content.encode())
            handle.flush()
            os.fsync(handle.fileno())
        await asyncio.sleep(0)  # one turn of the loop: a sender killed while we wrote is noticed now
        if server.transport is None or server.transport.is_closing():
            partial.unlink()
            return "421 Sender gone"
        partial.rename(self.folder / name)
        return "250 Message accepted for delivery"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8025)
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before accepting each message")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    controller = Controller(Recorder(args.dir, args.delay), hostname=args.host, port=args.port)
    controller.start()
    print(f"smtp recorder on {args.host}:{args.port}, writing to {args.dir}", flush=True)
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    while not stop:
        time.sleep(0.2)
    controller.stop()


if __name__ == "__main__":
    main()
