"""Stage 3, check: the rule catalogue of the domain brief, one small function per rule.

A rule receives a ``Context`` with the parsed dossier and its derived facts (``Afgeleid``) and
reports findings by code; the wording lives in ``data/meldingen/d3-regels.yaml``. Rule D3NN
implements rule NN of the catalogue in the domain brief. Rules run only on a dossier that passed the schema.

A few rules guard publication only: they run when a build is ``definitief`` (``check_definitief``),
because a concept may show a gap in plain sight where a published document may not have one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..afleiding import Afgeleid
from ..diagnostics import Diagnostic, make, sort_key
from ..invoer.load import LoadedDocument
from ..invoer.model import Dossier

Rule = Callable[["Context"], None]
RULES: dict[str, Rule] = {}
DEFINITIEF: set[str] = set()  # codes of the rules that run only for a definitive build


def rule(code: str, definitief: bool = False) -> Callable[[Rule], Rule]:
    """Register a rule function under its catalogue code (``definitief``: only for a definitive build)."""

    def register(function: Rule) -> Rule:
        RULES.setdefault(code, function)
        if definitief:
            DEFINITIEF.add(code)
        return function

    return register


@dataclass
class Context:
    dossier: Dossier
    document: LoadedDocument
    afgeleid: Afgeleid
    findings: list[Diagnostic] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Short names for the derived facts the rules read most (computed once in ``afleiding``).
        self.term = self.afgeleid.looptijd
        self.regime = self.afgeleid.regime
        self.terms = self.afgeleid.termijnen
        self.procedure = self.dossier.procedure.soort
        self.competitive = self.afgeleid.competitief

    def report(self, code: str, path: tuple[Any, ...], severity: str | None = None, on_key: bool = False, **values: Any) -> None:
        location = self.document.locate(path, on_key=on_key)
        self.findings.append(make(code, location, severity=severity, **values))


def check(dossier: Dossier, document: LoadedDocument, afgeleid: Afgeleid, definitief: bool = False) -> list[Diagnostic]:
    """Run the rules in code order and return the findings sorted by position.

    Without ``definitief`` the everyday rules run; with it only the rules that guard publication.
    """
    context = Context(dossier, document, afgeleid)
    for code in sorted(RULES):
        if (code in DEFINITIEF) == definitief:
            RULES[code](context)
    return sorted(context.findings, key=sort_key)


# Importing the rule modules registers their rules.
from . import beoordeling, contract, doelen, gunning, inlichtingen, looptijd, planning, procedure, raming, rectificaties, uitwisseling  # noqa: E402,F401
