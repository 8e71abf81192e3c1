"""Paragraph and sentence segmentation with character offsets.

A rule-based segmenter: candidate boundaries are runs of terminal punctuation
followed by whitespace; abbreviations, initials, numbers, ellipses, quotes and
enumerated lists decide which candidates are real. Offsets are Python string
indices (Unicode code points), end exclusive, with surrounding whitespace
excluded, so ``text[start:end]`` is always the segment.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from pipelines.lib import resources as R


class Span(NamedTuple):
    start: int
    end: int


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_NONSPACE = re.compile(r"\S")

# A terminal run: ., !, ?, …, spaced ellipses, then closing quotes/brackets and footnote marks: a
# reference ("martyr.[1] The", "large.[7][8] This") or a superscript number that lost its formatting
# after a word or a bracket ("consultation.11 12 Take", "(1987).1 According"; not "2.5", "No.1 seed").
_TERMINAL = re.compile(
    r"""(?P<punct>(?:\.[ ]\.[ ]\.(?:[ ]\.)?|\.{2,}|…|[.!?]+[!?.]*))"""
    r"""(?P<close>(?:["'”’»)\]]|\[\d{1,3}\])*(?:(?<=[^\W\d_]\.|[)]\.)(?<![A-Za-z]\.[A-Za-z]\.)\d{1,3}(?: \d{1,3})*(?=\s+[A-Z]))?)"""
    r"""(?=\s+(?P<next>\S+)|$)""",
)
# a full stop with no space after it, between a word (three lower-case letters or more) or a number
# and a capitalised word ("extended twice.The other option", "on November 10.If granted"); not a
# ticker ("<Neoy.He>"), a domain ("Halo.Bungie.Org"), "Mr.Benn", "St.Gobain" or "6.July"
_GLUED = re.compile(r"(?:(?<=[a-z]{3})|(?<=\d\d))\.(?=[A-Z][a-z]+\s)")
_DOTTED_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_WORD_BEFORE = re.compile(r"(\S+)$")
_LIST_MARKER = re.compile(r"(?:(?<=\s)|^)([•⁃\-–*]\s?)?\(?(\d{1,2}|[ivx]{1,4}|[a-z])(\.\)|\)|\.)(?=\s)")
_COMPANY_FORMS = R.LEGAL_FORMS | {"bros"}  # "Amoco Corp. (AN)." goes on into its bracket
_FORM_AFTER_CO = R.LEGAL_FORMS | {"kg", "lp", "llp"}  # "GmbH & Co. KG", "Nomura Securities Co. Ltd"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11,
          "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}


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
    if "." in chunk:
        for m in _GLUED.finditer(chunk):
            if not _is_abbreviation(_word_before(chunk, m.start())):
                cuts.add(m.end())
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
    """Starts and ends of enumerated list markers ("1.", "2)", "a.", "(iii)", "• 9.") that form a
    sequence (numbers, letters or roman numerals), and where an item ends without a full stop: at its
    line's end ("c) one more\nThey went", ``_item_end``). A marker that opens a line never ends a
    sentence itself, even alone ("1. This is a list item.")."""
    markers = list(_LIST_MARKER.finditer(chunk))
    if not markers:
        return set(), set()
    newlines = [m.start() for m in _NEWLINE.finditer(chunk)]  # found once: a paragraph of many markers stays linear
    ends = {m.end() for m in markers if _opens_line(chunk, m.start())}
    if len(markers) < 2:
        return set(), ends
    cuts: set[int] = set()
    for keys in ([_marker_rank(m.group(2)) for m in markers], [_ROMAN.get(m.group(2)) for m in markers]):
        for i, (m, k) in enumerate(zip(markers, keys, strict=True)):
            if k is None:
                continue
            before = i > 0 and keys[i - 1] is not None and keys[i - 1] == k - 1
            after = i + 1 < len(keys) and keys[i + 1] is not None and keys[i + 1] == k + 1
            if before or after:
                cuts.add(m.start())
                ends.add(m.end())
                if (line_end := _item_end(chunk, newlines, m.end())) is not None:
                    cuts.add(line_end)
    return cuts, ends


_NEWLINE = re.compile("[\n\r]")
_LINE_END = re.compile(r"[\n\r]\s*(?=[A-Z0-9\"'“‘(•⁃*-])")


def _item_end(chunk: str, newlines: list[int], pos: int) -> int | None:
    """Where a list item that starts at ``pos`` ends without a full stop: at the end of its line, if
    the next line opens like a sentence or an item (a capital, a figure, a quote, a bullet), not like
    the item's own words wrapped onto it. ``newlines``: where ``chunk``'s line breaks are."""
    i = bisect.bisect_left(newlines, pos)
    if i == len(newlines):
        return None
    return newlines[i] if _LINE_END.match(chunk, newlines[i]) else None


def _opens_line(chunk: str, pos: int) -> bool:
    """Whether only spaces stand between the line's start and ``pos`` (looked at backwards from
    ``pos``: slicing from the line's start made a long paragraph of markers quadratic)."""
    j = pos - 1
    while j >= 0 and chunk[j] in " \t\r\f\v":
        j -= 1
    return j < 0 or chunk[j] == "\n"


def _marker_rank(token: str) -> int:
    return int(token) if token.isdigit() else ord(token[0]) - ord("a") + 1 if len(token) == 1 else -100


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
        return not nxt.startswith(("-", "—", "–"))  # "and -- voila! -- you have cake"
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
    if close[-1:].isdigit():  # a footnote's number after a word of three letters or more, or a bracket
        before = _word_before(chunk, m.start())
        if not before.endswith(")") and (len(before) < 3 or not before[-1].isalpha() or _is_abbreviation(before)):
            return False  # "No.1 RSS", "NO.6 FOB", "Dec.31"
    if close:
        return True  # 'She said, "Great." She left.'
    before = _word_before(chunk, m.start())
    if nxt.startswith("(") and before.lower().rstrip(".") in _COMPANY_FORMS:
        return False  # "Company A Inc. (“Company A”), and ...", "Amoco Corp. (AN)."; not "dlrs. (NRAL 2326)"
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
        if bare.islower():  # "i.e. The" goes on; "at 10 p.m. I'm going" ends, "At 5 a.m. Mr. Smith" not
            word = _next_word(nxt)
            return low in ("a.m", "p.m") and word in R.SENTENCE_STARTERS and word.lower() not in R.PREPOSITIVE_ABBREVIATIONS
        return _next_word(nxt) in R.SENTENCE_STARTERS
    if low in R.ABBREVIATIONS:  # "& Co. It closed", but "GmbH & Co. KG is"
        return low in R.POSTPOSITIVE_ABBREVIATIONS and _next_word(nxt).lower() not in _FORM_AFTER_CO
    return True


def _next_word(token: str) -> str:
    """The word a token starts with: "It," -> "It", "I'm" -> "I"."""
    return re.sub(r"[^\w]+$", "", re.split(r"['’]", token, maxsplit=1)[0])
