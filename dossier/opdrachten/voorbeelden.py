"""``voorbeelden``: copy the example dossiers that come with dossier, with the schema next to them.

Each copy gets the editor's modeline as its first line; the originals stay without it, so their
line numbers (which tests and documentation quote) do not depend on the editor.

The examples live in ``voorbeelden/`` at the top of the project; ``dossier/voorbeelden`` links to
that folder so a wheel carries them as package data. A checkout without symbolic links (git on
Windows) finds them at the top of the project instead.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .. import nl
from ..diagnostics import DossierError, Location, make
from .bestanden import write_file
from .schema import FILE_NAME, MODELINE, write_schema

_CHECKOUT = Path(__file__).resolve().parent.parent.parent / "voorbeelden"


def examples() -> dict[str, str]:
    """Every shipped example by file name, in name order."""
    packaged = resources.files("dossier").joinpath("voorbeelden")
    for folder in (packaged, _CHECKOUT):
        if folder.is_dir():
            return {p.name: p.read_text("utf-8") for p in sorted(folder.iterdir(), key=lambda p: p.name) if p.name.endswith(".yaml")}
    raise DossierError([make("D904", Location("voorbeelden"), pad="voorbeelden", reden="de map met voorbeelden is niet meegeïnstalleerd")])


def with_modeline(text: str) -> str:
    """The example as the user gets it: its first line points the editor at the schema next to it."""
    return text if text.startswith(MODELINE) else f"{MODELINE}\n{text}"


def command_examples(uit: str) -> int:
    """Copy each example into ``uit`` unless a file of that name is there already."""
    folder = Path(uit)
    written, kept = [], []
    for name, text in examples().items():
        path = folder / name
        if path.exists():
            kept.append(name)
            continue
        write_file(path, with_modeline(text), new=True)
        written.append(name)
    write_schema(folder)
    for name in written:
        print(f"{folder / name}")
    if kept:
        print(f"niet overschreven, want ze bestaan al: {nl.lijst(kept)}")
    print(f"{len(written)} voorbeelden gekopieerd naar {folder}, met {FILE_NAME} voor de editor.")
    print(f"Probeer: dossier controleer {folder / 'leiden.yaml'}")
    return 0
