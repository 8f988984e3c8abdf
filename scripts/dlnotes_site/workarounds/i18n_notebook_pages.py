"""mkdocs-static-i18n turns mkdocs-jupyter's notebook pages back into plain files.

Upstream: ultrabug/mkdocs-static-i18n issue 198. i18n rebuilds the file list after
mkdocs-jupyter has made its notebooks pages, so they would be copied as raw .ipynb; make
them notebook pages again, keeping the destination i18n gave them.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority


@event_priority(-200)  # after mkdocs-static-i18n (-100) has laid out this language's files
def on_files(files, config, **kwargs):
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None:
        return files
    from mkdocs_jupyter.plugin import NotebookFile

    for file in list(files):
        if file.src_uri.endswith(".ipynb") and not isinstance(file, NotebookFile) and jupyter.should_include(file):
            notebook = NotebookFile(file, **config)
            notebook.dest_uri, notebook.abs_dest_path, notebook.url = file.dest_uri, file.abs_dest_path, file.url
            files.remove(file)
            files.append(notebook)
    return files
