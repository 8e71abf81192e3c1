"""Dates and periods stated in text, resolved to ISO 8601 against a reference date.

Explicit dates ("April 15, 2026", "15 April 2026", "2026-04-15", "Feb 26"), months ("in April",
"April 2026"), years ("in 1987"), quarters ("the first quarter of 1987"), weekdays ("on Tuesday")
and relative phrases ("yesterday", "last week", "next month", "two years ago") become a day
(``2026-04-15``), a month (``2026-04``), a year (``2026``) or an interval
(``2026-04-06/2026-04-12``). A month or weekday without a year is placed by the tense of its
sentence: past tense looks back from the reference date, future looks ahead, otherwise the nearest.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "a": 1, "an": 1, "several": None, "few": None}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b")),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<y>\d{{4}}))?\b")),
    ("quarter", re.compile(r"(?i)\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
                           r"(?:\s+of\s+(?P<y>\d{4}))?")),
    ("month", re.compile(rf"\b{_MONTH}(?:\s+(?P<y>\d{{4}}))?\b")),
    ("relative", re.compile(r"(?i)\b(?P<rel>today|yesterday|tomorrow|(?:last|this|next|past|coming)\s+"
                            r"(?:week|month|year|quarter|weekend)|(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|"
                            r"ten|a|an)\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>ago|from now|later|earlier))\b")),
    ("weekday", re.compile(r"\b(?:(?P<which>last|next|this)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
                           r"Saturday|Sunday)\b")),
    ("year", re.compile(r"(?i)(?:\b(?:in|since|by|of|during|until|from|for|year|fiscal|late|early|mid-?)\s+)"
                        r"(?P<y>(?:1[89]|20)\d\d)\b(?!\s*(?:pct|percent|%|tonnes|dlrs|mln|bln))")),
]
_PAST = re.compile(r"(?i)\b(was|were|had|did|said|made|took|held|met|told|rose|fell|ended|last|ago|earlier|"
                   r"\w+ed)\b")
_FUTURE = re.compile(r"(?i)\b(will|would|shall|plans?|planned|prepares?|expected|expects|upcoming|next|due|"
                     r"scheduled|anticipated|to be)\b")


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str | None


def find_dates(text: str, start: int, end: int, reference: date) -> list[DateMention]:
    """Dates in ``text[start:end]`` (one sentence), with offsets into ``text``, resolved against ``reference``."""
    sentence = text[start:end]
    tense = _tense(sentence)
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text, start, end):
            s, e = m.span()
            if kind == "year":
                s = m.start("y")
            if kind == "month" and m.group("month").lower() == "may" and not m.group("y"):
                continue  # the verb "may"
            if any(s < b and a < e for a, b in taken):
                continue
            value = _resolve(kind, m, reference, tense)
            out.append(DateMention(s, e, text[s:e], value))
            taken.append((s, e))
    return sorted(out, key=lambda d: d.start)


def _tense(sentence: str) -> str | None:
    future, past = bool(_FUTURE.search(sentence)), bool(_PAST.search(sentence))
    if future and not past:
        return "future"
    if past and not future:
        return "past"
    return None


def _resolve(kind: str, m: re.Match, ref: date, tense: str | None) -> str | None:
    g = m.groupdict()
    try:
        if kind == "iso":
            return date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat()
        if kind in ("mdy", "dmy"):
            month = MONTHS[g["month"].lower().rstrip(".")]
            day = int(g["d"])
            if g.get("y"):
                return date(int(g["y"]), month, day).isoformat()
            return _place(lambda y: date(y, month, day), ref, tense).isoformat()
        if kind == "month":
            month = MONTHS[g["month"].lower().rstrip(".")]
            if g.get("y"):
                return f"{int(g['y']):04d}-{month:02d}"
            d = _place(lambda y: date(y, month, 15), ref, tense)
            return f"{d.year:04d}-{month:02d}"
        if kind == "year":
            return g["y"]
        if kind == "quarter":
            q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[g["q"].lower()]
            year = int(g["y"]) if g.get("y") else ref.year
            first = date(year, 3 * q - 2, 1)
            last = date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
            return f"{first.isoformat()}/{last.isoformat()}"
        if kind == "weekday":
            target = WEEKDAYS[g["wd"].lower()]
            which = (g.get("which") or "").lower()
            if which == "next" or (tense == "future" and which != "last"):
                delta = (target - ref.weekday()) % 7 or 7
                return (ref + timedelta(days=delta)).isoformat()
            delta = (ref.weekday() - target) % 7 or (7 if which == "last" else 0)
            return (ref - timedelta(days=delta)).isoformat()
        if kind == "relative":
            return _relative(g, ref)
    except (ValueError, KeyError):
        return None
    return None


def _place(make, ref: date, tense: str | None) -> date:
    """The occurrence of a yearless date nearest to ``ref``, or the one before/after it by tense."""
    options = [make(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if tense == "past":
        past = [d for d in options if d <= ref]
        return max(past) if past else options[0]
    if tense == "future":
        future = [d for d in options if d >= ref]
        return min(future) if future else options[-1]
    return min(options, key=lambda d: abs((d - ref).days))


def _relative(g: dict, ref: date) -> str | None:
    rel = g["rel"].lower()
    if rel == "today":
        return ref.isoformat()
    if rel == "yesterday":
        return (ref - timedelta(days=1)).isoformat()
    if rel == "tomorrow":
        return (ref + timedelta(days=1)).isoformat()
    if g.get("unit"):
        n = NUMBERS.get(g["n"].lower(), None) if not g["n"].isdigit() else int(g["n"])
        if n is None:
            return None
        unit = g["unit"].lower().rstrip("s")
        sign = -1 if g["dir"].lower() in ("ago", "earlier") else 1
        if unit == "day":
            return (ref + timedelta(days=sign * n)).isoformat()
        if unit == "week":
            return (ref + timedelta(weeks=sign * n)).isoformat()
        if unit == "month":
            y, mth = divmod(ref.month - 1 + sign * n, 12)
            return f"{ref.year + y:04d}-{mth + 1:02d}"
        return f"{ref.year + sign * n:04d}"
    which, unit = rel.split()
    step = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[which]
    if unit in ("week", "weekend"):
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        if unit == "weekend":
            return f"{(monday + timedelta(days=5)).isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
    if unit == "month":
        y, mth = divmod(ref.month - 1 + step, 12)
        return f"{ref.year + y:04d}-{mth + 1:02d}"
    if unit == "quarter":
        q = (ref.month - 1) // 3 + step
        y, q = ref.year + q // 4, q % 4
        first = date(y, 3 * q + 1, 1)
        last = date(y, 3 * q + 3, calendar.monthrange(y, 3 * q + 3)[1])
        return f"{first.isoformat()}/{last.isoformat()}"
    return f"{ref.year + step:04d}"
