"""Characters from many hands: escapes, other scripts, emoji, long values (issue 22).

Every build runs through the command line in a subprocess with a timeout (only against hangs).
"""

from __future__ import annotations

import io
import subprocess
import zipfile
import sys
from pathlib import Path

import docx
import pytest
from helpers import CASES, ROOT, apply_patch, read_yaml, write_case
from pypdf import PdfReader

BASIS = read_yaml(CASES / "basis.yaml")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True, timeout=180)


def _build(tmp_path: Path, source: Path, formats: str = "docx,pdf") -> subprocess.CompletedProcess:
    return _cli("bouw", str(source), "--uit", str(tmp_path / "uit"), "--formaten", formats)


def _pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.parametrize("escape, code", [("\\u202E", "U+202E"), ("\\a\\0\\e", "U+0007"), ("\\x85", "U+0085"),
                                          ("\\uFFFE", "U+FFFE"), ("\\u2066", "U+2066")])
def test_control_characters_written_as_escapes_are_refused_at_their_line(tmp_path, escape, code):
    text = write_case(tmp_path, "gemeente", BASIS).read_text("utf-8")
    text = text.replace("naam: Noord", f'naam: "Noord{escape}regels"')
    source = tmp_path / "gemeente.yaml"
    source.write_text(text, "utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if f'naam: "Noord{escape}' in ln)
    done = _cli("controleer", str(source))
    out = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in out, out
    assert f"gemeente.yaml:{line}:" in out and ("D117" in out or "D105" in out) and code in out, out
    assert "percelen[0].naam" in out


def test_names_in_other_scripts_and_emoji_render_in_the_pdf(tmp_path):
    names = {
        "aanbesteding.aanbestedende_dienst.contactpersoon.naam": "محمد عبد الله",
        "percelen[0].naam": "北京 Zażółć gęślą jaźń",
        "percelen[1].naam": "Wijk 🙂 👍🏽 Ελληνικά שלום 한국어",
    }
    source = write_case(tmp_path, "gemeente", apply_patch(BASIS, names))
    done = _build(tmp_path, source)
    assert done.returncode == 0, done.stdout + done.stderr
    text = _pdf_text(tmp_path / "uit" / "gemeente" / "aanbestedingsleidraad.pdf")
    for word in ("北京", "Zażółć", "gęślą", "Ελληνικά", "한국어", "🙂"):
        assert word in text, word
    assert "محمد" in text or "دمحم" in text  # extraction order of right-to-left text varies
    with zipfile.ZipFile(tmp_path / "uit" / "gemeente" / "aanbestedingsleidraad.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert all(word in xml for word in ("北京", "Zażółć", "محمد", "🙂", "한국어"))


def test_a_character_no_font_has_is_reported_with_field_and_line(tmp_path):
    source = write_case(tmp_path, "gemeente", apply_patch(BASIS, {"percelen[1].omschrijving": "Wijk \U00013000 zuid"}))
    line = next(i for i, ln in enumerate(source.read_text("utf-8").splitlines(), 1) if "Wijk \U00013000" in ln)
    done = _build(tmp_path, source, "pdf")
    out = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in out, out
    assert "D543" in out and "U+13000" in out and f"gemeente.yaml:{line}:" in out and "percelen[1].omschrijving" in out, out
    assert _build(tmp_path, source, "docx").returncode == 0  # Word holds any character


def test_long_titles_names_and_kenmerk_build(tmp_path):
    long = {
        "aanbesteding.titel": "Sociaal werk en maatschappelijke ondersteuning " * 6,  # 282 characters
        "aanbesteding.kenmerk": "INK-" + "2026-" * 60,
        "aanbesteding.aanbestedende_dienst.naam": "Gemeenschappelijke regeling " * 10,
    }
    source = write_case(tmp_path, "gemeente", apply_patch(BASIS, long))
    done = _build(tmp_path, source)
    assert done.returncode == 0, done.stdout + done.stderr
    document = docx.Document(tmp_path / "uit" / "gemeente" / "aanbestedingsleidraad.docx")
    props = document.core_properties
    assert len(props.title) <= 255 and props.title.endswith("…")
    assert props.keywords.startswith("INK-2026-") and len(props.keywords) <= 255
    body = "\n".join(p.text for p in document.paragraphs)
    assert long["aanbesteding.titel"].strip() in body  # the document itself keeps the whole title
    assert io.BytesIO((tmp_path / "uit" / "gemeente" / "aanbestedingsleidraad.pdf").read_bytes()).getbuffer().nbytes > 0
