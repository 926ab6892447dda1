"""The overview page in a real browser: Debian's Chromium, driven by Playwright, never a downloaded browser.

Every example is built and its ``overzicht.html`` opened from disk: no console error, no request
but the file itself, one bar per period with its dates, today marked only inside a timeline, the
filter by severity working from the keyboard, hostile values shown as text, and no serious or
critical finding of axe-core. A full-page screenshot of each page is written for review: to
``$DOSSIER_SCHERMAFDRUKKEN`` when set, else to a temporary folder named in the test output.

Outside CI these tests are skipped when Chromium or axe-core is missing (``.ci/run`` installs
both); in CI (``CI`` set) a missing browser fails them.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from helpers import CASES, ROOT, apply_patch, read_yaml, write_case

from dossier import controleer, nl
from dossier.opdrachten.bouw import build_file
from dossier.overzicht import overzicht_html
from test_letterlijk import HOSTILE

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path(os.environ.get("DOSSIER_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(os.environ.get("DOSSIER_AXE", ROOT / ".ci" / "npm" / "node_modules" / "axe-core" / "axe.min.js"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic"]
EXAMPLES = sorted((ROOT / "voorbeelden").glob("*.yaml"))


def _require(path: Path, what: str) -> None:
    if path.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} ontbreekt in CI: {path}")
    pytest.skip(f"{what} ontbreekt ({path}); .ci/run installeert het")


@pytest.fixture(scope="module")
def browser():
    _require(CHROMIUM, "Chromium")
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, timeout=60_000)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """Every example built (Word and PDF), by name: the path of its overview page."""
    out = tmp_path_factory.mktemp("overzicht")
    found = {}
    for example in EXAMPLES:
        code, findings = build_file(str(example), out, ["docx", "pdf"], "concept")
        assert code == 0, [d.to_text() for d in findings]
        found[example.stem] = out / example.stem / "overzicht.html"
    return found


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("DOSSIER_SCHERMAFDRUKKEN") or tmp_path_factory.mktemp("schermafdrukken"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nschermafdrukken van de overzichten: {folder}")
    return folder


class Opened:
    """A page opened from disk, with every request, console message and dialog it caused."""

    def __init__(self, context, path: Path):
        self.requests: list[str] = []
        self.problems: list[str] = []
        self.page = context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        self.url = path.resolve().as_uri()

    def go(self) -> "Opened":
        self.page.goto(self.url, wait_until="load")
        return self

    def assert_clean(self) -> None:
        assert self.problems == []
        assert self.requests == [self.url], "the page asked for something besides itself"


def _figure(page, name: str):
    return page.locator(f'svg[aria-labelledby^="fig-{name}-"]')


@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_page_opens_offline_without_errors_and_draws_every_period(browser, pages, screenshots, example):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = Opened(context, pages[example]).go()
    page = opened.page
    page.screenshot(path=str(screenshots / f"{example}.png"), full_page=True)
    opened.assert_clean()
    result = controleer(ROOT / "voorbeelden" / f"{example}.yaml")
    term = result.afgeleid.looptijd
    contract = _figure(page, "looptijd")
    assert contract.locator("rect.balk").count() == 1 + len(term.opties)
    texts = contract.locator("text").all_text_contents()
    assert f"{nl.datum(term.ingangsdatum)} – {nl.datum(term.einddatum)}" in texts
    for window in term.opties:
        assert f"{nl.datum(window.begin)} – {nl.datum(window.einde)}" in texts
    procedure = _figure(page, "planning")
    labels = [t for t in procedure.locator("text").all_text_contents() if " – " in t]
    assert procedure.locator("rect.balk").count() == len(labels) > 0  # one bar per period, each with its dates
    for ronde in result.dossier.inlichtingen:
        if ronde.vragen_uiterlijk:
            assert f"{nl.datum(ronde.vragen_uiterlijk)} – {nl.datum(ronde.datum)}" in labels
    if result.dossier.escalatiemodel:
        ladder = _figure(page, "escalatie").locator("text").all_text_contents()
        assert f"1. {result.dossier.escalatiemodel.niveaus[0].naam}"[:40] in " ".join(ladder)
    assert page.locator("main h2").count() >= 4 and page.locator("header h1").count() == 1
    for link in page.locator("#documenten a").all():
        assert (pages[example].parent / link.get_attribute("href")).is_file()
    context.close()


def test_today_is_marked_only_when_inside_a_timeline(browser, pages):
    context = browser.new_context()
    opened = Opened(context, pages["leiden"])
    opened.page.clock.set_fixed_time(dt.datetime(2027, 1, 15, 12, 0))
    page = opened.go().page
    assert page.locator("line.vandaag").count() == 1
    assert _figure(page, "looptijd").locator("line.vandaag").count() == 1  # the contract runs 2020-2029
    assert "15 januari 2027" in page.locator("#tijdlijn").inner_text()
    opened.assert_clean()
    later = Opened(context, pages["leiden"])
    later.page.clock.set_fixed_time(dt.datetime(2035, 1, 1, 12, 0))
    assert later.go().page.locator("line.vandaag").count() == 0
    assert later.page.locator(".vandaag-tekst").first.is_hidden()
    context.close()


def _page_with_findings(tmp_path: Path) -> Path:
    data = apply_patch(read_yaml(CASES / "basis.yaml"), {
        "looptijd.verlengingsopties[0].aankondigingstermijn": None,
        "eisen.geschiktheidseisen": [{"soort": "financieel", "omschrijving": "Omzet.", "minimale_jaaromzet": 1000000}]})
    result = controleer(write_case(tmp_path, "meldingen", data))
    assert {d.severity for d in result.diagnostics} == {"fout", "waarschuwing"}
    target = tmp_path / "meldingen.html"
    target.write_bytes(overzicht_html("meldingen.yaml", result.diagnostics, result.dossier, result.afgeleid))
    return target


def test_findings_filter_by_severity_from_the_keyboard(browser, tmp_path):
    context = browser.new_context()
    opened = Opened(context, _page_with_findings(tmp_path)).go()
    page = opened.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Direct naar de inhoud"
    errors, warnings = page.locator(".melding.fout"), page.locator(".melding.waarschuwing")
    assert errors.first.is_visible() and warnings.first.is_visible()
    line = next(d.location.line for d in controleer(tmp_path / "meldingen.yaml").diagnostics if d.code == "D309")
    assert f"regel {line}" in errors.first.inner_text() and "D309" in errors.first.inner_text()
    page.focus("#toon-alle")
    page.keyboard.press("ArrowRight")
    assert page.is_checked("#toon-fout")
    assert errors.first.is_visible() and warnings.first.is_hidden()
    page.keyboard.press("ArrowRight")
    assert errors.first.is_hidden() and warnings.first.is_visible()
    page.emulate_media(media="print")
    assert errors.first.is_visible() and page.locator(".filter").is_hidden() and page.locator("nav").is_hidden()
    opened.assert_clean()
    context.close()


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_show_as_text(browser, tmp_path, value):
    patch = {"aanbesteding.titel": value, "percelen[0].naam": value, "percelen[0].omschrijving": value,
             "escalatiemodel.niveaus[0].naam": value, "gunningscriteria.criteria[0].naam": value}
    result = controleer(write_case(tmp_path, "vijandig", apply_patch(read_yaml(CASES / "basis.yaml"), patch)))
    target = tmp_path / "vijandig.html"
    target.write_bytes(overzicht_html("vijandig.yaml", result.diagnostics, result.dossier, result.afgeleid))
    context = browser.new_context()
    opened = Opened(context, target).go()
    page = opened.page
    assert page.locator("h1").inner_text() == " ".join(value.split())
    assert page.evaluate("document.scripts.length") == 1
    assert page.locator("main b, main img, main a[href^='http'], main script").count() == 0
    assert " ".join(value.split()) in page.locator("#percelen").inner_text()
    opened.assert_clean()
    context.close()


def _serious(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    report = page.evaluate("""async () => await axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})""")
    return [f"{v['id']} ({v['impact']}): {v['help']} - {[n['target'] for n in v['nodes']][:3]}"
            for v in report["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("example", ["leiden", "haarlem", "tilburg", "open-house"])
def test_accessibility_has_no_serious_violations(browser, pages, tmp_path, example):
    _require(AXE, "axe-core")
    context = browser.new_context(bypass_csp=True)  # only so that axe itself may be added to the page
    page = Opened(context, pages[example]).go().page
    assert _serious(page) == []
    page = Opened(context, _page_with_findings(tmp_path)).go().page
    assert _serious(page) == []
    context.close()
