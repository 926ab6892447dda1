"""Stage 6, output: pandoc, Word, PDF, the manifest and the atomic write of a build folder.

``formaten`` turns rendered Markdown into bytes (``pandoc`` -> ``word`` for .docx, ``pandoc`` ->
``pdf`` through Typst for PDF/A); ``manifest`` records hashes and versions; ``write`` is the only
place that touches the output folder.
"""
