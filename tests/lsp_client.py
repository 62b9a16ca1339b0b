"""A small Language Server Protocol client for the tests: JSON-RPC over a server's standard
input and output, with Content-Length framing.

It speaks only what the tests need: initialize with a workspace folder, open documents,
collect the diagnostics the server publishes, ask for completion and hover, and answer the
server's own requests (its configuration, above all) so that it never waits on us.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

TIMEOUT = 60.0


class LanguageServerError(Exception):
    """The server answered with an error, went away, or kept us waiting too long."""


class LspClient:
    def __init__(self, command: list[str], settings: dict[str, Any]) -> None:
        """Start the server ``command``; ``settings`` answers its configuration requests
        (section by section, such as ``{"yaml": {...}}``)."""
        self.settings = settings
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self.responses: dict[int, queue.Queue[dict[str, Any]]] = {}
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.published = threading.Condition()
        self.next_id = 0
        self.lock = threading.Lock()
        self.configured = threading.Event()
        self.reader = threading.Thread(target=self._read_all, daemon=True)
        self.reader.start()
        self.stderr: list[bytes] = []
        self.drain = threading.Thread(target=self._drain_stderr, daemon=True)
        self.drain.start()

    def _drain_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr.append(line)

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        with self.lock:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _read_message(self) -> dict[str, Any] | None:
        stream = self.process.stdout
        assert stream is not None
        length = None
        while True:
            line = stream.readline()
            if not line:
                return None
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        if length is None:
            raise LanguageServerError("a message without Content-Length")
        message: dict[str, Any] = json.loads(stream.read(length).decode("utf-8"))
        return message

    def _read_all(self) -> None:
        while (message := self._read_message()) is not None:
            if "id" in message and "method" in message:
                self._answer(message)
            elif "id" in message:
                self.responses.setdefault(message["id"], queue.Queue()).put(message)
            elif message.get("method") == "textDocument/publishDiagnostics":
                with self.published:
                    params = message["params"]
                    self.diagnostics[params["uri"]] = params["diagnostics"]
                    self.published.notify_all()

    def _answer(self, request: dict[str, Any]) -> None:
        result: Any = None
        if request["method"] == "workspace/configuration":
            items = request["params"]["items"]
            result = [self.settings.get(item.get("section", ""), {}) for item in items]
        self._send({"id": request["id"], "result": result})
        if request["method"] == "workspace/configuration":
            self.configured.set()

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        waiting = self.responses.setdefault(self.next_id, queue.Queue())
        self._send({"id": self.next_id, "method": method, "params": params})
        try:
            response = waiting.get(timeout=TIMEOUT)
        except queue.Empty:
            raise LanguageServerError(f"no answer to {method} in {TIMEOUT:.0f}s") from None
        if "error" in response:
            raise LanguageServerError(f"{method}: {response['error']}")
        return response.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def initialize(self, folder: Path) -> None:
        capabilities = {
            "workspace": {"configuration": True, "workspaceFolders": True},
            "textDocument": {
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "completion": {"completionItem": {"snippetSupport": True}},
                "publishDiagnostics": {},
            },
        }
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": folder.as_uri(),
                "capabilities": capabilities,
                "workspaceFolders": [{"uri": folder.as_uri(), "name": folder.name}],
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})
        # Documents opened before the server has its settings would be checked without them.
        if not self.configured.wait(timeout=TIMEOUT):
            raise LanguageServerError(f"the server asked for no settings in {TIMEOUT:.0f}s")

    def open(self, path: Path) -> str:
        """Open the file ``path`` as the editor would; its URI."""
        uri = path.as_uri()
        with self.published:
            self.diagnostics.pop(uri, None)
        item = {"uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text("utf-8")}
        self.notify("textDocument/didOpen", {"textDocument": item})
        return uri

    def diagnostics_of(self, uri: str) -> list[dict[str, Any]]:
        """The diagnostics the server publishes for ``uri`` once it has checked it against
        its schema (a first, empty publication may come before the schema is loaded)."""
        deadline = time.monotonic() + TIMEOUT
        with self.published:
            while uri not in self.diagnostics:
                if not self.published.wait(timeout=deadline - time.monotonic()):
                    raise LanguageServerError(f"no diagnostics for {uri} in {TIMEOUT:.0f}s")
            return self.diagnostics[uri]

    def completion(self, uri: str, line: int, character: int) -> list[str]:
        """The labels of what the server offers at a place (0-based, as LSP counts)."""
        position = {"line": line, "character": character}
        found = self.request(
            "textDocument/completion", {"textDocument": {"uri": uri}, "position": position}
        )
        items = found["items"] if isinstance(found, dict) else found or []
        return [item["label"] for item in items]

    def hover(self, uri: str, line: int, character: int) -> str:
        """The text the server shows on hovering a place, or '' when it shows nothing."""
        position = {"line": line, "character": character}
        found = self.request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": position}
        )
        return str(found["contents"]["value"]) if found else ""

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=10)
        except (LanguageServerError, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=10)
        self.drain.join(timeout=10)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
