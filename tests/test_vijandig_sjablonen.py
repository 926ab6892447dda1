"""Hostile template sets: no file of the machine reaches a document, nothing hangs (issue 21)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import CASES, ROOT, apply_patch, read_yaml, write_case

from dossier.diagnostics import DossierError
from dossier.documenten.veilige_sets import SetLoader

SECRET = b"root:"  # the first line of /etc/passwd
BASE_STYLE = (ROOT / "sjablonen" / "basis" / "huisstijl" / "pdf.typ").read_text("utf-8")


@pytest.fixture()
def sets(tmp_path):
    """A template root with a copy of the base set and an empty hostile set 'kwaad'."""
    root = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen" / "basis", root / "basis")
    (root / "kwaad" / "huisstijl").mkdir(parents=True)
    return root


def _build(tmp_path: Path, sets: Path, formats: str = "md,docx,pdf", **patch) -> subprocess.CompletedProcess:
    data = apply_patch(read_yaml(CASES / "basis.yaml"), {"aanbesteding.sjabloonset": "kwaad", **patch})
    source = write_case(tmp_path, "gemeente", data)
    env = {**os.environ, "DOSSIER_SJABLONEN": str(sets)}
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "bouw", str(source), "--uit", str(tmp_path / "uit"),
                           "--formaten", formats], capture_output=True, text=True, timeout=60, env=env)


def _contents(folder: Path) -> list[bytes]:
    """Every output file, and every part of every zip (docx), as bytes."""
    blobs = []
    for path in folder.rglob("*") if folder.exists() else []:
        if path.is_file():
            data = path.read_bytes()
            blobs.append(data)
            if data.startswith(b"PK"):
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    blobs.extend(archive.read(name) for name in archive.namelist())
    return blobs


def _refused(done: subprocess.CompletedProcess, code: str, tmp_path: Path) -> None:
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert code in out and "Traceback" not in out, out
    assert "root:x" not in out
    assert not (tmp_path / "uit" / "gemeente").exists()
    assert not any(SECRET in blob for blob in _contents(tmp_path / "uit"))


def test_template_linked_to_a_file_outside_the_set(tmp_path, sets):
    (sets / "kwaad" / "geheim.md.j2").symlink_to("/etc/passwd")
    (sets / "kwaad" / "bijlage-escalatiemodel.md.j2").write_text('# Escalatie\n\n{% include "geheim.md.j2" %}\n', "utf-8")
    done = _build(tmp_path, sets)
    _refused(done, "D420", tmp_path)
    assert "geheim.md.j2" in done.stdout


def test_folder_linked_outside_the_set(tmp_path, sets):
    (sets / "kwaad" / "etc").symlink_to("/etc", target_is_directory=True)
    (sets / "kwaad" / "bijlage-escalatiemodel.md.j2").write_text('# Escalatie\n\n{% include "etc/passwd" %}\n', "utf-8")
    done = _build(tmp_path, sets)
    _refused(done, "D420", tmp_path)
    assert "'etc'" in done.stdout


def test_link_to_another_set_is_outside_too(tmp_path, sets):
    (sets / "kwaad" / "leidraad.md.j2").symlink_to(sets / "basis" / "aanbestedingsleidraad.md.j2")
    _refused(_build(tmp_path, sets, "md"), "D420", tmp_path)


def test_loop_of_links_is_refused(tmp_path, sets):
    (sets / "kwaad" / "a.md.j2").symlink_to("b.md.j2")
    (sets / "kwaad" / "b.md.j2").symlink_to("a.md.j2")
    _refused(_build(tmp_path, sets, "md"), "D420", tmp_path)


def test_loader_refuses_a_link_even_without_the_set_check(tmp_path):
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "geheim.md.j2").symlink_to("/etc/passwd")
    import jinja2

    with pytest.raises(DossierError) as caught:
        SetLoader(str(folder)).get_source(jinja2.Environment(), "geheim.md.j2")
    assert caught.value.diagnostics[0].code == "D420"


def test_typst_reads_nothing_of_the_machine_or_the_template_root(tmp_path, sets):
    style = sets / "kwaad" / "huisstijl" / "pdf.typ"
    style.write_text(BASE_STYLE.replace("// Title page", '#read("/etc/passwd")\n// Title page'), "utf-8")
    done = _build(tmp_path, sets, "pdf")
    _refused(done, "D502", tmp_path)
    style.write_text(BASE_STYLE.replace("// Title page", '#read("/basis/huisstijl/pdf.typ")\n// Title page'), "utf-8")
    _refused(_build(tmp_path, sets, "pdf"), "D502", tmp_path)


def test_typst_read_of_a_linked_file(tmp_path, sets):
    (sets / "kwaad" / "huisstijl" / "gegevens.txt").symlink_to("/etc/passwd")
    (sets / "kwaad" / "huisstijl" / "pdf.typ").write_text(
        BASE_STYLE.replace("// Title page", '#read("/kwaad/huisstijl/gegevens.txt")\n// Title page'), "utf-8")
    _refused(_build(tmp_path, sets, "pdf"), "D420", tmp_path)


def test_pandoc_partial_outside_the_template_folder(tmp_path, sets):
    (tmp_path / "geheim.typ").write_text("root:x:0:0:root:/root:/bin/bash\n", "utf-8")
    (sets / "kwaad" / "huisstijl" / "pdf.typ").write_text(
        BASE_STYLE.replace("// Title page", "${ ../../../geheim() }\n// Title page"), "utf-8")
    done = _build(tmp_path, sets, "pdf")
    _refused(done, "D422", tmp_path)
    assert "../../../geheim" in done.stdout


def test_logo_linked_outside_the_set(tmp_path, sets):
    (sets / "kwaad" / "huisstijl" / "logo.png").symlink_to("/etc/passwd")
    _refused(_build(tmp_path, sets, "docx,pdf", **{"aanbesteding.logo": "logo.png"}), "D420", tmp_path)


@pytest.mark.parametrize("target", ["/dev/zero", "/proc/kmsg", "fifo"])
def test_set_file_that_never_ends_does_not_hang(tmp_path, sets, target):
    if target == "fifo":
        os.mkfifo(sets / "kwaad" / "huisstijl" / "pijp")
        code = "D421"  # a FIFO inside the set
    else:
        if not os.path.exists(target):
            pytest.skip(f"{target} bestaat hier niet")
        (sets / "kwaad" / "huisstijl" / "pijp").symlink_to(target)
        code = "D420"
    _refused(_build(tmp_path, sets, "docx"), code, tmp_path)


def test_link_to_a_device_inside_the_set_is_not_read(tmp_path, sets):
    os.mkfifo(sets / "kwaad" / "pijp")
    (sets / "kwaad" / "sjabloonset.yaml").symlink_to(sets / "kwaad" / "pijp")
    done = _build(tmp_path, sets, "md")
    _refused(done, "D421", tmp_path)
    assert "sjabloonset.yaml" in done.stdout or "pijp" in done.stdout


def test_links_inside_the_set_stay_allowed(tmp_path, sets):
    own = sets / "kwaad"
    (own / "teksten").mkdir()
    (own / "teksten" / "escalatie.md.j2").write_text(
        '{% extends "!basis/bijlage-escalatiemodel.md.j2" %}\n', "utf-8")
    (own / "bijlage-escalatiemodel.md.j2").symlink_to("teksten/escalatie.md.j2")
    (own / "huisstijl" / "stijl").symlink_to("../teksten", target_is_directory=True)
    done = _build(tmp_path, sets, "md,docx,pdf")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not any(SECRET in blob for blob in _contents(tmp_path / "uit"))
