"""Markdown of the message catalogue as HTML, with raw HTML switched off.

The explanations (``uitleg``) are written by the project in Markdown. They are rendered with the
``markdown`` package, but without its raw-HTML and entity rules: a ``<`` or ``&`` in an
explanation is shown as that character, so even a careless catalogue entry cannot add markup or
script to the page. Values of a dossier never come here (see ``gegevens``).
"""

from __future__ import annotations

from functools import lru_cache

import markdown
from markupsafe import Markup


def _renderer() -> markdown.Markdown:
    renderer = markdown.Markdown(output_format="html")
    renderer.preprocessors.deregister("html_block")
    for rule in ("html", "entity", "autolink", "automail"):
        renderer.inlinePatterns.deregister(rule)
    return renderer


@lru_cache(maxsize=512)
def markdown_html(text: str) -> Markup:
    renderer = _renderer()
    return Markup(renderer.convert(text.replace("&", "&amp;")))
