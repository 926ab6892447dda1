"""dossier review and herkomst on bad input: a coded Dutch message and the right exit code, never a traceback.

A returned Word file is untrusted: not a docx, corrupt, encrypted, too big, a zip bomb, XML with
entities, macros or links out of the file, a file of another tender; and the build may be missing,
older, or of another dossier.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT
from wordbewerking import Bewerking

from dossier.cli import main
from dossier.opdrachten.bouw import build_file

LEIDEN = ROOT / "voorbeelden" / "leiden.yaml"
TILBURG = ROOT / "voorbeelden" / "tilburg.yaml"


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bouw")
    for example in (LEIDEN, TILBURG):
        assert build_file(str(example), out, ["docx"], "concept")[0] == 0
    return out


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["review", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.out, captured.err


def with_part(source: Path, name: str, data: bytes, types: str = "") -> bytes:
    """The Word file with one part added or replaced (and optionally a content type)."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            content = old.read(item.filename)
            if item.filename == "[Content_Types].xml" and types:
                content = content.replace(b"</Types>", types.encode() + b"</Types>")
            if item.filename != name:
                new.writestr(item.filename, content)
        new.writestr(name, data)
    return out.getvalue()


def leidraad(builds: Path) -> Path:
    return builds / "leiden" / "aanbestedingsleidraad.docx"


BAD_FILES = {
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\n", "D620", 2),
    "leeg": (b"", "D620", 2),
    "tekst": ("Dit is geen Word-bestand.".encode(), "D620", 2),
    "oud-doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "D620", 2),
    "versleuteld": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100, "D622", 1),
    "kapotte-zip": (b"PK\x03\x04" + b"\x13" * 300, "D621", 1),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_files_that_are_no_docx(builds, tmp_path, capsys, kind):
    data, code, exit_code = BAD_FILES[kind]
    path = tmp_path / f"{kind}.docx"
    path.write_bytes(data)
    result, _, err = run(capsys, str(LEIDEN), str(path), "--build", str(builds))
    assert result == exit_code and code in err


def test_a_zip_without_word_document(builds, tmp_path, capsys):
    path = tmp_path / "archief.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("iets.txt", "x")
    assert run(capsys, str(LEIDEN), str(path), "--build", str(builds))[0] == 2


def test_a_file_that_is_too_big(builds, tmp_path, capsys):
    path = tmp_path / "groot.docx"
    with path.open("wb") as handle:  # sparse: no 33 MB written
        handle.write(b"PK\x03\x04")
        handle.truncate(33 * 1024 * 1024)
    code, _, err = run(capsys, str(LEIDEN), str(path), "--build", str(builds))
    assert code == 1 and "D623" in err


def test_a_zip_bomb_stops_before_unpacking(builds, tmp_path, capsys):
    path = tmp_path / "bom.docx"
    path.write_bytes(with_part(leidraad(builds), "word/media/nul.bin", b"\0" * (70 * 1024 * 1024)))
    assert path.stat().st_size < 2 * 1024 * 1024
    code, _, err = run(capsys, str(LEIDEN), str(path), "--build", str(builds))
    assert code == 1 and "D623" in err


def test_entities_are_never_expanded(builds, tmp_path, capsys):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t>'
              b'</w:r></w:p></w:body></w:document>')
    path = tmp_path / "entiteit.docx"
    path.write_bytes(with_part(leidraad(builds), "word/document.xml", laughs))
    code, _, err = run(capsys, str(LEIDEN), str(path), "--build", str(builds))
    assert code == 1 and "D621" in err and "DTD" in err


def test_macros_and_links_out_are_reported_and_not_followed(builds, tmp_path, capsys):
    data = with_part(leidraad(builds), "word/vbaProject.bin", b"\0macro")
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels").replace(
        b"</Relationships>", b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                             b'attachedTemplate" Target="http://voorbeeld.invalid/sjabloon.dotm" TargetMode="External"/></Relationships>')
    path = tmp_path / "macro.docx"
    path.write_bytes(with_part(io.BytesIO(data), "word/_rels/document.xml.rels", rels))  # type: ignore[arg-type]
    code, out, err = run(capsys, str(LEIDEN), str(path), "--build", str(builds))
    assert code == 0 and "D624" in err and "D625" in err and "voorbeeld.invalid" in err
    assert "Geen opmerkingen en geen wijzigingen gevonden." in out


def test_a_file_of_another_tender(builds, tmp_path, capsys):
    code, _, err = run(capsys, str(LEIDEN), str(builds / "tilburg" / "aanbestedingsleidraad.docx"), "--build", str(builds))
    assert code == 1 and "D626" in err and "HVB" in err  # the other kenmerk is named


def test_a_file_whose_text_matches_nothing(builds, tmp_path, capsys):
    edit = Bewerking(leidraad(builds).read_bytes())
    for text in edit.document.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
        text.text = "anders"
    for name in ("docProps/custom.xml", "docProps/core.xml"):
        edit.parts[name] = b'<?xml version="1.0"?><Properties xmlns="x"/>'
    path = tmp_path / "anders.docx"
    path.write_bytes(bytes(edit))
    code, _, err = run(capsys, str(LEIDEN), str(path), "--build", str(builds))
    assert code == 1 and "D626" in err


def test_build_missing_older_or_of_another_dossier(builds, tmp_path, capsys):
    returned = str(leidraad(builds))
    assert "D627" in run(capsys, str(LEIDEN), returned, "--build", str(tmp_path / "nergens"))[2]
    older = tmp_path / "oud" / "leiden"
    older.mkdir(parents=True)
    manifest = json.loads((builds / "leiden" / "manifest.json").read_text("utf-8"))
    for entry in manifest["documenten"]:
        entry.pop("herkomst", None)
    (older / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    assert "D628" in run(capsys, str(LEIDEN), returned, "--build", str(older))[2]
    code, _, err = run(capsys, str(LEIDEN), returned, "--build", str(builds / "tilburg"))
    assert code == 1 and "D630" in err


def test_a_dossier_changed_since_the_build_is_noted(builds, tmp_path, capsys):
    changed = tmp_path / "leiden.yaml"
    changed.write_text(LEIDEN.read_text("utf-8") + "\n# later bijgewerkt\n", "utf-8")
    code, _, err = run(capsys, str(changed), str(leidraad(builds)), "--build", str(builds))
    assert code == 0 and "D629" in err


def test_a_file_from_an_earlier_build_is_noted(builds, tmp_path, capsys):
    """Sent out, then the dossier changed and was built again: the file names the build it came from."""
    changed = tmp_path / "leiden.yaml"
    changed.write_text(LEIDEN.read_text("utf-8") + "\n# later bijgewerkt\n", "utf-8")
    assert build_file(str(changed), tmp_path / "nieuw", ["docx"], "concept")[0] == 0
    code, _, err = run(capsys, str(changed), str(leidraad(builds)), "--build", str(tmp_path / "nieuw"))
    assert code == 0 and "D633" in err and "D629" not in err
    assert "D633" not in run(capsys, str(LEIDEN), str(leidraad(builds)), "--build", str(builds))[2]


def test_herkomst_answers_a_section_and_a_snippet(builds, capsys):
    word = str(leidraad(builds))
    assert main(["herkomst", word, "3.9"]) == 0
    section = capsys.readouterr().out
    assert "Klachten" in section and "blok `klachten`" in section and "procedure.klachtenregeling" in section
    assert main(["herkomst", word, "uiterste datum van inschrijving", "--formaat", "json"]) == 0
    answer = json.loads(capsys.readouterr().out)["herkomst"]
    assert answer["paragraaf"] and answer["blokken"][0]["set"] == "basis"
    assert main(["herkomst", word, "3.2"]) == 0
    planning = capsys.readouterr().out
    assert "Planning" in planning and "planning.publicatie" in planning


def test_herkomst_of_something_that_is_not_there(builds, capsys):
    assert main(["herkomst", str(leidraad(builds)), "99.1"]) == 2
    assert "D632" in capsys.readouterr().err
    assert main(["herkomst", str(leidraad(builds)), "tekst die nergens staat"]) == 2
    assert "D632" in capsys.readouterr().err
