"""``dossier vergelijk`` from the command line: summary text and JSON, and a coded message for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

from dossier.cli import main

LEIDEN = (ROOT / "voorbeelden" / "leiden.yaml").read_text("utf-8")
V11 = LEIDEN.replace('versie: "1.0"', 'versie: "1.1"').replace("inschrijving: 2019-12-02", "inschrijving: 2019-12-09")


def _pair(tmp_path, old=LEIDEN, new=V11):
    (tmp_path / "a").mkdir(exist_ok=True)
    (tmp_path / "b").mkdir(exist_ok=True)
    (tmp_path / "a" / "leiden.yaml").write_text(old, "utf-8")
    (tmp_path / "b" / "leiden.yaml").write_text(new, "utf-8")
    return str(tmp_path / "a" / "leiden.yaml"), str(tmp_path / "b" / "leiden.yaml")


def test_summary_first_and_json_says_the_same(tmp_path, capsys):
    old, new = _pair(tmp_path)
    assert main(["vergelijk", old, new, "--uit", str(tmp_path / "uit"), "--formaten", "docx"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Wijzigingen versie 1.0 → 1.1 (LEI-SD-2019-014, Sociaal werk Leiden 2020)")
    line = _line(old, "  inschrijving: 2019-12-02")
    assert f"planning.inschrijving: 2019-12-02 → 2019-12-09 ({old}:{line}, {new}:{line})" in text
    # The closing date, and the dates computed from it: the last note of information and the bid validity.
    assert "aanbestedingsleidraad: 4 passages" in text and "3.2 Planning (1)" in text
    assert "Ongewijzigd (niet geschreven): nota-van-inlichtingen-1" in text

    assert main(["vergelijk", old, new, "--uit", str(tmp_path / "uit"), "--formaten", "docx", "--formaat", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    summary = data["samenvatting"]
    assert data["meldingen"] == []
    assert summary["kop"] == "Wijzigingen versie 1.0 → 1.1"
    assert [(v["pad"], v["oud"], v["nieuw"], v["regel_oud"], v["regel_nieuw"]) for v in summary["velden"]] == [
        ("aanbesteding.versie", "1.0", "1.1", 18, 18), ("planning.inschrijving", "2019-12-02", "2019-12-09", line, line)]
    [leidraad] = [d for d in summary["documenten"] if d["status"] == "gewijzigd"]
    assert leidraad["secties"] == [{"nummer": "3.2", "titel": "Planning", "wijzigingen": 1},
                                   {"nummer": "3.4", "titel": "Nota's van inlichtingen", "wijzigingen": 1},
                                   {"nummer": "3.5", "titel": "Indienen van de inschrijving", "wijzigingen": 1},
                                   {"nummer": "3.6", "titel": "Gestanddoening", "wijzigingen": 1}]
    written = json.loads((tmp_path / "uit" / "leiden-wijzigingen" / "samenvatting.json").read_text("utf-8"))
    assert written == {k: v for k, v in summary.items() if k != "uitvoer"}  # the file does not name its own folder
    assert summary["uitvoer"] == str(tmp_path / "uit" / "leiden-wijzigingen") and leidraad["bestanden"] == ["aanbestedingsleidraad-wijzigingen.docx"]
    redlines = str(tmp_path / "uit" / "leiden-wijzigingen")
    assert main(["vergelijk", redlines, redlines]) == 1  # a folder of redlines is no version
    assert "D602" in capsys.readouterr().out


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dossier", "vergelijk", *args], capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_not_a_dossier_and_mixed_kinds_are_usage_errors(tmp_path):
    other = tmp_path / "stuk.docx"
    other.write_bytes(b"PK")
    done = _run(str(other), str(other))
    assert done.returncode == 2 and "D600" in done.stdout and "Traceback" not in done.stderr
    old, _ = _pair(tmp_path)
    (tmp_path / "map").mkdir()
    (tmp_path / "map" / "manifest.json").write_text('{"kenmerk": "X", "documenten": []}', "utf-8")
    done = _run(old, str(tmp_path / "map"))
    assert done.returncode == 2 and "D601" in done.stdout and "een bouwmap" in done.stdout
    done = _run(old, old, "--formaten", "docx,md")
    assert done.returncode == 2 and "D607" in done.stdout


def test_folder_without_manifest_or_with_a_broken_one(tmp_path, capsys):
    (tmp_path / "leeg").mkdir()
    (tmp_path / "kapot").mkdir()
    (tmp_path / "kapot" / "manifest.json").write_text("{niet: json", "utf-8")
    assert main(["vergelijk", str(tmp_path / "leeg"), str(tmp_path / "kapot")]) == 1
    assert "D602" in capsys.readouterr().out
    assert main(["vergelijk", str(tmp_path / "kapot"), str(tmp_path / "kapot")]) == 1
    assert "geen geldige JSON (regel 1)" in capsys.readouterr().out


def test_document_missing_from_a_build_folder(tmp_path, capsys):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "manifest.json").write_text(json.dumps({"kenmerk": "X", "versie": "1.0", "documenten": [
            {"soort": "leidraad", "titel": "Aanbestedingsleidraad", "bestanden": [{"naam": "aanbestedingsleidraad.pdf"}]}]}), "utf-8")
    assert main(["vergelijk", str(tmp_path / "a"), str(tmp_path / "b")]) == 1
    assert "D606" in capsys.readouterr().out


def test_two_different_tenders_are_refused_at_the_kenmerk(tmp_path, capsys):
    old, new = _pair(tmp_path, new=V11.replace("kenmerk: LEI-SD-2019-014", "kenmerk: LEI-SD-2020-001"))
    assert main(["vergelijk", old, new, "--uit", str(tmp_path / "uit")]) == 1
    out = capsys.readouterr().out
    assert f"{new}:17:" in out and "D603" in out and "LEI-SD-2020-001" in out
    assert not (tmp_path / "uit").exists()


def test_a_version_with_errors_is_named_and_nothing_is_written(tmp_path, capsys):
    old, new = _pair(tmp_path)
    assert main(["vergelijk", old, new, "--uit", str(tmp_path / "uit"), "--formaten", "docx"]) == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "uit" / "leiden-wijzigingen").iterdir()}
    capsys.readouterr()
    (tmp_path / "b" / "leiden.yaml").write_text(V11.replace("  titel: Sociaal werk Leiden 2020\n", "  titel: [lijst]\n"), "utf-8")
    assert main(["vergelijk", old, new, "--uit", str(tmp_path / "uit"), "--formaten", "docx"]) == 1
    out = capsys.readouterr().out
    assert "D604" in out and f"{new}:16:" in out  # the schema error itself, with its line, and which version
    after = {p.name: p.read_bytes() for p in (tmp_path / "uit" / "leiden-wijzigingen").iterdir()}
    assert after == before


def test_a_yaml_that_is_no_dossier(tmp_path, capsys):
    old, new = _pair(tmp_path, new="naam: boodschappenlijst\nitems: [brood, melk]\n")
    assert main(["vergelijk", old, new, "--formaat", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    codes = {m["code"] for m in data["meldingen"]}
    assert "D604" in codes and any(c.startswith("D2") for c in codes) and data["samenvatting"] is None


def test_same_version_number_is_a_warning(tmp_path, capsys):
    old, new = _pair(tmp_path, new=LEIDEN.replace("inschrijving: 2019-12-02", "inschrijving: 2019-12-09"))
    assert main(["vergelijk", old, new, "--uit", str(tmp_path / "uit"), "--formaten", "docx"]) == 0
    out = capsys.readouterr().out
    assert "D605 waarschuwing" in out and "Wijzigingen versie 1.0 → 1.0" in out


def _line(path, text: str) -> int:
    """The 1-based line of ``text`` in a file (the example grows; the test must not count lines)."""
    return next(i for i, row in enumerate(Path(path).read_text("utf-8").splitlines(), start=1) if row.startswith(text))
