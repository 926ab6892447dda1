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
    assert "| Activiteit | Datum |" in (tmp_path / "uit" / "leiden" / "aanbestedingsleidraad.md").read_text("utf-8")
