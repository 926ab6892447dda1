import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every machine: a CI run fails for a change, not for luck.
# Run `pytest --hypothesis-profile=zoeken` to explore new examples locally.
settings.register_profile("vast", derandomize=True, database=None)
settings.register_profile("zoeken", max_examples=500)
settings.load_profile("vast")

sys.path.insert(0, str(Path(__file__).resolve().parent))

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "voorbeelden").glob("*.yaml"))


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """Every example built once for real (docx, pdf, md), shared by the tests that read the output."""
    from dossier.opdrachten.bouw import build_file

    out = tmp_path_factory.mktemp("bouw")
    folders = {}
    for example in EXAMPLES:
        code, findings = build_file(str(example), out, ["docx", "pdf", "md"], "concept")
        assert code == 0, [d.to_text() for d in findings]
        folders[example.stem] = out / example.stem
    return folders


def pytest_addoption(parser):
    parser.addoption(
        "--gouden-bijwerken",
        action="store_true",
        help="schrijf de gouden Markdown in tests/gouden/ opnieuw in plaats van ermee te vergelijken",
    )
