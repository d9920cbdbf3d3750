"""A real SMTP server for the tests (aiosmtpd from Debian), storing each message it receives as decoded JSON.

    python3 smtp_sink.py serve PORT FOLDER   runs until standard input closes; prints "ready" once listening
    python3 smtp_sink.py hold PORT FOLDER    the same, but takes each message in and never answers its end of data,
                                             as a server that stalls mid-send (the message is stored, never accepted)
    python3 smtp_sink.py decode FILE.eml     prints one message, decoded, as JSON (for the pickup directory)
"""
import asyncio
import email
import json
import os
import sys
import uuid
from email import policy


def describe(raw, envelope_from=None, envelope_to=None):
    message = email.message_from_bytes(raw, policy=policy.default)
    parts = []
    for part in message.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b""
        parts.append({
            "type": part.get_content_type(),
            "method": part.get_param("method"),
            "filename": part.get_filename(),
            "text": payload.decode(part.get_content_charset() or "utf-8", "replace"),
        })
    return {
        "from": envelope_from or str(message["From"]),
        "to": envelope_to or [str(message["To"])],
        "subject": str(message["Subject"]),
        "messageId": str(message["Message-ID"]),
        "parts": parts,
    }


class Sink:
    def __init__(self, folder, hold=False):
        self.folder = folder
        self.hold = hold

    async def handle_DATA(self, server, session, envelope):
        record = describe(envelope.content, envelope.mail_from, envelope.rcpt_tos)
        name = os.path.join(self.folder, uuid.uuid4().hex + ".json")
        with open(name + ".tmp", "w", encoding="utf-8") as handle:
            json.dump(record, handle)
        os.replace(name + ".tmp", name)
        if self.hold:
            # The client waits for its "250" until it gives up or dies; ending the connection ends this wait.
            await asyncio.get_running_loop().create_future()
        return "250 Message accepted"


def serve(port, folder, hold=False):
    from aiosmtpd.controller import Controller
    controller = Controller(Sink(folder, hold), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    if sys.argv[1] in ("serve", "hold"):
        serve(int(sys.argv[2]), sys.argv[3], sys.argv[1] == "hold")
    else:
        with open(sys.argv[2], "rb") as handle:
            print(json.dumps(describe(handle.read())))
