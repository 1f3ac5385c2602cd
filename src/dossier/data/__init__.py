"""Data files: gazetteers and lexicons (see README.md here)."""
