"""Layer 3, rendering: the records as pages and files for one language, with no MkDocs object.

pages.py is the base every page uses (Page, Site, Renderer, the Jinja environment, paging); the
feature modules add pages of their own; assemble.py, at the top, composes the whole site from
them. Imports the model and the records.
"""
