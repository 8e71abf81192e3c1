"""Word lists and tables shared by the pure modules, built once at import."""

from __future__ import annotations

# Titles and words that precede a name or a number: a period after them never ends a sentence.
PREPOSITIVE_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen sen rep gov lt col maj capt cmdr sgt adm rev hon pres supt insp
    mt ft st messrs mme mlle fr sr jr no nos vol art fig op pp p ch sec dept est
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
# Abbreviations that may end a sentence when a capitalised sentence starter follows.
POSTPOSITIVE_ABBREVIATIONS = frozenset(
    """
    co corp inc ltd plc llc bros etc al esq phd
    """.split()
)
ABBREVIATIONS = PREPOSITIVE_ABBREVIATIONS | POSTPOSITIVE_ABBREVIATIONS | frozenset(
    """
    vs approx ca cf e.g i.e a.m p.m u.s u.k e.u u.n dlrs mln bln pct avg
    """.split()
)
# Words that commonly open a sentence: after an ambiguous abbreviation they tip the balance.
SENTENCE_STARTERS = frozenset(
    """
    A An The This That These Those It Its He She They We I You His Her Their Our My Your
    There Here What When Where Why How Who Which Whose Did Do Does Is Are Was Were Will Would
    Can Could Should Shall May Might Must Has Have Had But And Or So Yet If In On At For
    As After Before Since While Although Though However Meanwhile Also Then Still Now
    Mr Mrs Ms Dr Some Many Most All No Not Once Last Next Other Both Each Every
    """.split()
)
