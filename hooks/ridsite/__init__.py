"""Records about regular institutional dialogue (RID) on ICT security, turned into pages.

Nothing in this package imports MkDocs: the thin adapter is ``hooks/mkdocs_hooks.py``.
"""
