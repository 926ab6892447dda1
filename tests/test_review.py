"""dossier review: a lawyer's Word file read back against the real Leiden build, clause by clause.

The returned files are made from the build's own .docx the way Word stores a review (comments,
w:ins/w:del, untracked edits; see wordbewerking), once also saved through LibreOffice; every
comment and change must be reported at its block with the right advice, the YAML line found in the
YAML itself. The advice's template text is pasted into a real set and built again.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import ROOT
from wordbewerking import Bewerking

from dossier.cli import main
from dossier.invoer.load import load_file
from dossier.opdrachten.bouw import build_file
from dossier.opdrachten.review import review

LEIDEN = ROOT / "voorbeelden" / "leiden.yaml"
JURIST, TOETSER = "mr. A. Jurist", "mr. B. Toets"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def line_of(*path) -> int:
    return load_file(LEIDEN).locate(path).line


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bouw")
    assert build_file(str(LEIDEN), out, ["docx"], "concept")[0] == 0
    return out / "leiden"


def returned(build: Path, tmp_path: Path, edit, name: str = "aanbestedingsleidraad") -> Path:
    bewerking = Bewerking((build / f"{name}.docx").read_bytes())
    edit(bewerking)
    path = tmp_path / f"{name}-terug.docx"
    path.write_bytes(bytes(bewerking))
    return path


def lawyer(e: Bewerking) -> None:
    e.comment("Lees de stukken zorgvuldig", "Onduidelijkheden", "Ook tegenstrijdigheden tussen bijlagen noemen?", JURIST)
    e.comment("Publicatie nota van inlichtingen 1", "Publicatie nota", "Datum afstemmen met de wethouder.", TOETSER, in_table=True)
    e.track_replace("1 oktober 2019", "1 oktober 2019", "8 oktober 2019", TOETSER, in_table=True)
    e.track_replace("Klachten over de procedure meldt u", "tien dagen", "vijftien dagen", JURIST)
    e.track_replace("De aanbestedende dienst deelt de gunningsbeslissing", "gelijktijdig", "op hetzelfde moment", JURIST)
    e.direct_replace("De overeenkomst gaat in op", "1 juli 2020", "1 augustus 2020")
    e.direct_replace("Het enige aanspreekpunt", "Het enige aanspreekpunt", "Het enige contactpunt")


def by_kind(result, kind: str) -> list:
    return [f for f in result.bevindingen if f.soort == kind]


def test_every_comment_and_change_at_its_block_with_the_right_advice(build, tmp_path):
    result = review(str(LEIDEN), str(returned(build, tmp_path, lawyer)), str(build))
    data = result.to_json()
    assert result.document == "aanbestedingsleidraad" and not result.meldingen
    assert data["aantallen"] == {"opmerkingen": 2, "bijgehouden": 3, "rechtstreeks": 2}

    comments = {f.tekst: f for f in by_kind(result, "opmerking")}
    first = comments["Ook tegenstrijdigheden tussen bijlagen noemen?"]
    assert (first.auteur, first.verankerd, first.blok) == (JURIST, "Onduidelijkheden", "t_leeswijzer")
    assert first.advies.waar == "sjabloon"
    row = comments["Datum afstemmen met de wethouder."]
    assert row.verankerd == "Publicatie nota" and row.auteur == TOETSER and row.blok == "t_procedure"
    assert row.advies.waar == "yaml" and row.advies.pad == "inlichtingen[0].datum"  # the row's own date, not the cell text

    replaced = {f.oud: f for f in by_kind(result, "vervangen")}
    date = replaced["1 oktober 2019"]
    assert (date.nieuw, date.auteur, date.advies.waar, date.advies.pad) == ("8 oktober 2019", TOETSER, "yaml", "planning.publicatie")
    assert date.advies.regel == line_of("planning", "publicatie") and date.advies.nieuw == "2019-10-08"
    assert f"leiden.yaml:{line_of('planning', 'publicatie')}" in date.advies.tekst
    klachten = replaced["tien dagen"]
    assert klachten.blok == "b_klachten" and klachten.advies.pad == "procedure.klachtenregeling"  # the text is the YAML's own
    macro = replaced["gelijktijdig"]
    assert macro.blok.startswith("m_gunningsbeslissing") and macro.advies.waar == "sjabloon"  # bookmark names: 40 characters at most
    assert "overschrijf blok `rechtsbescherming`" in macro.advies.tekst
    assert macro.advies.sjabloon == "gemeente-leiden/leidraad/procedure.md.j2"
    assert macro.advies.plakklaar.startswith('{% extends "!basis/leidraad/procedure.md.j2" %}\n{% block rechtsbescherming %}')
    assert "gunningsbeslissing op hetzelfde moment en schriftelijk" in macro.advies.plakklaar

    direct = {f.oud: f for f in by_kind(result, "rechtstreeks gewijzigd")}
    start = direct["juli"]
    assert start.nieuw == "augustus" and start.advies.pad == "looptijd.ingangsdatum" and start.advies.nieuw == "2020-08-01"
    assert start.advies.regel == line_of("looptijd", "ingangsdatum")
    fixed = direct["aanspreekpunt"]
    assert fixed.nieuw == "contactpunt" and fixed.advies.waar == "sjabloon" and fixed.blok == "t_procedure"
    assert "Het enige contactpunt" in fixed.advies.plakklaar

    text = result.to_text()
    assert "§ 3.2 Planning" in text and "wijzig `planning.publicatie`" in text and "§ 3.10 Rechtsbescherming" in text


def test_pasted_template_text_gives_the_lawyers_wording(build, tmp_path, monkeypatch):
    """The advice's text, put into a set of the municipality as it says, builds the changed clause."""
    result = review(str(LEIDEN), str(returned(build, tmp_path, lawyer)), str(build))
    macro = next(f for f in by_kind(result, "vervangen") if f.oud == "gelijktijdig").advies
    sets = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen" / "basis", sets / "basis")
    own = sets / macro.sjabloon
    own.parent.mkdir(parents=True)
    own.write_text(macro.plakklaar + "\n", "utf-8")
    (sets / "gemeente-leiden" / "sjabloonset.yaml").write_text("versie: '1.0'\nerft_van: basis\n", "utf-8")
    dossier = tmp_path / "leiden.yaml"
    dossier.write_text(LEIDEN.read_text("utf-8").replace("aanbesteding:\n", "aanbesteding:\n  sjabloonset: gemeente-leiden\n", 1), "utf-8")
    monkeypatch.setenv("DOSSIER_SJABLONEN", str(sets))
    assert build_file(str(dossier), tmp_path / "uit", ["docx", "md"], "concept")[0] == 0
    markdown = (tmp_path / "uit" / "leiden" / "aanbestedingsleidraad.md").read_text("utf-8")
    assert "deelt de gunningsbeslissing op hetzelfde moment en schriftelijk" in markdown
    assert "## Rechtsbescherming" in markdown  # the rest of the block is kept
    manifest = json.loads((tmp_path / "uit" / "leiden" / "manifest.json").read_text("utf-8"))
    blocks = manifest["documenten"][0]["herkomst"]["blokken"]
    assert blocks["b_rechtsbescherming"]["set"] == "gemeente-leiden"


def test_a_deleted_table_row_is_a_list_element_to_remove(build, tmp_path):
    path = returned(build, tmp_path, lambda e: e.delete_row_tracked("Bestuurlijk overleg", JURIST), "bijlage-b-escalatiemodel")
    result = review(str(LEIDEN), str(path), str(build))
    row = by_kind(result, "rij verwijderd")
    assert len(row) == 1 and row[0].advies.pad == "escalatiemodel.niveaus[2]"
    assert row[0].advies.regel == line_of("escalatiemodel", "niveaus", 2)
    assert result.document == "bijlage-b-escalatiemodel"


def test_without_bookmarks_the_text_still_finds_every_clause(build, tmp_path):
    """Word may drop bookmarks: the alignment with the build's text does not need them."""
    def strip(e: Bewerking) -> None:
        lawyer(e)
        for mark in list(e.document.iter(f"{W}bookmarkStart", f"{W}bookmarkEnd")):
            mark.getparent().remove(mark)

    with_marks = review(str(LEIDEN), str(returned(build, tmp_path, lawyer)), str(build)).to_json()
    without = review(str(LEIDEN), str(returned(build, tmp_path, strip, "aanbestedingsleidraad")), str(build)).to_json()
    assert without["bevindingen"] == with_marks["bevindingen"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is niet geïnstalleerd")
def test_a_file_saved_by_libreoffice(build, tmp_path):
    source = returned(build, tmp_path, lawyer)
    out = tmp_path / "libreoffice"
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profiel').as_uri()}", "--headless", "--convert-to", "docx",
                    "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=300)
    saved = review(str(LEIDEN), str(out / source.name), str(build))
    assert "D633" not in [m.code for m in saved.meldingen]  # LibreOffice keeps the build's hash in the properties
    original = review(str(LEIDEN), str(source), str(build))
    assert [(f.soort, f.blok, f.oud, f.nieuw, f.advies.pad if f.advies else None) for f in saved.bevindingen] == \
        [(f.soort, f.blok, f.oud, f.nieuw, f.advies.pad if f.advies else None) for f in original.bevindingen]


def test_many_comments(build, tmp_path):
    """A comment on every paragraph and table cell of the leidraad, each reported once, at its place."""
    texts = []

    def many(e: Bewerking) -> None:
        body = e.document.find(f"{W}body")
        paragraphs = [p for p in body.iter(f"{W}p") if not any(a.tag == f"{W}sdt" for a in p.iterancestors())
                      and len(_plain(p).split()) >= 2]
        for number, paragraph in enumerate(paragraphs):
            text = f"opmerking {number}"
            texts.append(text)
            e.comment_on(paragraph, _plain(paragraph).split()[1], text, JURIST)

    result = review(str(LEIDEN), str(returned(build, tmp_path, many)), str(build))
    found = [f.tekst for f in by_kind(result, "opmerking")]
    assert len(texts) > 150 and sorted(found) == sorted(texts)
    assert sum(f.blok is None for f in by_kind(result, "opmerking")) < 20  # only the cover has no block


def _plain(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def test_command_line_json_and_no_traceback(build, tmp_path, capsys):
    path = returned(build, tmp_path, lawyer)
    assert main(["review", str(LEIDEN), str(path), "--build", str(build), "--formaat", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["review"]["aantallen"]["opmerkingen"] == 2 and data["meldingen"] == []
    assert {f["paragraaf"] for f in data["review"]["bevindingen"]} >= {"1.1", "2.6", "3.2", "3.9", "3.10"}
