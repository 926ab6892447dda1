"""The overview page and the figures, without a browser: what is drawn, what reaches Word and PDF, the CLI."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser

import docx
import pytest
from docx.oxml.ns import qn
from helpers import CASES, ROOT, apply_patch, read_yaml, write_case
from pypdf import PdfReader

from dossier import controleer, nl
from dossier.opdrachten.bouw import build_file
from dossier.overzicht import figuren, overzicht_html
from dossier.overzicht.svg import PAGINA, wrap
from dossier.overzicht.tekst import markdown_html
from test_letterlijk import HOSTILE

SVG = "{http://www.w3.org/2000/svg}"
EXAMPLES = sorted((ROOT / "voorbeelden").glob("*.yaml"))


def _texts(svg: str) -> list[str]:
    """Every text of a drawing, as a reader of the SVG sees it (this also proves it is well-formed XML)."""
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def _shows(texts: list[str], expected: str) -> bool:
    """``expected`` is one of the texts, whole or cut off with an ellipsis where it did not fit."""
    return any(t == expected or (t.endswith("…") and len(t) > 8 and expected.startswith(t[:-1])) for t in texts)


class _Text(HTMLParser):
    """The visible text of an HTML fragment, and the elements it contains."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


def _parse(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_contract_timeline_has_one_bar_per_period_with_its_dates(example):
    result = controleer(example)
    term = result.afgeleid.looptijd
    figure = figuren(result.dossier, result.afgeleid)["looptijd"]
    root = ET.fromstring(figure.svg)
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "balk"]
    assert len(bars) == 1 + len(term.opties)
    texts = _texts(figure.svg)
    assert f"{nl.datum(term.ingangsdatum)} – {nl.datum(term.einddatum)}" in texts
    for window in term.opties:
        assert f"{nl.datum(window.begin)} – {nl.datum(window.einde)}" in texts
    assert nl.datum(term.maximale_einddatum) in texts
    assert nl.datum(term.maximale_einddatum) in figure.alt


def test_procedure_timeline_shows_rounds_standstill_and_start():
    result = controleer(ROOT / "voorbeelden" / "leiden.yaml")
    d, afgeleid = result.dossier, result.afgeleid
    figure = figuren(d, afgeleid)["planning"]
    texts = _texts(figure.svg)
    ronde = d.inlichtingen[0]
    assert f"{nl.datum(ronde.vragen_uiterlijk)} – {nl.datum(ronde.datum)}" in texts
    assert f"{nl.datum(d.planning.publicatie)} – {nl.datum(d.planning.inschrijving)}" in texts
    assert any(t.endswith(nl.datum(afgeleid.opschortende_termijn_einde)) for t in texts)
    assert nl.datum(d.looptijd.ingangsdatum) in texts and nl.datum(d.planning.ondertekening) in texts


def test_escalation_ladder_has_every_level_and_the_forum():
    result = controleer(ROOT / "voorbeelden" / "haarlem.yaml")
    model = result.dossier.escalatiemodel
    texts = _texts(figuren(result.dossier, result.afgeleid)["escalatie"].svg)
    for number, niveau in enumerate(model.niveaus, start=1):
        assert f"{number}. {niveau.naam}" in texts
    assert "Eindforum: de bevoegde rechter" in texts and model.eindforum.instantie in texts
    assert "Mediation" in texts


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_text_in_the_drawings(tmp_path, value):
    data = apply_patch(read_yaml(CASES / "basis.yaml"), {"escalatiemodel.niveaus[0].naam": value, "planning.overige": [
        {"omschrijving": value, "datum": "2026-03-01"}]})
    result = controleer(write_case(tmp_path, "vijandig", data))
    assert result.ok, [d.to_text() for d in result.diagnostics]
    drawn = figuren(result.dossier, result.afgeleid)
    shown = wrap(value, 10_000, 12, max_lines=1)[0]  # one line, whitespace folded, nothing cut
    assert _shows(_texts(drawn["escalatie"].svg), f"1. {shown}")
    assert _shows(_texts(drawn["planning"].svg), shown)
    assert value in drawn["escalatie"].alt


def test_long_labels_are_cut_with_an_ellipsis():
    lines = wrap("woord " * 100, 200, 12, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert wrap("x" * 500, 100, 12, max_lines=3)[-1].endswith("…")


def test_catalogue_markdown_cannot_carry_markup():
    html = markdown_html("Zie `code` en *nadruk*.\n\n<script>alert(1)</script> &amp; <b>vet</b>")
    parsed = _parse(str(html))
    assert "script" not in parsed.tags and "b" not in parsed.tags
    assert {"code", "em", "p"} <= set(parsed.tags)
    assert "<script>alert(1)</script> &amp; <b>vet</b>" in "".join(parsed.parts)


@pytest.mark.parametrize("value", HOSTILE)
def test_page_shows_hostile_values_as_text(tmp_path, value):
    patch = {"aanbesteding.titel": value, "percelen[0].naam": value, "percelen[0].omschrijving": value,
             "gunningscriteria.criteria[0].naam": value}
    result = controleer(write_case(tmp_path, "vijandig", apply_patch(read_yaml(CASES / "basis.yaml"), patch)))
    page = overzicht_html("vijandig.yaml", result.diagnostics, result.dossier, result.afgeleid).decode("utf-8")
    parsed = _parse(page)
    assert parsed.tags.count("script") == 1  # the page's own, allowed by its hash
    assert "b" not in parsed.tags and "img" not in parsed.tags
    text = "".join(parsed.parts)
    assert text.count(value) >= 4, value


def test_page_is_the_same_for_the_same_dossier_and_has_no_date_of_today():
    result = controleer(ROOT / "voorbeelden" / "tilburg.yaml")
    first = overzicht_html("tilburg.yaml", result.diagnostics, result.dossier, result.afgeleid)
    again = controleer(ROOT / "voorbeelden" / "tilburg.yaml")
    assert first == overzicht_html("tilburg.yaml", again.diagnostics, again.dossier, again.afgeleid)
    import datetime as dt

    assert nl.datum(dt.date.today()).encode() not in first


def test_page_allows_only_its_own_style_and_script():
    result = controleer(ROOT / "voorbeelden" / "leiden.yaml")
    page = overzicht_html("leiden.yaml", result.diagnostics, result.dossier, result.afgeleid).decode("utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy and "unsafe" not in policy
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", policy)
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    markup = re.sub(r"<(style|script)>.*?</\1>", "", page, flags=re.S)
    assert not re.search(r"<[^>]*\s(style|on[a-z]+)=", markup)  # no inline style or event handler anywhere


def test_figures_reach_word_as_svg_with_png_fallback_and_pdf_as_vectors(tmp_path):
    code, findings = build_file(str(ROOT / "voorbeelden" / "leiden.yaml"), tmp_path, ["docx", "pdf"], "concept")
    assert code == 0, [d.to_text() for d in findings]
    folder = tmp_path / "leiden"
    expected = {"aanbestedingsleidraad": "Planning van de procedure", "bijlage-c-looptijd-en-verlenging": "Looptijd en verlengingsopties",
                "bijlage-b-escalatiemodel": "Escalatieladder"}
    for stem, caption in expected.items():
        document = docx.Document(str(folder / f"{stem}.docx"))
        blips = list(document.element.body.iter(qn("a:blip")))
        assert len(blips) == 1, stem
        png_part = document.part.related_parts[blips[0].get(qn("r:embed"))]
        assert png_part.blob.startswith(b"\x89PNG") and png_part.content_type == "image/png"
        svg_blip = next(blips[0].iter("{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"))
        svg_part = document.part.related_parts[svg_blip.get(qn("r:embed"))]
        assert svg_part.blob.startswith(b"<svg") and svg_part.content_type == "image/svg+xml"
        description = next(document.element.body.iter(qn("wp:docPr"))).get("descr")
        assert description.startswith(caption)  # the full text alternative, for screen readers in Word
        assert any(caption in p.text for p in document.paragraphs), stem
        with zipfile.ZipFile(folder / f"{stem}.docx") as archive:
            assert "data:image" not in archive.read("word/document.xml").decode("utf-8")
        reader = PdfReader(str(folder / f"{stem}.pdf"))
        text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
        assert f"Figuur 1: {caption}" in text
        assert not _raster_images(reader), stem  # the figure is drawn as vectors
    pdf = PdfReader(str(folder / "bijlage-c-looptijd-en-verlenging.pdf"))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Verlengingsoptie 4" in text and "aankondigen uiterlijk 1 januari 2028" in text  # vector text, not a picture
    xmp = pdf.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")2", xmp) and re.search(r"pdfaid:conformance(>|=\")B", xmp)


def _raster_images(reader: PdfReader) -> list[str]:
    found = []
    for page in reader.pages:
        objects = page.get("/Resources", {}).get("/XObject", {})
        found += [name for name, ref in objects.items() if ref.get_object().get("/Subtype") == "/Image"]
    return found


def test_build_writes_the_page_with_links_and_hashes(tmp_path):
    code, _ = build_file(str(ROOT / "voorbeelden" / "leiden.yaml"), tmp_path, ["docx", "pdf"], "concept")
    assert code == 0
    folder = tmp_path / "leiden"
    page = (folder / "overzicht.html").read_text("utf-8")
    import hashlib

    for path in sorted(folder.glob("*.docx")) + sorted(folder.glob("*.pdf")):
        assert f'href="{path.name}"' in page
        assert hashlib.sha256(path.read_bytes()).hexdigest() in page


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True, timeout=120)


def test_controleer_html_writes_the_page_without_building(tmp_path):
    target = tmp_path / "overzicht.html"
    done = _cli("controleer", str(ROOT / "voorbeelden" / "haarlem.yaml"), "--html", str(target))
    assert done.returncode == 0, done.stderr
    page = target.read_text("utf-8")
    assert "Nog niet gemaakt" in page and "Kerngegevens" in page
    assert list(tmp_path.iterdir()) == [target]


def test_controleer_html_of_a_broken_file_shows_its_findings(tmp_path):
    target = tmp_path / "kapot.html"
    done = _cli("controleer", str(ROOT / "tests" / "vijandig" / "binair.yaml"), "--html", str(target))
    assert done.returncode == 1
    assert "D105" in target.read_text("utf-8")


def test_controleer_html_wrong_use_and_unwritable_target(tmp_path):
    example = str(ROOT / "voorbeelden" / "leiden.yaml")
    two = _cli("controleer", example, example, "--html", str(tmp_path / "x.html"))
    assert two.returncode == 2 and "één dossier" in two.stderr and "Traceback" not in two.stderr
    missing = _cli("controleer", example, "--html", str(tmp_path / "geen-map" / "x.html"))
    assert missing.returncode == 3 and "D760" in missing.stderr and "Traceback" not in missing.stderr
    assert not (tmp_path / "geen-map").exists()
