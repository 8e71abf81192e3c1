"""wordcues.WordCue answers as the regexes it stands in for, on any text and any slice of it."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.lib import dates, figures
from pipelines.lib.wordcues import WordCue, prefix_tree

# (the cue, the regex it must answer as: ``(?i)(?:\b|(?<=rs)|(?<=rs\.))(?:dozen|eight|...)`` and the like)
CUES = {name: (cue, cue.regex) for name, cue in {
    "number words": figures._NUMBER_WORD_CUE,
    "months": dates._MONTH_CUE,
    "quarter codes": dates._QUARTER_CODE,
    "future words": dates._FUTURE,
}.items()}


def test_the_regexes_are_the_cues_as_written_before():
    """What each cue stands for, as the modules wrote it as a regex until they used the cue."""
    assert CUES["months"][1].pattern == r"(?:\b)(?:" + "|".join(sorted(
        "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC".split("|"))) + ")"
    assert CUES["future words"][1].flags & re.IGNORECASE and CUES["future words"][1].pattern.endswith(r")\b")
    assert CUES["number words"][1].pattern.startswith(r"(?i)(?:\b|(?<=rs)|(?<=rs\.))(?:")

PIECES = ["twelve", "Twelve", "TEN", "often", "tenth", "one", "none", "hundred", "Dozen", "half", "ſix", "fıve", "İten",
          "Rs", "Rs.", "rs", "RS.", "Jan", "JAN", "Janet", "jan", "MAY", "May", "Q3", "h1", "q5", "H4s", "will", "WILL",
          "willing", "plans", "planned", "plane", "to be", "to", "be", "TO BE", "due", "ſhall", "expects", "Kelvin",
          "ß", "ﬀ", "é", "_", "1", "-", ".", ",", "'", "\u0345", "K"]
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80) | st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", " ", "", "-", "_"])), max_size=20
).map(lambda parts: "".join(w + sep for w, sep in parts))


@settings(max_examples=1500, deadline=None)
@given(TEXT, st.integers(0, 100), st.integers(0, 100), st.sampled_from(sorted(CUES)))
def test_a_cue_answers_as_its_regex_on_any_slice(text, a, b, name):
    cue, regex = CUES[name]
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    assert cue.search(text, start, end) == (regex.search(text, start, end) is not None)


@pytest.mark.parametrize(("name", "text", "start", "found"), [
    ("number words", "Exports rose by twelve percent.", 0, True),
    ("number words", "It happened often.", 0, False),           # "ten" inside a word
    ("number words", "Rs.five lakh", 0, True),                   # after "Rs." as a currency
    ("number words", "The fıve-year plan", 0, True),             # (?i) takes the dotless i for an i
    ("number words", "often", 2, False),                         # the text before the slice is seen
    ("months", "Janet Yellen spoke.", 0, True),                  # a cue, not a date: no boundary after
    ("months", "In mid-January", 0, True),
    ("months", "The jan figures", 0, False),                     # case-sensitive
    ("months", "MidJan", 0, False),
    ("quarter codes", "Q3 sales rose", 0, True),
    ("quarter codes", "AQ3 sales", 0, False),
    ("future words", "Talks will resume.", 0, True),
    ("future words", "He was willing.", 0, False),               # a whole word only
    ("future words", "The merger is due to be approved", 0, True),
    ("future words", "They plan.", 0, True),
])
def test_cues(name, text, start, found):
    cue, regex = CUES[name]
    assert cue.search(text, start) is found
    assert (regex.search(text, start) is not None) is found


@pytest.mark.parametrize("words", [["ten", "two"], ["six", "sixty", "sixteen"], ["a"], ["to be", "to"], ["Jan", "JAN", "Jun"]])
def test_a_prefix_tree_matches_its_words_and_no_other(words):
    import re

    tree = re.compile(prefix_tree(words))
    assert all(tree.fullmatch(w) for w in words)
    others = ({w[:i] for w in words for i in range(len(w))} | {w + "x" for w in words}) - set(words)
    assert not any(tree.fullmatch(o) for o in others)


def test_a_word_lengthened_by_case_folding_falls_back_to_the_regex():
    cue = WordCue(["strasse"])
    assert cue.search("Die STRASSE") and cue.search("die straße") is False  # the regex: (?i) does not fold ß
