import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def pytest_addoption(parser):
    parser.addoption(
        "--gouden-bijwerken",
        action="store_true",
        help="schrijf de gouden Markdown in tests/gouden/ opnieuw in plaats van ermee te vergelijken",
    )
