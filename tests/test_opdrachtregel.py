"""Command-line manners as a user meets them: version, help, "bedoelde u?", colour, coded usage errors."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT

from dossier import __version__, cli
from dossier.documenten import sjabloonsets

DOSSIER = [sys.executable, "-m", "dossier"]


def run(*args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([*DOSSIER, *args], capture_output=True, text=True, timeout=120, cwd=cwd,
                          env={**os.environ, **(env or {})})


@pytest.mark.parametrize("flag", ["--version", "-V", "--versie"])
def test_version(flag):
    done = run(flag)
    assert done.returncode == 0 and done.stdout.strip() == f"dossier {__version__}"


def test_help_command_and_help_per_command():
    done = run("help")
    assert done.returncode == 0 and "nieuw" in done.stdout and "voorbeelden" in done.stdout and done.stderr == ""
    bouw = run("help", "bouw")
    assert bouw.returncode == 0 and bouw.stdout == run("bouw", "--help").stdout and "--watch" in bouw.stdout
    wrong = run("help", "bouwe")
    assert wrong.returncode == 2 and "D900" in wrong.stderr and "bedoelde u 'bouw'?" in wrong.stderr


def test_no_command_shows_the_help_on_stderr():
    done = run()
    assert done.returncode == 2 and done.stdout == "" and "opdrachten" in done.stderr and "gebruik:" in done.stderr


@pytest.mark.parametrize("args,code,expected", [
    (["controler", "x.yaml"], "D900", "bedoelde u 'controleer'?"),
    (["bouwen", "x.yaml"], "D900", "bedoelde u 'bouw'?"),
    (["leiden.yaml"], "D900", "bedoelde u 'dossier controleer leiden.yaml'?"),
    (["controleer", "x.yaml", "--samenvating"], "D901", "bedoelde u '--samenvatting'?"),
    (["bouw", "--formatn", "md", "x.yaml"], "D901", "bedoelde u '--formaten'?"),
    (["--verison"], "D901", "bedoelde u '--version'?"),
    (["controleer", "--formaat", "jsno", "x.yaml"], "D902", "bedoelde u 'json'?"),
    (["nieuw", "--soort", "sas"], "D902", "bedoelde u 'sas-procedure'?"),
    (["bouw"], "D902", "deze argumenten ontbreken: BESTAND"),
])
def test_usage_errors_are_coded_on_stderr_with_a_suggestion(args, code, expected):
    done = run(*args)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("gebruik: dossier"), done.stderr
    assert f" {code} fout" in done.stderr and expected in done.stderr, done.stderr


def test_every_message_code_of_the_command_line_is_in_its_own_catalogue():
    from dossier.diagnostics import catalogue

    codes = [c for c in catalogue() if "D900" <= c <= "D949"]
    assert codes and all(catalogue()[c].afsluitcode in (2, 3) for c in codes)
    assert run("uitleg", "D900").returncode == 0


def _in_terminal(args: list[str], env: dict) -> str:
    """Run in a pseudo-terminal, as in a user's shell; returns everything written to it."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([*DOSSIER, *args], stdin=follower, stdout=follower, stderr=follower, cwd=ROOT,
                               env={**os.environ, "TERM": "xterm", **env})
    os.close(follower)
    output = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the command ended
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=10)
    os.close(leader)
    return output.decode("utf-8", "replace")


def test_colour_on_a_terminal_only_and_never_with_no_color(tmp_path):
    broken = tmp_path / "kapot.yaml"
    broken.write_text((ROOT / "voorbeelden" / "leiden.yaml").read_text("utf-8").replace("weging: 30\n", "weging: 31\n", 1), "utf-8")
    args = ["controleer", str(broken), str(ROOT / "voorbeelden" / "tilburg.yaml")]
    coloured = _in_terminal(args, {"NO_COLOR": ""})
    assert "\033[1;31mfout\033[0m" in coloured and "\033[1;33mwaarschuwing\033[0m" in coloured
    plain = _in_terminal(args, {"NO_COLOR": "1"})
    assert "\033[" not in plain and " D317 fout " in plain
    piped = run(*args, env={"NO_COLOR": ""})
    assert "\033[" not in piped.stdout and " D317 fout " in piped.stdout
    assert plain.replace("\r\n", "\n") == piped.stdout + piped.stderr


def test_templates_folder_that_does_not_exist_is_the_users_setting(tmp_path):
    done = run("bouw", str(ROOT / "voorbeelden" / "leiden.yaml"), "--uit", str(tmp_path), env={"DOSSIER_SJABLONEN": str(tmp_path / "weg")})
    assert done.returncode == 2 and "D903" in done.stderr and "interne fout" not in done.stderr


def test_a_missing_part_of_the_installation_is_coded_not_internal(tmp_path, monkeypatch, capsys):
    # What a package installed without its templates meets: the shipped template folder is not there.
    monkeypatch.setattr(sjabloonsets, "PROJECT_TEMPLATES", tmp_path / "site-packages" / "sjablonen")
    monkeypatch.delenv("DOSSIER_SJABLONEN", raising=False)
    code = cli.main(["bouw", str(ROOT / "voorbeelden" / "leiden.yaml"), "--uit", str(tmp_path / "uit"), "--formaten", "md"])
    err = capsys.readouterr().err
    assert code == 3 and "D904" in err and "sjablonen" in err and "bestaat niet" in err and "interne fout" not in err
    assert not (tmp_path / "uit" / "leiden").exists()
