"""Issue 18, point by point: small dossiers in tests/gevallen/juridisch/ built to Markdown and read back.

Each case changes a few keys of tests/gevallen/basis.yaml and says what the built document must say,
must not say, says exactly once, or which coded finding refuses the build. The texts are compared
as a reader sees them: Markdown escapes removed and whitespace folded.
"""

from __future__ import annotations

import re

import pytest
import yaml
from helpers import CASES, ROOT, apply_patch, read_yaml, write_case

from dossier import bouw
from dossier.diagnostics import catalogue

BASE = read_yaml(CASES / "basis.yaml")
CASE_FILES = sorted((CASES / "juridisch").glob("punt-*.yaml"))
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _cases():
    for path in CASE_FILES:
        for i, case in enumerate(read_yaml(path)):
            yield pytest.param(case, id=f"{path.stem}-{i}")


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", _ESCAPE.sub(r"\1", text)).strip()


@pytest.mark.parametrize("case", list(_cases()))
def test_legal_case(tmp_path, case):
    source = write_case(tmp_path, "geval", apply_patch(BASE, case["wijzig"]))
    result = bouw(source, uit=tmp_path / "uit", formaten=["md"], status=case.get("status", "concept"))
    codes = [d.code for d in result.meldingen if d.is_error]
    if "weigert" in case:
        assert result.afsluitcode == 1 and case["weigert"] in codes, [d.to_text() for d in result.meldingen]
        assert not (tmp_path / "uit" / "geval").exists()  # nothing half-written
        return
    assert result.afsluitcode == 0, [d.to_text() for d in result.meldingen]
    text = _plain((tmp_path / "uit" / "geval" / f"{case.get('document', 'aanbestedingsleidraad')}.md").read_text("utf-8"))
    for wanted in case.get("bevat", []):
        assert _plain(wanted) in text, wanted
    for unwanted in case.get("bevat_niet", []):
        assert _plain(unwanted) not in text, unwanted
    for once in case.get("eenmaal", []):
        assert text.count(_plain(once)) == 1, once


def test_every_point_of_the_issue_has_a_case():
    points = {int(p.stem.split("-")[1]) for p in CASE_FILES} | {11}  # 11 (citations) is tested below
    assert points == set(range(1, 13))


def test_point_11_citations_are_corrected_or_marked_unconfirmed():
    entries = catalogue()
    assert "2.115" not in entries["D317"].grondslag and "2.119" in entries["D317"].grondslag
    assert "lid 2" not in entries["D316"].grondslag
    assert "47 lid 3 onder b" in entries["D326"].grondslag
    for code in ("D315", "D326", "D333"):
        assert entries[code].bron == "U" and "niet bevestigd" in entries[code].grondslag, code
    rows = yaml.safe_load((ROOT / "dossier" / "data" / "drempels.yaml").read_text("utf-8"))
    assert all(r["bron"] == "C" for r in rows if 2018 <= r["geldig_van"].year <= 2023)
