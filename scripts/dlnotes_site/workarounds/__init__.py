"""MkDocs hooks that work around upstream quirks, one per file (listed under ``hooks:`` in
mkdocs.yml). Each says what it works around and where upstream tracks it: when upstream
fixes it, delete the file and its line in mkdocs.yml, and the tests say whether all is well.
"""
