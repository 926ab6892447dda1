"""Stage 1-2, input: a YAML file -> a typed, positioned ``Dossier``.

``load`` reads the bytes into plain data with the line and column of every key and item (stage 1,
codes D1xx); ``parse`` validates that data into the strict pydantic ``model`` (stage 2, codes D2xx);
``types`` holds the value types that refuse what hand-written YAML gets wrong most often.
"""
