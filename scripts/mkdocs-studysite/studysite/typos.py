"""Near misses of the page grammar's keywords: ``!snipet``, ``{clam …}`` are errors, never page text."""

from __future__ import annotations


def near(word: str, keyword: str) -> bool:
    """``word`` is ``keyword`` with at most one letter added, dropped, changed or swapped with the next
    (case aside): the typos an author makes, caught instead of published."""
    a, b = word.lower(), keyword.lower()
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))
