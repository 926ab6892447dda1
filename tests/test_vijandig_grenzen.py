"""Template sets that try to make the machine work forever or run out of memory (issues 21 and 22).

Every case builds through the command line in a subprocess with a timeout (only so that a
regression cannot hang the suite) and expects a coded message naming the template and line,
exit 1, no traceback and no output folder. DOSSIER_TIJDSLIMIET and DOSSIER_GEHEUGENLIMIET make the
limits small so that each case ends within seconds.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CASES, ROOT, apply_patch, read_yaml, write_case

BASE_STYLE = (ROOT / "sjablonen" / "basis" / "huisstijl" / "pdf.typ").read_text("utf-8")
CHAPTER = "leidraad/leeswijzer.md.j2"  # the hostile set replaces this chapter of the leidraad


@pytest.fixture()
def sets(tmp_path):
    root = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen" / "basis", root / "basis")
    (root / "kwaad" / "leidraad").mkdir(parents=True)
    (root / "kwaad" / "huisstijl").mkdir()
    return root


def _build(tmp_path: Path, sets: Path, formats: str = "md", seconds: int = 4, megabytes: int = 700,
           **patch) -> subprocess.CompletedProcess:
    data = apply_patch(read_yaml(CASES / "basis.yaml"), {"aanbesteding.sjabloonset": "kwaad", **patch})
    source = write_case(tmp_path, "gemeente", data)
    env = {**os.environ, "DOSSIER_SJABLONEN": str(sets), "DOSSIER_TIJDSLIMIET": str(seconds),
           "DOSSIER_GEHEUGENLIMIET": str(megabytes)}
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "bouw", str(source), "--uit", str(tmp_path / "uit"),
                           "--formaten", formats], capture_output=True, text=True, timeout=120, env=env)


def _chapter(sets: Path, text: str) -> None:
    (sets / "kwaad" / CHAPTER).write_text("# Leeswijzer\n\nEen regel.\n" + text + "\n", "utf-8")


def _refused(done: subprocess.CompletedProcess, code: str, tmp_path: Path, where: str | None = f"kwaad/{CHAPTER}, regel 4") -> str:
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert code in out and "Traceback" not in out and "interne fout" not in out, out
    if where:
        assert where in out, out
    assert not (tmp_path / "uit" / "gemeente").exists()
    return out


def test_nested_loops_stop_at_the_deadline_with_template_and_line(tmp_path, sets):
    _chapter(sets, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    _refused(_build(tmp_path, sets), "D440", tmp_path)


def test_power_tower_is_refused_without_folding_it_at_compile_time(tmp_path, sets):
    _chapter(sets, "{{ 9 ** (9 ** 9) }}")
    out = _refused(_build(tmp_path, sets, seconds=30), "D443", tmp_path)
    assert "5.000 cijfers" in out


def test_three_billion_characters_are_refused(tmp_path, sets):
    _chapter(sets, "{{ 'A' * 3000000000 }}")
    _refused(_build(tmp_path, sets, seconds=30), "D443", tmp_path)


def test_memory_cap_names_template_and_line(tmp_path, sets):
    _chapter(sets, "{% set r = rijen() %}{% for i in range(100000) %}{% set _ = r.append('A' * 4000000 ~ i) %}{% endfor %}")
    _refused(_build(tmp_path, sets, seconds=60, megabytes=600), "D441", tmp_path)


def test_macro_calling_itself(tmp_path, sets):
    _chapter(sets, "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}")
    _refused(_build(tmp_path, sets), "D442", tmp_path, where=f"kwaad/{CHAPTER}")


def test_range_over_the_sandbox_limit(tmp_path, sets):
    _chapter(sets, "{% for i in range(10 ** 9) %}x{% endfor %}")
    assert "range" in _refused(_build(tmp_path, sets), "D443", tmp_path)


def test_number_too_long_to_print(tmp_path, sets):
    _chapter(sets, "{{ (10 ** 4000) * (10 ** 400) }}")
    assert "4.300 cijfers" in _refused(_build(tmp_path, sets), "D443", tmp_path)
    _chapter(sets, "{{ 10 ** 5000 }}")
    _refused(_build(tmp_path, sets), "D443", tmp_path)


def test_division_by_zero_is_a_template_error(tmp_path, sets):
    _chapter(sets, "{{ 1 // 0 }}")
    assert "ZeroDivisionError" in _refused(_build(tmp_path, sets), "D443", tmp_path)


def test_templates_cannot_change_the_dossier(tmp_path, sets):
    _chapter(sets, "{% set _ = d.percelen.clear() %}")
    _refused(_build(tmp_path, sets), "D405", tmp_path)


def test_missing_template_in_an_include_has_its_own_message(tmp_path, sets):
    _chapter(sets, '{% include "bestaat-niet.md.j2" %}')
    out = _refused(_build(tmp_path, sets), "D444", tmp_path)
    assert "bestaat-niet.md.j2" in out and "kwaad -> basis" in out and "D403" not in out


def test_typst_loop_stops_at_the_deadline_naming_set_and_file(tmp_path, sets):
    (sets / "kwaad" / "huisstijl" / "pdf.typ").write_text(
        BASE_STYLE.replace("// Title page", "#for i in range(30000) { for j in range(30000) { } }\n// Title page"), "utf-8")
    out = _refused(_build(tmp_path, sets, "pdf", seconds=3), "D445", tmp_path, where="kwaad/huisstijl/pdf.typ")
    assert re.search(r"langer dan 3 s", out), out


def test_typst_memory_cap_names_set_and_file(tmp_path, sets):
    (sets / "kwaad" / "huisstijl" / "pdf.typ").write_text(
        BASE_STYLE.replace("// Title page", '#let s = "A" * 50000000\n#let l = range(40).map(i => s + str(i))\n#l.len()\n// Title page'),
        "utf-8")
    _refused(_build(tmp_path, sets, "pdf", seconds=60, megabytes=700), "D446", tmp_path, where="kwaad/huisstijl/pdf.typ")


def test_typst_cannot_fetch_a_package(tmp_path, sets):
    (sets / "kwaad" / "huisstijl" / "pdf.typ").write_text('#import "@preview/cetz:0.2.2"\n' + BASE_STYLE, "utf-8")
    out = _refused(_build(tmp_path, sets, "pdf", seconds=30), "D449", tmp_path, where=None)
    assert "@preview/cetz" in out


def test_the_base_templates_still_work_in_the_immutable_sandbox(tmp_path):
    source = write_case(tmp_path, "leiden", read_yaml(ROOT / "voorbeelden" / "leiden.yaml"))
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "bouw", str(source), "--uit", str(tmp_path / "uit"),
                           "--formaten", "md"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    markdown = (tmp_path / "uit" / "leiden" / "aanbestedingsleidraad.md").read_text("utf-8")
    assert markdown == (ROOT / "tests" / "gouden" / "leiden" / "aanbestedingsleidraad.md").read_text("utf-8")  # tables built in rijen()


ALIAS_BOMB = "\n".join(
    ["a: &a [x, x, x, x, x, x, x, x, x]"] + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
                                               f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
                                               for i in range(8)] + ["erft_van: *i"]) + "\n"


@pytest.mark.parametrize("text, code, line", [
    (ALIAS_BOMB, "D115", None),
    ("erft_van:\n", "D447", 1),
    ('versie: "1.0"\nerft_van: ""\n', "D447", 2),
    ("versie: 1\n" + "x:\n" + "".join("  " * i + f"- \n" for i in range(1, 80)), "D114", None),
    ("versie: 1\nerft_van: [basis]\n", "D407", 2),
    ("versie: 1\nkleur: blauw\n", "D407", 2),
    ("erft_van: !!python/name:os.system basis\n", "D112", 1),
])
def test_set_file_is_read_with_the_limits_of_a_dossier(tmp_path, sets, text, code, line):
    (sets / "kwaad" / "sjabloonset.yaml").write_text(text, "utf-8")
    out = _refused(_build(tmp_path, sets), code, tmp_path, where=None)
    assert "kwaad/sjabloonset.yaml" in out and "None" not in out, out
    if line:
        assert f"kwaad/sjabloonset.yaml:{line}:" in out, out
    assert len(out) < 5000


def _png_header(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


@pytest.mark.parametrize("name, data, code", [
    ("logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "D564"),
    ("logo.jpg", _png_header(8, 8), "D564"),
    ("logo.png", b"", "D564"),
    ("logo.png", _png_header(30000, 30000), "D452"),
    ("logo.jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
                  b"\xff\xc0\x00\x11\x08\x75\x30\x75\x30\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xff\xd9", "D452"),
])
def test_logo_is_checked_from_its_header_when_the_set_is_loaded(tmp_path, sets, name, data, code):
    (sets / "kwaad" / "huisstijl" / name).write_bytes(data)
    out = _refused(_build(tmp_path, sets, "docx,pdf", seconds=30, **{"aanbesteding.logo": name}), code, tmp_path, where=None)
    assert f"kwaad/huisstijl/{name}" in out


def _many(tmp_path: Path, percelen: int) -> Path:
    data = read_yaml(CASES / "basis.yaml")
    data["percelen"] = [{"id": f"P{i}", "naam": f"Wijk {i}", "omschrijving": "Een wijk.", "raming": {"per_jaar": 1000}}
                        for i in range(1, percelen + 1)]
    data["raming"] = {"per_jaar": 1000 * percelen}
    return write_case(tmp_path, "gemeente", data)


def test_five_thousand_percelen_are_refused_early_and_warnings_collapse(tmp_path):
    source = _many(tmp_path, 5000)
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "bouw", str(source), "--uit", str(tmp_path / "uit")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "D544" in done.stdout and "5.000 percelen" in done.stdout, done.stdout
    checked = subprocess.run([sys.executable, str(ROOT / "build.py"), "controleer", str(source)],
                             capture_output=True, text=True, timeout=120)
    lines = [ln for ln in checked.stdout.splitlines() if "D337" in ln]
    assert len(lines) == 4 and "nog 4.995 keer dezelfde waarschuwing" in lines[-1], checked.stdout[-2000:]
    assert len(checked.stdout.splitlines()) < 100  # thousands of warnings, a screen of text
    counted = int(re.search(r"(\d+) waarschuwingen", checked.stdout).group(1))
    assert counted >= 4998  # the summary still counts every warning


def test_nine_hundred_long_questions_are_refused_early(tmp_path):
    data = read_yaml(CASES / "basis.yaml")
    text = "Hoe verhoudt de eis zich tot de reactietermijn van vijf werkdagen, en wat als die niet wordt gehaald? " * 25
    data["inlichtingen"][0]["vragen"] = [{"nummer": i, "vraag": text, "antwoord": text, "document": "Aanbestedingsleidraad"}
                                        for i in range(1, 901)]
    source = write_case(tmp_path, "gemeente", data)
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "bouw", str(source), "--uit", str(tmp_path / "uit")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "D544" in done.stdout and "tekens tekst" in done.stdout, done.stdout
