"""A check mark says what its assert checks in words, in the page's language: the comment right above the assert."""

from __future__ import annotations

from studysite import claims

SOURCE = '''\
import math

# --8<-- [start:mean]
mean = sum([1, 2, 3]) / 3
# --8<-- [end:mean]
# fr: La moyenne de 1, 2 et 3 est 2,
# fr: au millième près.
# en: The mean of 1, 2 and 3 is 2,
# en: to a thousandth.
assert math.isclose(mean, 2, abs_tol=1e-3)  # claim: mean-is-two

assert mean > 0  # claim: mean-positive
# --8<-- [start:other]
assert mean < 3  # claim: mean-below-three
'''
LANGUAGES = ("fr", "en")


def test_the_comment_above_an_assert_is_what_it_checks_in_each_language():
    said = claims.claims_of(SOURCE)["mean-is-two"]["said"]
    assert claims.said_in(said, "en", LANGUAGES) == "The mean of 1, 2 and 3 is 2, to a thousandth."
    assert claims.said_in(said, "fr", LANGUAGES) == "La moyenne de 1, 2 et 3 est 2, au millième près."
    # A blank line, code or a section marker ends the words: these asserts have none.
    proofs = claims.claims_of(SOURCE)
    assert proofs["mean-positive"]["said"] == [] and proofs["mean-below-three"]["said"] == []


def test_the_mark_shows_the_words_escaped_before_the_code():
    proofs = claims.claims_of(SOURCE.replace("to a thousandth.", "to a <b>thousandth</b>."))
    text = {"claim_label": "checked", "claim_intro": "Checked by {example}.", "claim_asserts": "The code:",
            "claim_where": "{file}, line {line}", "claim_label_many": "{count} checks"}
    page = claims.claims_html([("mean-is-two", proofs["mean-is-two"], "mean.py", "#L-10"),
                               ("mean-positive", proofs["mean-positive"], "mean.py", "#L-12")],
                              text.__getitem__, said=lambda proof: claims.said_in(proof["said"], "en", LANGUAGES))
    words = '<span class="claim-said">The mean of 1, 2 and 3 is 2, to a &lt;b&gt;thousandth&lt;/b&gt;.</span>'
    assert words in page, page
    assert page.index(words) < page.index('<code class="claim-assert">'), "the words come before the code"
    assert page.count('class="claim-said"') == 1, "an assert without words adds none"
