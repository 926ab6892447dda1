"""Review support in the build: warnings as Word comments and PDF notes, block bookmarks, provenance per clause.

Read back from real builds: the comment's anchor is the paragraph that was rendered from the YAML
path of the warning, a definitief build has none, the marker spans change nothing in the text, and
the manifest names for every clause its block, set, file and line (found in the template itself).
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES
from helpers import ROOT
from lxml import etree
from openxml_audit import OpenXmlValidator
from pypdf import PdfReader

from dossier.documenten.eenheden import gemarkeerd
from dossier.opdrachten.bouw import build_file, render_file
from dossier.review.ast_herkomst import take_units
from dossier.uitvoer.pandoc import markdown_to_ast

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TILBURG = ROOT / "voorbeelden" / "tilburg.yaml"
LEIDEN = ROOT / "voorbeelden" / "leiden.yaml"


def comments(path: Path) -> dict[str, tuple[str, str, str]]:
    """Comment id -> (author, comment text, text of the paragraph or table row it is anchored on)."""
    with zipfile.ZipFile(path) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
        notes = etree.fromstring(archive.read("word/comments.xml"))
    texts = {c.get(f"{W}id"): (c.get(f"{W}author"), " ".join("".join(c.itertext()).split())) for c in notes.iter(f"{W}comment")}
    found = {}
    for start in document.iter(f"{W}commentRangeStart"):
        holder = next(a for a in start.iterancestors(f"{W}p"))
        row = next(holder.iterancestors(f"{W}tr"), None)
        anchored = " ".join("".join(t.text or "" for t in (row if row is not None else holder).iter(f"{W}t")).split())
        found[start.get(f"{W}id")] = (*texts[start.get(f"{W}id")], anchored)
    return found


def test_a_warning_is_a_comment_on_the_paragraph_rendered_from_its_path(built):
    found = list(comments(built["tilburg"] / "aanbestedingsleidraad.docx").values())
    warning = [c for c in found if c[1].startswith("D311 waarschuwing")]
    assert len(warning) == 1
    author, text, anchored = warning[0]
    line = next(i for i, l in enumerate(TILBURG.read_text("utf-8").splitlines(), 1) if "motivering_looptijd:" in l)
    assert author == "dossier (controle)" and f"tilburg.yaml:{line}" in text and "Grondslag: art. 2.140" in text
    assert "raamovereenkomst" in anchored  # read aanbesteding.raamovereenkomst, the nearest field the leidraad prints
    assert all(not c[1].startswith("D64") for c in found)  # decisions only with --met-uitleg


def test_the_pdf_has_the_same_notes(built):
    text = " ".join(page.extract_text() for page in PdfReader(built["tilburg"] / "aanbestedingsleidraad.pdf").pages)
    assert "D311 waarschuwing" in " ".join(text.split())


def test_definitief_has_bookmarks_and_no_comments(tmp_path):
    assert build_file(str(TILBURG), tmp_path, ["docx", "pdf"], "definitief")[0] == 0
    word = tmp_path / "tilburg" / "aanbestedingsleidraad.docx"
    assert comments(word) == {}
    with zipfile.ZipFile(word) as archive:
        names = re.findall(rb'w:bookmarkStart [^>]*w:name="([bmt]_[^"]+)"', archive.read("word/document.xml"))
    assert {b"b_klachten", b"b_rechtsbescherming", b"t_procedure"} <= set(names)
    pdf = " ".join(page.extract_text() for page in PdfReader(tmp_path / "tilburg" / "aanbestedingsleidraad.pdf").pages)
    assert "D311" not in pdf


@pytest.fixture(scope="module")
def explained(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("uitleg")
    assert build_file(str(LEIDEN), out, ["docx", "pdf"], "concept", met_uitleg=True)[0] == 0
    return out / "leiden"


def test_met_uitleg_puts_the_decisions_where_they_show(explained):
    found = {c[1][:4]: c for c in comments(explained / "aanbestedingsleidraad.docx").values()}
    assert found["D640"][0] == "dossier (uitleg)" and found["D640"][2].startswith("De gekozen procedure is")
    assert "verlicht regime" in found["D640"][1] and "Grondslag: art. 2.1, 2.38 en 2.39" in found["D640"][1]
    assert "31 december 2024" in found["D643"][2] or "eindigt de overeenkomst" in found["D643"][2]
    assert found["D644"][2].startswith("Einde opschortende termijn")  # the planning row with the computed date
    assert "Publicatie van de aankondiging" in found["D646"][2]


def test_files_with_comments_pass_openxml_audit(explained):
    for path in sorted(explained.glob("*.docx")):
        assert [str(e) for e in OpenXmlValidator().validate(str(path)).errors] == [], path.name


def test_same_input_same_bytes(explained, tmp_path):
    assert build_file(str(LEIDEN), tmp_path, ["docx", "pdf"], "concept", met_uitleg=True)[0] == 0
    for path in sorted(explained.iterdir()):
        assert (tmp_path / "leiden" / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_unit_markers_change_nothing_and_every_unit_is_found(example):
    _, rendered = render_file(str(ROOT / "voorbeelden" / f"{example}.yaml"), "concept")
    for document in rendered.documents:
        clean = markdown_to_ast(document.markdown, 0, document.naam)
        marked = markdown_to_ast(gemarkeerd(document.markdown, document.herkomst), 0, document.naam)
        places = take_units(marked["blocks"])
        assert marked == clean, document.naam
        assert sorted(places) == list(range(len(document.herkomst.eenheden))), document.naam


def test_the_manifest_names_block_set_file_line_and_paths(built):
    manifest = json.loads((built["leiden"] / "manifest.json").read_text("utf-8"))
    leidraad = next(d for d in manifest["documenten"] if d["soort"] == "leidraad")["herkomst"]
    template = (ROOT / "sjablonen" / "basis" / "leidraad" / "procedure.md.j2").read_text("utf-8").splitlines()
    klachten = leidraad["blokken"]["b_klachten"]
    assert (klachten["set"], klachten["sjabloon"], klachten["binnen"]) == ("basis", "leidraad/procedure.md.j2", "t_procedure")
    assert "{% block klachten %}" in template[klachten["regel"] - 1]
    assert "procedure.klachtenregeling" in klachten["paden"]
    units = leidraad["eenheden"]
    row = next(u for u in units if u["soort"] == "rij" and u["tekst"].startswith("Publicatie van de aankondiging"))
    assert row["paden"] == ["planning.publicatie"] and row["blok"] == "t_procedure"
    yaml_line = next(i for i, l in enumerate(LEIDEN.read_text("utf-8").splitlines(), 1) if l.strip().startswith("publicatie:"))
    assert leidraad["regels"]["planning.publicatie"] == yaml_line
    escalation = next(d for d in manifest["documenten"] if d["titel"].endswith("Escalatiemodel"))["herkomst"]["eenheden"]
    rows = [u for u in escalation if u["soort"] == "rij" and u["paden"]]
    assert [sorted({p.split(".")[1] for p in r["paden"] if p.startswith("escalatiemodel.niveaus[")}) for r in rows[:3]] == \
        [["niveaus[0]"], ["niveaus[1]"], ["niveaus[2]"]]
