"""Adding questions to the dossier file without touching anything else in it.

The dossier is a lawyer's and a buyer's document, with their comments, order and layout, so it is
never re-dumped. ruamel.yaml's round-trip parser finds where the list of rounds (or the questions
of the last round) ends, ruamel.yaml writes the new items (quoting what needs quoting, ``|`` blocks
for text of more lines), and the new lines are spliced into the original text: every byte outside
them stays as it was. The result is read back with dossier's own loader and must equal the old data
plus exactly the new items, and must still pass the schema; only then may it be written (``schrijven``).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString

from ..diagnostics import DossierError, Location, make
from ..invoer.load import load_bytes
from ..invoer.parse import parse_dossier

DATUM_COMMENT = "pas aan: de publicatiedatum van deze nota van inlichtingen"
_EMPTY_LIST = re.compile(r"(\s*)vragen:\s*(?:\[\s*\]|~|null)?\s*(#.*)?")
ANTWOORD_COMMENT = "beantwoord hier de vragen; een rectificatie als gegevens staat onder 'wijzigingen'"


@dataclass(frozen=True)
class Plek:
    """Where the new items go: after line ``after`` (0-based, exclusive end), a dash at column ``dash``."""

    before: int  # index of the line the new text is inserted before
    fallback: int  # second choice when the first would change a value (a '|+' block ending the list)
    dash: int
    header: str = ""  # a key line to write first ('inlichtingen:' or 'vragen:'), already indented
    replace: tuple[int, str] | None = None  # a line whose empty value ('vragen: []') makes way for the list


def insert(raw: bytes, name: str, vragen: list[dict[str, Any]], ronde: int, datum: dt.date | None) -> bytes:
    """The dossier's bytes with ``vragen`` added to round ``ronde`` (a new round when ``datum`` is given)."""
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw[3 if bom else 0:].decode("utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    doc = _round_trip(text, name)
    items: list[Any] = [_round(ronde, datum, vragen)] if datum is not None else [_question(v) for v in vragen]
    place = _place(doc, lines, datum is not None, name)
    expected = _expected(load_bytes(raw, name).data, vragen, ronde, datum)
    block = _emit(items, place, newline)
    if place.replace is not None:
        index, text_line = place.replace
        lines[index] = text_line + newline
    for at in dict.fromkeys((place.before, place.fallback)):
        candidate = "".join(lines[:at]) + block + "".join(lines[at:])
        data = (b"\xef\xbb\xbf" if bom else b"") + candidate.encode("utf-8")
        if _same(data, name, expected):
            return data
    raise DossierError([make("D693", Location(name), reden="ook andere gegevens veranderen")])


def _round_trip(text: str, name: str) -> Any:
    try:
        return YAML(typ="rt").load(text)
    except YAMLError as exc:  # dossier's own loader read it; ruamel did not
        raise DossierError([make("D691", Location(name), reden=f"de opbouw van het bestand is niet te volgen ({str(exc).splitlines()[0]})")]) from None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_blank(line: str) -> bool:
    return not line.strip()


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _end_of(lines: list[str], start: int, dash: int) -> tuple[int, int]:
    """The end of the block that starts at line ``start`` and whose items have their dash at ``dash``.

    The block ends before the first line after ``start`` that is indented no deeper than the dash
    (the next key, or a comment or document marker at that level). Blank lines and such comments just
    before it stay after the new items, with what follows them. Returns (preferred, fallback).
    """
    end = len(lines)
    for i in range(start + 1, len(lines)):
        if not _is_blank(lines[i]) and _indent(lines[i]) <= dash:
            end = i
            break
    before = end
    while before - 1 > start and (_is_blank(lines[before - 1]) or (_is_comment(lines[before - 1]) and _indent(lines[before - 1]) <= dash)):
        before -= 1
    return before, end


def _dash_column(lines: list[str], line: int, content_col: int) -> int:
    text = lines[line]
    i = text.rfind("-", 0, content_col)
    return i if i >= 0 else max(content_col - 2, 0)


def _place(doc: Any, lines: list[str], new_round: bool, name: str) -> Plek:
    if not isinstance(doc, dict):
        raise DossierError([make("D691", Location(name), reden="het dossier is geen blok met sleutels")])
    if "inlichtingen" not in doc or doc["inlichtingen"] is None:
        if "inlichtingen" in doc:  # 'inlichtingen:' with nothing after it
            line = doc.lc.key("inlichtingen")[0]
            if lines[line].split("#")[0].strip() != "inlichtingen:":
                raise DossierError([make("D691", Location(name, "inlichtingen", line + 1), reden="'inlichtingen' heeft een waarde op dezelfde regel")])
            return Plek(line + 1, line + 1, 2)
        return Plek(len(lines), len(lines), 2, header="\ninlichtingen:\n")
    rounds = doc["inlichtingen"]
    where = Location(name, "inlichtingen", doc.lc.key("inlichtingen")[0] + 1)
    if not hasattr(rounds, "fa") or not isinstance(rounds, list) or rounds.fa.flow_style():
        raise DossierError([make("D691", where, reden="'inlichtingen' staat niet als lijst in blokvorm")])
    if new_round or not rounds:
        if not rounds:
            raise DossierError([make("D691", where, reden="'inlichtingen' is een lege lijst")])
        line, col = rounds.lc.item(len(rounds) - 1)
        dash = _dash_column(lines, line, col)
        before, end = _end_of(lines, line, dash)
        return Plek(before, end, dash)
    last = rounds[-1]
    line, col = rounds.lc.item(len(rounds) - 1)
    round_dash = _dash_column(lines, line, col)
    vragen = last.get("vragen") if isinstance(last, dict) else None
    if vragen is None or (isinstance(vragen, list) and not vragen):
        if "vragen" not in last:
            before, end = _end_of(lines, line, round_dash)
            return Plek(before, end, col + 2, header=" " * col + "vragen:\n")
        key_line = last.lc.key("vragen")[0]
        empty = _EMPTY_LIST.fullmatch(lines[key_line].rstrip("\r\n"))
        if not empty:
            raise DossierError([make("D691", Location(name, "inlichtingen.vragen", key_line + 1),
                                     reden="de laatste ronde heeft 'vragen' zonder lijst in blokvorm")])
        # 'vragen: []' or 'vragen:' with nothing: the key stays, its empty value goes, the questions follow it
        rewritten = re.sub(r"(vragen:)[ \t]*(?:\[\s*\]|~|null)", r"\1", lines[key_line].rstrip("\r\n"), count=1)
        return Plek(key_line + 1, key_line + 1, col + 2, replace=(key_line, rewritten))
    if not hasattr(vragen, "fa") or vragen.fa.flow_style():
        raise DossierError([make("D691", Location(name, "inlichtingen.vragen", last.lc.key("vragen")[0] + 1),
                                 reden="de vragen van de laatste ronde staan niet als lijst in blokvorm")])
    qline, qcol = vragen.lc.item(len(vragen) - 1)
    dash = _dash_column(lines, qline, qcol)
    before, end = _end_of(lines, qline, dash)
    # the questions' list ends where the round ends, at the latest
    round_before, round_end = _end_of(lines, line, round_dash)
    return Plek(min(before, round_before), min(end, round_end), dash)


def _question(v: dict[str, Any]) -> CommentedMap:
    item = CommentedMap()
    for key in ("nummer", "document", "paragraaf", "vraag", "antwoord"):
        if key in v:
            value = v[key]
            item[key] = LiteralScalarString(value) if isinstance(value, str) and "\n" in value else value  # "|-": no final newline
    return item


def _round(ronde: int, datum: dt.date, vragen: list[dict[str, Any]]) -> CommentedMap:
    item = CommentedMap()
    item["ronde"] = ronde
    item["datum"] = datum
    item.yaml_add_eol_comment(DATUM_COMMENT, "datum")
    item["vragen"] = [_question(v) for v in vragen]
    item.yaml_add_eol_comment(ANTWOORD_COMMENT, "vragen")
    return item


def _emit(items: list[Any], place: Plek, newline: str) -> str:
    writer = YAML(typ="rt")
    writer.width = 4096  # never fold a question over lines
    writer.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    writer.dump(items, buffer)
    body = []
    for line in buffer.getvalue().splitlines():
        line = line[2:] if line.startswith("  ") else line  # the top-level list's own offset
        body.append(" " * place.dash + line if line.strip() else "")
    text = place.header + "\n".join(body) + "\n"
    return text.replace("\n", newline)


def _expected(data: dict[str, Any], vragen: list[dict[str, Any]], ronde: int, datum: dt.date | None) -> dict[str, Any]:
    expected = copy.deepcopy(data)
    rounds = expected.setdefault("inlichtingen", None) or []
    expected["inlichtingen"] = rounds
    new = [{k: v[k] for k in ("nummer", "document", "paragraaf", "vraag", "antwoord") if k in v} for v in vragen]
    if datum is not None:
        rounds.append({"ronde": ronde, "datum": datum, "vragen": new})
    else:
        rounds[-1].setdefault("vragen", [])
        if rounds[-1]["vragen"] is None:
            rounds[-1]["vragen"] = []
        rounds[-1]["vragen"].extend(new)
    return expected


def _same(data: bytes, name: str, expected: dict[str, Any]) -> bool:
    """The new file reads back as the old data plus the new items, passes the schema and ruamel reads it."""
    try:
        document = load_bytes(data, name)
        if document.data != expected:
            return False
        parse_dossier(document)
        YAML(typ="rt").load(data.decode("utf-8-sig"))
    except (DossierError, YAMLError):
        return False
    return True
