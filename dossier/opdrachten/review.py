"""``review``: a Word file a lawyer returned, read against the build it came from, clause by clause.

Reads like a table of contents: check the dossier (for its values and their lines), find the build
(``build/<dossier>/`` or ``--build``) and refuse one of another tender, read the returned file
safely and find which document of the build it is, align it with the build's own Word file, and
report every comment, tracked change and untracked edit at its clause with the advice where the
fix belongs: in the dossier (a value) or in the template set (fixed text). Nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, DossierError, Location, make
from ..documenten.sjabloonsets import BASE_SET, Sjabloonset, resolve
from ..review.advies import Adviseur
from ..review.bouwherkomst import build_folder, custom_property, load_build, read_returned
from ..review.terug import Terug
from ..review.verslag import Reviewverslag, show
from .bouw import output_name
from .controleer import check_file


def review(dossier: str, returned: str, build: str | None) -> Reviewverslag:
    """The review of ``returned``; raises DossierError with coded findings when it cannot be read."""
    checked = check_file(dossier)
    if checked.dossier is None or checked.document is None:
        raise DossierError([d for d in checked.diagnostics if d.is_error])
    model, source = checked.dossier, checked.document
    name = output_name(Path(dossier))
    folder = build_folder(Path(build) if build else Path("build"), name)
    bouw = load_build(folder)
    notes: list[Diagnostic] = []
    if bouw.kenmerk and bouw.kenmerk != model.aanbesteding.kenmerk:
        raise DossierError([make("D630", source.locate(("aanbesteding", "kenmerk")), map=str(folder), bouw=bouw.kenmerk,
                                 dossier=model.aanbesteding.kenmerk)])
    if bouw.manifest.get("invoer_sha256") not in (None, source.sha256):
        notes.append(make("D629", Location(dossier), dossier=dossier, map=str(folder)))
    read = read_returned(Path(returned), bouw, Path(dossier).name, returned)
    notes += read.word.meldingen
    sent = custom_property(read.word, "invoer_sha256")  # the dossier the returned file was built from
    if sent and bouw.manifest.get("invoer_sha256") not in (None, sent):
        notes.append(make("D633", Location(returned), bestand=returned, map=str(folder)))
    sjabloonset = _template_set(model.aanbesteding.sjabloonset)
    own = sjabloonset.naam if sjabloonset is not None else (model.aanbesteding.sjabloonset or BASE_SET)
    herkomst = read.document.herkomst
    adviseur = Adviseur(model, source, sjabloonset, herkomst.get("blokken", {}), herkomst.get("regels", {}), own)
    findings = Terug(read.document.eenheden, read.bouw_alineas, adviseur).findings(read.alineas, read.opmerkingen)
    return Reviewverslag(returned, read.document.naam, read.document.titel, str(folder), read.document.eenheden,
                         herkomst.get("blokken", {}), findings, notes)


def _template_set(name: str | None) -> Sjabloonset | None:
    """The dossier's template set for the text to paste; without it the advice names the block only."""
    try:
        return resolve(name)
    except DossierError:
        return None


def command_review(dossier: str, returned: str, build: str | None, formaat: str) -> int:
    try:
        result = review(dossier, returned, build)
    except DossierError as exc:
        show(formaat, "review", exc.diagnostics)
        return exc.exit_code
    show(formaat, "review", result.meldingen, result)
    return 0
