"""The version of dossier, in a module of its own so every stage can name it without importing the package."""

__version__ = "0.2.0"
