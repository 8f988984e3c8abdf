"""Korean: the particle after a quoted value takes the form that the value, read aloud, asks for.

A Korean particle has two forms, one after a final consonant (받침) and one after a vowel:
``이/가``, ``은/는``, ``을/를``, ``과/와``, ``이라는/라는``, ``으로/로`` (after ㄹ, ``로`` as after a
vowel). After a number the form follows the number's reading, not its digits: ``10`` is 십 (→ 이),
``5.40`` is 오 점 사 영 (→ 으로), ``30%`` is 삼십 퍼센트 (→ 가), ``1.5 × 10^15`` ends in 승 (→ 이).

A general particle library was tried and left out: it reads a decimal as a number, so ``5.40``
ends in 사 (→ 로) where a reader says 영, and it does not read ``%`` or a power of ten.
"""

from __future__ import annotations

import re

DIGITS = "영일이삼사오육칠팔구"
SMALL_UNITS = ("", "십", "백", "천")  # 10, 100, 1000
LARGE_UNITS = ("", "만", "억", "조", "경")  # 10^4, 10^8, ...
PERCENT = "트"  # 퍼센트
POWER = "승"  # 1.5 × 10의 15승, 3.2e-06: 10의 마이너스 6승

# Each particle: (after a final consonant, after a vowel); ``ㄹ_as_vowel``: the (으)로 family.
PAIRS = [
    ("이", "가"), ("은", "는"), ("을", "를"), ("과", "와"),
    ("으로", "로"), ("으로서", "로서"), ("으로써", "로써"), ("으로는", "로는"), ("으로도", "로도"),
    ("이라는", "라는"), ("이라고", "라고"), ("이라서", "라서"), ("이라면", "라면"), ("이란", "란"),
    ("이나", "나"), ("이랑", "랑"), ("이든지", "든지"), ("이라도", "라도"),
]
_FORMS: dict[str, tuple[str, str]] = {}
for _pair in PAIRS:
    _consonant, _vowel = _pair
    for _form in (_consonant, _vowel, f"({_consonant[:-len(_vowel)]}){_vowel}" if _consonant.endswith(_vowel) else None,
                  f"{_consonant}({_vowel})", f"{_vowel}({_consonant})", f"{_consonant}/{_vowel}"):
        if _form:
            _FORMS.setdefault(_form, _pair)
_LOOSE = re.compile("(" + "|".join(sorted(map(re.escape, _FORMS), key=len, reverse=True))
                    + r")(?![가-힣])")


def final_consonant(syllable: str) -> int:
    """The index of a syllable's final consonant: 0 for none, 8 for ㄹ."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        raise ValueError(f"{syllable!r} is not a Hangul syllable")
    return code % 28


def last_syllable(shown: str) -> str:
    """The last syllable a reader says for a value as the page shows it (its HTML, its format)."""
    text = re.sub(r"<sup>.*?</sup>", "^", shown).strip()
    text = re.sub(r"<[^>]+>", "", text).replace(",", "").replace("−", "-").strip()
    if re.search(r"\^|\d[eE][-+]?\d", text):
        return POWER
    if text.endswith("%"):
        return PERCENT
    match = re.fullmatch(r"[-+]?(\d+)(?:\.(\d+))?", text)
    if match is None:
        raise ValueError(f"cannot tell how {shown!r} is read: a particle follows a number")
    whole, decimals = match.groups()
    if decimals:  # 오 점 사 영: the digits after the point are read one by one
        return DIGITS[int(decimals[-1])]
    if int(whole) == 0:
        return DIGITS[0]
    zeros = len(whole) - len(whole.rstrip("0"))
    if zeros == 0:
        return DIGITS[int(whole[-1])]
    if zeros % 4:
        return SMALL_UNITS[zeros % 4]
    if zeros // 4 >= len(LARGE_UNITS):
        raise ValueError(f"{shown!r} is too large to read")
    return LARGE_UNITS[zeros // 4]


def attach(shown: str, particle: str) -> str:
    """The form of ``particle`` (either form, or ``(으)로``, ``이(가)``...) that follows ``shown``."""
    pair = _FORMS.get(particle)
    if pair is None:
        raise ValueError(f"'{particle}' is not a particle whose form depends on the word before it "
                         f"(known: {', '.join(c + '/' + v for c, v in PAIRS)})")
    consonant, vowel = pair
    final = final_consonant(last_syllable(shown))
    if final == 0 or (final == 8 and consonant.startswith("으로")):
        return vowel
    return consonant


def loose(after: str) -> str | None:
    """A particle written right after a value outside its marker (whose form nobody chose), if any."""
    match = _LOOSE.match(after)
    return match[1] if match else None
