"""The command line: ``python build.py``, ``python -m dossier`` and ``dossier`` are the same.

Exit codes: 0 no errors (warnings allowed), 1 errors in a dossier, 2 wrong usage, 3 a problem
with the environment (missing pandoc or Typst, an unwritable output folder).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from typing import Sequence

from . import __version__
from .diagnostics import DossierError

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3

_ARGPARSE_NL = {
    "the following arguments are required": "deze argumenten ontbreken",
    "invalid choice": "ongeldige keuze",
    "unrecognized arguments": "onbekende argumenten",
    "expected one argument": "verwacht één waarde",
    "choose from": "kies uit",
    "one of the arguments": "een van de argumenten",
    "is required": "is verplicht",
    "not allowed with argument": "gaat niet samen met",
    "argument": "argument",
}


class _Parser(argparse.ArgumentParser):
    """argparse with Dutch errors and exit code 2 for wrong usage."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> None:  # type: ignore[override]
        for english, dutch in _ARGPARSE_NL.items():
            message = message.replace(english, dutch)
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: fout: {message}\n")
        sys.exit(EXIT_USAGE)

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "gebruik:")

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "gebruik:")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="dossier",
        description="Aanbestedingsdossiers voor het sociaal domein: controleer een dossier (YAML) en maak er de "
        "aanbestedingsleidraad, de nota's van inlichtingen en de contractbijlagen van, in Word en PDF.",
        epilog="Afsluitcodes: 0 geen fouten (waarschuwingen mogen), 1 fouten in een dossier, 2 verkeerd gebruik, "
        "3 probleem met de omgeving.",
    )
    parser.add_argument("--versie", action="version", version=f"dossier {__version__}", help="toon de versie en stop")
    parser.add_argument("--debug", action="store_true", help="toon bij een onverwachte fout de volledige technische melding")
    commands = parser.add_subparsers(dest="command", title="opdrachten", metavar="OPDRACHT", parser_class=_Parser)

    check = commands.add_parser("controleer", aliases=["check"], help="controleer dossiers op volledigheid en consistentie")
    check.add_argument("files", nargs="+", metavar="BESTAND", help="een of meer dossierbestanden (.yaml)")
    check.add_argument("--formaat", choices=["tekst", "json"], default="tekst", help="uitvoer als tekst (standaard) of JSON")
    check.add_argument("--samenvatting", action="store_true", help="toon ook de berekende kerngegevens (einddatum, waarde, regime)")
    check.add_argument("--html", metavar="BESTAND", help="schrijf ook een overzicht als webpagina naar BESTAND (één dossier), zonder te bouwen")

    build = commands.add_parser("bouw", aliases=["build"], help="maak de documenten van een dossier in Word en PDF")
    build.add_argument("files", nargs="+", metavar="BESTAND", help="een of meer dossierbestanden (.yaml)")
    build.add_argument("--uit", default="build", metavar="MAP", help="uitvoermap (standaard: build)")
    build.add_argument("--formaten", default="docx,pdf", metavar="LIJST", help="docx, pdf, md, ocds en/of eforms, gescheiden door komma's (standaard: docx,pdf)")
    build.add_argument("--status", choices=["concept", "definitief"], default="concept", help="concept (met watermerk) of definitief")

    export = commands.add_parser("exporteer", help="maak een OCDS-releasepakket of een eForms-aankondiging van een dossier")
    export.add_argument("file", metavar="BESTAND", help="het dossierbestand (.yaml)")
    kind = export.add_mutually_exclusive_group(required=True)
    kind.add_argument("--ocds", dest="formaat", action="store_const", const="ocds", help="OCDS 1.1-releasepakket (JSON)")
    kind.add_argument("--eforms", dest="formaat", action="store_const", const="eforms", help="eForms-aankondiging van een opdracht (XML)")
    export.add_argument("--uit", metavar="BESTAND", help="schrijf naar dit bestand (standaard: naar de standaarduitvoer)")
    export.add_argument("--streng", action="store_true", help="controleer de eForms-aankondiging ook met de Schematron-regels van de eForms SDK")
    export.add_argument("--bouw", default="build", metavar="MAP", help="map met een eerdere bouw, voor de documenten met hun hash (standaard: build)")

    compare = commands.add_parser("vergelijk", aliases=["compare"], help="toon wat er tussen twee versies veranderde en maak de wijzigingen in Word en PDF")
    compare.add_argument("oud", metavar="OUD", help="de oude versie: een dossierbestand (.yaml) of een bouwmap")
    compare.add_argument("nieuw", metavar="NIEUW", help="de nieuwe versie, van dezelfde soort als OUD")
    compare.add_argument("--uit", default="build", metavar="MAP", help="uitvoermap (standaard: build); de wijzigingen komen in MAP/<dossier>-wijzigingen")
    compare.add_argument("--formaten", default="docx,pdf", metavar="LIJST", help="docx en/of pdf, gescheiden door komma's (standaard: docx,pdf)")
    compare.add_argument("--formaat", choices=["tekst", "json"], default="tekst", help="samenvatting als tekst (standaard) of JSON")

    _add_vragen(commands)

    explain = commands.add_parser("uitleg", help="leg een meldingscode uit, of toon alle codes")
    explain.add_argument("code", nargs="?", metavar="CODE", help="bijvoorbeeld D301")

    commands.add_parser("schema", help="druk het JSON Schema van het dossierformaat af (voor de editor)")
    return parser


def _add_vragen(commands: argparse._SubParsersAction) -> None:
    """``dossier vragen formulier|importeer|exporteer``: questions and answers as data (issue 13)."""
    vragen = commands.add_parser("vragen", help="vragenformulier maken, vragen van inschrijvers inlezen, een beantwoorde ronde uitvoeren")
    sub = vragen.add_subparsers(dest="vragen_opdracht", title="opdrachten", metavar="OPDRACHT", parser_class=_Parser, required=True)
    form = sub.add_parser("formulier", help="schrijf het vragenformulier (.xlsx) voor de volgende vragenronde")
    form.add_argument("file", metavar="DOSSIER", help="het dossierbestand (.yaml)")
    form.add_argument("--uit", metavar="BESTAND", help="het .xlsx-bestand (standaard: naast het dossier)")
    read = sub.add_parser("importeer", help="zet de vragen uit ingevulde formulieren (.xlsx of .csv) als één anonieme ronde in het dossier")
    read.add_argument("file", metavar="DOSSIER", help="het dossierbestand (.yaml); commentaar en opmaak blijven staan")
    read.add_argument("vragen", nargs="+", metavar="VRAGEN", help="een of meer ingevulde formulieren (.xlsx of .csv), bijvoorbeeld één per inschrijver")
    read.add_argument("--ronde", type=_round_number, metavar="N", help="de ronde (standaard: een nieuwe, of de laatste als die nog geen vragen heeft)")
    read.add_argument("--inschrijvers", metavar="NAMEN", help="namen van inschrijvers, gescheiden door komma's, om de vragen op anonimiteit te controleren (worden niet opgeslagen)")
    read.add_argument("--datum", type=_iso_date, metavar="JJJJ-MM-DD", help="publicatiedatum van een nieuwe nota (standaard: de laatste dag voor antwoorden)")
    export = sub.add_parser("exporteer", help="schrijf de vragen en antwoorden van een ronde als .xlsx, naast de nota")
    export.add_argument("file", metavar="DOSSIER", help="het dossierbestand (.yaml)")
    export.add_argument("--ronde", type=_round_number, required=True, metavar="N", help="de ronde")
    export.add_argument("--uit", metavar="BESTAND", help="het .xlsx-bestand (standaard: naast het dossier)")


def _round_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen rondenummer (1, 2, 3, ...)")
    return int(text)


def _iso_date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum in de vorm JJJJ-MM-DD") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "html", None) and len(args.files) != 1:
        parser.error("--html schrijft het overzicht van één dossier; geef één BESTAND")
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return _dispatch(args)
    except DossierError as exc:  # a stage gave up outside a per-file loop (e.g. the output folder)
        for d in exc.diagnostics:
            print(d.to_text(), file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into 'head' and the like
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("afgebroken", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001 - the last line of defence: never a bare traceback
        if args.debug:
            traceback.print_exc()
        else:
            print("dossier: interne fout. Draai opnieuw met --debug en meld de uitvoer als issue.", file=sys.stderr)
        return EXIT_ENVIRONMENT


def _dispatch(args: argparse.Namespace) -> int:
    """One function per command; each module is imported only when its command runs."""
    if args.command in ("controleer", "check"):
        from .opdrachten.controleer import command_check

        return command_check(args.files, args.formaat, args.samenvatting, args.html)
    if args.command in ("bouw", "build"):
        from .opdrachten.bouw import command_build

        return command_build(args.files, args.uit, args.formaten, args.status)
    if args.command == "exporteer":
        from .opdrachten.exporteer import command_export

        return command_export(args.file, args.formaat, args.uit, args.streng, args.bouw)
    if args.command in ("vergelijk", "compare"):
        from .opdrachten.vergelijk import command_compare

        return command_compare(args.oud, args.nieuw, args.uit, args.formaten, args.formaat)
    if args.command == "vragen":
        from .opdrachten.vragen import command_vragen

        return command_vragen(args)
    if args.command == "uitleg":
        from .opdrachten.uitleg import command_explain

        return command_explain(args.code)
    if args.command == "schema":
        from .opdrachten.schema import command_schema

        return command_schema()
    raise AssertionError(args.command)
