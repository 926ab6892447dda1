"""Word output as Word users see it: each .docx rendered by LibreOffice (headless, a stand-in for
Word) against the Typst PDF of the same document: the same number of pages (within one page per
ten) and the same font family.

Needs LibreOffice: CI installs ``libreoffice-writer-nogui`` (see ``.ci/run``); the README says how to
run it locally. Without LibreOffice the test is skipped, except in CI, where it fails.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess

import pytest
from pypdf import PdfReader

CASES = [("leiden", "aanbestedingsleidraad"), ("leiden", "nota-van-inlichtingen-1"), ("wageningen", "bijlage-a-resultaatafspraken")]


@pytest.fixture(scope="module")
def rendered(built, tmp_path_factory):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) ontbreekt; .ci/run installeert libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    out = tmp_path_factory.mktemp("libreoffice")
    profile = tmp_path_factory.mktemp("libreoffice-profiel")  # a private profile: no clash with a running LibreOffice
    files = [str(built[example] / f"{name}.docx") for example, name in CASES]
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), *files], check=True, capture_output=True, timeout=600)
    return out


def _fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


@pytest.mark.parametrize("example, name", CASES)
def test_word_and_pdf_have_the_same_pages_and_font(built, rendered, example, name):
    word = PdfReader(str(rendered / f"{name}.pdf"))
    typst = PdfReader(str(built[example] / f"{name}.pdf"))
    allowed = max(1, math.ceil(len(typst.pages) / 10))
    assert abs(len(word.pages) - len(typst.pages)) <= allowed, (len(word.pages), len(typst.pages))
    word_fonts = {f for f in _fonts(word) if f != "OpenSymbol"}  # LibreOffice's own bullet glyphs
    typst_fonts = _fonts(typst)
    assert word_fonts and all(f.startswith("LiberationSans") for f in word_fonts), word_fonts
    assert typst_fonts and all(f.startswith("LiberationSans") for f in typst_fonts), typst_fonts
    assert "LiberationSans-Bold" in word_fonts and "LiberationSans-Bold" in typst_fonts
