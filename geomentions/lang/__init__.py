"""Language data (word lists only, no logic), one module per language: ``en``, ``ar``, ``ru``."""
