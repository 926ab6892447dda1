"""What the eForms contract notice needs and the dossier lacks (codes D700-D704).

These rules run only where a contract notice fits (``afleiding.aankondiging``): not for an open
house, a subsidietender or an onderhandse procedure. Each message names the eForms field, so the
advisor knows which box in TenderNed stays empty. The rest of what the notice needs but the dossier
does not model (KvK number, times of day, addresses on TenderNed) is listed by ``dossier exporteer``
as "nog in te vullen".
"""

from __future__ import annotations

from ..afleiding.aankondiging import Aankondiging, aankondiging, nuts_nl
from . import Context, rule


def _notice(ctx: Context) -> Aankondiging | None:
    found = aankondiging(ctx.dossier, ctx.regime)
    return found if isinstance(found, Aankondiging) else None


@rule("D700")
def cpv_opdracht(ctx: Context) -> None:
    if _notice(ctx) and not ctx.dossier.aanbesteding.cpv_codes:
        ctx.report("D700", ("aanbesteding",), on_key=True)


@rule("D701")
def cpv_per_perceel(ctx: Context) -> None:
    if not _notice(ctx):
        return
    for i, perceel in enumerate(ctx.dossier.percelen):
        if not perceel.cpv_codes:
            ctx.report("D701", ("percelen", i), perceel=perceel.id)


@rule("D702")
def plaats_van_uitvoering(ctx: Context) -> None:
    if not _notice(ctx) or ctx.dossier.aanbesteding.nuts_codes:
        return
    if not ctx.dossier.percelen:
        ctx.report("D702", ("aanbesteding",), on_key=True, wat="de opdracht")
    for i, perceel in enumerate(ctx.dossier.percelen):
        if not perceel.nuts_codes:
            ctx.report("D702", ("percelen", i), wat=f"perceel {perceel.id}")


@rule("D703")
def nuts_bekend(ctx: Context) -> None:
    """A Dutch NUTS code must be one of the SDK's NUTS-3 regions, or TED rejects the notice."""
    a = ctx.dossier.aanbesteding
    places: list[tuple[tuple, str, str]] = []
    if a.aanbestedende_dienst.nuts_code:
        places.append((("aanbesteding", "aanbestedende_dienst", "nuts_code"), a.aanbestedende_dienst.nuts_code, "BT-507-Organization-Company"))
    places += [(("aanbesteding", "nuts_codes", j), code, "BT-5071-Lot") for j, code in enumerate(a.nuts_codes)]
    for i, perceel in enumerate(ctx.dossier.percelen):
        places += [(("percelen", i, "nuts_codes", j), code, "BT-5071-Lot") for j, code in enumerate(perceel.nuts_codes)]
    known = nuts_nl()
    for path, code, field in places:
        if code.startswith("NL") and code not in known:
            ctx.report("D703", path, nuts=code, veld=field)


@rule("D704")
def nuts_aanbestedende_dienst(ctx: Context) -> None:
    if _notice(ctx) and ctx.dossier.aanbesteding.aanbestedende_dienst.nuts_code is None:
        ctx.report("D704", ("aanbesteding", "aanbestedende_dienst"), on_key=True)
