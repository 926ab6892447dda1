"""The editor as a user has it: yaml-language-server (what VS Code's YAML extension runs) over stdio.

Every shipped example and a starter dossier of every kind of procedure, each with the schema file
that ``dossier voorbeelden`` and ``dossier nieuw`` write next to it: no diagnostics; hovering a date
shows that field's own description; completion never inserts a literal ``null``. A misspelt key is
flagged, so the schema is really in use. ``.ci/run`` installs the server with npm into ``.ci-node/``.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers import ROOT

from dossier.invoer.schema import catalogue
from dossier.opdrachten.nieuw import SOORTEN

SERVER = Path(os.environ.get("DOSSIER_TAALSERVER", ROOT / ".ci-node" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"))
REQUIRED = os.environ.get("DOSSIER_TAALSERVER_VERPLICHT") == "1"  # set by .ci/run: there a missing server is a failure
TIMEOUT = 60.0  # only against a hang; the server answers in about a second
SETTINGS = {"validate": True, "hover": True, "completion": True, "schemas": {}, "schemaStore": {"enable": False},
            "kubernetesCRDStore": {"enable": False}}


class Client:
    """A minimal LSP client: JSON-RPC with Content-Length framing; answers the server's own requests."""

    def __init__(self, root: Path):
        node = shutil.which("node")
        assert node, "node ontbreekt"
        self.process = subprocess.Popen([node, str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, cwd=root)
        self.messages: queue.Queue = queue.Queue()
        self.diagnostics: dict[str, list] = {}
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {
            "workspace": {"configuration": True},
            "textDocument": {"hover": {"contentFormat": ["markdown"]},
                             "completion": {"completionItem": {"snippetSupport": True, "documentationFormat": ["markdown"]}}},
        }})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": SETTINGS}})

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = stream.read(1)
                if not byte:
                    return
                header += byte
            length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict):
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        return self._until(lambda m: m.get("id") == self.next_id and "method" not in m)["result"]

    def _until(self, wanted):
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self.messages.get(timeout=max(0.1, deadline - time.monotonic()))
            if "method" in message and "id" in message:  # the server asks something
                answer = [SETTINGS, {}, {}, {}] if message["method"] == "workspace/configuration" else None
                self._send({"id": message["id"], "result": answer})
            elif message.get("method") == "textDocument/publishDiagnostics":
                self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
            if wanted(message):
                return message

    def open(self, path: Path) -> list:
        """Open a document and return the server's diagnostics for it."""
        uri = path.resolve().as_uri()
        self.diagnostics.pop(uri, None)
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": path.read_text("utf-8")}})
        self._until(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        return self.diagnostics[uri]

    def at(self, method: str, path: Path, line: int, character: int):
        return self.request(method, {"textDocument": {"uri": path.resolve().as_uri()},
                                     "position": {"line": line, "character": character}})

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    if not SERVER.exists():
        message = f"yaml-language-server ontbreekt ({SERVER}); installeer met: npm install --prefix .ci-node yaml-language-server"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("editor")
    run = [sys.executable, "-m", "dossier"]
    subprocess.run([*run, "voorbeelden", "--uit", str(folder)], check=True, capture_output=True, timeout=120)
    for soort in SOORTEN:
        subprocess.run([*run, "nieuw", str(folder / f"start-{soort}"), "--soort", soort, "--publicatie", "2027-03-01"],
                       check=True, capture_output=True, timeout=120)
    client = Client(folder)
    yield folder, client
    client.close()


def test_examples_and_starters_have_no_diagnostics(workspace):
    folder, client = workspace
    files = sorted(folder.glob("*.yaml"))
    assert len(files) == 7 + len(SOORTEN)
    for path in files:
        assert client.open(path) == [], path.name


def test_a_misspelt_key_is_flagged(workspace):
    folder, client = workspace
    wrong = folder / "tikfout.yaml"
    wrong.write_text((folder / "leiden.yaml").read_text("utf-8").replace("\nlooptijd:", "\nlooptyd:"), "utf-8")
    messages = [d["message"] for d in client.open(wrong)]
    assert any("looptyd" in m for m in messages), messages


def test_hover_on_a_date_shows_the_fields_own_text(workspace):
    folder, client = workspace
    path = folder / "start-openbaar.yaml"
    client.open(path)
    lines = path.read_text("utf-8").splitlines()
    own = catalogue()["velden"]["Planning"]["inschrijving"]["beschrijving"]
    line = next(i for i, text in enumerate(lines) if text.startswith("  inschrijving:"))
    hover = client.at("textDocument/hover", path, line, 4)["contents"]["value"]
    assert own in hover and hover.index(own) < hover.index("JJJJ-MM-DD"), hover
    line = next(i for i, text in enumerate(lines) if text.startswith("  soort: openbaar"))
    hover = client.at("textDocument/hover", path, line, 12)["contents"]["value"]
    assert catalogue()["velden"]["Procedure"]["soort"]["waarden"]["openbaar"] in hover, hover


def test_completion_never_inserts_null(workspace):
    folder, client = workspace
    path = folder / "aanvullen.yaml"
    path.write_text("# yaml-language-server: $schema=dossier.schema.json\nlooptijd:\n  \n", "utf-8")
    client.open(path)
    items = client.at("textDocument/completion", path, 2, 2)["items"]
    labels = {item["label"] for item in items}
    assert {"ingangsdatum", "duur", "motivering"} <= labels, labels
    assert not [item for item in items if "null" in item.get("insertText", "")]
    documented = {item["label"]: json.dumps(item.get("documentation", ""), ensure_ascii=False) for item in items}
    assert catalogue()["velden"]["Looptijd"]["ingangsdatum"]["beschrijving"] in documented["ingangsdatum"]
