"""One switch that stops every run of this process at once: Ctrl-C, or a server shutting down.

Runs go on in several places at the same time (the snippets' workers in the main thread, the labs'
kernels in another, a fresh clone's first runs behind ``mkdocs serve``), and a Ctrl-C reaches only
the main thread. So whoever sees it flips this switch, and every loop that waits on a process
looks at it at least every ``POLL`` seconds: it stops its processes, removes what it staged and
raises ``Cancelled``, which callers let through without blaming any snippet or lab for it.
"""

from __future__ import annotations

import threading

POLL = 0.2  # seconds between two looks at the switch while waiting on a process

_switch = threading.Event()


class Cancelled(Exception):
    """The run was stopped from outside (Ctrl-C, a shutdown): nothing failed."""

    def __init__(self, message: str = "stopped"):
        super().__init__(message)


def stop() -> None:
    _switch.set()


def stopped() -> bool:
    return _switch.is_set()


def check() -> None:
    """Raise ``Cancelled`` once the switch is on."""
    if _switch.is_set():
        raise Cancelled()


def reset() -> None:
    """A new start in the same process (a test, a new serve session)."""
    _switch.clear()
