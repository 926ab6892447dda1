"""The command line: ``python build.py``, ``python -m dossier`` and ``dossier`` are the same.

Exit codes: 0 no errors (warnings allowed), 1 errors in a dossier, 2 wrong usage, 3 a problem
with the environment (missing pandoc or Typst, an unwritable output folder, a damaged install).
Every mistake on the command line is a coded message (D900-D908) on stderr after the usage line,
with "bedoelde u ...?" when what was typed is close to a command, an option or a choice.
"""

from __future__ import annotations

import argparse
import difflib
import errno
import os
import sys
import traceback
from pathlib import Path
from typing import Iterable, NoReturn, Sequence

from . import __version__
from .diagnostics import Diagnostic, DossierError, Location, make
from .opdrachten.nieuw import SOORTEN

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3

_ARGPARSE_NL = {
    "the following arguments are required": "deze argumenten ontbreken",
    "invalid choice": "ongeldige keuze",
    "unrecognized arguments": "onbekende argumenten",
    "expected one argument": "verwacht één waarde",
    "expected at least one argument": "verwacht ten minste één waarde",
    "not allowed with argument": "gaat niet samen met",
    "choose from": "kies uit",
    "one of the arguments": "een van de argumenten",
    "is required": "is verplicht",
    "not allowed with argument": "gaat niet samen met",
    "argument": "argument",
}
_ERRNO_NL = {errno.ENOENT: "bestaat niet", errno.ENOTDIR: "is geen map", errno.EISDIR: "is een map", errno.EACCES: "geen toegang"}


def suggest(value: str, options: Iterable[str]) -> str | None:
    """The option the user most likely meant: the only one ``value`` begins, or a close spelling."""
    options = list(options)
    starts = [o for o in options if o.startswith(value)] if len(value) >= 2 else []
    if len(starts) == 1:
        return starts[0]
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return close[0] if close else None


def _with_suggestion(hint: str, guess: str | None) -> str:
    return f"bedoelde u '{guess}'? {hint}" if guess else hint


class _Parser(argparse.ArgumentParser):
    """argparse with Dutch help, coded errors on stderr, "bedoelde u?" and exit code 2 for wrong usage."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:  # type: ignore[override]
        for english, dutch in _ARGPARSE_NL.items():
            message = message.replace(english, dutch)
        self.fail(make("D902", Location(self.prog), reden=message, opdracht=self.prog))

    def fail(self, diagnostic: Diagnostic) -> NoReturn:
        """Usage line and the coded message on stderr, exit code 2."""
        from .opdrachten.terminal import show

        self.print_usage(sys.stderr)
        show(diagnostic.to_text(), sys.stderr)
        sys.exit(EXIT_USAGE)

    def _check_value(self, action: argparse.Action, value: str) -> None:
        """A value outside the choices: name them, and the one that was probably meant."""
        if action.choices is not None and value not in action.choices:
            from . import nl  # babel: only when a message needs it

            message = f"ongeldige keuze '{value}': kies uit {nl.lijst(action.choices, of=True)}"
            guess = suggest(value, action.choices)
            raise argparse.ArgumentError(action, f"{message}; bedoelde u '{guess}'?" if guess else message)

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "gebruik:")

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "gebruik:")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="dossier",
        description="Aanbestedingsdossiers voor het sociaal domein: controleer een dossier (YAML) en maak er de "
        "aanbestedingsleidraad, de nota's van inlichtingen en de contractbijlagen van, in Word en PDF.",
        epilog="Beginnen: 'dossier nieuw mijn-aanbesteding' of 'dossier voorbeelden'. 'dossier help OPDRACHT' legt een "
        "opdracht uit. Afsluitcodes: 0 geen fouten (waarschuwingen mogen), 1 fouten in een dossier, 2 verkeerd gebruik, "
        "3 probleem met de omgeving.",
    )
    parser.add_argument("-V", "--version", "--versie", action="version", version=f"dossier {__version__}", help="toon de versie en stop")
    parser.add_argument("--debug", action="store_true", help="toon bij een onverwachte fout de volledige technische melding")
    commands = parser.add_subparsers(dest="command", title="opdrachten", metavar="OPDRACHT", parser_class=_Parser)

    new = commands.add_parser("nieuw", help="begin een nieuw dossier met uitleg bij elk onderdeel")
    new.add_argument("naam", nargs="?", default="aanbesteding", metavar="NAAM",
                     help="naam van het bestand, bijvoorbeeld sociaal-werk-2027 (standaard: aanbesteding)")
    new.add_argument("--soort", choices=list(SOORTEN), default="openbaar", metavar="SOORT",
                     help=f"soort procedure: {', '.join(SOORTEN)} (standaard: openbaar)")
    new.add_argument("--regio", action="store_true", help="een regionale aanbesteding met deelnemende gemeenten")
    new.add_argument("--publicatie", metavar="DATUM", help="geplande publicatie (JJJJ-MM-DD); de planning telt daarvandaan (standaard: over zes weken)")

    examples = commands.add_parser("voorbeelden", help="kopieer de voorbeelddossiers van zeven gemeenten")
    examples.add_argument("--uit", default="voorbeelden", metavar="MAP", help="map voor de voorbeelden (standaard: voorbeelden)")

    check = commands.add_parser("controleer", aliases=["check"], help="controleer dossiers op volledigheid en consistentie")
    check.add_argument("files", nargs="+", metavar="BESTAND", help="een of meer dossierbestanden (.yaml)")
    check.add_argument("--formaat", choices=["tekst", "json"], default="tekst", help="uitvoer als tekst (standaard) of JSON")
    check.add_argument("--samenvatting", action="store_true", help="toon ook de berekende kerngegevens (einddatum, waarde, regime)")
    check.add_argument("--html", metavar="BESTAND", help="schrijf ook een overzicht als webpagina naar BESTAND (één dossier), zonder te bouwen")
    check.add_argument("--watch", action="store_true", help="blijf kijken en controleer opnieuw bij elke wijziging (stoppen met Ctrl+C)")

    build = commands.add_parser("bouw", aliases=["build"], help="maak de documenten van een dossier in Word en PDF")
    build.add_argument("files", nargs="+", metavar="BESTAND", help="een of meer dossierbestanden (.yaml)")
    build.add_argument("--uit", default="build", metavar="MAP", help="uitvoermap (standaard: build)")
    build.add_argument("--formaten", default="docx,pdf", metavar="LIJST", help="docx, pdf, md, ocds en/of eforms, gescheiden door komma's (standaard: docx,pdf)")
    build.add_argument("--status", choices=["concept", "definitief"], default="concept",
                       help="concept (met watermerk en de waarschuwingen als opmerking in Word en noot in de PDF) of definitief")
    build.add_argument("--met-uitleg", action="store_true", help="zet in een concept ook de beslissingen van de controle (regime, waarde, termijnen) als opmerking")
    build.add_argument("--watch", action="store_true", help="blijf kijken en bouw opnieuw bij elke wijziging van het dossier of de sjablonen")

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

    review = commands.add_parser("review", help="lees een Word-bestand dat een jurist terugstuurde: opmerkingen en wijzigingen per artikel, met advies")
    review.add_argument("dossier", metavar="DOSSIER", help="het dossierbestand (.yaml) waaruit het document is gebouwd")
    review.add_argument("bestand", metavar="WORDBESTAND", help="het teruggestuurde Word-bestand (.docx)")
    review.add_argument("--build", metavar="MAP", help="de bouw waar het bestand uit komt (standaard: build/<dossier>)")
    review.add_argument("--formaat", choices=["tekst", "json"], default="tekst", help="uitvoer als tekst (standaard) of JSON")

    origin = commands.add_parser("herkomst", help="toon uit welk sjabloonblok, welke set en welke gegevens een artikel komt")
    origin.add_argument("bestand", metavar="WORDBESTAND", help="een Word-bestand uit een bouw (of teruggestuurd, met --build)")
    origin.add_argument("zoek", metavar="PLAATS", help="een paragraafnummer zoals 3.2, of een stukje tekst")
    origin.add_argument("--build", metavar="MAP", help="de bouw waar het bestand uit komt (standaard: de map van het bestand)")
    origin.add_argument("--formaat", choices=["tekst", "json"], default="tekst", help="uitvoer als tekst (standaard) of JSON")
    _add_vragen(commands)

    explain = commands.add_parser("uitleg", help="leg een meldingscode uit, of toon alle codes")
    explain.add_argument("code", nargs="?", metavar="CODE", help="bijvoorbeeld D301")

    schema = commands.add_parser("schema", help="het JSON Schema van het dossierformaat (voor de editor)")
    schema.add_argument("--uit", metavar="BESTAND", help="schrijf het schema naar dit bestand in plaats van het af te drukken")

    helper = commands.add_parser("help", help="leg een opdracht uit, of toon alle opdrachten")
    helper.add_argument("onderwerp", nargs="?", metavar="OPDRACHT", help="bijvoorbeeld bouw")
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


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def _command_of(argv: Sequence[str]) -> str | None:
    """The first word that is not an option: the command (the global options take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)


def parse(parser: _Parser, argv: Sequence[str]) -> argparse.Namespace:
    """Parse, with a coded message and "bedoelde u?" for an unknown command or option."""
    commands = _subparsers(parser)
    command = _command_of(argv)
    if command is not None and command not in commands:
        guess = f"dossier controleer {command}" if command.endswith((".yaml", ".yml")) else suggest(command, commands)
        hint = _with_suggestion("'dossier help' toont alle opdrachten", guess)
        parser.fail(make("D900", Location("dossier"), waarde=command, hint=hint))
    args, extra = parser.parse_known_args(argv)
    if extra:
        sub = commands.get(args.command) if args.command else None
        where = sub or parser
        if extra[0].startswith("-"):
            known = [o for a in where._actions for o in a.option_strings] + ["--version", "--debug"]
            hint = _with_suggestion(f"'{where.prog} --help' toont de opties", suggest(extra[0].split("=")[0], known))
            where.fail(make("D901", Location(where.prog), waarde=extra[0], opdracht=where.prog, hint=hint))
        where.error(f"onbekende argumenten: {' '.join(extra)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parse(parser, sys.argv[1:] if argv is None else list(argv))
    if getattr(args, "html", None) and len(args.files) != 1:
        parser.error("--html schrijft het overzicht van één dossier; geef één BESTAND")
    if args.command is None:
        sys.stderr.write(parser.format_help())
        return EXIT_USAGE
    try:
        _check_environment(args)
        if getattr(args, "watch", False):
            return _watch(args)
        return _dispatch(args, parser)
    except DossierError as exc:  # a stage gave up outside a per-file loop (e.g. the output folder)
        from .opdrachten.terminal import show

        for d in exc.diagnostics:
            show(d.to_text(), sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into 'head' and the like
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("afgebroken", file=sys.stderr)
        return 130
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError, PermissionError) as exc:
        # Every file a user names is checked where it is read (D100 and on); a file that is still
        # missing here belongs to dossier itself: a template folder or an example not installed.
        if args.debug:
            traceback.print_exc()
        reason = _ERRNO_NL.get(exc.errno or 0, exc.strerror or type(exc).__name__)
        print(make("D904", Location("dossier"), pad=exc.filename or "(onbekend)", reden=reason).to_text(), file=sys.stderr)
        return EXIT_ENVIRONMENT
    except Exception:  # noqa: BLE001 - the last line of defence: never a bare traceback
        if args.debug:
            traceback.print_exc()
        else:
            print("dossier: interne fout. Draai opnieuw met --debug en meld de uitvoer als issue.", file=sys.stderr)
        return EXIT_ENVIRONMENT


def _check_environment(args: argparse.Namespace) -> None:
    """A setting that points nowhere is the user's to fix (D903), before any work is done."""
    configured = os.environ.get("DOSSIER_SJABLONEN")
    if args.command in ("bouw", "build") and configured and not Path(configured).is_dir():
        raise DossierError([make("D903", Location("DOSSIER_SJABLONEN"), map=configured)])


def _watch(args: argparse.Namespace) -> int:
    """``--watch``: the dossier files, and for ``bouw`` also the template sets, trigger a new round."""
    from .opdrachten.kijken import watch

    paths = [Path(f) for f in args.files]
    if args.command in ("bouw", "build"):
        from .documenten.sjabloonsets import template_root

        paths.append(template_root())
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # each line shows at once
    return watch(paths, lambda: _dispatch(args, None))


def _dispatch(args: argparse.Namespace, parser: _Parser | None) -> int:
    """One function per command; each module is imported only when its command runs."""
    if args.command == "nieuw":
        from .opdrachten.nieuw import command_new

        return command_new(args.naam, args.soort, args.regio, args.publicatie)
    if args.command == "voorbeelden":
        from .opdrachten.voorbeelden import command_examples

        return command_examples(args.uit)
    if args.command in ("controleer", "check"):
        from .opdrachten.controleer import command_check

        return command_check(args.files, args.formaat, args.samenvatting, args.html)
    if args.command in ("bouw", "build"):
        from .opdrachten.bouw import command_build

        return command_build(args.files, args.uit, args.formaten, args.status, args.met_uitleg)
    if args.command == "exporteer":
        from .opdrachten.exporteer import command_export

        return command_export(args.file, args.formaat, args.uit, args.streng, args.bouw)
    if args.command in ("vergelijk", "compare"):
        from .opdrachten.vergelijk import command_compare

        return command_compare(args.oud, args.nieuw, args.uit, args.formaten, args.formaat)
    if args.command == "review":
        from .opdrachten.review import command_review

        return command_review(args.dossier, args.bestand, args.build, args.formaat)
    if args.command == "herkomst":
        from .opdrachten.herkomst import command_herkomst

        return command_herkomst(args.bestand, args.zoek, args.build, args.formaat)
    if args.command == "vragen":
        from .opdrachten.vragen import command_vragen

        return command_vragen(args)
    if args.command == "uitleg":
        from .opdrachten.uitleg import command_explain

        return command_explain(args.code)
    if args.command == "schema":
        from .opdrachten.schema import command_schema

        return command_schema(args.uit)
    if args.command == "help":
        return _help(parser or build_parser(), args.onderwerp)
    raise AssertionError(args.command)


def _help(parser: _Parser, topic: str | None) -> int:
    """``dossier help`` and ``dossier help OPDRACHT``: the same text as ``--help``, on stdout."""
    if topic is None:
        print(parser.format_help(), end="")
        return EXIT_OK
    commands = _subparsers(parser)
    if topic not in commands:
        hint = _with_suggestion("'dossier help' toont alle opdrachten", suggest(topic, commands))
        parser.fail(make("D900", Location("dossier"), waarde=topic, hint=hint))
    print(commands[topic].format_help(), end="")
    return EXIT_OK
