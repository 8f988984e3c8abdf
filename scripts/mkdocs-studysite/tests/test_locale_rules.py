"""The shipped per-language rules for a word after a value (``{value name:spec|word}``): the Korean
particles, chosen by how the value as shown is read aloud."""

from __future__ import annotations

import pytest

from studysite import strings
from studysite.locales import ko


@pytest.mark.parametrize(("shown", "read_as", "i_ga", "euro", "ira"), [
    ("1", "일", "이", "로", "이라는"),          # ㄹ: (으)로 as after a vowel
    ("2", "이", "가", "로", "라는"),
    ("3.0", "영", "이", "으로", "이라는"),      # 삼 점 영
    ("10", "십", "이", "으로", "이라는"),
    ("20", "십", "이", "으로", "이라는"),       # 이십
    ("100", "백", "이", "으로", "이라는"),
    ("1,000", "천", "이", "으로", "이라는"),
    ("10000", "만", "이", "으로", "이라는"),
    ("100000000", "억", "이", "으로", "이라는"),
    ("1000000000000", "조", "가", "로", "라는"),
    ("5.40", "영", "이", "으로", "이라는"),      # 오 점 사 영, not 오 점 사
    ("4.6", "육", "이", "으로", "이라는"),
    ("0", "영", "이", "으로", "이라는"),
    ("0.337", "칠", "이", "로", "이라는"),
    ("8", "팔", "이", "로", "이라는"),
    ("−0.25", "오", "가", "로", "라는"),
    ("0.09", "구", "가", "로", "라는"),
    ("12.5%", "트", "가", "로", "라는"),        # 십이 점 오 퍼센트
    ("1.5 × 10<sup>15</sup>", "승", "이", "으로", "이라는"),  # 10의 15승
    ("3.2e-06", "승", "이", "으로", "이라는"),
])
def test_a_particle_follows_the_last_syllable_the_value_is_read_with(shown, read_as, i_ga, euro, ira):
    assert ko.last_syllable(shown) == read_as
    assert (ko.attach(shown, "가"), ko.attach(shown, "으로"), ko.attach(shown, "라는")) == (i_ga, euro, ira)


@pytest.mark.parametrize("written", ["이", "가", "이(가)", "이/가"])
def test_any_form_of_a_particle_names_the_pair(written):
    assert (ko.attach("4.6", written), ko.attach("2", written)) == ("이", "가")


@pytest.mark.parametrize(("shown", "pair"), [("3", ("은", "은", "을", "을", "과", "과")),
                                             ("5", ("는", "는", "를", "를", "와", "와"))])
def test_topic_object_and_with_particles(shown, pair):
    assert tuple(ko.attach(shown, p) for p in ("은", "는", "을", "를", "과", "와")) == pair


@pytest.mark.parametrize(("after", "loose"), [("로 줄어듭니다", "로"), ("이 됩니다", "이"), ("라는 값", "라는"),
                                              ("(으)로 ", "(으)로"), ("과 ", "과"), ("이고 ", None), ("입니다.", None),
                                              ("개로 ", None), ("에서 ", None), ("배가 ", None), (" 로", None)])
def test_a_particle_written_outside_the_marker_is_found(after, loose):
    assert ko.loose(after) == loose


def test_a_word_the_rules_do_not_know_or_a_value_they_cannot_read_is_a_clear_error():
    with pytest.raises(ValueError, match="'에서' is not a particle"):
        ko.attach("2", "에서")
    with pytest.raises(ValueError, match="cannot tell how 'abc' is read"):
        ko.attach("abc", "이")


def test_a_language_without_rules_refuses_a_word_in_a_marker():
    assert strings.grammar("en") is None and strings.loose_word("en", "to 3") is None
    with pytest.raises(ValueError, match="no rules for words after a value in 'en'"):
        strings.attach("en", "2", "to")
    assert strings.attach("ko", "2", "(으)로") == "로"
