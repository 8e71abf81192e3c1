"""Dates and periods stated in text, resolved to ISO 8601 against a reference date.

Explicit dates ("April 15, 2026", "15 April 2026", "2026-04-15", "Feb 26", "APRIL 7", "Payable May
one"), months ("in April", "April 2026", "next January"), years ("in 1987", "the 2008 crisis",
"mid-1987", "end-1985"), quarters and halves ("the first quarter of 1987", "Q4 2025", "H1", "the
second quarter ending March 31"), decades ("the 1970s"), weekdays ("on Tuesday"), ranges ("March
20-22", "from March 2 to March 6", "between Feb 11 and 19", "between 2019 and 2021", "2026-2030",
"1987/8", "April through November"), weeks of a month ("the third week of March": days 15-21) and
relative phrases ("yesterday", "last night", "this morning", "last week", "next month", "two years
ago", "in three months", "the past two weeks", "the next five years", "the past decade"), seasons
("last summer", "this spring", "the winter of 2019": meteorological seasons of the northern
hemisphere, three whole months), holidays ("Christmas Day", "since Christmas", "Easter 2021",
"Thanksgiving"), periods of months ("the first nine months of 1987", "the year to March"), "FY21",
"'98", "the '90s", "the 19th century" and a weekday before its date ("Tuesday, April 14") become a
day (``2026-04-15``), a month (``2026-04``), a year (``2026``) or an interval
(``2026-04-06/2026-04-12``, ``1970/1979``). A month or quarter without a year is placed by the
tense of its sentence (and "until", "by" before it): past looks back from the reference date (a month
is past once it has begun), future looks ahead (a month is to come until it has ended), otherwise the
nearest; a weekday by the tense of its own clause ("Jordan will tender Monday ..., sources said" is
the coming Monday); a schedule ("payable March 31", "effective April 27") is placed nearest whatever
the tense. "Last week" is the calendar week before; "the past week" the
seven days up to the reference date.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from pipelines.lib.figures import NUMBER_WORDS
from pipelines.lib.wordcues import WordCue, tree_alternation

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_FULL_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Capitalised, or a full name in capitals (newswire headlines: "LONDON DOLLAR FLUCTUATIONS 1300 - APRIL 7");
# never lower case, and no abbreviation in capitals ("DEC" is Digital Equipment Corp in Reuters).
_MONTH = rf"(?P<month>{_FULL_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|{_FULL_MONTHS.upper()})\.?"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_YEAR = r"(?:1[89]|20)\d\d"
# Days spelled out after a month, as newswire dividend notices have them ("April Three", "May one").
DAY_WORDS = {w: v for w, v in NUMBER_WORDS.items() if isinstance(v, int) and 1 <= v <= 30 and w not in ("a", "an")}
DAY_WORDS |= {f"twenty-{w}": 20 + v for w, v in DAY_WORDS.items() if v <= 9} | {"thirty-one": 31}
_DAY_WORDS = "|".join(sorted([*DAY_WORDS, *(w.capitalize() for w in DAY_WORDS)], key=len, reverse=True))
# a count of days, weeks, months or years: digits or a number word ("eleven days ago", "a week ago")
_NUM = "|".join([r"\d+", tree_alternation(w for w, v in NUMBER_WORDS.items() if isinstance(v, int) and v > 0)])
# what makes a four-digit number a quantity rather than a year
_NOT_YEAR = r"(?!\s*(?:pct|percent|%|tonnes|tons|t\b|dlrs|dollars|mln|bln|billion|million|shares|people|barrels|" \
            r"bpd|kg|km|miles|units|vehicles|cars|workers|jobs|acres|hectares|[a-z]+s\s+of\b)|\s+(?-i:UP|OFF|UNCH)\b)"
# a season before these names a crop, not a time: "spring wheat", "winter grains", "the autumn sowing"
_CROPS = r"(?:wheat|barley|grains?|crops?|oats|rye|rapeseed|sowings?|plantings?|seedings?|harvests?|kharif|rabi)\b"


def _after_any(*words: str) -> str:
    """A pattern true right after one of ``words`` (lower case or capitalised) and a space: one fixed-width
    look-behind each, as Python's patterns need."""
    return "|".join(rf"(?<=\b{w}\s)" for word in words for w in (word, word.capitalize()))


# a bare "Christmas" after one of these is a time ("since Christmas", "last Easter"); "'98" after these a year
_TIME_WORD_BEFORE = _after_any("since", "before", "after", "until", "till", "over", "at", "for", "by", "during",
                               "around", "on", "last", "this", "next")
_SHORT_YEAR_AFTER = _after_any("in", "of", "since", "until", "by", "from", "to", "and")
PATTERNS = [
    # "the half year ended December 31, 1986": a half named by the day it ends is its six months, as a quarter
    # is ("fourth quarter ended March 31"); a week, a year or "the three months" so ended keep our sets'
    # reading, the day or the month ("the week ended February 28": that day)
    ("months_to", re.compile(rf"(?i)\b(?P<half>half[\s-]year)\s+(?:to|ended|ending)\s+(?-i:{_MONTH})(?:\s+(?P<d>\d{{1,2}}))?\b"
                             rf"(?:,?\s+(?P<y>{_YEAR}))?")),
    # newswire results: "1987 nine mths includes ...": the first nine months of that year
    ("year_months", re.compile(rf"(?i)\b(?P<y>{_YEAR})\s+(?P<n>three|six|nine|3|6|9)\s+(?:months|mths)\b(?!\s+(?:to|ended|ending)\b)")),
    # "the first nine months of 1987", "the first three months of the year", "the last six months of this year"
    ("months_of", re.compile(rf"(?i)\bthe\s+(?P<edge>first|last)\s+(?P<n>{_NUM})\s+months\s+of\s+(?:fiscal\s+)?"
                             rf"(?:(?P<y>{_YEAR})(?![/-]\d)|(?P<which>the|this|last|next)\s+(?:fiscal\s+)?year)\b")),
    # "the year to March", "the 12 months to June 1987", "the year ended March": twelve months ending then
    ("year_to", re.compile(rf"\bthe\s+(?:year|12\s+months|twelve\s+months)\s+(?:to|ended|ending)\s+(?:the\s+end\s+of\s+)?"
                           rf"(?:(?P<which>last|next|this)\s+)?{_MONTH}(?!\s+\d{{1,2}}\b)(?:,?\s+(?P<y>{_YEAR}))?\b")),  # (with a day, the day: our sets' usage)
    ("range_days", re.compile(rf"\b(?:from\s+)?{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|through|until)\s*"
                              rf"(?:{_MONTH2}\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:pct|%|percent))(?:,?\s+(?P<y>\d{{4}}))?")),
    ("range_days_between", re.compile(rf"\bbetween\s+{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+and\s+"
                                      rf"(?:{_MONTH2}\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?")),
    # "from 14 June to 14 July", "between 14 June and 14 July 2024"
    ("range_days_dmy2", re.compile(rf"\b(?:from\s+(?=\d)|(?P<between>between\s+))?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                                   rf"{_MONTH}(?:,?\s+(?P<y0>\d{{4}}))?\s*(?(between)and|(?:-|–|to|until|through))\s*"
                                   rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH2}(?:,?\s+(?P<y>\d{{4}}))?\b")),
    ("range_days_dmy", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
                                  rf"{_MONTH}(?:,?\s+(?P<y>\d{{4}}))?\b")),
    ("range_months", re.compile(rf"\b(?:from|between)\s+{_MONTH}\s+(?:to|and|until|through)\s+{_MONTH2}(?:,?\s+(?P<y>\d{{4}}))?\b")),
    # "for April through November shipment": "through" joins two months without a "from"
    ("range_months_through", re.compile(rf"\b{_MONTH}\s+(?:through|thru)\s+{_MONTH2}(?:,?\s+(?P<y>\d{{4}}))?\b")),
    ("range_years", re.compile(rf"(?i)\b(?:(?:from|between)\s+(?P<y>{_YEAR})\s+(?:to|and|until|through)\s+(?P<y2>{_YEAR})"
                               rf"|(?P<ya>{_YEAR})\s*(?:-|–|/)\s*(?P<y2a>{_YEAR}|\d\d)(?![\d/-])|(?P<yb>{_YEAR})/(?P<y2b>\d)(?![\d/-]))\b")),
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    # "3/31/2027", "15.03.2024", "2024/03/15": day and month told apart where one of them exceeds 12
    ("numeric", re.compile(rf"(?<![\d.,/-])(?:(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{_YEAR})"
                           rf"|(?P<ya>{_YEAR})/(?P<ma>\d{{1,2}})/(?P<da>\d{{1,2}}))(?![\d.,/-]?\d)")),
    # (not a price after a futures month: "May 61.50", "Apr 44-7/8"; but "March 5,1987")
    ("mdy", re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?![.,]\d{{1,3}}\b|-\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b")),
    ("mdy_words", re.compile(rf"\b{_MONTH}\s+(?P<dw>{_DAY_WORDS})\b(?!-)")),  # newswire: "Payable May one"
    # (not the decimals of a price before a futures month: "275.00 May", "1.50 Aug")
    ("dmy", re.compile(rf"\b(?<![\d.,/])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<y>\d{{4}}))?\b")),
    # "the third week of March": its days 15-21 ("the last week of March": its last seven)
    ("month_week", re.compile(rf"(?i)\b(?:the\s+)?(?P<wk>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+week\s+of\s+"
                              rf"{_MONTH}(?:,?\s+(?P<y>{_YEAR}))?\b")),
    # "the second half of July": the 16th to the month's end
    ("month_half", re.compile(rf"(?i)\b(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\s+of\s+{_MONTH}(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("quarter", re.compile(rf"(?i)\b(?:the\s+)?(?:(?:(?P<yb>{_YEAR})\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+"
                           r"(?:fiscal\s+)?(?P<part>quarter|qtr|half)"
                           rf"(?:(?:\s+of)?\s+(?:fiscal\s+)?(?P<y>{_YEAR})|\s+of\s+(?P<yr>the|this|last|next)\s+year)?\b"
                           r"(?!\s+of\s+(?:the|a|an|his|her|their|its|this)\s+(?!(?:fiscal|financial|calendar|year)\b))"  # "of the match"
                           rf"|(?P<qa>[QH][1-4])(?:\s*(?P<ya>{_YEAR}))?\b"
                           rf"|(?<![\w.])(?P<qc>[1-4]Q|[12]H)\s?(?P<yc>{_YEAR}|\d\d)\b)")),  # "1Q24", "2H 2025"
    ("fiscal", re.compile(r"\bFY\s?['’]?(?P<fy>(?:19|20)\d\d|\d\d)\b")),  # "FY2021", "FY21": its year
    ("decade", re.compile(r"(?i)\b(?:the\s+)?(?:mid-|early\s+|late\s+)?(?P<dec>(?:1[89]|20)\d0)['’]?s\b")),
    ("decade_short", re.compile(r"(?:\bthe\s+)?(?<![\w'’])['’](?P<dec2>\d0)s\b")),  # "the '90s"
    ("short_year", re.compile(rf"(?=['’]\d\d\b)(?:{_SHORT_YEAR_AFTER})['’](?P<yy>\d\d)\b(?!['’]?s)")),  # "in '98"
    ("century", re.compile(r"(?i)\bthe\s+(?P<c>1[5-9]|2[01])(?:st|nd|rd|th)\s+century\b")),
    # ("March in 1986"; "February last year", "in February a year earlier": that month a year back)
    ("month", re.compile(rf"\b{_MONTH}(?:,?\s+(?:(?:in|of)\s+)?(?P<y>{_YEAR})|\s+(?P<back>a\s+year\s+(?:earlier|ago|before)|"
                         rf"(?:of\s+)?last\s+year))?\b")),
    # "the previous month", "the prior week": the one before the month or week the sentence stated before
    # it, else before the reference's (``_unit_anaphor``); not "the past month", seven days up to the reference
    ("unit_anaphor", re.compile(r"(?i)\bthe\s+(?:previous|prior|preceding)\s+(?P<unit>month|week)\b(?!\s+(?:ago|earlier))")),
    # "the third quarter of 1987 ... the same period of 1986", "its fourth quarter ended March 31 ... the same
    # quarter a year earlier": the period the sentence stated before it, in that year (``_period_anaphor``)
    ("period_anaphor", re.compile(rf"(?i)\bthe\s+(?:same|corresponding|comparable)\s+(?P<unit>quarter|period|week|month|half)"
                                  rf"(?:\s+(?:of|in)\s+(?P<y>{_YEAR})\b|\s+(?P<back>a\s+year\s+(?:earlier|ago|before)|"
                                  rf"(?:of\s+)?last\s+year)\b)")),
    # "from 142.1 billion the previous year", "the bond of the same year": a calendar year told by the one
    # the sentence states before it (``_year_anaphor``), else by the reference date's
    ("year_anaphor", re.compile(r"(?i)\bthe\s+(?P<rel>previous|prior|preceding|same|following)\s+year\b(?![-\w])(?!\s+ago)"
                                r"|\bthe\s+year\s+before(?=\s*(?:[,.;:)]|$))")),
    ("rolling", re.compile(rf"(?i)\b(?:the\s+)?(?:past|last|previous)\s+(?:(?P<n>{_NUM})\s+)?"
                           r"(?P<unit>days?|weeks?|months?|years?|decades?|century|centuries)\b"
                           r"(?<!last week)(?<!last month)(?<!last year)")),
    ("rolling_ahead", re.compile(rf"(?i)\bthe\s+(?:next|coming)\s+(?:(?P<n>{_NUM})\s+)?"
                                 r"(?P<unit>days?|weeks?|months?|years?|decades?|century|centuries)\b")),
    ("relative", re.compile(r"(?i)\b(?P<rel>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|"
                            r"last\s+night|(?:last|this|next|coming)\s+(?:week|month|year|quarter|weekend)|the\s+weekend|"
                            r"the\s+(?:end|start|beginning|middle)\s+of\s+the\s+(?:week|month|year|quarter)(?!\s+(?:of\s+)?\d)|"
                            rf"(?P<n>{_NUM})\s+(?P<unit>days?|weeks?|months?|years?|decades?(?=\s+ago))\s+(?P<dir>ago|from now|later|earlier)|"
                            rf"in\s+(?P<n2>{_NUM})\s+(?P<unit2>days?|weeks?|months?|years?)(?!\s+(?:ago|earlier|later)|-))\b")),
    # seasons, meteorological and northern: "last summer", "this spring", "the winter of 2019" (not "prices fall")
    ("season", re.compile(rf"(?i)\b(?!\S+\s+(?:the\s+)?(?:spring|summer|autumn|winter|fall)\s+{_CROPS})"
                          rf"(?:(?:(?P<which>last|this|next|coming|past)|(?:in|during|by|until|since|over|through|"
                          rf"throughout|early|late|mid)(?:\s+the)?)[\s-]+(?P<season>(?-i:spring|summer|autumn|winter|"
                          rf"fall(?!\s+(?:in|of)\b(?!\s+{_YEAR})))|(?<=the\s)(?:Spring|Summer|Autumn|Winter))"
                          rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?"
                          rf"|the\s+(?P<season3>spring|summer|autumn|winter)(?:\s+(?:of\s+)?(?P<y3>{_YEAR}))?"
                          rf"|(?P<season2>spring|summer|autumn|winter|fall)\s+(?P<y2>{_YEAR}))\b")),
    # holidays: "Christmas Day", "on New Year's Eve", "Easter 2020", "last Thanksgiving"
    # (a bare "Christmas", "Easter", "Thanksgiving" only as a time: "since Christmas", "last Easter", "Easter
    # 2020"; not "a Christmas card", "the Easter holidays")
    ("holiday", re.compile(rf"\b(?:(?P<which>[Ll]ast|[Tt]his|[Nn]ext)\s+)?(?P<day>Christmas\s+(?:Day|Eve)|"
                           rf"New\s+Year['’]s\s+(?:Day|Eve)|Boxing\s+Day|Valentine['’]s\s+Day|Halloween|Easter\s+(?:Sunday|Monday)|"
                           rf"Good\s+Friday|Thanksgiving\s+Day|(?:{_TIME_WORD_BEFORE})"
                           rf"(?:Christmas|Easter|Thanksgiving)(?!\s+(?:Day|Eve|Sunday|Monday))|(?:Christmas|Easter|Thanksgiving)(?=\s+{_YEAR}))"
                           rf"(?:\s+(?P<y>{_YEAR}))?\b")),
    ("weekday", re.compile(r"\b(?:(?P<which>last|next|this)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
                           r"Saturday|Sunday)\b")),
    ("year", re.compile(rf"(?i)(?<![$€£¥\d.,/-])(?:\b(?:early|late|mid|end|start)[\s-])?\b(?P<y>{_YEAR})\b(?![.,/-]?\d){_NOT_YEAR}")),
]
# the words of time a sentence's tense (_PAST, _FUTURE) and a weekday's clause (_CLAUSE_TENSE) are read by
_PAST_WORDS = "(?:" + tree_alternation(
    """was were had did made took held met rose fell ended last ago earlier
    gave went came lost began saw grew kept brought thought found spoke struck led sent spent became chose drew
    flew knew sank shrank stood wrote broke fought froze sought sat slid swept taught threw withdrew overtook
    undertook forgot stole felt meant heard slept fled woke""".split()) + r")|(?<!\bthe\s)won"
# (the second and third lines: the common irregular past forms that are no present form too, as "cut", "set", "put",
# "hit" are, nor a noun, nor a currency: "the won"; not the verbs of trade, whose dates are often ahead: "bought
# bills for resale on April 2", "sold for May delivery", "paid on")
_FUTURE_WORDS = "will|would|shall|should|planned|expected|expects|upcoming|next|scheduled|anticipated"
# "due" is ahead ("due to start", "due in March"), not where "due to" gives a cause ("due to a conflict")
_DUE = (r"due(?!\s+to\s+(?:a|an|the|this|that|these|those|its|their|his|her|our|my|your|some|lack|lower|higher|"
        r"weak|weaker|strong|stronger|poor|bad|heavy|high|low|increased|reduced|rising|falling|continued|"
        r"\w+ing)\b)")
# a past form in "-ed", in lower case (not "the Fed", "the United States") and not a word that only ends
# so ("hundred", "need", "exceed", "red")
_NOT_PAST_ED = ("hundred|need|speed|feed|seed|indeed|proceed|succeed|exceed|bed|red|shed|breed|greed|deed|heed|"
                "bleed|sacred|naked|wicked|rugged|kindred|hatred|beloved|embed")
_ED_VERB = rf"(?-i:\b(?!(?:{_NOT_PAST_ED})\b)[a-z]\w*ed\b)"
_PAST = re.compile(rf"(?i)\b(?:{_PAST_WORDS}|said|told)\b|{_ED_VERB}")
_TOWARDS = re.compile(r"(?i)\b(?:until|till|by|through|before)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?$")
_PERIOD_ENDING = re.compile(rf"\s+(?:end(?:ing|ed)|to)\s+{_MONTH}")
# A date right after these is a schedule, placed nearest the reference date whatever the sentence's
# tense: "said it declared a dividend payable March 31 to holders of record March 19".
_SCHEDULED = re.compile(r"(?i)\b(?:payable|pay|record|registered|effective|with\s+effect\s+from|expir(?:es|ing|e)|matur(?:es|ing|e)|due|"
                        r"beginning|starting)"
                        r"\s+(?:on\s+)?$")
# "May" is the month, not the verb, after these: "figures for May", "in May", "since early May".
_MONTH_AFTER = re.compile(r"(?i)\b(?:in|for|since|until|till|by|from|during|through|of|before|after|"
                          r"early|late|mid|last|next|this)[\s-]+$")
# the words of a sentence about sport, where a bare "the first half" is a match's, unless words of business are there
_SPORT = re.compile(r"(?i)\b(?:goals?|scored?|scores|scoring|penalt(?:y|ies)|tries|try|match(?:es)?|games?|half-time|"
                    r"interval|kick\w*|striker|keeper|ball|corner|header|shot|referee|play(?:ed|ing)?|attack\w*|"
                    r"defen[cs]\w*|possession|replacement|team|draw|drew|defeat|trailing|opposition|ruck|line-outs?|"
                    r"fly-half|lads|season)\b")
_ACCOUNTS = re.compile(r"(?i)\b(?:profits?|earnings|sales|revenues?|turnover|income|loss(?:es)?|dividends?|growth|"
                       r"econom\w*|GDP|GNP|inflation|prices?|markets?|shares?|stocks?|trade|deficit|surplus|investment|"
                       r"spending|budget|demand|exports?|imports?|output|production|fiscal|financial|compan(?:y|ies)|"
                       r"firms?|banks?|hedging|pct|percent|per\s+cent|interest|rates?|cash|charges?|gains?|costs?|debt|"
                       r"dlrs|mln|billion|million|figures?|results|orders?|contracts?)\b|[%$£€¥]")
_WHICH = re.compile(r"(?i)\b(next|last|this)\s+$")
# a month of delivery is ahead whatever the tense: "bought 5,000 tonnes for May shipment", "6.93 cents basis May"
# (in the singular: "February shipments were up" are the month's)
_FORWARD_AFTER = re.compile(r"(?:\s*/\s*[A-Z][a-z]+)?\s+(?:shipment|delivery|loading|arrival)\b(?!s)")
_WEEK_ENDING = re.compile(r"(?i)\bweek,?\s+(?:to|ended|ending)\s+$")  # ("the 23rd week, ended March 12")
_BASIS_BEFORE = re.compile(r"(?i)\bbasis\s+$")
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")
_NAME_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+|(?:would|will|could|should|can|might|must|said|says)\b)")  # "May would"
# a future word anywhere in a sentence (whole words, any case: ``wordcues.WordCue``)
_FUTURE = WordCue([*_FUTURE_WORDS.split("|"), "plan", "plans", "prepare", "prepares", "to be"], whole=True)
_DUE_AHEAD = re.compile(rf"(?i)\b{_DUE}\b")


def _looks_ahead(text: str, start: int = 0, end: int | None = None) -> bool:
    """A word of the future in ``text[start:end]``: one of ``_FUTURE``, or a "due" that is no cause."""
    end = len(text) if end is None else end
    return _FUTURE.search(text, start, end) or _DUE_AHEAD.search(text, start, end) is not None


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str | None


# What each pattern cannot match without: a sentence lacking it skips the pattern (most sentences
# have no month name and no quarter; a sentence with no cue at all skips them all).
_NEEDS = {
    "range_days": "month", "range_days_between": "month", "range_days_dmy": "month", "range_days_dmy2": "month", "range_months": "month", "range_months_through": "month", "mdy": "month", "mdy_words": "month", "dmy": "month",
    "month": "month", "months_to": "year_to", "period_anaphor": "same", "year_months": "year", "unit_anaphor": "unit",
    "iso": "year", "numeric": "year", "range_years": "year", "decade": "year", "year": "year",
    "month_half": "month", "month_week": "month", "months_of": "months_of", "year_to": "year_to", "fiscal": "fiscal", "short_year": "apostrophe", "century": "century",
    "decade_short": "apostrophe",
    "quarter": "quarter", "year_anaphor": "unit", "rolling": "unit", "rolling_ahead": "unit", "relative": "unit", "weekday": "unit",
    "season": "season", "holiday": "holiday",
}
# a month's abbreviation at a word's start, as written or in capitals ("Jan", "JAN"; "Janet" too: a cue)
_MONTH_ABBRS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MONTH_CUE = WordCue(_MONTH_ABBRS + [m.upper() for m in _MONTH_ABBRS], case=True)
# each pattern that needs digits holds four in a row (a year: "1987", "2024-03-15", "3/31/2027", "the
# 1980s"): a sentence with digits but no four of them ("rose 4.5 pct", "1,234 tonnes") skips them all
_FOUR_DIGITS = re.compile(r"\d{4}")
_QUARTER_CODE = WordCue([f"{q}{n}" for q in "QqHh" for n in "1234"] + [f"{n}Q" for n in "1234"] + ["1H", "2H"],
                        case=True)  # "Q3", "h1", "3Q24", "1H 2025"
_QUARTER_WORDS = ("quarter", "half", "qtr")
# "quarter" too: "last quarter" is a relative date (the cue regex before lacked it, so "Profits fell
# last quarter." gave no date unless another unit word was in the sentence; found by the cue test)
_UNIT_WORDS = ("day", "week", "month", "year", "quarter", "tonight", "tomorrow", "morning", "afternoon", "evening", "night",
               "decade", "centur")
_APOSTROPHE_DIGIT = re.compile(r"['’]\d")
_YEAR_TO_WORDS = ("year to", "year end", "months to", "months end", "mths to", "mths end")
_SEASON_WORDS = ("spring", "summer", "autumn", "fall", "winter")
_HOLIDAY_WORDS = ("christmas", "new year", "boxing day", "valentine", "halloween", "easter", "good friday", "thanksgiving")


def cues(text: str, start: int, end: int) -> set[str]:
    """The cues (``_NEEDS``' values) ``text[start:end]`` holds. Words are looked for in the lowered
    sentence: a case-insensitive alternation of them cost six times as much (12,504 Reuters
    sentences: "unit" 0.18 s as a regex, 0.03 s so), a fifth of what finding the dates took."""
    low = text[start:end].lower()
    found = set()
    if _MONTH_CUE.search(text, start, end):
        found.add("month")
    if _FOUR_DIGITS.search(text, start, end):
        found.add("year")
    if any(w in low for w in _QUARTER_WORDS) or _QUARTER_CODE.search(text, start, end):
        found.add("quarter")
    if any(w in low for w in _UNIT_WORDS):
        found.add("unit")
    if any(w in low for w in _SEASON_WORDS):
        found.add("season")
    if any(w in low for w in _HOLIDAY_WORDS):
        found.add("holiday")
    if "fy" in low:
        found.add("fiscal")
    if "same " in low or "corresponding " in low or "comparable " in low:
        found.add("same")
    if "centur" in low:
        found.add("century")
    if ("'" in low or "’" in low) and _APOSTROPHE_DIGIT.search(low):
        found.add("apostrophe")
    if "months of" in low:
        found.add("months_of")
    if any(w in low for w in _YEAR_TO_WORDS):
        found.add("year_to")
    return found


def find_dates(text: str, start: int, end: int, reference: date) -> list[DateMention]:
    """Dates in ``text[start:end]`` (one sentence), with offsets into ``text``, resolved against ``reference``."""
    found_cues = cues(text, start, end)
    if not found_cues:
        return []
    tense = _sentence_tense(text[start:end])
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []  # the spans found so far, apart from each other, in order
    for kind, rx in PATTERNS:
        if _NEEDS[kind] not in found_cues:
            continue
        for m in rx.finditer(text, start, end):
            s, e = m.span()
            if kind == "season" and m.group("season") and not m.group("which"):
                s = m.start("season")  # "in the summer": the season, not its preposition
            before = text[max(start, s - 30):s]
            if kind in ("month", "mdy_words") and m.group("month").lower() == "may" and not m.groupdict().get("y") \
                    and not _MONTH_AFTER.search(before) and not _SCHEDULED.search(before) \
                    and (m.group("month") == "MAY" or not text[start:s].strip() or _NAME_BEFORE.search(before)
                         or _NAME_AFTER.match(text, e)):
                continue  # the verb "may" in capitals or opening a sentence, a name ("John May", "May Department
                # Stores"); "for May", "in May", "basis May" (a futures month) are the month
            k = bisect.bisect_left(taken, (e, e))  # the span that starts last before this one ends
            if k and taken[k - 1][1] > s:
                continue
            # a weekday is read in its clause's tense ("Jordan will tender Monday ..., sources said"); a month
            # or a day in the sentence's, as the clause's moved more of them the wrong way than the right one
            placed = "future" if (towards := _TOWARDS.search(before)) \
                and not (towards.group().lower().startswith("by") and _POSSESSIVE_AFTER.match(text, e)) \
                else None if _SCHEDULED.search(before) \
                else _tense(text, start, end, s, e, tense) if kind == "weekday" else tense
            if kind == "quarter" and m.group("part") and not (m.group("y") or m.group("yb") or m.group("yr")) \
                    and not _PERIOD_ENDING.match(text, e) and _SPORT.search(text, start, end) \
                    and not _ACCOUNTS.search(text, start, end):
                continue  # a bare half or quarter in a sentence of sport and none of business is a match's or a
                # game's ("scored early in the second half", "we didn't play in the first half"), not the year's
            if kind in ("month", "mdy", "mdy_words") and (which := _WHICH.search(before)):
                # "next January", "last December"; "this June": the reference's year, whatever the tense
                placed = {"next": "future", "last": "past"}.get(which.group(1).lower(), "this")
            if kind == "relative" and m.group("n2") and (_record_before(before)
                                                          or _tense(text, start, end, s, e, None) == "past"):
                # a span of time, not a date ahead: "doubled in a year", "the lowest level in two years"; only a
                # past verb before it says so, not the sentence's ("..., we should rebuild 70%," said the governor)
                continue
            if kind in _DAY_KINDS and out and out[-1].value and len(out[-1].value) == 10 \
                    and _COORDINATED.fullmatch(text, out[-1].end, s) and not _WHICH.search(before):
                # "effective June 30 and September 30": placed on the same side of the reference as the first
                placed = "future" if out[-1].value >= reference.isoformat() else "past"
            if kind == "month" and not m.group("back") and (_FORWARD_AFTER.match(text, e) or _BASIS_BEFORE.search(before)):
                placed = "future"  # "for May shipment", "basis May": a month of delivery, ahead
            value = _year_anaphor(m, text[start:s], reference) if kind == "year_anaphor" \
                else _unit_anaphor(m["unit"].lower(), [d for d in out if d.end <= s], reference, text) if kind == "unit_anaphor" \
                else _period_anaphor(m, [d for d in out if d.end <= s], text) if kind == "period_anaphor" \
                else _resolve(kind, m, reference, placed)
            if value is None and (kind.startswith("range_") or kind in ("numeric", "period_anaphor")):
                continue  # not a range ("pay on June 26 to May 8 from May 29"): its dates are found alone; "99/12/2020"
            out.append(DateMention(s, e, text[s:e], value))
            bisect.insort(taken, (s, e))
    out.sort(key=lambda d: d.start)
    for i in range(len(out) - 2, -1, -1):  # "on Monday, March 2": the weekday names the day that follows
        wd, day = out[i], out[i + 1]
        if _WEEKDAY_ONLY.fullmatch(wd.text) and day.value and len(day.value) == 10 \
                and not _WEEKDAY_ONLY.match(day.text) and re.fullmatch(r",?\s+", text[wd.end:day.start]):
            value = day.value
            if not re.search(r"\d{4}", day.text):  # the weekday tells the year: "Sunday 27 February" of 2005
                d = date.fromisoformat(value)
                years = [y for y in (d.year - 1, d.year, d.year + 1)
                         if _valid(y, d.month, d.day) and date(y, d.month, d.day).weekday() == WEEKDAYS[wd.text.lower()]]
                if len(years) == 1:
                    value = date(years[0], d.month, d.day).isoformat()
            out[i:i + 2] = [DateMention(wd.start, day.end, text[wd.start:day.end], value)]
    return out


# before "in two years": a record or a count over that span, not a date two years ahead ("the highest
# level in two years", "the first rise in three months", "the second time in two weeks", "his third
# number one in three weeks")
_SUPERLATIVE_BEFORE = re.compile(r"(?i)\b(?P<word>\w+est|first|most|least|best|worst|only|ever|second|third|fourth|fifth|"
                                 r"sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b[^.;,]{0,40}$")


_DAY_KINDS = ("mdy", "dmy", "mdy_words")
_COORDINATED = re.compile(r",?\s+(?:and|or)\s+")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")  # "hurt by December's rush": by what, not by when ("before Tuesday's
# data" is before it)
# a year the sentence states, or says by its relation to the reference's: the last one before an anaphor
_STATED_YEAR = re.compile(rf"(?i)(?<![\d/-])\b(?P<y>{_YEAR})\b(?![/-]\d)|\b(?P<which>last|this|next)\s+year\b"
                          rf"|(?<![\d/-])\b(?P<split>{_YEAR})/(?:\d\d|{_YEAR})\b")  # "the 1986/87 season"


def _year_anaphor(m: re.Match, before: str, ref: date) -> str | None:
    """ "the previous / prior / preceding year", "the year before": the year before the last one the
    sentence stated before it ("1986 ... the previous year": 1985; "by the end of last year from 66.6 billion
    the previous year": two years before the reference's; "the 1986/87 season ... the previous year": the
    1985/86 season), else the year before the reference's; "the following year" the year after; "the same
    year" the stated one, else none."""
    stated, split = None, False
    for y in _STATED_YEAR.finditer(before):
        split = y["split"] is not None
        stated = int(y["y"] or y["split"]) if not y["which"] else ref.year + {"last": -1, "this": 0, "next": 1}[y["which"].lower()]
    rel = (m["rel"] or "before").lower()
    if rel == "same" and not stated:
        return None
    year = (stated if stated else ref.year) + {"same": 0, "following": 1}.get(rel, -1)
    return f"{year:04d}/{year + 1:04d}" if split else f"{year:04d}"  # a season's: "1985/1986"


def _unit_anaphor(unit: str, earlier: list[DateMention], ref: date, text: str) -> str | None:
    """ "the previous month" after a stated month, "the previous week" after a stated week: the one before
    it ("February production ... vs the previous month": January; "the week to April 1 ... the previous
    week": the seven days before that week); with none stated, the calendar month or week before the
    reference's."""
    for d in sorted(earlier, key=lambda d: d.start, reverse=True):
        v = d.value or ""
        if unit == "month" and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", v):
            first = _shift(date(int(v[:4]), int(v[5:7]), 1), "month", -1)
            return f"{first.year:04d}-{first.month:02d}"
        if unit == "week" and (week := _week_ended_on(d, text)):
            return "/".join((x - timedelta(days=7)).isoformat() for x in week)
    return _relative({"rel": f"last {unit}"}, ref)  # "last month", "last week"


def _week_ended_on(d: DateMention, text: str) -> tuple[date, date] | None:
    """The seven days up to ``d``, a day stated after "week ended / ending / to" ("the week to April 1")."""
    if d.value is None or len(d.value) != 10 or not _WEEK_ENDING.search(text, max(0, d.start - 20), d.start):
        return None
    end = date.fromisoformat(d.value)
    return end - timedelta(days=6), end


_ANAPHOR_TEXT = re.compile(r"(?i)the\s+(?:previous|prior|preceding|same|corresponding|comparable)\b")


def _period_anaphor(m: re.Match, earlier: list[DateMention], text: str) -> str | None:
    """ "the same quarter / period / week / month / half" with a year after it: the period the sentence
    stated last before it (not another anaphor), moved to that year ("of 1986"; "a year earlier", "last
    year": a year back); None with no such period, where "a year earlier" is left to be read alone."""
    for d in sorted(earlier, key=lambda d: d.start, reverse=True):
        v = d.value or ""
        if _ANAPHOR_TEXT.match(d.text):
            continue
        if m["unit"].lower() == "week" and (week := _week_ended_on(d, text)):
            v = "/".join(x.isoformat() for x in week)  # "the week to April 1"
        if re.fullmatch(r"\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d", v):
            a, b = (date.fromisoformat(x) for x in v.split("/"))
        elif re.fullmatch(r"\d{4}-\d\d", v):
            a = b = None
        else:
            continue
        year = int(m["y"]) if m["y"] else int(v[:4]) - 1
        k = year - int(v[:4])
        if a is None:
            return f"{year:04d}-{v[5:7]}"
        return f"{_shift(a, 'year', k).isoformat()}/{_shift(b, 'year', k).isoformat()}"
    return None


def _record_before(before: str) -> bool:
    """A record or a count right before "in <n> <units>" (``_SUPERLATIVE_BEFORE``) with no future verb
    between them: "(the second sale) will be in a month" is a date ahead."""
    m = _SUPERLATIVE_BEFORE.search(before)
    return m is not None and not _looks_ahead(before, m.end("word"))


def _valid(year: int, month: int, day: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]


_WEEKDAY_ONLY = re.compile("|".join(calendar.day_name))


# a participle after a present "be" says nothing of the time ("is expected", "to be held")
_BE_PARTICIPLE = re.compile(r"(?i)\b(?:is|are|am|be|been|being)\s+(?:\w+ly\s+)?$")
# the tense words a weekday is read by, nearest first: "Jordan will tender Monday ..., sources said"
_CLAUSE_TENSE = re.compile(rf"(?i)\b(?:(?P<future>{_FUTURE_WORDS}|{_DUE}|(?:plans?|prepares?)\s+to|proposed)|"
                           rf"(?P<past>{_PAST_WORDS}|since))\b")
# in the weekday's own clause, a reporting verb or a bare "-ed" verb is past too ("Lyng told Reuters in an
# interview Tuesday", "which rejected a contract Saturday"); outside it, "-ed" is as often an adjective
_CLAUSE_PAST = re.compile(rf"(?i)\b(?:said|says|told)\b|{_ED_VERB}")
_CLAUSE_START = re.compile(r"(?i)[,;:\"“”()]|\b(?:which|who|that|and|but|while|whereas|although|because|when)\b")
_VERB_RIGHT_AFTER = re.compile(rf"(?i)^[\s,]+(?:(?:it|he|she|they|the\s+\w+)\s+)?(?:(?:said|says|told)\b|{_ED_VERB})")


_TENSE_REACH = 250  # characters before a weekday that its tense is looked for in (a sentence may be a table)


def _tense(text: str, start: int, end: int, at: int, until: int, sentence_tense: str | None) -> str | None:
    """The tense a weekday at ``text[at:until]`` is read in: the nearest tense word before it in its own
    clause ("-ed" verbs and "said" included), else the nearest clear one before it in the sentence
    ("Jordan will tender Monday ..., sources said": future; "trading would resume Monday" too), else a verb right
    after it ("on Monday announced", "On Monday, it said"), else the sentence's, from every tense word
    when they agree. A word of plans ("expected", "scheduled") is future, not a past "-ed"; a
    participle after a present "be" ("is expected", "to be held") says nothing."""
    start = max(start, at - _TENSE_REACH)
    clause = max((m.end() for m in _CLAUSE_START.finditer(text, start, at)), default=start)
    marks = [(m.start(), "future" if m["future"] else "past") for m in _CLAUSE_TENSE.finditer(text, start, at)
             if m["future"] or not _BE_PARTICIPLE.search(text, max(start, m.start() - 30), m.start())]
    marks += [(m.start(), "past") for m in _CLAUSE_PAST.finditer(text, clause, at)
              if not _CLAUSE_TENSE.fullmatch(m.group())
              and not _BE_PARTICIPLE.search(text, max(start, m.start() - 30), m.start())]
    in_clause = [mark for mark in marks if mark[0] >= clause]
    if in_clause or marks:
        return max(in_clause or marks)[1]
    if _VERB_RIGHT_AFTER.match(text[until:min(end, until + 30)]):
        return "past"
    return sentence_tense


def _sentence_tense(sentence: str) -> str | None:
    future, past = _looks_ahead(sentence), bool(_PAST.search(sentence))
    return "future" if future and not past else "past" if past and not future else None


def _resolve(kind: str, m: re.Match, ref: date, tense: str | None) -> str | None:
    g = m.groupdict()
    try:
        if kind == "iso":
            return date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat()
        if kind == "numeric":
            if g.get("ya"):
                return date(int(g["ya"]), int(g["ma"]), int(g["da"])).isoformat()
            a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
            if g["sep"] == "." or a > 12 >= b:  # "15.03.2024", "31/12/2026": day first
                return date(y, b, a).isoformat()
            if b > 12 >= a:  # "3/31/2027": month first
                return date(y, a, b).isoformat()
            # "12/05/1990": May 12 or December 5, the year is sure ("0/5/1990" or "13/14/1990" is no date)
            return str(y) if 1 <= a <= 12 and 1 <= b <= 12 else None
        if kind in ("mdy", "dmy", "mdy_words"):
            month = MONTHS[g["month"].lower().rstrip(".")]
            day = DAY_WORDS[g["dw"].lower()] if kind == "mdy_words" else int(g["d"])
            if g.get("y"):
                return date(int(g["y"]), month, day).isoformat()
            return _place(lambda y: date(y, month, day), ref, tense).isoformat()
        if kind == "month":
            month = MONTHS[g["month"].lower().rstrip(".")]
            if g.get("y"):
                return f"{int(g['y']):04d}-{month:02d}"
            if g.get("back"):  # "February last year": last year's; "February a year earlier": a year before it
                year = ref.year - 1 if g["back"].lower().endswith("last year") else _month_year(month, ref, tense) - 1
                return f"{year:04d}-{month:02d}"
            return f"{_month_year(month, ref, tense):04d}-{month:02d}"
        if kind == "year_months":  # "1987 nine mths": its first nine months
            return _span(int(g["y"]), 1, _count(g["n"]))
        if kind == "months_to":  # "the half year ended December 31, 1986"
            month = MONTHS[g["month"].lower().rstrip(".")]
            year = int(g["y"]) if g.get("y") else _month_year(month, ref, tense)
            return _months_ending(date(year, month, int(g["d"]) if g.get("d") else calendar.monthrange(year, month)[1]), 6)
        if kind == "year":
            return g["y"]
        if kind == "quarter":
            if g.get("qa"):
                months = 3 if g["qa"][0].upper() == "Q" else 6
                n, y = int(g["qa"][1]), g.get("ya")
            elif g.get("qc"):  # "3Q24": the century nearest the reference's
                months, n, y = 3 if g["qc"][1] == "Q" else 6, int(g["qc"][0]), int(g["yc"])
                if y < 100:
                    y += min((ref.year // 100 * 100 + k for k in (-100, 0, 100)), key=lambda c: abs(c + y - ref.year))
            else:
                months = 6 if g["part"].lower() == "half" else 3
                n, y = _ORDINALS[g["q"].lower()], g.get("y") or g.get("yb")  # "1985 4th qtr"
                if g.get("yr") and g["yr"].lower() != "the":  # "of this year": the reference's; of last / next year
                    y = ref.year + {"last": -1, "next": 1}.get(g["yr"].lower(), 0)  # ("of the year": by the tense)
            ending = _PERIOD_ENDING.match(m.string, m.end())
            if ending and not y:  # a fiscal period named by the month it ends: "second quarter ending March 31"
                last_month = MONTHS[ending.group("month").lower().rstrip(".")]
                end = _place(lambda yr: date(yr, last_month, calendar.monthrange(yr, last_month)[1]), ref, tense)
                return _months_ending(end, months)
            if n * months > 12:
                return None
            if y:
                return _span(int(y), n, months)
            placed = _place(lambda yr: date(yr, n * months, 1), ref, tense, period_months=months)
            return _span(placed.year, n, months)
        if kind == "month_week":
            month = MONTHS[g["month"].lower().rstrip(".")]
            year = int(g["y"]) if g.get("y") else _month_year(month, ref, tense)
            last = calendar.monthrange(year, month)[1]
            wk = g["wk"].lower()
            first = last - 6 if wk in ("last", "final") else 1 + 7 * (_ORDINALS[wk] - 1)
            return f"{date(year, month, first).isoformat()}/{date(year, month, first + 6).isoformat()}"
        if kind == "month_half":
            month = MONTHS[g["month"].lower().rstrip(".")]
            year = int(g["y"]) if g.get("y") else _month_year(month, ref, tense)
            last = calendar.monthrange(year, month)[1]
            first, end = (1, 15) if g["h"].lower() in ("first", "1st") else (16, last)
            return f"{date(year, month, first).isoformat()}/{date(year, month, end).isoformat()}"
        if kind in ("decade", "decade_short"):
            start = int(g["dec"]) if g.get("dec") else _century_of(int(g["dec2"]), ref)
            return f"{start:04d}/{start + 9:04d}"
        if kind in ("fiscal", "short_year"):
            yy = g.get("fy") or g["yy"]
            return f"{int(yy) if len(yy) == 4 else _century_of(int(yy), ref, 5 if kind == 'fiscal' else 0):04d}"
        if kind == "century":
            c = int(g["c"])
            return f"{(c - 1) * 100 + 1:04d}/{c * 100:04d}"
        if kind == "months_of":
            n = _count(g["n"])
            if not n or n > 12:
                return None
            which = (g.get("which") or "").lower()
            year = int(g["y"]) if g.get("y") else ref.year + {"last": -1, "next": 1}.get(which, 0)
            if "fiscal" in m.group(0).lower():
                return f"{year:04d}"  # a fiscal year's months: where it starts is not said
            first_month = 1 if g["edge"].lower() == "first" else 13 - n
            last_month = first_month + n - 1
            return f"{date(year, first_month, 1).isoformat()}/" \
                   f"{date(year, last_month, calendar.monthrange(year, last_month)[1]).isoformat()}"
        if kind == "year_to":
            month = MONTHS[g["month"].lower().rstrip(".")]
            if g.get("y"):
                year = int(g["y"])
            else:  # "the 12 months ending last June": the June before
                which = {"last": "past", "next": "future"}.get((g.get("which") or "").lower(), tense)
                year = _month_year(month, ref, which)
            end = date(year, month, calendar.monthrange(year, month)[1])
            return f"{(_shift(end, 'year', -1) + timedelta(days=1)).isoformat()}/{end.isoformat()}"
        if kind in ("range_days", "range_days_between", "range_days_dmy", "range_days_dmy2"):
            month = MONTHS[g["month"].lower().rstrip(".")]
            month2 = MONTHS[g["month2"].lower().rstrip(".")] if g.get("month2") else month
            d1, d2 = int(g["d"]), int(g["d2"])
            if g.get("y") or g.get("y0"):
                first = date(int(g.get("y0") or g["y"]), month, d1)
            else:
                first = _place(lambda yr: date(yr, month, d1), ref, tense)
            last = date(first.year + (month2 < month), month2, d2)
            # a range that runs into the next year spans a few months at most ("December 20 to January 5")
            return f"{first.isoformat()}/{last.isoformat()}" if first < last <= first + timedelta(days=183) else None
        if kind in ("range_months", "range_months_through"):
            month = MONTHS[g["month"].lower().rstrip(".")]
            month2 = MONTHS[g["month2"].lower().rstrip(".")]
            year = int(g["y"]) if g.get("y") else _month_year(month, ref, tense)
            year2 = year if month2 >= month else year + 1
            if g.get("y") and month2 < month:
                year, year2 = year - 1, year
            return f"{year:04d}-{month:02d}/{year2:04d}-{month2:02d}"
        if kind == "range_years":
            y1 = int(g.get("y") or g.get("ya") or g.get("yb"))
            if g.get("y2b"):  # "1987/8": a fiscal or crop year
                y2 = (y1 // 10) * 10 + int(g["y2b"])
                return f"{y1:04d}/{y2:04d}" if y2 == y1 + 1 else None
            raw = g.get("y2") or g.get("y2a")
            y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
            return f"{y1:04d}/{y2:04d}" if y1 < y2 <= y1 + 100 else None
        if kind in ("rolling", "rolling_ahead"):  # "the past two weeks", "the next five years"
            n = _count(g.get("n")) if g.get("n") else 1
            if n is None:
                return None
            if kind == "rolling_ahead":
                return f"{ref.isoformat()}/{_shift(ref, g['unit'], n).isoformat()}"
            return f"{_shift(ref, g['unit'], -n).isoformat()}/{ref.isoformat()}"
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
        if kind == "season":
            return _season(g, ref, tense)
        if kind == "holiday":
            return _holiday(g, ref, tense)
    except (ValueError, KeyError):
        return None
    return None


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _month_year(month: int, ref: date, tense: str | None) -> int:
    """The year of a month named without one: in the past once it has begun, to come until it has ended
    ("the March issue", written on March 5 in the past tense, is this March), else the nearest."""
    made = _place(lambda y: date(y, month, 1 if tense == "past" else calendar.monthrange(y, month)[1]
                                 if tense == "future" else 15), ref, tense)
    return made.year


def _months_ending(end: date, months: int) -> str:
    """The ``months`` calendar months that end with ``end``'s, up to ``end``, as an interval of days."""
    return f"{_shift(end.replace(day=1), 'month', 1 - months).isoformat()}/{end.isoformat()}"


def _span(year: int, n: int, months: int) -> str:
    """The n-th quarter (``months`` = 3) or half (6) of ``year`` as an interval of days."""
    first = date(year, (n - 1) * months + 1, 1)
    last_month = n * months
    return f"{first.isoformat()}/{date(year, last_month, calendar.monthrange(year, last_month)[1]).isoformat()}"


def _century_of(yy: int, ref: date, ahead: int = 0) -> int:
    """A two-digit year ("'98", "FY21") in the century that puts it no later than ``ahead`` years after the
    reference year."""
    year = ref.year // 100 * 100 + yy
    return year if year <= ref.year + ahead else year - 100


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season_span(name: str, year: int) -> tuple[date, date]:
    """A meteorological season of the northern hemisphere: three whole months, winter running into the next year."""
    first = date(year, _SEASON_START[name], 1)
    last = _shift(first, "month", 2)
    return first, date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])


def _season(g: dict, ref: date, tense: str | None) -> str:
    name = (g.get("season") or g.get("season2") or g["season3"]).lower()
    year = g.get("y") or g.get("y2") or g.get("y3")
    which = (g.get("which") or "").lower()
    if year:
        first, last = _season_span(name, int(year))
    elif which == "this":  # this year's ("this winter" in April: the one just past, in November: the coming one)
        first, last = _season_span(name, ref.year - (name == "winter" and ref.month < 6))
    else:
        spans = [_season_span(name, y) for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)]
        current = next(((a, b) for a, b in spans if a <= ref <= b), None)
        if which in ("last", "past") or (not which and tense == "past" and not current):
            first, last = max((a, b) for a, b in spans if b < ref)
        elif which in ("next", "coming") or (not which and tense == "future" and not current):
            first, last = min((a, b) for a, b in spans if a > ref)
        else:  # "in the summer": the one under way, else the nearest
            first, last = current or min(spans, key=lambda s: min(abs((s[0] - ref).days), abs((s[1] - ref).days)))
    return f"{first.isoformat()}/{last.isoformat()}"


def _easter(year: int) -> date:
    """Easter Sunday (Gregorian; the anonymous algorithm of Meeus, Jones and Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


_FIXED_HOLIDAYS = {"christmas day": (12, 25), "christmas": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
                   "new year's eve": (12, 31), "boxing day": (12, 26), "valentine's day": (2, 14), "halloween": (10, 31)}


def _holiday_date(name: str, year: int) -> date:
    name = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    if name in _FIXED_HOLIDAYS:
        return date(year, *_FIXED_HOLIDAYS[name])
    if name.startswith("thanksgiving"):  # the fourth Thursday of November (the United States')
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    offset = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}[name]
    return _easter(year) + timedelta(days=offset)


def _holiday(g: dict, ref: date, tense: str | None) -> str:
    if g.get("y"):
        return _holiday_date(g["day"], int(g["y"])).isoformat()
    which = (g.get("which") or "").lower()
    if which == "this":
        return _holiday_date(g["day"], ref.year).isoformat()
    placed = {"last": "past", "next": "future"}.get(which, tense)
    return _place(lambda y: _holiday_date(g["day"], y), ref, placed).isoformat()


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


def _shift(ref: date, unit: str, n: int) -> date:
    unit = unit.lower().rstrip("s")
    if unit in ("decade", "century", "centurie"):
        unit, n = "year", n * (10 if unit == "decade" else 100)
    if unit == "day":
        return ref + timedelta(days=n)
    if unit == "week":
        return ref + timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    y, m = divmod(ref.month - 1 + months, 12)
    return date(ref.year + y, m + 1, min(ref.day, calendar.monthrange(ref.year + y, m + 1)[1]))


def _place(make, ref: date, tense: str | None, *, period_months: int = 0) -> date:
    """The occurrence of a yearless date nearest to ``ref``, or the one before/after it by tense, or
    (``tense`` "this") the one in ``ref``'s year.
    For a period (a quarter: ``make`` gives its last month), "past" means the last one completed."""
    if tense == "this":  # "this June", "this September 30"
        return make(ref.year)
    options = [make(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if tense == "past":
        past = [d for d in options if d <= ref and (not period_months or (d.year, d.month) < (ref.year, ref.month))]
        return max(past) if past else options[0]
    if tense == "future":
        future = [d for d in options if d >= ref]
        return min(future) if future else options[-1]
    return min(options, key=lambda d: abs((d - ref).days))


def _relative(g: dict, ref: date) -> str | None:
    rel = g["rel"].lower()
    if rel == "today":
        return ref.isoformat()
    if rel.startswith("the day "):  # "the day before yesterday", "the day after tomorrow"
        return (ref + timedelta(days=2 if rel.endswith("tomorrow") else -2)).isoformat()
    if rel == "yesterday" or re.fullmatch(r"last\s+night", rel):
        return (ref - timedelta(days=1)).isoformat()
    if rel == "tomorrow":
        return (ref + timedelta(days=1)).isoformat()
    if rel in ("tonight", "this morning", "this afternoon", "this evening"):
        return ref.isoformat()
    if rel == "the weekend":
        rel = "last weekend" if ref.weekday() < 5 else "this weekend"
    if g.get("unit") or g.get("unit2"):  # "two years ago", "three days later", "in three months"
        ahead = bool(g.get("unit2"))
        n = _count(g["n2"] if ahead else g["n"])
        if n is None:
            return None
        unit = (g["unit2"] if ahead else g["unit"]).lower().rstrip("s")
        if unit == "decade":  # "a decade ago": the year ten years back
            unit, n = "year", 10 * n
        sign = 1 if ahead or g["dir"].lower() not in ("ago", "earlier") else -1
        shifted = _shift(ref, unit, sign * n)
        if unit in ("day", "week"):
            return shifted.isoformat()
        return f"{shifted.year:04d}-{shifted.month:02d}" if unit == "month" else f"{shifted.year:04d}"
    if rel.startswith("the "):  # "the end of the month": this month
        rel = "this " + rel.split()[-1]
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
