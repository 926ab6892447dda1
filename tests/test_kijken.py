"""``--watch``: save the dossier and the check or the build runs again; Ctrl+C stops it cleanly."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from helpers import ROOT

from dossier.opdrachten.kijken import snapshot

TIMEOUT = 120  # only against a hang


class Watching:
    """``dossier ... --watch`` in the background, its output line by line."""

    def __init__(self, *args: str):
        self.process = subprocess.Popen([sys.executable, "-m", "dossier", *args, "--watch"], stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True, cwd=ROOT, env={**os.environ, "NO_COLOR": "1"})
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stdout], daemon=True).start()

    def until(self, text: str) -> list[str]:
        """Every line up to and including the first that contains ``text``."""
        seen, deadline = [], time.monotonic() + TIMEOUT
        while True:
            line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            seen.append(line)
            if text in line:
                return seen

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        self.until("gestopt")
        return self.process.wait(timeout=TIMEOUT)


def test_controleer_watch_checks_again_after_a_save(tmp_path):
    path = tmp_path / "leiden.yaml"
    text = (ROOT / "voorbeelden" / "leiden.yaml").read_text("utf-8")
    path.write_text(text, "utf-8")
    watching = Watching("controleer", str(path))
    try:
        first = watching.until("Wacht op wijzigingen")
        assert any("0 fouten" in line for line in first)
        path.write_text(text.replace("weging: 30\n", "weging: 31\n", 1), "utf-8")
        second = watching.until("Wacht op wijzigingen")
        assert any("gewijzigd, opnieuw" in line for line in second)
        assert any(" D317 fout " in line for line in second), second
        path.write_text(text, "utf-8")
        third = watching.until("Wacht op wijzigingen")
        assert any("0 fouten" in line for line in third)
    finally:
        code = watching.stop()
    assert code == 0


def test_bouw_watch_builds_again_after_a_save(tmp_path):
    path = tmp_path / "open-house.yaml"
    text = (ROOT / "voorbeelden" / "open-house.yaml").read_text("utf-8")
    path.write_text(text, "utf-8")
    out = tmp_path / "uit"
    watching = Watching("bouw", str(path), "--uit", str(out), "--formaten", "md")
    try:
        watching.until("Wacht op wijzigingen")
        leidraad = out / "open-house" / "aanbestedingsleidraad.md"
        assert "Open house Wmo-begeleiding" in leidraad.read_text("utf-8")
        path.write_text(text.replace("Keuzevrijheid voor de inwoner", "Eigen regie voor de inwoner"), "utf-8")
        second = watching.until("Wacht op wijzigingen")
        assert any("documenten geschreven" in line for line in second)
        assert "Eigen regie voor de inwoner" in leidraad.read_text("utf-8")
    finally:
        code = watching.stop()
    assert code == 0


def test_snapshot_sees_a_change_of_content_and_a_missing_file(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("a: 1\n", "utf-8")
    before = snapshot([path, tmp_path / "sjablonen"])
    path.write_text("a: 12\n", "utf-8")
    assert snapshot([path]) != before
    path.unlink()
    assert snapshot([path]) == {str(path): None}
