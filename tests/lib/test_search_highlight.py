import pytest

from pipelines.cli import _bold


@pytest.mark.parametrize("word, shown", [
    ("billion,", "**billion**,"),
    ("$11", "$**11**"),
    ("U.S.", "**U.S.**"),  # an abbreviation keeps its stop
    ("U.S.,", "**U.S.**,"),
    ("(Taiwan's)", "(**Taiwan's**)"),
    ("tonnes.", "**tonnes**."),
    ("...", "**...**"),
])
def test_a_matching_word_is_bolded_without_the_punctuation_around_it(word, shown):
    assert _bold(word, ("**", "**")) == shown
