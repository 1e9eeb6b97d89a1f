"""Layer 2, the records: data/ read, checked one file at a time and together, and written (`rid new`).

YAML with line and column, the bibliography, the interface text's check, the build date of the
inputs. Imports the model only.
"""
