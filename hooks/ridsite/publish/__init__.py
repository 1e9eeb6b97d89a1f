"""Layer 4, publishing: the rendered pages written out and built into the site.

`rid build` (rid_build.py, MkDocs run by runner.py, record pages stamped by stamp.py, the sitemap,
the swap into site/), plain `mkdocs build` (mkdocs_pass.py, through hooks/mkdocs_hooks.py), the
published addresses (permalinks.py). Imports the layers below.
"""
