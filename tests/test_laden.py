"""The loader's promises: YAML 1.2 meaning, positions for every node, and helpful hints."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier import controleer as check_file
from dossier.diagnostics import DossierError
from dossier.invoer.load import load_bytes


def test_yaml_12_scalars():
    doc = load_bytes(b"a: no\nb: nee\nc: off\nd: yes\ne: true\nf: 2020-07-01\ng: 120.000\nh: 0x10\ni: 1.5\nj: ~\nk: '2020-07-01'\n", "x.yaml")
    assert doc.data == {"a": "no", "b": "nee", "c": "off", "d": "yes", "e": True, "f": dt.date(2020, 7, 1),
                        "g": "120.000", "h": 16, "i": 1.5, "j": None, "k": "2020-07-01"}


def test_every_key_and_item_has_a_position():
    doc = load_bytes(b"looptijd:\n  verlengingsopties:\n    - aantal: 4\n      duur: {jaren: 1}\n", "x.yaml")
    assert doc.key_positions[("looptijd",)] == (1, 1)
    assert doc.positions[("looptijd", "verlengingsopties", 0)] == (3, 7)
    assert doc.key_positions[("looptijd", "verlengingsopties", 0, "duur")] == (4, 7)
    assert doc.positions[("looptijd", "verlengingsopties", 0, "duur", "jaren")] == (4, 21)
    assert doc.locate(("looptijd", "verlengingsopties", 0, "ontbreekt")).line == 3


def _findings(tmp_path, text: str):
    path = tmp_path / "d.yaml"
    path.write_text(text, "utf-8")
    return {d.code: d for d in check_file(path).diagnostics}


@pytest.mark.parametrize(
    ("text", "code", "line", "hint"),
    [
        ("looptyd: {}\n", "D201", 1, "bedoelde u 'looptijd'?"),
        ("raming:\n  per_jaar: 120.000\n", "D204", 2, "schrijf 120000"),
        ("raming:\n  per_jaar: 1.250.000,50\n", "D204", 2, "schrijf 1250000.50"),
        ("looptijd:\n  ingangsdatum: 01-07-2020\n", "D205", 2, "schrijf 2020-07-01"),
        ("aanbesteding:\n  sociale_en_andere_specifieke_diensten: nee\n", "D203", 2, "schrijf true of false"),
        ("procedure:\n  soort: openbare\n", "D206", 2, "bedoelde u 'openbaar'?"),
        ("gunningscriteria:\n  basis: bpkv\n  criteria:\n    - {naam: a, weging: 5, omschrijving: x, y}\n", "D201", 4, "komma"),
    ],
)
def test_pitfalls_get_a_hint_at_the_right_line(tmp_path, text, code, line, hint):
    findings = _findings(tmp_path, text)
    assert code in findings, list(findings)
    assert findings[code].location.line == line
    assert hint in findings[code].hint


def test_duplicate_key_names_both_lines():
    with pytest.raises(DossierError) as caught:
        load_bytes(b"a: 1\nb: 2\na: 3\n", "x.yaml")
    [d] = caught.value.diagnostics
    assert d.code == "D111" and d.location.line == 3 and "regel 1" in d.message


def test_schema_errors_are_all_reported_at_once(tmp_path):
    findings = check_file(_write(tmp_path, "aanbesteding: {titel: 5}\nlooptijd: {duur: {jaren: -1}}\nplanning: []\n")).diagnostics
    codes = [d.code for d in findings]
    assert codes.count("D202") >= 3 and "D203" in codes and "D207" in codes
    assert all("int" not in d.message and "dict" not in d.message for d in findings)  # no Python types


def _write(tmp_path, text):
    path = tmp_path / "d.yaml"
    path.write_text(text, "utf-8")
    return path
