"""``vragen``: the questions form, importing tenderers' questions, exporting an answered round."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from pathlib import Path

from ..diagnostics import Diagnostic, DossierError, Location, make, summary
from ..vragen.exporteren import ronde_xlsx
from ..vragen.formulier import formulier, target_round
from ..vragen.importeren import importeer
from ..vragen.schrijven import check_output, write_atomically
from .controleer import Controle, check_file


def command_vragen(args: argparse.Namespace) -> int:
    try:
        if args.vragen_opdracht == "formulier":
            return _form(Path(args.file), args.uit)
        if args.vragen_opdracht == "importeer":
            return _import(Path(args.file), [Path(f) for f in args.vragen], args.ronde, args.inschrijvers, args.datum)
        return _export(Path(args.file), args.ronde, args.uit)
    except DossierError as exc:
        _show(exc.diagnostics)
        print("niets geschreven", file=sys.stderr)
        return exc.exit_code


def _show(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        print(d.to_text())


def _parsed(path: Path) -> Controle:
    """The checked dossier; DossierError when it does not even parse (its rule findings do not matter here)."""
    checked = check_file(path)
    if checked.dossier is None or checked.afgeleid is None:
        raise DossierError([d for d in checked.diagnostics if d.is_error] or [make("D109", Location(str(path)))])
    return checked


def _form(path: Path, uit: str | None) -> int:
    checked = _parsed(path)
    ronde = target_round(checked.dossier)
    target = Path(uit) if uit else path.with_name(f"{path.stem}-vragenformulier-ronde-{ronde}.xlsx")
    check_output(target, [path])
    write_atomically(target, formulier(checked.dossier, checked.afgeleid))
    print(f"{path}: vragenformulier voor ronde {ronde} geschreven naar {target}")
    return 0


def _import(path: Path, files: list[Path], ronde: int | None, inschrijvers: str | None, datum: dt.date | None) -> int:
    checked = _parsed(path)
    raw = path.read_bytes()
    if checked.document is None or hashlib.sha256(raw).hexdigest() != checked.document.sha256:
        raise DossierError([make("D693", Location(str(path)), reden="tijdens het lezen zijn veranderd")])
    names = [n.strip() for n in (inschrijvers or "").split(",") if n.strip()]
    result = importeer(path, raw, checked.dossier, checked.afgeleid, checked.rectificaties, files, ronde, names, datum)
    _show(result.meldingen)
    print(summary(result.meldingen, len(files)))
    if result.fouten:
        print(f"{path}: niets ingelezen; het dossier is ongewijzigd", file=sys.stderr)
        return DossierError([d for d in result.meldingen if d.is_error]).exit_code
    where = f"de nieuwe ronde {result.ronde}" if result.nieuwe_ronde else f"ronde {result.ronde}"
    print(f"{path}: {result.aantal} {'vraag' if result.aantal == 1 else 'vragen'} toegevoegd aan {where}; "
          "beantwoord ze in het dossier")
    return 0


def _export(path: Path, ronde: int, uit: str | None) -> int:
    checked = check_file(path)
    if not checked.ok:
        _show(checked.diagnostics)
        print(f"{path}: niet uitgevoerd; los eerst de fouten op", file=sys.stderr)
        return checked.exit_code or 1
    found = next((r for r in checked.dossier.inlichtingen if r.ronde == ronde), None)
    if found is None:
        known = [str(r.ronde) for r in checked.dossier.inlichtingen]
        raise DossierError([make("D695", Location(str(path), "inlichtingen"), ronde=ronde,
                                 rondes=f" (wel: {', '.join(known)})" if known else " (het dossier heeft nog geen rondes)")])
    target = Path(uit) if uit else path.with_name(f"{path.stem}-nota-van-inlichtingen-{ronde}.xlsx")
    check_output(target, [path])
    write_atomically(target, ronde_xlsx(checked.dossier, found, checked.rectificaties))
    print(f"{path}: vragen en antwoorden van ronde {ronde} geschreven naar {target}")
    return 0
