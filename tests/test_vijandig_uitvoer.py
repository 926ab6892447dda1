"""The output folder: ``bouw`` never deletes or replaces what dossier did not make (issue 21)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CASES, ROOT, read_yaml, write_case

from dossier.diagnostics import DossierError
from dossier.opdrachten.bouw import build_file
from dossier.uitvoer.write import MARKER, MARKER_TEXT, check_target

BASIS = read_yaml(CASES / "basis.yaml")


def _cli(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd, env={**os.environ, **env})


def _case(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_case(folder, name, BASIS)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _refused(done: subprocess.CompletedProcess, code: str) -> None:
    out = done.stdout + done.stderr
    assert done.returncode == 2, out
    assert code in out and "= hint:" in out and "Traceback" not in out, out


def test_unrelated_folder_with_the_dossier_name_survives(tmp_path):
    source = _case(tmp_path, "leiden")
    notes = tmp_path / "uit" / "leiden"
    notes.mkdir(parents=True)
    (notes / "aantekeningen.txt").write_text("mijn aantekeningen\n", "utf-8")
    (notes / "sub").mkdir()
    (notes / "sub" / "brief.docx").write_bytes(b"PK eigen werk")
    before = _tree(notes)
    done = _cli("bouw", str(source), "--uit", str(tmp_path / "uit"), "--formaten", "md")
    _refused(done, "D520")
    assert _tree(notes) == before
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == ["leiden"]  # no temporary folders


def test_output_folder_holding_the_dossier_itself_is_refused(tmp_path):
    work = tmp_path / "werk"
    source = _case(work / "leiden", "leiden")
    (work / "leiden" / "offerte-aanvraag.docx").write_bytes(b"PK naast het dossier")
    before = _tree(work)
    done = _cli("bouw", str(source), "--uit", str(work), "--formaten", "md")
    _refused(done, "D522")
    assert _tree(work) == before


def test_building_into_the_template_root_is_refused(tmp_path):
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "sjablonen", checkout / "sjablonen")
    _case(checkout, "sjablonen")
    before = _tree(checkout)
    done = _cli("bouw", "sjablonen.yaml", "--uit", ".", "--formaten", "md", cwd=checkout,
                DOSSIER_SJABLONEN=str(checkout / "sjablonen"))
    _refused(done, "D523")
    assert _tree(checkout) == before
    with pytest.raises(DossierError) as caught:  # the project's own sjablonen/, checked without building
        check_target(ROOT / "sjablonen", tmp_path / "sjablonen.yaml")
    assert caught.value.diagnostics[0].code == "D523"


def test_current_folder_is_never_the_output_folder(tmp_path):
    source = _case(tmp_path, "leiden")
    here = tmp_path / "elders" / "leiden"
    here.mkdir(parents=True)
    (here / "notities.txt").write_text("werk in uitvoering\n", "utf-8")
    done = _cli("bouw", str(source), "--uit", "..", "--formaten", "md", cwd=here)
    _refused(done, "D524")
    assert "de huidige map" in done.stdout + done.stderr
    assert (here / "notities.txt").read_text("utf-8") == "werk in uitvoering\n"
    # '--uit .' itself is fine: the output goes into a new folder below the current one
    done = _cli("bouw", str(source), "--uit", ".", "--formaten", "md", cwd=here)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (here / "leiden" / "aanbestedingsleidraad.md").is_file()
    assert (here / "notities.txt").is_file()


def test_home_folder_and_literal_tilde(tmp_path):
    home = tmp_path / "thuis"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents" / "belangrijk.txt").write_text("niet wissen\n", "utf-8")
    before = _tree(home)
    documents = _case(tmp_path, "Documents")
    done = _cli("bouw", str(documents), "--uit", "~", "--formaten", "md", HOME=str(home))
    _refused(done, "D520")
    assert _tree(home) == before
    thuis = _case(tmp_path / "elders", "thuis")
    done = _cli("bouw", str(thuis), "--uit", str(tmp_path), "--formaten", "md", HOME=str(home))
    _refused(done, "D524")
    assert "thuismap" in done.stdout + done.stderr and _tree(home) == before
    # a literal '~/...' is expanded, not taken as a folder called '~'
    leiden = _case(tmp_path, "leiden")
    done = _cli("bouw", str(leiden), "--uit", "~/aanbestedingen", "--formaten", "md", HOME=str(home), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (home / "aanbestedingen" / "leiden" / "aanbestedingsleidraad.md").is_file()
    assert not (tmp_path / "~").exists()


def test_home_folder_in_process(tmp_path, monkeypatch):
    home = tmp_path / "thuis"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    source = _case(tmp_path / "elders", "thuis")
    code, findings = build_file(str(source), tmp_path, ["md"], "concept")
    assert code == 2 and findings[0].code == "D524"
    assert list(home.iterdir()) == []


def test_filesystem_root_is_refused(tmp_path):
    source = _case(tmp_path, "gemeente")
    done = _cli("bouw", str(source), "--uit", "/", "--formaten", "md")
    _refused(done, "D527")
    assert not Path("/gemeente").exists()
    with pytest.raises(DossierError) as caught:
        check_target(Path("/etc"), source)
    assert caught.value.diagnostics[0].code == "D527"


def test_second_build_replaces_the_first(tmp_path):
    source = _case(tmp_path, "gemeente")
    out = tmp_path / "uit"
    assert build_file(str(source), out, ["md", "docx"], "concept")[0] == 0
    folder = out / "gemeente"
    assert (folder / MARKER).read_bytes() == MARKER_TEXT
    assert (folder / "aanbestedingsleidraad.docx").is_file()
    (folder / ".DS_Store").write_bytes(b"\0")  # a file manager's litter does not block a build
    code, findings = build_file(str(source), out, ["md"], "concept")
    assert code == 0, [d.to_text() for d in findings]
    assert not (folder / "aanbestedingsleidraad.docx").exists()
    assert sorted(p.name for p in out.iterdir()) == ["gemeente"]
    listed = {f["naam"] for d in json.loads((folder / "manifest.json").read_text("utf-8"))["documenten"] for f in d["bestanden"]}
    assert {p.name for p in folder.iterdir()} == listed | {"manifest.json", MARKER}


def test_own_files_added_to_an_output_folder_are_kept(tmp_path):
    source = _case(tmp_path, "gemeente")
    out = tmp_path / "uit"
    assert build_file(str(source), out, ["md"], "concept")[0] == 0
    (out / "gemeente" / "opmerkingen-jurist.docx").write_bytes(b"PK eigen werk")
    (out / "gemeente" / "oud").mkdir()
    code, findings = build_file(str(source), out, ["md"], "concept")
    assert code == 2 and findings[0].code == "D521"
    assert "opmerkingen-jurist.docx" in findings[0].message and "oud" in findings[0].message
    assert (out / "gemeente" / "opmerkingen-jurist.docx").read_bytes() == b"PK eigen werk"


def test_empty_folder_and_output_of_older_versions_are_used(tmp_path):
    source = _case(tmp_path, "gemeente")
    out = tmp_path / "uit"
    (out / "gemeente").mkdir(parents=True)
    assert build_file(str(source), out, ["md"], "concept")[0] == 0
    (out / "gemeente" / MARKER).unlink()  # as written before the marker existed: the manifest proves it
    code, findings = build_file(str(source), out, ["md"], "concept")
    assert code == 0, [d.to_text() for d in findings]
    assert (out / "gemeente" / MARKER).is_file()


def test_link_or_file_with_the_output_name_is_refused(tmp_path):
    source = _case(tmp_path, "gemeente")
    out = tmp_path / "uit"
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "werk.txt").write_text("x", "utf-8")
    out.mkdir()
    (out / "gemeente").symlink_to(elsewhere, target_is_directory=True)
    code, findings = build_file(str(source), out, ["md"], "concept")
    assert code == 2 and findings[0].code == "D525"
    assert (out / "gemeente").is_symlink() and (elsewhere / "werk.txt").is_file()
    (out / "gemeente").unlink()
    (out / "gemeente").write_text("een bestand\n", "utf-8")
    code, findings = build_file(str(source), out, ["md"], "concept")
    assert code == 2 and findings[0].code == "D525"
    assert sorted(p.name for p in out.iterdir()) == ["gemeente"]


def test_only_marked_leftovers_are_removed(tmp_path):
    source = _case(tmp_path, "gemeente")
    out = tmp_path / "uit"
    foreign = out / ".gemeente.bouw-eigen"
    foreign.mkdir(parents=True)
    (foreign / "notities.txt").write_text("niet van dossier\n", "utf-8")
    assert build_file(str(source), out, ["md"], "concept")[0] == 0
    assert (foreign / "notities.txt").is_file()


def test_output_root_that_is_a_file(tmp_path):
    source = _case(tmp_path, "gemeente")
    (tmp_path / "uit").write_text("geen map\n", "utf-8")
    code, findings = build_file(str(source), tmp_path / "uit", ["md"], "concept")
    assert code == 2 and findings[0].code == "D525"
    assert (tmp_path / "uit").read_text("utf-8") == "geen map\n"
