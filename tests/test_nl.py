"""Dutch formatting through babel: amounts that never break after "€", lists joined as prose."""

from __future__ import annotations

from decimal import Decimal

from dossier import nl
from dossier.documenten.markdown import finalize
from dossier.documenten.render import FILTERS


def test_amounts_keep_the_euro_sign_with_the_number():
    assert nl.bedrag(Decimal("7000000")) == "€\u00a07.000.000"
    assert nl.bedrag(Decimal("52.3")) == "€\u00a052,30"
    assert nl.bedrag(0) == "€\u00a00"
    assert str(finalize(nl.bedrag(Decimal("62.40")))) == "€\u00a062\\,40"  # the template escaping keeps the no-break space


def test_lists_read_as_dutch_prose():
    assert nl.lijst(["a", "b", "c"]) == "a, b en c"
    assert nl.lijst(["a", "b"]) == "a en b"
    assert nl.lijst(["tekst", "json"], of=True) == "tekst of json"
    assert nl.lijst(["P1"]) == "P1"
    assert FILTERS["lijst"] is nl.lijst
