"""Paragraph and sentence segmentation with character offsets.

A rule-based segmenter: candidate boundaries are runs of terminal punctuation
followed by whitespace; abbreviations, initials, numbers, ellipses, quotes and
enumerated lists decide which candidates are real. Offsets are Python string
indices (Unicode code points), end exclusive, with surrounding whitespace
excluded, so ``text[start:end]`` is always the segment.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipelines.lib import resources as R


class Span(NamedTuple):
    start: int
    end: int


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_NONSPACE = re.compile(r"\S")

# A terminal run: ., !, ?, …, spaced ellipses, then closing quotes/brackets.
_TERMINAL = re.compile(
    r"""(?P<punct>(?:\.[ ]\.[ ]\.(?:[ ]\.)?|\.{2,}|…|[.!?]+[!?.]*))"""
    r"""(?P<close>["'”’»)\]]*)"""
    r"""(?=\s+(?P<next>\S+)|$)""",
)
_DOTTED_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_WORD_BEFORE = re.compile(r"(\S+)$")
_LIST_MARKER = re.compile(r"(?:(?<=\s)|^)([•⁃\-–*]\s?)?(\d{1,2}|[a-z])(\.\)|\)|\.)(?=\s)")


def split_paragraphs(text: str) -> list[Span]:
    """Paragraphs are stretches separated by blank lines."""
    spans: list[Span] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        _append_trimmed(spans, text, pos, m.start())
        pos = m.end()
    _append_trimmed(spans, text, pos, len(text))
    return spans


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    spans.append(Span(start + lead, start + lead + len(stripped)))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` (one paragraph), as spans into ``text``."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    cuts, marker_ends = _list_cuts(chunk)
    for m in _TERMINAL.finditer(chunk):
        if m.end("close") in marker_ends:
            continue  # the "1." of a list item is not a sentence end
        cut = _boundary(chunk, m)
        if cut is not None:
            cuts.add(cut)
    spans: list[Span] = []
    prev = 0
    for cut in sorted(cuts):
        if 0 < cut < len(chunk):
            _append_trimmed(spans, text, start + prev, start + cut)
            prev = cut
    _append_trimmed(spans, text, start + prev, start + len(chunk))
    return spans


def segment(text: str) -> tuple[list[Span], list[tuple[int, Span]]]:
    """Paragraph spans, and (paragraph index, sentence span) pairs, for a clean body."""
    paragraphs = split_paragraphs(text)
    sentences = [(i, s) for i, p in enumerate(paragraphs) for s in split_sentences(text, p.start, p.end)]
    return paragraphs, sentences


def _list_cuts(chunk: str) -> tuple[set[int], set[int]]:
    """Starts and ends of enumerated list markers ("1.", "2)", "a.", "• 9.") that form a sequence."""
    markers = list(_LIST_MARKER.finditer(chunk))
    if len(markers) < 2:
        return set(), set()
    keys = [_marker_rank(m.group(2)) for m in markers]
    cuts: set[int] = set()
    ends: set[int] = set()
    for i, (m, k) in enumerate(zip(markers, keys, strict=True)):
        neighbours = []
        if i > 0:
            neighbours.append(keys[i - 1] == k - 1)
        if i + 1 < len(keys):
            neighbours.append(keys[i + 1] == k + 1)
        if any(neighbours):
            cuts.add(m.start())
            ends.add(m.end())
    return cuts, ends


def _marker_rank(token: str) -> int:
    return int(token) if token.isdigit() else ord(token) - ord("a") + 1


def _boundary(chunk: str, m: re.Match) -> int | None:
    """Where the sentence ends for this terminal run, or None if it does not."""
    end = m.end()
    if _is_boundary(chunk, m):
        punct = m.group("punct")
        if m.group("next") and punct.startswith(". .") and m.start() > 0 and not chunk[m.start() - 1].isspace():
            return m.start() + 1  # "compounds. . . . The": a full stop, then an ellipsis opening the next
        return end
    return None


def _is_boundary(chunk: str, m: re.Match) -> bool:
    punct, close, nxt = m.group("punct"), m.group("close"), m.group("next")
    if nxt is None:
        return True  # end of paragraph
    first = nxt.lstrip("\"'“‘([«")
    if not first:
        return True
    head = first[0]
    if head.islower():
        return False  # "Yahoo! in", "Co. at noon", "... well"
    if "?" in punct or "!" in punct:
        return True
    if head.isdigit() and not close:
        # "p. 55", "No. 5", "Jan. 26"; a list marker is handled by _list_cuts
        before = _word_before(chunk, m.start())
        return not (_is_abbreviation(before) or len(before) <= 2 or before.endswith("°"))
    dots = punct.replace(" ", "")
    if dots in ("...", "…"):
        # a three-dot ellipsis continues the sentence ("... well, what I mean . . . I didn't"), unless
        # a sentence plainly starts right after an unspaced one ("who talks slowly... And this is")
        return " " not in punct and not close and _next_word(first) in R.SENTENCE_STARTERS
    if len(dots) >= 4:
        return True
    if close:
        return True  # 'She said, "Great." She left.'
    before = _word_before(chunk, m.start())
    return _period_ends_sentence(before, first)


def _word_before(chunk: str, pos: int) -> str:
    # searched in a window that widens only while the word runs past it: from the chunk's start, every
    # full stop cost the whole text before it (a 97 KB paragraph with no sentence end took 9 s)
    width = 64
    while True:
        lo = max(0, pos - width)
        m = _WORD_BEFORE.search(chunk, lo, pos)
        if m is None or lo == 0 or m.start() > lo or chunk[lo - 1].isspace():
            break
        width *= 4
    return m.group(1).lstrip("\"'“‘([«") if m else ""


def _is_abbreviation(word: str) -> bool:
    return word.lower().rstrip(".") in R.ABBREVIATIONS


def _period_ends_sentence(before: str, nxt: str) -> bool:
    """Decide a '.' followed by a capitalised word."""
    bare = before.rstrip(".")
    low = bare.lower()
    if low in R.PREPOSITIVE_ABBREVIATIONS:
        return False  # "Mr. Smith", "Mt. Fuji", "St. Michael's"
    if len(bare) == 1 and bare.isalpha():
        if bare.isupper():
            # an initial ("Jonas E. Smith"), unless it is the pronoun "I" ending a clause
            return bare == "I" and _next_word(nxt) in R.SENTENCE_STARTERS
        return _next_word(nxt) in R.SENTENCE_STARTERS
    if _DOTTED_ABBREVIATION.fullmatch(bare):  # U.S., E.U., a.m., P.M.
        if bare.islower():
            return False
        return _next_word(nxt) in R.SENTENCE_STARTERS
    if low in R.ABBREVIATIONS:
        return low in R.POSTPOSITIVE_ABBREVIATIONS  # "& Co. It closed"
    return True


def _next_word(token: str) -> str:
    """The word a token starts with: "It," -> "It", "I'm" -> "I"."""
    return re.sub(r"[^\w]+$", "", re.split(r"['’]", token, maxsplit=1)[0])
