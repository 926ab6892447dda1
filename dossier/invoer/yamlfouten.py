"""Dutch for the English phrases of libyaml's syntax errors (used by ``load``)."""

from __future__ import annotations

_PHRASES = {
    "mapping values are not allowed here": "hier mag geen ':' met een waarde staan (vergeten inspringing of aanhalingstekens?)",
    "mapping values are not allowed in this context": "hier mag geen ':' met een waarde staan (verkeerde inspringing, of een ': ' in een waarde zonder aanhalingstekens?)",
    "while scanning for the next token": "",
    "while parsing a block node": "in een blok",
    "while parsing a node": "",
    "could not find expected ':'": "de ':' na een sleutel ontbreekt",
    "did not find expected key": "verwachtte een sleutel op deze inspringing",
    "did not find expected node content": "verwachtte hier een waarde",
    "found unexpected end of stream": "het bestand houdt onverwacht op",
    "found unexpected end of stream while scanning a quoted scalar": "een aanhalingsteken wordt niet gesloten",
    "while scanning a quoted scalar": "in een tekst tussen aanhalingstekens",
    "while parsing a block mapping": "in een blok met sleutels",
    "while parsing a block collection": "in een lijst",
    "while parsing a flow sequence": "in een lijst tussen [ ]",
    "while parsing a flow mapping": "in een blok tussen { }",
    "while parsing a flow node": "in een waarde tussen haakjes",
    "while scanning a simple key": "bij het lezen van een sleutel",
    "did not find expected ',' or ']'": "verwachtte ',' of ']'",
    "did not find expected ',' or '}'": "verwachtte ',' of '}'",
    "did not find expected '-' indicator": "verwachtte een lijstitem ('-') op deze inspringing",
    "found character that cannot start any token": "dit teken kan hier niet beginnen",
    "found unknown escape character": "onbekende escape-reeks na een backslash",
    "while scanning an anchor": "bij het lezen van een anker (&)",
    "while scanning an alias": "bij het lezen van een verwijzing (*)",
    "while scanning a block scalar": "in een tekstblok (| of >)",
    "while scanning a directive": "in een %-directief",
}


def translate(text: str) -> str:
    """Dutch for libyaml's English phrases; unknown phrases are kept, quoted."""
    if not text:
        return ""
    if text in _PHRASES:
        return _PHRASES[text]
    if text.startswith("found character") and "cannot start any token" in text:
        return "dit teken kan hier niet beginnen (staat er een @ of ` aan het begin van een waarde? Zet die dan tussen aanhalingstekens)"
    return f"'{text}'"
