"""The timelines: the procedure (publication to contract start) and the contract (start to maximum end).

Two figures, because a procedure of months and a contract of years share no useful scale. Each
row is a period (a bar from its first to its last day) or a moment (a diamond), with its name and
its dates written next to it, so the figure reads without the axis. Every date comes from the model
or from ``Afgeleid`` (``planning_rows`` is the same list the leidraad's planning table prints);
nothing is computed here but positions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import nl
from ..afleiding import Afgeleid
from ..documenten.context import DEFAULT_WORDS, WORDS, planning_rows
from ..invoer.model import Dossier
from . import svg
from .svg import Stijl

WIDTH = 640.0
LABEL = 250.0  # the column of names and dates
X0, X1 = 262.0, 628.0  # the chart area
AXIS = 30.0
BAR = 18.0


@dataclass(frozen=True)
class Balk:
    """A period: first and last day both included."""

    naam: str
    begin: dt.date
    einde: dt.date
    optie: bool = False
    aankondiging: dt.date | None = None  # an option: the last day to announce it

    @property
    def datums(self) -> str:
        return svg.periode(self.begin, self.einde)


@dataclass(frozen=True)
class Moment:
    naam: str
    datum: dt.date

    @property
    def datums(self) -> str:
        return nl.datum(self.datum)


@dataclass(frozen=True)
class Tijdlijn:
    naam: str  # 'planning' or 'looptijd', also the figure's name
    titel: str
    rijen: tuple[Balk | Moment, ...]
    begin: dt.date  # the first day on the axis
    einde: dt.date  # the day after the last day on the axis
    jaren: bool  # ticks per year (contract) or per month (procedure)


def _first(row: Balk | Moment) -> dt.date:
    return row.begin if isinstance(row, Balk) else row.datum


def procedure(d: Dossier, afgeleid: Afgeleid) -> Tijdlijn | None:
    """The procedure: its periods, and every milestone of the planning that no period already shows."""
    p = d.planning
    words = WORDS.get(d.procedure.soort, DEFAULT_WORDS)
    bars: list[Balk] = []

    def period(naam: str, begin: dt.date | None, einde: dt.date | None) -> None:
        if begin is not None and einde is not None and begin <= einde:
            bars.append(Balk(naam, begin, einde))

    period("Aanmelding voor de selectie", p.publicatie, p.verzoek_tot_deelneming)
    period(f"Termijn voor {words.inschrijving}", p.uitnodiging_tot_inschrijving or p.publicatie, p.inschrijving)
    for ronde in d.inlichtingen:
        period(f"Vragenronde {ronde.ronde}: beantwoording", ronde.vragen_uiterlijk, ronde.datum)
    period("Beoordeling tot gunningsbeslissing", p.inschrijving, p.gunningsbeslissing)
    if p.gunningsbeslissing is not None:
        period("Opschortende termijn", p.gunningsbeslissing + dt.timedelta(days=1), afgeleid.opschortende_termijn_einde)
    ends = {day for b in bars for day in (b.begin, b.einde)}
    own = {(m.omschrijving, m.datum) for m in p.overige}
    moments = [Moment(m.omschrijving, m.datum) for m in planning_rows(d, afgeleid)
               if m.datum not in ends or (m.omschrijving, m.datum) in own]
    rows = sorted([*bars, *moments], key=_first)
    if not rows:
        return None
    first = min(_first(r) for r in rows)
    last = max(r.einde if isinstance(r, Balk) else r.datum for r in rows)
    begin = first.replace(day=1)
    einde = (last.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return Tijdlijn("planning", "Planning van de procedure", tuple(rows), begin, einde, jaren=False)


def contract(afgeleid: Afgeleid) -> Tijdlijn | None:
    """The contract: the initial period, every extension option and the maximum end date."""
    term = afgeleid.looptijd
    if term is None:
        return None
    rows: list[Balk | Moment] = [Balk("Initiële looptijd", term.ingangsdatum, term.einddatum)]
    for window in term.opties:
        rows.append(Balk(f"Verlengingsoptie {window.nummer}", window.begin, window.einde, True, window.aankondigen_uiterlijk))
    rows.append(Moment("Maximale einddatum", term.maximale_einddatum))
    begin = min([term.ingangsdatum, *(w.aankondigen_uiterlijk for w in term.opties if w.aankondigen_uiterlijk)])
    return Tijdlijn("looptijd", "Looptijd en verlengingsopties", tuple(rows), begin,
                    term.maximale_einddatum + dt.timedelta(days=1), jaren=True)


def beschrijving(t: Tijdlijn) -> str:
    """The text alternative: every row, in order, with its dates."""
    parts = []
    for row in t.rijen:
        text = f"{row.naam}: {row.datums}"
        if isinstance(row, Balk) and row.aankondiging:
            text += f", aankondigen uiterlijk {nl.datum(row.aankondiging)}"
        parts.append(text)
    return f"{t.titel}. " + "; ".join(parts) + "."


def _ticks(t: Tijdlijn) -> list[tuple[dt.date, str]]:
    if t.jaren:
        years = list(range(t.begin.year + (t.begin > dt.date(t.begin.year, 1, 1)), t.einde.year + 1))
        step = max(1, -(-len(years) // 10))
        return [(dt.date(y, 1, 1), str(y)) for y in years[::step] if dt.date(y, 1, 1) < t.einde]
    months = []
    day = t.begin
    while day < t.einde:
        months.append(day)
        day = (day + dt.timedelta(days=32)).replace(day=1)
    step = max(1, -(-len(months) // 8))
    return [(m, f"{svg.MONTHS[m.month - 1]} {m.year}" if i == 0 or m.month == 1 else svg.MONTHS[m.month - 1])
            for i, m in enumerate(months[::step])]


def tekening(t: Tijdlijn, stijl: Stijl) -> str:
    """The SVG of one timeline."""
    span = (t.einde - t.begin).days or 1

    def x(day: dt.date) -> float:
        return X0 + (day - t.begin).days / span * (X1 - X0)

    heights = [46.0 if isinstance(r, Balk) and r.aankondiging else 36.0 for r in t.rijen]
    height = AXIS + sum(heights) + 6
    body: list[str] = []
    top = AXIS
    for i, (row, h) in enumerate(zip(t.rijen, heights)):
        if i % 2 == 0:
            body.append(svg.rect(0, top, WIDTH, h, fill="#f2f4f8"))
        top += h
    for day, label in _ticks(t):
        body.append(svg.line(x(day), AXIS - 8, x(day), height - 4, stroke=svg.GRID, stroke_width=1))
        if x(day) + len(label) * 6 < WIDTH:
            body.append(svg.text(x(day) + 3, 14, label, font_size=10, fill=svg.MUTED))
    body.append(svg.line(X0, AXIS - 8, X1, AXIS - 8, stroke=svg.MUTED, stroke_width=1))
    top = AXIS
    for row, h in zip(t.rijen, heights):
        body.extend(_row(row, top, x, stijl))
        top += h
    data = None
    if stijl.pagina:  # the page marks today with a tiny script; the documents are dated, so never there
        data = {"begin": t.begin.isoformat(), "einde": t.einde.isoformat(), "x0": svg.num(X0), "x1": svg.num(X1),
                "boven": svg.num(AXIS - 8), "onder": svg.num(height - 4)}
    return svg.document(t.naam, WIDTH, height, body, t.titel, beschrijving(t), stijl, data)


def _row(row: Balk | Moment, top: float, x, stijl: Stijl) -> list[str]:
    name = svg.wrap(row.naam, LABEL - 8, 12, max_lines=1)[0]
    parts = [svg.text(6, top + 15, name, font_weight=600), svg.text(6, top + 30, row.datums, font_size=11, fill=svg.MUTED)]
    middle = top + 18
    if isinstance(row, Balk):
        colour = stijl.licht if row.optie else stijl.huis
        left, right = x(row.begin), x(row.einde + dt.timedelta(days=1))
        parts.append(svg.rect(left, middle - BAR / 2, max(right - left, 2.0), BAR, fill=colour, class_="balk"))
        if row.aankondiging:
            notice = f"aankondigen uiterlijk {nl.datum(row.aankondiging)}"
            parts.append(svg.text(6, top + 42, notice, font_size=11, fill=svg.MUTED))
            ax = x(row.aankondiging)
            parts.append(svg.line(ax, middle - BAR / 2 - 2, ax, middle + BAR / 2 + 2, stroke=svg.INK, stroke_width=1.5))
            parts.append(svg.path(f"M{svg.num(ax - 4)} {svg.num(middle - BAR / 2 - 7)}h8l-4 5z", fill=svg.INK))
    else:
        cx = x(row.datum)
        parts.append(svg.path(f"M{svg.num(cx)} {svg.num(middle - 7)}l7 7l-7 7l-7 -7z", fill=stijl.huis, class_="moment"))
    return parts
