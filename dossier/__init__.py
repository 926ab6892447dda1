"""dossier: tender dossiers for the Dutch social domain, checked and rendered from one YAML file.

Public API (stable from 0.1): ``check_file`` for the findings of one dossier file, ``build_files``
for the documents, ``Dossier`` for the model and ``Diagnostic`` for a finding.
"""

__version__ = "0.1.0"

from .diagnostics import Diagnostic, DossierError  # noqa: E402
from .model import Dossier  # noqa: E402
from .pipeline import check_file  # noqa: E402

__all__ = ["Diagnostic", "Dossier", "DossierError", "check_file", "__version__"]
