"""Where a run's snippets execute besides the local worker pool (``pool.WorkerPool``).

An executor has the pool's interface: ``run(tasks, on_start)`` yields ``(task, result)`` as each
task ends, where ``result`` is a worker's result dict (its figures already written into the
task's local staging folder) or a ``pool.Stopped``; ``close()`` stops everything at once. The
runner publishes results the same way whatever ran them, so outputs are the same bytes.
"""

from __future__ import annotations


class ClusterError(Exception):
    """The cluster cannot be used at all (no scheduler there, Dask not installed): one line for the author."""


def cluster_pool(project):
    """The executor for the ``cluster`` option: the snippets run on a Dask cluster's workers."""
    from .dask_cluster import ClusterPool

    return ClusterPool(project.settings.cluster, project)
