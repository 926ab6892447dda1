"""The comparison core on small pandoc documents: words, tables, lists, moves, and the Typst and YAML sides."""

from __future__ import annotations

import datetime as dt

import typst

from dossier.invoer.load import load_bytes
from dossier.review.ast_diff import compare_blocks
from dossier.review.marks import DELETION, INSERTION, Marks, plain_text, revision_kind
from dossier.review.redline_pdf import PRELUDE, for_typst
from dossier.review.velden import compare_fields
from dossier.uitvoer.pandoc import ast_to_typst, markdown_to_ast, with_meta

MARKS = Marks("dossier", "2019-10-28T00:00:00Z")


def redline(old: str, new: str):
    a, b = markdown_to_ast(old, 0, "oud"), markdown_to_ast(new, 0, "nieuw")
    return compare_blocks(a["blocks"], b["blocks"], MARKS)


def show(node) -> str:
    """git's word-diff notation: [-deleted-]{+inserted+}."""
    if isinstance(node, list):
        return "".join(show(x) for x in node)
    if not isinstance(node, dict):
        return ""
    kind = revision_kind(node)
    if kind:
        inner = show(node["c"][1])
        return f"[-{inner}-]" if kind == DELETION else f"{{+{inner}+}}"
    t, c = node.get("t"), node.get("c")
    if t == "Str":
        return c
    if t in ("Space", "SoftBreak"):
        return " "
    if t in ("Para", "Plain", "Header"):
        return show(c[2] if t == "Header" else c) + "\n"
    return show(c)


def accepted(node, accept: bool = True):
    """The AST with every revision applied: the other side of the comparison."""
    if isinstance(node, list):
        out = []
        for x in node:
            kind = revision_kind(x)
            if kind is None:
                out.append(accepted(x, accept))
            elif (kind == INSERTION) == accept:
                out += accepted(x["c"][1], accept)
        return out
    if isinstance(node, dict):
        return {k: accepted(v, accept) for k, v in node.items()}
    return node


def test_words_inside_a_paragraph_read_as_one_replaced_phrase():
    result = redline("De termijn is tien dagen na verzending.\n", "De termijn is vijf werkdagen na verzending.\n")
    assert show(result.blocks) == "De termijn is [-tien dagen-]{+vijf werkdagen+} na verzending.\n"
    assert [s.soort for s in result.steps] == ["gewijzigd"]


def test_accepting_and_rejecting_give_both_texts_back():
    old = "# Kop\n\nEen *Sociaal werk Leiden* tekst.\n\n- een\n- twee\n\nSlot oud.\n"
    new = "# Kop nieuw\n\nEen *Sociaal werk Leiden 2020* tekst.\n\n- een\n- drie\n- twee\n\nGeheel andere zin hier.\n"
    result = redline(old, new)
    a, b = markdown_to_ast(old, 0, "oud"), markdown_to_ast(new, 0, "nieuw")
    assert plain_text(accepted(result.blocks)) == plain_text(b["blocks"])
    assert plain_text(accepted(result.blocks, accept=False)) == plain_text(a["blocks"])
    assert "*" not in show(result.blocks)
    assert "Een Sociaal werk Leiden{+ 2020+} tekst." in show(result.blocks)  # compared inside the emphasis


def test_a_table_is_compared_row_by_row_and_cell_by_cell():
    old = "| Criterium | Weging |\n|---|---|\n| Kwaliteit | 60% |\n| Prijs | 40% |\n"
    new = "| Criterium | Weging |\n|---|---|\n| Kwaliteit | 55% |\n| Prijs | 40% |\n| Duurzaamheid | 5% |\n"
    [table] = redline(old, new).blocks
    rows = table["c"][4][0][3]
    cells = [[show(cell[4]).strip() for cell in row[1]] for row in rows]
    assert cells == [["Kwaliteit", "[-60%-]{+55%+}"], ["Prijs", "40%"], ["{+Duurzaamheid+}", "{+5%+}"]]


def test_an_exactly_moved_paragraph_is_a_move_not_an_edit():
    a = "Eerste alinea over de planning van de procedure.\n\nTweede alinea over de gunning en de criteria.\n\nDerde.\n"
    b = "Tweede alinea over de gunning en de criteria.\n\nEerste alinea over de planning van de procedure.\n\nDerde.\n"
    steps = [(s.soort, s.move) for s in redline(a, b).steps]
    assert sorted(steps) == [("gelijk", None), ("gelijk", None), ("verplaatst-naar", 1), ("verplaatst-van", 1)]


def test_unrelated_paragraphs_are_deleted_and_inserted_whole():
    result = redline("Een zin over iets.\n\nBlijft staan.\n", "Blijft staan.\n\nIets heel anders nu.\n")
    assert show(result.blocks) == "[-Een zin over iets.-]\nBlijft staan.\n{+Iets heel anders nu.+}\n"


def test_soft_line_breaks_are_no_change():
    result = redline("Een zin die\nverder gaat.\n", "Een zin die verder\ngaat.\n")
    assert not result.changed


def test_typst_redline_keeps_list_markers_as_text_and_compiles():
    result = redline("Tekst over 2 jaar.\n", "Tekst over - 1. = jaar.\n")
    ast = {**markdown_to_ast("x", 0, "x"), "blocks": result.blocks}
    shown = for_typst(ast)
    assert shown["blocks"][0]["c"][1] == PRELUDE
    body = ast_to_typst(with_meta(shown, {}), _body_only(), 0, "test")
    assert '#rl-ins[#""-' in body and "#rl-del[#\"\"2]" in body and "#rl-blok[" in body
    pdf = typst.compile(body.encode("utf-8"))
    assert pdf.startswith(b"%PDF")


def _body_only():
    from pathlib import Path
    import tempfile

    path = Path(tempfile.mkdtemp()) / "kaal.typ"
    path.write_text("$body$\n", "utf-8")
    return path


def test_fields_are_compared_with_lines_in_each_file():
    old = b"a:\n  titel: Oud\n  lijst:\n    - id: P1\n    - id: P2\n  datum: 2020-01-01\n"
    new = b"a:\n  titel: Nieuw\n\n  lijst:\n    - id: P1\n    - id: P9\n    - id: P2\n  extra: ja\n"
    changes = compare_fields(load_bytes(old, "oud.yaml"), load_bytes(new, "nieuw.yaml"))
    found = {(c.pad, c.soort): (c.oud, c.nieuw, c.regel_oud, c.regel_nieuw) for c in changes}
    assert found == {
        ("a.titel", "gewijzigd"): ("Oud", "Nieuw", 2, 2),
        ("a.lijst[1]", "toegevoegd"): (None, {"id": "P9"}, None, 6),
        ("a.extra", "toegevoegd"): (None, "ja", None, 8),
        ("a.datum", "verwijderd"): (dt.date(2020, 1, 1), None, 6, None),
    }
