"""Real alert receivers on 127.0.0.1: an SMTP server (aiosmtpd) and a JSON webhook endpoint.

Both can be switched 'down' to test retries: the SMTP server is stopped and started again on the same port,
the webhook answers 503 while down.
"""

from __future__ import annotations

import email
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class SmtpReceiver:
    """Collects every message delivered to it."""

    port: int
    messages: list[Message] = field(default_factory=list)
    controller: Controller | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd API)
        self.messages.append(email.message_from_bytes(envelope.original_content))
        return "250 OK"

    def url(self, to: str = "desk@example.org") -> str:
        return f"mailto://127.0.0.1:{self.port}?from=monitor@example.org&to={to}"

    def start(self) -> None:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller:
            self.controller.stop()
            self.controller = None

    def subjects(self) -> list[str]:
        return [str(m["Subject"]) for m in self.messages]

    @staticmethod
    def text(message: Message) -> str:
        """The plain-text body of a message (multipart or not)."""
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                payload = part.get_payload(decode=True)
                return payload.decode(part.get_content_charset() or "utf-8") if isinstance(payload, bytes) else ""
        return ""


@pytest.fixture
def smtp_server() -> Iterator[SmtpReceiver]:
    receiver = SmtpReceiver(free_port())
    receiver.start()
    yield receiver
    receiver.stop()


class _Hook(BaseHTTPRequestHandler):
    server: _HookServer

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.server.down:
            self.send_response(503)
        else:
            self.server.posts.append(json.loads(body))
            self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


class _HookServer(ThreadingHTTPServer):
    daemon_threads = True
    posts: list[dict[str, Any]]
    down: bool


@dataclass
class WebhookReceiver:
    server: _HookServer

    @property
    def posts(self) -> list[dict[str, Any]]:
        return self.server.posts

    def url(self, path: str = "/hook") -> str:
        return f"json://127.0.0.1:{self.server.server_address[1]}{path}"

    def set_down(self, down: bool) -> None:
        self.server.down = down


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    server = _HookServer(("127.0.0.1", 0), _Hook)
    server.posts, server.down = [], False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield WebhookReceiver(server)
    server.shutdown()
    server.server_close()
