"""Every rule of the catalogue has failing and passing cases, as data in tests/gevallen/regels/."""

from __future__ import annotations

import pytest
from helpers import CASES, apply_patch, read_yaml, write_case

from dossier import controleer as check_file
from dossier.diagnostics import catalogue
from dossier.regels import DEFINITIEF, RULES, check

BASE = read_yaml(CASES / "basis.yaml")
CASE_FILES = sorted((CASES / "regels").glob("D*.yaml"))


def _cases(kind: str):
    for path in CASE_FILES:
        for i, case in enumerate(read_yaml(path).get(kind) or []):
            yield pytest.param(path.stem, case, id=f"{path.stem}-{kind}-{i}")


def _check(tmp_path, code, case):
    """The findings of a case; a rule that guards publication only runs as for a definitive build."""
    result = check_file(write_case(tmp_path, code, apply_patch(BASE, case["wijzig"])))
    if code in DEFINITIEF and result.dossier is not None:
        result.diagnostics.extend(check(result.dossier, result.document, result.afgeleid, definitief=True))
    return result


def test_base_dossier_has_no_findings(tmp_path):
    result = check_file(write_case(tmp_path, "basis", BASE))
    assert [d.to_text() for d in result.diagnostics] == []


@pytest.mark.parametrize(("code", "case"), list(_cases("fout")))
def test_failing_case_reports_the_rule(tmp_path, code, case):
    result = _check(tmp_path, code, case)
    found = [(d.code, d.location.path, d.severity) for d in result.diagnostics]
    assert result.dossier is not None, found  # the schema held, so the rules ran
    for expected in case["verwacht"]:
        matches = [f for f in found if f[0] == expected["code"]
                   and ("pad" not in expected or f[1] == expected["pad"])
                   and ("ernst" not in expected or f[2] == expected["ernst"])]
        assert matches, f"{expected} not in {found}"
    for d in result.diagnostics:
        assert d.location.line is not None and d.message, d


@pytest.mark.parametrize(("code", "case"), list(_cases("goed")))
def test_passing_case_is_clean(tmp_path, code, case):
    result = _check(tmp_path, code, case)
    found = [(d.code, d.location.path, d.message) for d in result.diagnostics]
    assert result.dossier is not None, found
    assert not [f for f in found if f[0] == code], found


def test_every_rule_code_has_both_kinds_of_case():
    with_cases = {}
    for path in CASE_FILES:
        data = read_yaml(path)
        with_cases[path.stem] = bool(data.get("fout")) and bool(data.get("goed"))
    for code in RULES:
        assert with_cases.get(code), f"{code} has no failing and passing case in tests/gevallen/regels/"


def test_every_rule_is_in_the_catalogue_with_explanation():
    entries = catalogue()
    rule_codes = [c for c in entries if c.startswith("D3") or "D660" <= c < "D670" or "D700" <= c < "D720"]  # D66x: rectificaties, D70x: eForms
    assert sorted(rule_codes) == sorted(RULES)
    assert len(RULES) >= 30
    for code in RULES:
        entry = entries[code]
        assert entry.uitleg and entry.titel and entry.bron in ("C", "U")
        if entry.bron == "U":
            # Errors despite an unconfirmed article: D311 only with no justification at all, D335 and D333
            # find a contradiction in the documents themselves, D342 a field without meaning for the procedure.
            assert entry.ernst == "waarschuwing" or code in ("D311", "D333", "D335", "D342"), f"{code}: [U] facts are warnings"
