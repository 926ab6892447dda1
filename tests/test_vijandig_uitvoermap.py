"""The output folder under pressure: concurrent builds, killed builds, links (issue 21, medium).

Builds run through the command line in subprocesses with a timeout (only against hangs).
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from helpers import CASES, ROOT, read_yaml, write_case

from dossier.uitvoer.wissel import exchange
from dossier.uitvoer.write import MARKER, MARKER_TEXT

BASIS = read_yaml(CASES / "basis.yaml")


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_five_concurrent_builds_of_one_dossier_all_succeed(tmp_path):
    source = write_case(tmp_path, "gemeente", BASIS)
    out = tmp_path / "uit"
    for _ in range(3):
        with ThreadPoolExecutor(max_workers=5) as pool:
            results = list(pool.map(lambda _: _cli("bouw", str(source), "--uit", str(out), "--formaten", "md,docx"), range(5)))
        for done in results:
            assert done.returncode == 0, done.stdout + done.stderr
    assert _hidden(out) == []  # no temporary or old folder left behind
    assert (out / "gemeente" / "manifest.json").is_file() and (out / "gemeente" / "aanbestedingsleidraad.docx").is_file()


def test_stale_temporary_folder_of_a_killed_build_is_cleaned(tmp_path):
    source = write_case(tmp_path, "gemeente", BASIS)
    out = tmp_path / "uit"
    stale = out / ".gemeente.bouw-4194303-0badc0de"
    stale.mkdir(parents=True)
    (stale / MARKER).write_bytes(MARKER_TEXT)
    (stale / "aanbestedingsleidraad.md").write_text("half geschreven", "utf-8")
    assert _cli("bouw", str(source), "--uit", str(out), "--formaten", "md").returncode == 0
    assert _hidden(out) == []


def test_interrupted_swap_is_reported_by_controleer_and_restored_by_bouw(tmp_path):
    write_case(tmp_path, "gemeente", BASIS)
    assert _cli("bouw", "gemeente.yaml", "--formaten", "md", cwd=tmp_path).returncode == 0
    output = tmp_path / "build" / "gemeente"
    aside = tmp_path / "build" / ".gemeente.oud-4194303-0badc0de"
    os.rename(output, aside)  # what a build killed between the two renames leaves
    checked = _cli("controleer", "gemeente.yaml", cwd=tmp_path)
    assert checked.returncode == 0 and "D542" in checked.stdout and aside.name in checked.stdout, checked.stdout
    assert aside.is_dir() and not output.exists()  # controleer changes nothing
    built = _cli("bouw", "gemeente.yaml", "--formaten", "md", cwd=tmp_path)
    assert built.returncode == 0 and "D540" in built.stdout, built.stdout
    assert (output / "aanbestedingsleidraad.md").is_file() and _hidden(tmp_path / "build") == []


def test_restored_output_survives_a_failing_build(tmp_path):
    source = write_case(tmp_path, "gemeente", BASIS)
    out = tmp_path / "uit"
    assert _cli("bouw", str(source), "--uit", str(out), "--formaten", "md").returncode == 0
    before = (out / "gemeente" / "aanbestedingsleidraad.md").read_bytes()
    os.rename(out / "gemeente", out / ".gemeente.oud-4194303-0badc0de")
    source.write_text(source.read_text("utf-8").replace("per_jaar: 300000", "per_jaar: veel"), "utf-8")
    done = _cli("bouw", str(source), "--uit", str(out), "--formaten", "md")
    assert done.returncode == 1 and "D540" in done.stdout, done.stdout
    # the old output is back before the check refused the new dossier
    assert (out / "gemeente" / "aanbestedingsleidraad.md").read_bytes() == before and _hidden(out) == []


def test_atomic_exchange_trades_two_folders(tmp_path):
    new, old = tmp_path / "nieuw", tmp_path / "oud"
    new.mkdir()
    old.mkdir()
    (new / "a").write_text("nieuw", "utf-8")
    (old / "a").write_text("oud", "utf-8")
    if not exchange(new, old):
        pytest.skip("dit systeem kan twee mappen niet in één stap verwisselen (de twee hernoemingen worden gebruikt)")
    assert (old / "a").read_text("utf-8") == "nieuw" and (new / "a").read_text("utf-8") == "oud"


def test_output_root_that_is_a_link_to_a_folder_is_followed(tmp_path):
    source = write_case(tmp_path, "gemeente", BASIS)
    (tmp_path / "echt").mkdir()
    (tmp_path / "uit").symlink_to(tmp_path / "echt", target_is_directory=True)
    done = _cli("bouw", str(source), "--uit", str(tmp_path / "uit"), "--formaten", "md")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "echt" / "gemeente" / "aanbestedingsleidraad.md").is_file() and (tmp_path / "uit").is_symlink()
