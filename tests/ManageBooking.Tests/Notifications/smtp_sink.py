"""A real SMTP server for the tests (aiosmtpd from Debian), storing each message it receives as decoded JSON.

    python3 smtp_sink.py serve PORT FOLDER   runs until standard input closes; prints "ready" once listening
    python3 smtp_sink.py decode FILE.eml     prints one message, decoded, as JSON (for the pickup directory)
"""
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
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        record = describe(envelope.content, envelope.mail_from, envelope.rcpt_tos)
        name = os.path.join(self.folder, uuid.uuid4().hex + ".json")
        with open(name + ".tmp", "w", encoding="utf-8") as handle:
            json.dump(record, handle)
        os.replace(name + ".tmp", name)
        return "250 Message accepted"


def serve(port, folder):
    from aiosmtpd.controller import Controller
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(int(sys.argv[2]), sys.argv[3])
    else:
        with open(sys.argv[2], "rb") as handle:
            print(json.dumps(describe(handle.read())))
