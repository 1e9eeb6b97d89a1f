"""Layer 1, the model: what a record is, with no file read and no page made.

The languages, dates, the kinds of record and their fields (schema, kinds), the loaded corpus and
its indexes, addresses (slugs), interface text and CLDR grammar, references to cite. Imports
nothing else of the package.
"""
