"""mkdocs-jupyter's page cache forgets the other language's notebooks.

mkdocs-jupyter (0.26) caches each converted notebook by content and, after a build, deletes
every cache entry that build did not use. mkdocs-static-i18n builds the languages one after
the other, so the Korean build deletes the English entries and the English build the Korean
ones: every rebuild converted all six notebooks again. Before the deletion, count as used the
entry of every notebook the site has now, in any language; entries of notebooks that changed
or went away are still deleted.

Upstream: the cache answers danielfrg/mkdocs-jupyter issue 161; no issue is filed yet for its
eviction under mkdocs-static-i18n.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(100)  # before mkdocs-jupyter's own on_post_build deletes what it did not use
def on_post_build(config, **kwargs):
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or not jupyter.config["cache"]:
        return
    from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path

    for notebook in Path(config.docs_dir).rglob("*.ipynb"):
        for pattern in jupyter.config["include"]:
            if notebook.relative_to(config.docs_dir).match(pattern):
                key = _compute_cache_key(str(notebook), jupyter.config, jupyter.config["execute"])
                jupyter._used_cache_paths.add(_get_cache_path(jupyter.config["cache_dir"], key))
                break
