"""Property-based tests: whatever the input, loading and checking raise only the coded error."""

from __future__ import annotations

import datetime as dt

import yaml
from fuzz import generated_dossiers
from helpers import CASES, read_yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.afleiding import afleiden
from dossier.diagnostics import DossierError, catalogue
from dossier.invoer.load import load_bytes
from dossier.invoer.parse import parse_dossier
from dossier.regels import check

KEYS = st.sampled_from(["aanbesteding", "procedure", "looptijd", "planning", "percelen", "raming", "titel", "soort",
                        "duur", "jaren", "id", "naam", "weging", "criteria", "x", "", "per_jaar", "ingangsdatum"])
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
    st.dates(min_value=dt.date(1, 1, 1)),
)
STRUCTURES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)), max_leaves=25)


def run_all(data: bytes) -> None:
    """Load, parse and check; the only acceptable failure is a DossierError with known codes."""
    try:
        document = load_bytes(data, "eigenschap.yaml")
        dossier = parse_dossier(document)
        findings = check(dossier, document, afleiden(dossier))
    except DossierError as exc:
        findings = exc.diagnostics
    known = catalogue()
    for finding in findings:
        assert finding.code in known
        assert finding.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STRUCTURES)
def test_random_structures(value):
    run_all(yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes(data):
    run_all(data)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_random_text(text):
    run_all(text.encode("utf-8"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, STRUCTURES, max_size=6))
def test_random_dossier_shapes(value):
    base = read_yaml(CASES / "basis.yaml")
    base.update(value)
    run_all(yaml.safe_dump(base, allow_unicode=True).encode("utf-8"))


def test_fuzz_thousand_generated_dossiers():
    base = read_yaml(CASES / "basis.yaml")
    passed = failed = 0
    for data in generated_dossiers(base, seed=2026, count=1000):
        try:
            document = load_bytes(data, "fuzz.yaml")
            dossier = parse_dossier(document)
            findings = check(dossier, document, afleiden(dossier))
            passed += not any(f.is_error for f in findings)
        except DossierError:
            failed += 1
    assert passed + failed <= 1000 and failed > 0  # the mutations do break dossiers, and nothing else escapes


def test_every_schema_valid_dossier_renders_without_template_errors():
    """Templates must cope with every dossier the schema accepts, even one the rules reject."""
    import random
    from pathlib import Path

    from fuzz import mutate

    from dossier.documenten.render import render_documents
    from dossier.documenten.sjabloonsets import resolve

    rng = random.Random(11)
    bases = [read_yaml(p) for p in sorted(Path(CASES.parent.parent / "voorbeelden").glob("*.yaml"))]
    rendered = 0
    for _ in range(400):
        data = mutate(rng.choice(bases), rng, rng.randint(1, 2))
        try:
            dossier = parse_dossier(load_bytes(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"), "f.yaml"))
        except DossierError:
            continue
        render_documents(dossier, afleiden(dossier), resolve(None), "concept", "f.yaml")  # a DossierError here is a template bug
        rendered += 1
    assert rendered > 50
