"""The overview page: one self-contained HTML file, the same bytes for the same dossier.

No external file of any kind: the style sheet and the one small script are inside the page, and a
Content-Security-Policy allows exactly those two (by their SHA-256) and nothing else, so no value
that somehow reached the page as markup could run, load or send anything. The figures are inline
SVG; the filter by severity is CSS (``:has`` on radio buttons). The script only marks today on the
timelines, which is why the page itself never contains today's date.
"""

from __future__ import annotations

import base64
import hashlib
import os
import uuid
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Mapping, Sequence

import jinja2
from markupsafe import Markup

from .. import __version__
from ..afleiding import Afgeleid
from ..diagnostics import Diagnostic, DossierError, Location, make, summary
from ..documenten.render import Document
from ..invoer.model import Dossier
from . import gegevens, svg
from .figuren import figuren


def _resource(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text("utf-8")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@cache
def _template() -> tuple[jinja2.Template, str, str, str]:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    css, script = _resource("pagina.css"), _resource("vandaag.js")
    csp = (f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(script)}; img-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    return env.from_string(_resource("pagina.html.j2")), css, script, csp


def balk(weging: float) -> Markup:
    """A criterion's weight as a bar of 0-100; decoration only, the number is in the cell before it."""
    return Markup(
        '<svg class="weging" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">'
        f'<rect width="100" height="8" fill="#dde2ec"/><rect width="{svg.num(min(max(weging, 0.0), 100.0))}" height="8" fill="{svg.HOUSE}"/></svg>'
    )


def overzicht_html(bron: str, findings: Sequence[Diagnostic], dossier: Dossier | None, afgeleid: Afgeleid | None,
                   documents: Sequence[Document] | None = None, files: Mapping[str, bytes] | None = None,
                   invoer_sha256: str | None = None) -> bytes:
    """The page for one dossier file. ``documents`` and ``files``: a build's output (else: what a build would make)."""
    template, css, script, csp = _template()
    rows = gegevens.meldingen(findings)
    values: dict[str, object] = {
        "csp": Markup(csp), "css": Markup(css), "script": Markup(script), "versie": __version__, "bron": bron,
        "invoer_sha256": invoer_sha256, "titel": f"Dossier {bron}", "dienst": None, "kenmerk": None, "versie_stukken": None,
        "cijfers": [], "tijdlijnen": [], "escalatie": None, "percelen": [], "documenten": [], "gebouwd": documents is not None,
        "meldingen": rows, "fouten": sum(r.ernst == "fout" for r in rows), "waarschuwingen": sum(r.ernst != "fout" for r in rows),
        "samenvatting": summary(list(findings), 1), "balk": balk,
    }
    if dossier is not None and afgeleid is not None:
        a = dossier.aanbesteding
        listed = gegevens.documenten(documents, files or {}) if documents is not None else gegevens.geplande_documenten(dossier, afgeleid)
        figures = figuren(dossier, afgeleid, svg.PAGINA)
        values.update({
            "titel": a.titel, "dienst": a.aanbestedende_dienst.naam, "kenmerk": a.kenmerk, "versie_stukken": a.versie,
            "cijfers": gegevens.kerncijfers(dossier, afgeleid, len(listed)),
            "tijdlijnen": [_figure(figures[n]) for n in ("planning", "looptijd") if n in figures],
            "escalatie": _figure(figures["escalatie"]) if "escalatie" in figures else None,
            "percelen": gegevens.percelen(dossier, afgeleid), "documenten": listed,
        })
    values["onderdelen"] = [(anker, naam) for anker, naam, key in (
        ("kerngegevens", "Kerngegevens", "cijfers"), ("tijdlijn", "Tijdlijn", "tijdlijnen"), ("escalatie", "Escalatie", "escalatie"),
        ("percelen", "Percelen en criteria", "percelen"), ("meldingen", "Meldingen", "samenvatting"), ("documenten", "Documenten", "documenten"),
    ) if values[key]]
    return template.render(values).encode("utf-8")


def _figure(figure) -> dict[str, object]:
    return {"svg": Markup(figure.svg), "titel": figure.titel}


def write_page(target: Path, page: bytes) -> None:
    """Write the page in one step: a reader never sees half a file, a failure leaves the old one."""
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}")
    try:
        temporary.write_bytes(page)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise DossierError([make("D760", Location(str(target)), bestand=str(target), reden=exc.strerror or str(exc))]) from None
