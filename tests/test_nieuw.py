"""The first steps: ``nieuw`` (a starter for every kind of procedure), ``voorbeelden`` and the schema file.

Every starter passes the check with only the warnings its own comments announce, and builds for real
(Markdown, Word and PDF); the placeholders show up in the documents for the team to replace.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import get_args

import docx
import pytest
from helpers import ROOT

from dossier import controleer
from dossier.invoer.model import ProcedureSoort
from dossier.opdrachten.bouw import build_file
from dossier.opdrachten.nieuw import SOORTEN
from dossier.opdrachten.schema import FILE_NAME, MODELINE, schema_text

DOSSIER = [sys.executable, "-m", "dossier"]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([*DOSSIER, *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def test_every_kind_of_procedure_has_a_starter():
    assert set(SOORTEN) == set(get_args(ProcedureSoort))


@pytest.mark.parametrize("soort", sorted(SOORTEN))
def test_starter_checks_and_builds(soort, tmp_path):
    done = run("nieuw", "start", "--soort", soort, "--publicatie", "2027-03-01", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    path = tmp_path / "start.yaml"
    text = path.read_text("utf-8")
    assert text.startswith(MODELINE + "\n") and (tmp_path / FILE_NAME).read_text("utf-8") == schema_text()
    result = controleer(path)
    assert result.ok and result.diagnostics, [d.to_text() for d in result.diagnostics]
    for warning in result.diagnostics:
        assert f"waarschuwing {warning.code}" in text, f"{soort}: {warning.code} staat niet in het commentaar van de starter"
        if warning.code == "D336":  # a list in a message reads as Dutch prose
            assert "programma van eisen en algemene inkoopvoorwaarden" in warning.message
    assert result.dossier.procedure.soort == soort
    code, findings = build_file(str(path), tmp_path / "build", ["md", "docx", "pdf"], "concept")
    assert code == 0, [d.to_text() for d in findings]
    leidraad = docx.Document(str(tmp_path / "build" / "start" / "aanbestedingsleidraad.docx"))
    assert "[titel van de aanbesteding]" in "\n".join(p.text for p in leidraad.paragraphs)
    assert (tmp_path / "build" / "start" / "aanbestedingsleidraad.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("soort", ["openbaar", "sas-procedure", "open-house", "subsidietender"])
def test_regional_starter_names_the_participating_municipalities(soort, tmp_path):
    assert run("nieuw", "regio", "--soort", soort, "--regio", "--publicatie", "2027-03-01", cwd=tmp_path).returncode == 0
    result = controleer(tmp_path / "regio.yaml")
    assert result.ok and len(result.dossier.aanbesteding.deelnemende_gemeenten) == 2
    assert all(f"waarschuwing {d.code}" in (tmp_path / "regio.yaml").read_text("utf-8") for d in result.diagnostics)


def test_planning_counts_from_the_publication_and_keeps_the_legal_terms(tmp_path):
    run("nieuw", "np", "--soort", "niet-openbaar", "--publicatie", "2027-11-15", cwd=tmp_path)
    planning = controleer(tmp_path / "np.yaml").dossier.planning
    assert planning.publicatie.isoformat() == "2027-11-15"
    assert (planning.verzoek_tot_deelneming - planning.publicatie).days >= 30
    assert (planning.inschrijving - planning.uitnodiging_tot_inschrijving).days >= 35
    assert (planning.ondertekening - planning.gunningsbeslissing).days > 20


def test_nieuw_never_overwrites_and_refuses_bad_names_and_dates(tmp_path):
    (tmp_path / "bestaand.yaml").write_text("eigen werk\n", "utf-8")
    done = run("nieuw", "bestaand", cwd=tmp_path)
    assert done.returncode == 2 and "D905" in done.stderr
    assert (tmp_path / "bestaand.yaml").read_text("utf-8") == "eigen werk\n"
    assert "D906" in run("nieuw", "mijn dossier", cwd=tmp_path).stderr
    assert "D908" in run("nieuw", "x", "--publicatie", "01-03-2027", cwd=tmp_path).stderr
    assert not (tmp_path / "x.yaml").exists() and not (tmp_path / "mijn dossier.yaml").exists()
    sub = run("nieuw", "map/in/map", cwd=tmp_path)
    assert sub.returncode == 0 and (tmp_path / "map" / "in" / "map.yaml").is_file() and (tmp_path / "map" / "in" / FILE_NAME).is_file()


def test_voorbeelden_copies_every_example_with_the_schema_and_keeps_own_edits(tmp_path):
    done = run("voorbeelden", "--uit", str(tmp_path / "vb"))
    assert done.returncode == 0, done.stderr
    shipped = sorted(p.name for p in (ROOT / "voorbeelden").glob("*.yaml"))
    assert sorted(p.name for p in (tmp_path / "vb").glob("*.yaml")) == shipped
    assert (tmp_path / "vb" / FILE_NAME).read_text("utf-8") == schema_text()
    for name in shipped:
        copy = (tmp_path / "vb" / name).read_text("utf-8")
        assert copy == MODELINE + "\n" + (ROOT / "voorbeelden" / name).read_text("utf-8")
    (tmp_path / "vb" / "leiden.yaml").write_text("eigen versie\n", "utf-8")
    again = run("voorbeelden", "--uit", str(tmp_path / "vb"))
    assert again.returncode == 0 and "leiden.yaml" in again.stdout and "bestaan al" in again.stdout
    assert (tmp_path / "vb" / "leiden.yaml").read_text("utf-8") == "eigen versie\n"


def test_schema_command_writes_a_file(tmp_path):
    assert run("schema", "--uit", str(tmp_path / "s.json")).returncode == 0
    written = json.loads((tmp_path / "s.json").read_text("utf-8"))
    assert written == json.loads(run("schema").stdout) and written["$id"].startswith("urn:dossier:schema:")


def test_bouw_brings_the_schema_next_to_the_dossier_up_to_date_but_never_a_foreign_one(tmp_path):
    source = MODELINE + "\n" + (ROOT / "voorbeelden" / "open-house.yaml").read_text("utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "d.yaml").write_text(source, "utf-8")
    (tmp_path / "a" / FILE_NAME).write_text('{"$id": "urn:dossier:schema:0.0.1"}', "utf-8")  # from an older dossier
    done = run("bouw", str(tmp_path / "a" / "d.yaml"), "--uit", str(tmp_path / "uit"), "--formaten", "md")
    assert done.returncode == 0 and "schema voor de editor bijgewerkt" in done.stdout
    assert (tmp_path / "a" / FILE_NAME).read_text("utf-8") == schema_text()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "d.yaml").write_text(source, "utf-8")
    (tmp_path / "b" / FILE_NAME).write_text('{"title": "eigen schema van de regio"}', "utf-8")
    assert run("bouw", str(tmp_path / "b" / "d.yaml"), "--uit", str(tmp_path / "uit"), "--formaten", "md").returncode == 0
    assert (tmp_path / "b" / FILE_NAME).read_text("utf-8") == '{"title": "eigen schema van de regio"}'


def test_from_the_wheel_in_an_empty_folder(tmp_path):
    """CI installs with -e and never sees the wheel: build it, install it apart and use it as a user would."""
    source = tmp_path / "bron"  # a copy, so the build leaves nothing behind in the checkout
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", ".ci-*", "build", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", FILE_NAME))
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path / "wiel"), str(source)],
                          capture_output=True, text=True, timeout=600, env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    [wheel] = (tmp_path / "wiel").glob("dossier-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "dossier/sjablonen/basis/sjabloonset.yaml" in names and "dossier/data/velden.yaml" in names
    assert not [n for n in names if n.endswith(FILE_NAME)]
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")  # installed apart; the dependencies come from this environment
    empty = tmp_path / "leeg"
    empty.mkdir()
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site"), "NO_COLOR": "1"}
    env.pop("DOSSIER_SJABLONEN", None)

    def user(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "dossier", *args], capture_output=True, text=True, timeout=300, cwd=empty, env=env)

    where = subprocess.run([sys.executable, "-c", "import dossier; print(dossier.__file__)"], capture_output=True, text=True, cwd=empty, env=env)
    assert where.stdout.startswith(str(tmp_path / "site")), where.stdout
    assert user("voorbeelden").returncode == 0
    assert sorted(p.name for p in (empty / "voorbeelden").glob("*.yaml")) == sorted(p.name for p in (ROOT / "voorbeelden").glob("*.yaml"))
    assert user("nieuw", "eerste", "--publicatie", "2027-03-01").returncode == 0
    built = user("bouw", "voorbeelden/leiden.yaml", "eerste.yaml", "--formaten", "md,docx")
    assert built.returncode == 0, built.stdout + built.stderr
    assert (empty / "build" / "leiden" / "aanbestedingsleidraad.docx").is_file() and (empty / "build" / "eerste" / "aanbestedingsleidraad.md").is_file()
