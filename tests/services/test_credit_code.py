"""The unified social credit code check character (GB 32100-2015)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reqdesk.services import credit_code

BODY = st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=8, max_size=8)
REGION = st.text(alphabet="0123456789", min_size=6, max_size=6)


def test_the_standards_published_example_is_valid() -> None:
    """The example code printed in GB 32100-2015 verifies."""
    assert credit_code.is_valid("91350100M000100Y43")


@given(REGION, BODY)
def test_made_codes_are_always_valid(region: str, body: str) -> None:
    """make_code produces 18 characters with a correct check character."""
    code = credit_code.make_code(region, body)
    assert len(code) == 18 and credit_code.is_valid(code)


@given(REGION, BODY, st.integers(min_value=0, max_value=16), st.integers(1, 30))
def test_changing_one_character_is_detected(
    region: str, body: str, position: int, shift: int
) -> None:
    """Any single substituted character makes the code invalid (mod-31 check)."""
    code = credit_code.make_code(region, body)
    alphabet = credit_code.ALPHABET
    changed = alphabet[(alphabet.index(code[position]) + shift) % 31]
    broken = code[:position] + changed + code[position + 1 :]
    assert not credit_code.is_valid(broken)


def test_wrong_lengths_and_letters_are_invalid() -> None:
    """Short codes and the excluded letters I, O, Z, S, V are refused."""
    assert not credit_code.is_valid("91350100M000100Y4")
    assert not credit_code.is_valid("91350100M000100YO3")
