"""Review: compare two versions of a dossier's documents, and write the result as tracked changes.

The comparison core works on pandoc blocks and knows nothing of dossiers, so every review feature
(the redline of ``vergelijk``, reading a lawyer's Word file back, the deviation report of a
template set) shares it:

- ``ast_diff.compare_blocks(old, new, marks)``: two lists of pandoc blocks -> one list with
  ``insertion``/``deletion`` spans (pandoc's own vocabulary for Word revisions), plus one ``Step``
  per top-level block saying how it changed;
- ``marks``: the revision spans and the walks over an AST that read them;
- ``redline_word`` / ``redline_pdf``: what Word and Typst need beyond pandoc to show the revisions;
- ``redline``: two versions of a dossier compared document by document and written through ``produce``;
- ``velden``: which YAML fields changed (path, old, new, line in each file);
- ``samenvatting``: the summary of a comparison, as text and JSON;
- ``bouwmap``: a build folder read back as a version;
- ``revisies``: accept or reject all revisions of a Word file (what Word's Review tab does).
"""
