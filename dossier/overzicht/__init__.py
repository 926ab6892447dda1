"""Overview (after the output stage): the dossier at a glance, as an HTML page and as figures for the documents.

``figuren`` draws the timelines of procedure and contract and the escalation ladder as SVG (made
in Python, the same bytes for the same dossier); the documents place them with
``{{ figuur("naam") }}``. ``overzicht_html`` makes ``overzicht.html``: key figures, those figures,
the lots with their award criteria, every finding of the check and the documents with their hashes.
"""

from __future__ import annotations

from .figuren import figuren
from .pagina import overzicht_html, write_page

__all__ = ["figuren", "overzicht_html", "write_page"]
