"""dossier: a sourced knowledge base of armed groups, built from news text."""

__version__ = "0.1.0"
