"""Stages 4-5, documents: template sets, the template context and rendering to Markdown.

``sjabloonsets`` resolves the chain of template sets and their house style once per build;
``context`` gives templates the model, the derived facts and the procedure's words; ``render``
runs the sandboxed Jinja2 templates; ``markdown`` makes every value literal text for pandoc.
"""
