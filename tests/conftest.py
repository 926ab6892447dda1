import sys
from pathlib import Path

import pytest

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
