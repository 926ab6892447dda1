#!/usr/bin/env python3
"""The dossier command line from a checkout: ``python build.py controleer voorbeelden/leiden.yaml``."""

import sys

from dossier.cli import main

if __name__ == "__main__":
    sys.exit(main())
