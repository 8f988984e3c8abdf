"""Sentences bound to the asserts that prove them, and numbers quoted from a run.

In a snippet, an ``assert`` names the claims it proves with a trailing comment::

    assert np.isclose(mae_units, 1000 * mae_thousands)  # claim: mae-scales-with-unit

In a page, a sentence cites it, like a footnote, and quotes values the snippet computed::

    Change the unit and the MAE changes by the same factor. {claim mae-scales-with-unit}
    The MAE is {value mae_in_thousands.mae_units:,.0f} units.

A value is any top-level number of the snippet (or an item of a short list or dict of
numbers: ``name[0]``, ``name[key]``), recorded when it ran. ``{value name}`` without the
snippet's name looks in the snippets the page embeds. ``{value name:spec|word}`` carries the
word that follows the value where its form depends on how the value is read (a particle, in
languages that have them): the page language's rules in ``locales/<lang>.py`` choose the form,
and a page of such a language may not write that word outside the marker. A marker that names nothing, or
anything that starts like a marker and does not parse, fails the build with its page and line.
"""

from __future__ import annotations

import ast
import html
import io
import math
import numbers
import re
import tokenize

from . import typos

CLAIM_ID = r"[a-z0-9][a-z0-9-]*"
_CLAIM_COMMENT = re.compile(r"^#\s*claim:\s*(?P<ids>.*)$")
# ``{claim`` / ``{value`` and near misses (``{clam``, ``{Value``): each must parse, or it is an error.
STARTS_LIKE_A_MARKER = re.compile(r"\{\s*(?P<word>[A-Za-z]+)")
MARKER = re.compile(
    r"\{claim (?P<claims>" + CLAIM_ID + r"(?:, ?" + CLAIM_ID + r")*)\}"
    r"|\{value (?P<ref>(?:[A-Za-z_]\w*\.)?[A-Za-z_]\w*(?:\[[\w.-]+\])?)(?::(?P<spec>[^{}|\n]*))?"
    r"(?:\|(?P<word>[^{}|\s]+))?\}"
)
MAX_ITEMS = 50  # a list or dict longer than this is data, not a value prose quotes


class ClaimError(Exception):
    """A claim comment that cannot be used, with its line in the snippet."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


# --- In snippets: which assert proves which claim ---------------------------------------------


def said_above(lines: list[str], line: int) -> list[str]:
    """The comment lines right above line ``line`` (1-based), up to a blank or code line: what the assert there
    checks, in words (``# fr: ...`` / ``# en: ...``; section markers are not words)."""
    found = []
    for text in reversed(lines[:line - 1]):
        text = text.strip()
        if not text.startswith("#") or text.startswith("# --8<--"):
            break
        found.append(text)
    return found[::-1]


def said_in(said: list[str], lang: str, languages: tuple[str, ...]) -> str:
    """The words of ``said`` (``said_above``) in ``lang``: its ``# lang:`` lines, joined."""
    from .bilingual import split_comment

    return " ".join(text for line in said if (texts := split_comment(line, languages)) and (text := texts.get(lang)))


def claims_of(source: str) -> dict[str, dict]:
    """``{claim id: {"line": first line of its assert, "code": the assert, "said": the comment lines above it}}``
    for one snippet."""
    tree = ast.parse(source)
    lines = source.splitlines()
    asserts = [node for node in ast.walk(tree) if isinstance(node, ast.Assert)]
    found: dict[str, dict] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.COMMENT or not (match := _CLAIM_COMMENT.match(token.string)):
            continue
        row = token.start[0]
        owner = next((a for a in asserts if a.lineno <= row <= a.end_lineno), None)
        if owner is None:
            raise ClaimError(row, "a `# claim:` comment belongs on the line of an `assert`")
        for claim in (part.strip() for part in match["ids"].split(",")):
            if not re.fullmatch(CLAIM_ID, claim):
                raise ClaimError(row, f"claim id {claim!r}: lowercase letters, digits and '-'")
            if claim in found:
                raise ClaimError(row, f"claim '{claim}' is named twice (first at line {found[claim]['line']})")
            found[claim] = {"line": owner.lineno, "code": ast.get_source_segment(source, owner),
                            "said": said_above(lines, owner.lineno)}
    return found


def strip_claim_comments(code: str) -> str:
    """The code as a reader sees it: the claim comments are shown as check marks on the page instead."""
    return re.sub(r"[ \t]*#\s*claim:[^\n]*", "", code)


# --- In snippets: the values a page may quote ---------------------------------------------------


def _number(value):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    value = value.item() if hasattr(value, "item") else value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def values_of(namespace: dict) -> dict:
    """The top-level numbers of a finished snippet (and short lists and dicts of numbers)."""
    found = {}
    for name, value in namespace.items():
        if name.startswith("_"):
            continue
        if hasattr(value, "tolist") and getattr(value, "ndim", None) in (0, 1):
            value = value.tolist()
        if (number := _number(value)) is not None:
            found[name] = number
        elif isinstance(value, (list, tuple)) and 0 < len(value) <= MAX_ITEMS:
            items = [_number(v) for v in value]
            if None not in items:
                found[name] = items
        elif isinstance(value, dict) and 0 < len(value) <= MAX_ITEMS and all(isinstance(k, str) for k in value):
            items = {k: _number(v) for k, v in value.items()}
            if None not in items.values():
                found[name] = items
    return found


# --- In pages: markers and value references --------------------------------------------------


class MarkerError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def format_value(value, spec: str | None) -> str:
    """``spec`` is a Python format spec (``.3f``, ``,.0f``, ``.1%``), or ``sci`` / ``sciN``: 1.5 × 10^15."""
    spec = (spec or "").strip()
    if spec.startswith("sci"):
        digits = int(spec[3:] or 1)
        mantissa, exponent = f"{value:.{digits}e}".split("e")
        return f"{mantissa} × 10<sup>{int(exponent)}</sup>"
    text = format(value, spec)
    return text.replace("-", "−") if text.startswith("-") else text


def _lookup(values: dict, ref: str):
    name, _, key = ref.partition("[")
    if name not in values:
        return None, f"no value '{name}'"
    value = values[name]
    if not key:
        if isinstance(value, (list, dict)):
            return None, f"'{name}' is a list or dict: write {name}[0] or {name}[key]"
        return value, None
    key = key.rstrip("]")
    if isinstance(value, list):
        if not key.lstrip("-").isdigit() or not -len(value) <= int(key) < len(value):
            return None, f"'{name}' has {len(value)} items: no item [{key}]"
        return value[int(key)], None
    if isinstance(value, dict) and key in value:
        return value[key], None
    return None, f"'{name}' has no item [{key}]"


def resolve_value(ref: str, results: dict[str, dict], embedded: list[str]):
    """The value ``ref`` names: ``stem.name`` in the snippet of that file name, or ``name`` in one of
    the snippets the page embeds. Returns (value, snippet) or raises LookupError with the reason."""
    stem, dot, rest = ref.partition(".")
    if dot and "[" not in stem:
        owners = [rel for rel in results if rel.rsplit("/", 1)[-1] == f"{stem}.py"]
        if not owners:
            raise LookupError(f"no snippet named {stem}.py")
        value, problem = _lookup(results[owners[0]].get("values", {}), rest)
        if problem:
            raise LookupError(f"snippets/{owners[0]}: {problem}")
        return value, owners[0]
    hits = []
    for rel in dict.fromkeys(embedded):
        value, problem = _lookup(results.get(rel, {}).get("values", {}), ref)
        if problem is None:
            hits.append((value, rel))
    if len(hits) == 1:
        return hits[0]
    if not hits:
        where = ", ".join(f"snippets/{rel}" for rel in dict.fromkeys(embedded)) or "none"
        raise LookupError(f"no snippet this page embeds has a value '{ref}' (it embeds: {where}); "
                          "write {value <snippet file name>." + ref + "}")
    raise LookupError(f"'{ref}' is in several snippets this page embeds ({', '.join(r for _, r in hits)}): "
                      "write {value <snippet file name>." + ref + "}")


def find_markers(markdown: str):
    """Every claim marker and value reference, as (match, line); raises MarkerError on anything
    that starts like one and does not parse."""
    found = []
    for start in STARTS_LIKE_A_MARKER.finditer(markdown):
        if not (typos.near(start["word"], "claim") or typos.near(start["word"], "value")):
            continue
        line = markdown.count("\n", 0, start.start()) + 1
        match = MARKER.match(markdown, start.start())
        if match is None:
            snippet = markdown[start.start():].split("\n", 1)[0][:60]
            raise MarkerError(line, f"cannot read `{snippet}`: write {{claim some-id}} or "
                                    "{value snippet_name.variable:.2f}")
        found.append((match, line))
    return found


def claim_html(claim: str, proof: dict, rel: str, href: str, lang_text, folder: str = "snippets") -> str:
    """One claim's check mark (a group of one: ``claims_html``)."""
    return claims_html([(claim, proof, rel, href)], lang_text, folder)


def claims_html(cited: list[tuple[str, dict, str, str]], lang_text, folder: str = "snippets", *,
                example_title=None, number: int = 0, said=None) -> str:
    """The check mark of a sentence: one button (with a count when it cites several claims) that
    opens, in place, what was checked in the page's language, each assert beneath and a link to its
    line. ``cited`` holds (claim, its proof, its snippet, the URL of the snippet's line);
    ``example_title(rel)`` names an example as readers know it. ``assets/studysite.js`` opens it
    on a tap, a click or Enter, and Escape closes it; without script the button shows nothing more.
    ``said(proof)`` is what an assert checks in the page's language, in words (the comment above it), or ""."""
    box = f"claim-{number}-{cited[0][0]}"
    count = len(cited)
    titles = list(dict.fromkeys((example_title or (lambda rel: f"{folder}/{rel}"))(rel) for _, _, rel, _ in cited))
    label = lang_text("claim_label") if count == 1 else lang_text("claim_label_many").format(count=count)
    intro = lang_text("claim_intro").format(example=", ".join(titles))
    items, words = [], []
    for claim, proof, rel, href in cited:
        text = said(proof) if said else ""
        if text and text not in words:
            words.append(text)
        where = html.escape(lang_text("claim_where").format(file=f"{folder}/{rel}", line=proof["line"]))
        link = f'<a href="{html.escape(href, quote=True)}">{where}</a>' if href else where
        items.append(f'<span class="claim-check" data-claim="{claim}">'
                     f'<code class="claim-assert">{html.escape(proof["code"])}</code>'
                     f'<span class="claim-where">{link}</span></span>')
    shown = "✓" + (f'<span class="claim-count">{count}</span>' if count > 1 else "")
    # data-search-exclude: Material's search indexes the sentence, not the details (the attribute leaves the
    # page). Its parser matches a closing tag by name only, so the group is the one element of its kind here.
    return (f'<small class="claim-group" data-search-exclude="true">'
            f'<button type="button" class="claim" aria-expanded="false" '
            f'aria-controls="{box}" aria-label="{html.escape(label, quote=True)}" '
            f'data-claims="{" ".join(c for c, *_ in cited)}">{shown}</button>'
            f'<span class="claim-details" id="{box}" role="note" hidden>'
            f'<span class="claim-intro">{html.escape(intro)}</span>'
            + "".join(f'<span class="claim-said">{_with_code(text)}</span>' for text in words) +
            f'<span class="claim-asserts-label">{html.escape(lang_text("claim_asserts"))}</span>'
            f'{"".join(items)}</span></small>')


def _with_code(text: str) -> str:
    """Words escaped, with `names` in backticks in code font, as on the page."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


SENTENCE_END = re.compile(r"[.!?](?:\s*\{claim [^}]*\})*(?=\s|$)")


def sentences(text: str) -> list[str]:
    """The sentences of a short answer; markers after a full stop belong to the sentence before it."""
    text, found, start = " ".join(text.split()), [], 0
    for end in SENTENCE_END.finditer(text):
        found.append(text[start:end.end()].strip())
        start = end.end()
    found.append(text[start:].strip())
    return [s for s in found if s]
