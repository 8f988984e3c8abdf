"""A notebook of one language keeps the text written for its language only (``studysite.one_language``)."""

from __future__ import annotations

from studysite.one_language import keep

LANGUAGES = ("fr", "en")

HELPER = '''\
WORDS = {  # studysite: by language
    "fr": {"passed": "Tout est bon."},
    "en": {"passed": "All checks passed."},
}
ALT = {"fr": "une figure", "en": "a figure"}
'''

CHECKS = '''\
check((
    (lambda: len("é") == 1 and x == 1,
     "x doit valoir 1 (é, "
     "deux lignes).",
     "x should be 1."),
    (lambda: y, "y", "y too"),
))
'''


def test_a_dict_marked_by_language_keeps_the_readers_entry_only():
    english = keep(HELPER, "en", LANGUAGES)
    namespace: dict = {}
    exec(english, namespace)
    assert namespace["WORDS"] == {"en": {"passed": "All checks passed."}}, english
    assert "Tout" not in english
    # A dict keyed by the languages without the mark is code that may need both: left as it is.
    assert namespace["ALT"] == {"fr": "une figure", "en": "a figure"}
    assert keep(HELPER, "fr", ("fr",)) == HELPER  # one language: nothing to do


def test_each_check_keeps_the_readers_message_wherever_its_lines_break():
    for lang, wanted in (("fr", ["x doit valoir 1 (é, deux lignes).", "y"]), ("en", ["x should be 1.", "y too"])):
        code = keep(CHECKS, lang, LANGUAGES, checks=True)
        seen: list = []
        exec(code, {"check": seen.extend, "x": 1, "y": 1})
        assert [len(item) for item in seen] == [2, 2], code
        assert [message for _, message in seen] == wanted, code
        assert all(condition() for condition, _ in seen)
    assert keep(CHECKS, "en", LANGUAGES) == CHECKS  # checks only where asked (an exercise's notebook)


def test_code_that_does_not_parse_is_left_for_the_run_to_report():
    broken = 'WORDS = {  # studysite: by language\n    "fr": 1,\n'
    assert keep(broken, "en", LANGUAGES, checks=True) == broken
