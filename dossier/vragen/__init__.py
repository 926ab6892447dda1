"""Questions and answers as data: the questions form, importing tenderers' questions, exporting a round.

``formulier`` writes the .xlsx a buyer publishes; ``lezen`` reads a tenderer's .xlsx or .csv as
hostile input; ``controles`` checks anonymity, doubles and references; ``yamlronde`` adds the
questions to the dossier file without touching anything else in it; ``exporteren`` writes an
answered round as .xlsx; ``importeren`` ties the import together. Rectificaties (answers that change
the documents) live in ``invoer.rectificaties``, because every stage after parsing needs them.
"""
