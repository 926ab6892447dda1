"""``nieuw``: a starter dossier for one kind of procedure, with the schema next to it for the editor.

The starter holds every field a check needs, with ``[placeholders]`` where the team writes its own
text, and a realistic planning counted from the publication date. It passes ``controleer`` without
errors; the warnings it gets are the sections still to be written, and the comment at the top of the
file names each of them. Nothing existing is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..diagnostics import DossierError, Location, make
from ..versie import __version__
from .bestanden import write_file
from .schema import FILE_NAME, MODELINE, write_schema

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
SELECTIE = (("Selectie", "hoe gegadigden hun geschiktheid aantonen en hoeveel er doorgaan"),)


@dataclass(frozen=True)
class Soort:
    """What the starter of one kind of procedure contains."""

    naam: str
    omschrijving: str
    per_jaar: int  # keeps the estimate in the regime the procedure belongs to
    competitief: bool = True  # tenderers compete and are ranked (not open house, not a subsidy)
    selectie: bool = False  # a selection round before the tenders
    europees: bool = True  # a European or SAS procedure: exclusion grounds with the UEA, a notice on TED
    criteria: bool = True
    jaren: int = 4
    opties: bool = True
    fasen: tuple[tuple[str, str], ...] = ()

    @property
    def overeenkomst(self) -> bool:
        """A contract follows (escalation, annexes, indexation); a subsidy is granted by decision instead."""
        return self.naam != "subsidietender"


SOORTEN = {s.naam: s for s in (
    Soort("openbaar", "openbare procedure", 250_000),
    Soort("niet-openbaar", "niet-openbare procedure", 250_000, selectie=True,
          fasen=SELECTIE + (("Inschrijving", "wat de geselecteerden indienen"),)),
    Soort("sas-procedure", "SAS-procedure voor sociale en andere specifieke diensten", 250_000),
    Soort("concurrentiegerichte-dialoog", "concurrentiegerichte dialoog", 250_000, selectie=True,
          fasen=SELECTIE + (("Dialoog", "waarover de dialoog gaat en hoe hij verloopt"), ("Inschrijving", "wat de deelnemers na de dialoog indienen"))),
    Soort("mededingingsprocedure-met-onderhandeling", "mededingingsprocedure met onderhandeling", 250_000, selectie=True,
          fasen=SELECTIE + (("Onderhandeling", "waarover wordt onderhandeld"), ("Definitieve inschrijving", "wat de deelnemers ten slotte indienen"))),
    Soort("meervoudig-onderhands", "meervoudig onderhandse procedure", 100_000, europees=False),
    Soort("enkelvoudig-onderhands", "enkelvoudig onderhandse procedure", 20_000, europees=False, jaren=2, opties=False),
    Soort("open-house", "open house", 500_000, competitief=False, europees=False, criteria=False),
    Soort("subsidietender", "subsidietender", 300_000, competitief=False, europees=False, jaren=2, opties=False),
)}


def planning(soort: Soort, publicatie: dt.date) -> dict[str, str]:
    """Dates counted from the publication, with room above every legal minimum term."""
    day = publicatie
    dates = {"publicatie": day, "nota": day + dt.timedelta(days=21)}
    if soort.selectie:
        dates["verzoek_tot_deelneming"] = day = day + dt.timedelta(days=35)
        dates["uitnodiging_tot_inschrijving"] = day = day + dt.timedelta(days=28)
    dates["inschrijving"] = day = day + dt.timedelta(days=45)
    dates["gunningsbeslissing"] = day = day + dt.timedelta(days=35)
    dates["ondertekening"] = day = day + dt.timedelta(days=28)
    dates["aankondiging_gunning"] = day + dt.timedelta(days=14)
    first = day.replace(day=1)
    dates["ingangsdatum"] = first.replace(year=first.year + (first.month + 1) // 12, month=(first.month + 1) % 12 + 1)
    return {key: value.isoformat() for key, value in dates.items()}


def starter(soort: Soort, regio: bool, publicatie: dt.date, bestand: str) -> str:
    """The text of the starter dossier."""
    import jinja2  # only here: the command line imports this module for the list of procedures

    source = resources.files("dossier").joinpath("data/nieuw.yaml.j2").read_text("utf-8")
    environment = jinja2.Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                                     undefined=jinja2.StrictUndefined, autoescape=False)
    return environment.from_string(source).render(
        soort=soort, regio=regio, datums=planning(soort, publicatie), modeline=MODELINE, schema=FILE_NAME,
        versie=__version__, bestand=bestand,
    )


def target(naam: str) -> Path:
    """``naam`` (optionally with a folder and ``.yaml``) -> the file to write; its stem names the build folder."""
    path = Path(naam)
    if path.suffix not in (".yaml", ".yml"):
        path = path.with_name(path.name + ".yaml")
    stem = path.name.removesuffix(".yaml").removesuffix(".yml")
    if not _NAME.fullmatch(stem) or stem in (".", ".."):
        raise DossierError([make("D906", Location(naam), waarde=naam)])
    return path


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else _no_date(text)
    except ValueError:
        return _no_date(text)


def _no_date(text: str) -> dt.date:
    raise DossierError([make("D908", Location("--publicatie"), waarde=text)])


def command_new(naam: str, soort: str, regio: bool, publicatie: str | None) -> int:
    """Write the starter dossier and the schema next to it; say what to do next."""
    path = target(naam)
    day = parse_date(publicatie) if publicatie else dt.date.today() + dt.timedelta(weeks=6)
    write_file(path, starter(SOORTEN[soort], regio, day, path.name), new=True)
    write_schema(path.parent)
    print(f"{path} geschreven: een {SOORTEN[soort].omschrijving}, met {FILE_NAME} ernaast voor de editor.")
    print(f"Vervang alles tussen [vierkante haken] en controleer het dossier met: dossier controleer {path}")
    return 0
