"""``python -m dossier``."""

import sys

from .cli import main

if __name__ == "__main__":  # a spawned worker that imports this module must not run the command again
    sys.exit(main())
