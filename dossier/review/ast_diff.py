"""Compare two lists of pandoc blocks: block by block, row by row in tables, word by word in a paragraph.

The comparison reads like a reviewer: unchanged blocks stay as they are; a block that was edited is
paired with its old version and shows only the words that changed; a block without a counterpart is
wholly deleted or wholly inserted; a paragraph that only moved is marked as moved at both places.
Tables are compared row by row and then cell by cell, lists item by item.

How blocks are paired: the two lists are first aligned on their exact content (``difflib``, which
keeps the longest unchanged runs); inside each stretch that differs, blocks of the same kind are
paired by an order-keeping alignment that maximises word overlap (a pair needs half its words in
common, except a lone block replaced by a lone block, which is always paired: a table cell "30%"
that became "25%" shares no word but is plainly the same cell).

Inside a paragraph the words are compared with diff-match-patch on tokens (each pandoc inline one
symbol), with its semantic clean-up, so "tien dagen" -> "vijf werkdagen" reads as one replaced phrase
instead of alternating word fragments. Deletions come before insertions, as in Word.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Callable, Sequence

from diff_match_patch import diff_match_patch

from .marks import CONTAINERS, DELETION, INSERTION, Marks, Node, has_revision, mark_row, mark_whole, plain_text

SIMILAR = 0.5  # share of words two blocks need in common to be shown as one edited block
MAX_PAIRING = 40_000  # cells of the pairing table; beyond this a stretch is shown as deleted + inserted
MIN_MOVE_CHARS = 20  # shorter blocks (a lone "Ja", an empty cell) are never reported as moved


@dataclass(frozen=True)
class Step:
    """One top-level block of the comparison: how it changed, and its old and new version."""

    soort: str  # gelijk, gewijzigd, ingevoegd, verwijderd, verplaatst-van, verplaatst-naar
    old: Node | None
    new: Node | None
    move: int | None = None


@dataclass
class Comparison:
    """The merged blocks (the redline) and, per merged block, the step that produced it."""

    blocks: list[Node] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(s.soort != "gelijk" for s in self.steps)


def compare_blocks(old: Sequence[Node], new: Sequence[Node], marks: Marks) -> Comparison:
    """The redline of two block lists (for example the ``blocks`` of two pandoc documents)."""
    differ = _Differ(marks)
    steps = _moves(differ.align(list(old), list(new), _key, _similarity, _pairable))
    result = Comparison()
    for step in steps:
        block = differ.render(step)
        if step.soort == "gewijzigd" and not has_revision(block):  # only an identifier or a line break differed
            step = Step("gelijk", step.old, step.new)
        result.steps.append(step)
        result.blocks.append(block)
    return result


def _key(node: Any) -> str:
    """Exact content, with a soft line break counted as a space (re-wrapping a template is no change)."""
    return json.dumps(node, sort_keys=True, ensure_ascii=False).replace('{"t": "SoftBreak"}', '{"t": "Space"}')


def _words(node: Any) -> Counter[str]:
    return Counter(plain_text(node).split())


def _similarity(a: Any, b: Any) -> float:
    wa, wb = _words(a), _words(b)
    total = sum(wa.values()) + sum(wb.values())
    return 2 * sum((wa & wb).values()) / total if total else 1.0


def _pairable(a: Node, b: Node) -> bool:
    """Blocks of the same kind that can be shown as one edited block."""
    if a["t"] != b["t"]:
        return False
    if a["t"] == "Header":
        return a["c"][0] == b["c"][0]
    if a["t"] == "Table":
        return len(a["c"][2]) == len(b["c"][2])
    return a["t"] in ("Para", "Plain", "BulletList", "OrderedList", "DefinitionList", "Div", "BlockQuote")


def _moves(steps: list[Step]) -> list[Step]:
    """Turn a deletion and an insertion of the same block into a move, numbered in reading order."""
    inserted: dict[str, list[int]] = {}
    for i, step in enumerate(steps):
        if step.soort == "ingevoegd" and len(plain_text(step.new)) >= MIN_MOVE_CHARS:
            inserted.setdefault(_key(step.new), []).append(i)
    partner: dict[int, int] = {}
    for i, step in enumerate(steps):
        if step.soort == "verwijderd" and (candidates := inserted.get(_key(step.old))):
            j = candidates.pop(0)
            partner[i], partner[j] = j, i
    numbers: dict[int, int] = {}
    out = []
    for i, step in enumerate(steps):
        if i not in partner:
            out.append(step)
            continue
        number = numbers.setdefault(min(i, partner[i]), len(numbers) + 1)
        out.append(Step("verplaatst-van" if step.soort == "verwijderd" else "verplaatst-naar", step.old, step.new, number))
    return out


class _Differ:
    def __init__(self, marks: Marks):
        self.marks = marks
        self.dmp = diff_match_patch()
        self.dmp.Diff_Timeout = 0  # no time limit: the same input must give the same diff on any machine

    # -- sequences (blocks, list items, table rows) ------------------------------------------------

    def align(self, old: list[Any], new: list[Any], key: Callable[[Any], str], similarity: Callable[[Any, Any], float],
              pairable: Callable[[Any, Any], bool]) -> list[Step]:
        """Align two sequences; every element of both ends up in exactly one step, in reading order."""
        matcher = SequenceMatcher(None, [key(x) for x in old], [key(x) for x in new], autojunk=False)
        steps: list[Step] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                steps += [Step("gelijk", a, b) for a, b in zip(old[i1:i2], new[j1:j2])]
            else:
                steps += self._pair(old[i1:i2], new[j1:j2], similarity, pairable)
        return steps

    def _pair(self, old: list[Any], new: list[Any], similarity: Callable[[Any, Any], float],
              pairable: Callable[[Any, Any], bool]) -> list[Step]:
        m, n = len(old), len(new)
        pairs: list[tuple[int, int]] = []
        if m == 1 and n == 1 and pairable(old[0], new[0]):
            pairs = [(0, 0)]
        elif m and n and m * n <= MAX_PAIRING:
            pairs = _best_pairs(old, new, similarity, pairable)
        steps: list[Step] = []
        i = j = 0
        for pi, pj in pairs + [(m, n)]:
            steps += [Step("verwijderd", a, None) for a in old[i:pi]]
            steps += [Step("ingevoegd", None, b) for b in new[j:pj]]
            if pi < m:
                steps.append(Step("gewijzigd", old[pi], new[pj]))
            i, j = pi + 1, pj + 1
        return steps

    # -- rendering the steps -----------------------------------------------------------------------

    def render(self, step: Step) -> Node:
        if step.soort == "gelijk":
            return step.new
        if step.soort in ("verwijderd", "verplaatst-van"):
            return mark_whole(step.old, DELETION, self.marks, step.move)
        if step.soort in ("ingevoegd", "verplaatst-naar"):
            return mark_whole(step.new, INSERTION, self.marks, step.move)
        return self.block_pair(step.old, step.new)

    def blocks(self, old: list[Node], new: list[Node]) -> list[Node]:
        return [self.render(s) for s in self.align(old, new, _key, _similarity, _pairable)]

    def block_pair(self, a: Node, b: Node) -> Node:
        t, ca, cb = b["t"], a["c"], b["c"]
        if t in ("Para", "Plain"):
            return {"t": t, "c": self.inlines(ca, cb)}
        if t == "Header":
            return {"t": t, "c": [cb[0], cb[1], self.inlines(ca[2], cb[2])]}
        if t == "BulletList":
            return {"t": t, "c": self.items(ca, cb)}
        if t == "OrderedList":
            return {"t": t, "c": [cb[0], self.items(ca[1], cb[1])]}
        if t == "DefinitionList":
            return {"t": t, "c": self.definitions(ca, cb)}
        if t == "Div":
            return {"t": t, "c": [cb[0], self.blocks(ca[1], cb[1])]}
        if t == "BlockQuote":
            return {"t": t, "c": self.blocks(ca, cb)}
        if t == "Table":
            return self.table(a, b)
        raise AssertionError(t)  # _pairable admits only the kinds above

    def items(self, old: list[list[Node]], new: list[list[Node]]) -> list[list[Node]]:
        out = []
        for step in self.align(old, new, _key, _similarity, lambda a, b: True):
            if step.soort == "gelijk":
                out.append(step.new)
            elif step.soort == "gewijzigd":
                out.append(self.blocks(step.old, step.new))
            elif step.old is not None:
                out.append([mark_whole(x, DELETION, self.marks) for x in step.old])
            else:
                out.append([mark_whole(x, INSERTION, self.marks) for x in step.new])
        return out

    def definitions(self, old: list[Any], new: list[Any]) -> list[Any]:
        out = []
        for step in self.align(old, new, _key, _similarity, lambda a, b: True):
            if step.soort == "gelijk":
                out.append(step.new)
            elif step.soort == "gewijzigd":
                out.append([self.inlines(step.old[0], step.new[0]), self.items(step.old[1], step.new[1])])
            else:
                kind, term = (DELETION, step.old) if step.old is not None else (INSERTION, step.new)
                marked = mark_whole({"t": "DefinitionList", "c": [term]}, kind, self.marks)
                out.append(marked["c"][0])
        return out

    # -- tables: rows, then cells ------------------------------------------------------------------

    def table(self, a: Node, b: Node) -> Node:
        attr, caption, colspecs, head, bodies, foot = b["c"]
        old_head, old_bodies, old_foot = a["c"][3], a["c"][4], a["c"][5]
        if len(old_bodies) != len(bodies):  # another shape: show the old table deleted and the new one inserted
            return {"t": "Div", "c": [["", [], []], [mark_whole(a, DELETION, self.marks), mark_whole(b, INSERTION, self.marks)]]}
        caption = [caption[0], self.blocks(a["c"][1][1], caption[1])]
        head = [head[0], self.rows(old_head[1], head[1])]
        bodies = [[nb[0], nb[1], self.rows(ob[2], nb[2]), self.rows(ob[3], nb[3])] for ob, nb in zip(old_bodies, bodies)]
        foot = [foot[0], self.rows(old_foot[1], foot[1])]
        return {"t": "Table", "c": [attr, caption, colspecs, head, bodies, foot]}

    def rows(self, old: list[Any], new: list[Any]) -> list[Any]:
        out = []
        for step in self.align(old, new, _key, _similarity, lambda a, b: len(a[1]) == len(b[1])):
            if step.soort == "gelijk":
                out.append(step.new)
            elif step.soort == "gewijzigd":
                cells = [[*nc[:4], self.blocks(oc[4], nc[4])] for oc, nc in zip(step.old[1], step.new[1])]
                out.append([step.new[0], cells])
            elif step.old is not None:
                out.append(mark_row(step.old, DELETION, self.marks))
            else:
                out.append(mark_row(step.new, INSERTION, self.marks))
        return out

    # -- words -------------------------------------------------------------------------------------

    def inlines(self, old: list[Node], new: list[Node]) -> list[Node]:
        """Word-level comparison of two inline lists; unchanged words are taken from the new one."""
        a, b = [_token(x) for x in old], [_token(x) for x in new]
        vocabulary: dict[str, str] = {}

        def encode(tokens: list[Node]) -> str:
            return "".join(vocabulary.setdefault(_key(t), chr(0x10000 + len(vocabulary))) for t in tokens)

        diffs = self.dmp.diff_main(encode(a), encode(b), False)
        self.dmp.diff_cleanupSemantic(diffs)
        out: list[Node] = []
        i = j = 0
        for index, (op, text) in enumerate(diffs):
            size = len(text)
            if op == 0:
                out += new[j:j + size]
                i, j = i + size, j + size
            elif op < 0:
                following = diffs[index + 1] if index + 1 < len(diffs) else None
                if following and following[0] > 0 and size == 1 and len(following[1]) == 1:
                    nested = self._nested(old[i], new[j])
                    if nested is not None:  # one styled phrase edited inside: compare its words
                        out.append(nested)
                        diffs[index + 1] = (0, "")  # consumed
                        i, j = i + 1, j + 1
                        continue
                out.append(self.marks.span(DELETION, old[i:i + size]))
                i += size
            elif size:
                out.append(self.marks.span(INSERTION, new[j:j + size]))
                j += size
        return out

    def _nested(self, a: Node, b: Node) -> Node | None:
        """``a`` and ``b`` are the same kind of styled container with other words: compare inside it."""
        if a.get("t") != b.get("t") or a["t"] not in CONTAINERS:
            return None
        place = CONTAINERS[a["t"]]
        if place is None:
            return {"t": a["t"], "c": self.inlines(a["c"], b["c"])}
        ca, cb = a["c"], b["c"]
        if ca[:place] != cb[:place] or ca[place + 1:] != cb[place + 1:]:
            return None  # another link target or span class: a different thing, not an edit
        return {"t": b["t"], "c": [*cb[:place], self.inlines(ca[place], cb[place]), *cb[place + 1:]]}


def _token(inline: Node) -> Node:
    return {"t": "Space"} if inline.get("t") == "SoftBreak" else inline


def _best_pairs(old: list[Any], new: list[Any], similarity: Callable[[Any, Any], float],
                pairable: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """The order-keeping pairs of similar elements with the largest total similarity."""
    m, n = len(old), len(new)
    score = [[0.0] * (n + 1) for _ in range(m + 1)]
    weight = [[0.0] * n for _ in range(m)]
    for i in range(m):
        for j in range(n):
            if pairable(old[i], new[j]):
                s = similarity(old[i], new[j])
                weight[i][j] = s if s >= SIMILAR else 0.0
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            w = weight[i - 1][j - 1]
            score[i][j] = max(score[i - 1][j], score[i][j - 1], score[i - 1][j - 1] + w if w else 0.0)
    pairs = []
    i, j = m, n
    while i and j:
        w = weight[i - 1][j - 1]
        if w and score[i][j] == score[i - 1][j - 1] + w:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif score[i][j] == score[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


__all__ = ["Comparison", "Step", "compare_blocks"]
