"""Checks on imported questions: anonymity, doubles, and references to documents and paragraphs.

All of these are warnings at the cell of the question: the buyer decides. A nota van inlichtingen
is published to every tenderer, so a question must not give away who asked it: an e-mail address,
a phone number, a tenderer's name (from ``--inschrijvers`` or from the file name) or a phrase like
"wij als Zorggroep Noord" is pointed out. The names themselves are never stored.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, make
from .documenten import LEIDRAAD, Stuk, references
from .rijen import Regel

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w+])(?:\+31[\s.-]?(?:\(0\)[\s.-]?)?|0031[\s.-]?|0)[1-9](?:[\s.-]?\d){8}(?!\d)")
_CAPITAL = r"[A-ZÀ-Ý][\w&'.-]*(?:\s+(?:[A-ZÀ-Ý0-9][\w&'.-]*|&|en|van|de|der))*"
SELF = re.compile(rf"\b(?:[Ww]ij|[Ww]e|[Ii]k)\s+als\s+({_CAPITAL})|\b(?:[Nn]amens|[Oo]nze\s+organisatie,?|[Oo]ns\s+bedrijf,?|"
                  rf"[Oo]nze\s+stichting,?)\s+({_CAPITAL})")
ROLES = {"inschrijver", "inschrijvers", "aanbieder", "aanbieders", "gegadigde", "partij", "organisatie", "combinatie",
         "zorgaanbieder", "onderaannemer", "hoofdaannemer", "penvoerder", "gemeente", "opdrachtnemer", "aanvrager"}
LEGAL_FORMS = re.compile(r"\b(?:b\.?\s?v\.?|n\.?\s?v\.?|v\.?\s?o\.?\s?f\.?|u\.?\s?a\.?|stichting|vereniging|coöperatie|cooperatie)(?=\s|$)",
                         re.IGNORECASE)
GENERIC = {"vragen", "vraag", "vragenformulier", "formulier", "nvi", "nota", "van", "inlichtingen", "ronde", "def", "definitief",
           "concept", "versie", "kopie", "copy", "final", "export", "ingevuld", "xlsx", "csv", "v", "de", "het", "en", "bijlage",
           "aanbesteding", "tender", "leidraad", "reactie", "antwoord", "antwoorden"}
NEAR = 0.8  # share of words two questions have in common before they are flagged
_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Naam:
    """A tenderer's name to look for, and where it came from (for the message)."""

    tekst: str
    herkomst: str


def names(given: list[str], files: list[Path], dossier_words: set[str]) -> list[Naam]:
    """Tenderers' names from --inschrijvers and the file names, each without its legal form."""
    found = [Naam(core, "") for n in given if (core := _core(n))]
    for path in files:
        tokens = [t for t in re.split(r"[\s_.\-()\[\]]+", path.stem) if t]
        kept = [t for t in tokens if t.lower() not in GENERIC and t.lower() not in dossier_words and not t.isdigit()]
        candidate = _core(" ".join(kept))
        if len(candidate) >= 4:
            found.append(Naam(candidate, f" (uit de bestandsnaam {path.name})"))
    unique: dict[str, Naam] = {}
    for name in found:
        unique.setdefault(name.tekst.lower(), name)
    return list(unique.values())


def _core(name: str) -> str:
    return re.sub(r"\s+", " ", LEGAL_FORMS.sub(" ", name)).strip(" ,.-")


def anonymity(regel: Regel, tenderers: list[Naam]) -> list[Diagnostic]:
    where = regel.cellen["vraag"].waar()
    findings = [make("D682", where, waarde=m.group()) for m in EMAIL.finditer(regel.vraag)]
    findings += [make("D683", where, waarde=m.group().strip()) for m in PHONE.finditer(EMAIL.sub(" ", regel.vraag))]
    for name in tenderers:
        found = _name_pattern(name.tekst).search(regel.vraag)
        if found:
            findings.append(make("D684", where, naam=found.group(), herkomst=name.herkomst))
    for match in SELF.finditer(regel.vraag):
        who = match.group(1) or match.group(2)
        if who.split()[0].lower() not in ROLES:
            findings.append(make("D685", where, tekst=match.group().strip()))
    return findings


def _name_pattern(core: str) -> re.Pattern[str]:
    """A name with the legal form it may carry in the text; a one-word name only with a capital ('Samen', not 'samen')."""
    words = core.split()
    if len(words) == 1:
        body = re.escape(core[0].upper()) + "(?i:" + re.escape(core[1:]) + ")"
    else:
        body = "(?i:" + r"[\s\-]+".join(map(re.escape, words)) + ")"
    prefix = r"(?:(?i:stichting|vereniging|coöperatie|cooperatie)\s+)?"
    suffix = r"(?:,?\s*(?i:b\.?\s?v\.?|n\.?\s?v\.?|u\.?\s?a\.?)(?!\w))?"
    return re.compile(r"(?<!\w)" + prefix + body + r"(?!\w)" + suffix)


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def doubles(regels: list[Regel], earlier: list[tuple[str, str]]) -> list[Diagnostic]:
    """Equal and near-equal questions, among the new ones and against earlier rounds ((label, text) pairs).

    Candidate pairs come from an index of the less common words, so thousands of questions stay fast.
    """
    texts = [(label, _normal(text)) for label, text in earlier] + [(_label(r), _normal(r.vraag)) for r in regels]
    words = [set(t.split()) for _, t in texts]
    index: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for w in ws:
            index[w].append(i)
    common = max(20, len(texts) // 10)
    findings = []
    first_new = len(earlier)
    first_of: dict[str, int] = {}
    for i, (_, text) in enumerate(texts):
        first_of.setdefault(text, i)
    for n, regel in enumerate(regels):
        i = first_new + n
        if not texts[i][1]:
            continue
        shared: dict[int, int] = defaultdict(int)
        for w in words[i]:
            if len(index[w]) <= common:
                for j in index[w]:
                    if j < i:
                        shared[j] += 1
        equal = first_of[texts[i][1]]
        where = regel.cellen["vraag"].waar()
        if equal < i:
            findings.append(make("D686", where, andere=texts[equal][0]))
            continue
        best = max(((_similarity(texts[i][1], texts[j][1], words[i], words[j]), j) for j in shared), default=(0.0, -1))
        if best[0] >= NEAR:
            findings.append(make("D687", where, procent=round(best[0] * 100), andere=texts[best[1]][0]))
    return findings


def _similarity(a: str, b: str, wa: set[str], wb: set[str]) -> float:
    if len(wa) < 4 or len(wb) < 4:
        return 0.0
    jaccard = len(wa & wb) / len(wa | wb)
    if jaccard < NEAR - 0.15:
        return jaccard
    return max(jaccard, difflib.SequenceMatcher(None, a, b, autojunk=False).ratio())


def _label(regel: Regel) -> str:
    cell = regel.cellen["vraag"]
    return f"de vraag in {cell.bestand}, cel {cell.ref}"


def document_and_paragraph(regel: Regel, documents: list[Stuk], paragraphs: dict[str, list[str]] | None,
                           found: Stuk | None) -> list[Diagnostic]:
    """An unknown document, or a paragraph the document does not have (only when it could be rendered)."""
    findings = []
    if not regel.document:
        findings.append(make("D655", regel.cellen["vraag"].waar(), document=LEIDRAAD))
    elif found is None:
        findings.append(make("D688", regel.cellen["document"].waar(), document=regel.document,
                             keuzes=", ".join(s.naam for s in documents)))
    stuk = found or (next(s for s in documents if s.naam == LEIDRAAD) if not regel.document else None)
    if paragraphs is None or stuk is None or stuk.bestand not in paragraphs or not regel.paragraaf:
        return findings
    numbers = paragraphs[stuk.bestand]
    for reference in references(regel.paragraaf):
        if reference not in numbers:
            findings.append(make("D689", regel.cellen["paragraaf"].waar(), document=stuk.naam, paragraaf=reference,
                                 laatste=numbers[-1] if numbers else "-"))
    return findings
