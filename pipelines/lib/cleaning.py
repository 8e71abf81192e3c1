"""Boilerplate removal: from a raw page or text to the article body and its metadata.

Plain text is cut into blocks (lines, or paragraphs of hard-wrapped lines) and each block is scored
in the spirit of jusText: length, stopword density, sentence punctuation, ``key: value`` shape,
chrome vocabulary, repetition of the title, position. Blocks too short to judge take the class of
their neighbours. What is dropped is reported as ``removed`` stretches with offsets into the raw
text and a reason; the first heading-like line becomes the title, an ``Author:``/``By`` line the
author, a ``Published:`` line the date. HTML goes through trafilatura instead.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pipelines.lib import markdown as md
from pipelines.lib import privacy
from pipelines.lib import resources as R
from pipelines.lib.figures import NUMBER_WORDS

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"
LENGTH_LOW, LENGTH_HIGH = 70, 200
STOPWORDS_LOW, STOPWORDS_HIGH = 0.22, 0.30
STOPWORDS_NEWS = 0.10

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_KEY_VALUE = re.compile(r"^(?P<key>[A-Z][\w ./&'-]{0,28}?)\s*:(?:\s+(?P<value>.*)|\s*)$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# "By Jane Smith", "By Jane Smith and John Doe", "By Jane Smith, Staff Writer", "By Staff and news service reports"
_BYLINE = re.compile(r"^(?:by|written by|posted by|reporting by)\s+(?P<name>[A-Z][\w.'-]*(?:,?\s+[A-Z][\w.'-]*){0,6})\s*$", re.I)
_HEADING_MD = re.compile(r"^#{1,6}\s+")
_H1_MD = re.compile(r"#[ \t]+\S")
_CHROME = {reason: re.compile(rx, re.I) for reason, rx in R.CHROME_PATTERNS.items()}
_ANY_CHROME = re.compile("|".join(f"(?:{rx})" for rx in R.CHROME_PATTERNS.values()), re.I)  # one pass for most blocks
# The same alternation, case-sensitive, for ASCII text lowered first (the patterns are lower case):
# Python's re matches a case-insensitive alternation a character at a time. 13,342 blocks of 2,000
# Reuters bodies: 0.45 s with re.I, 0.22 s so; build_document on 4,000 bodies 2.08-2.13 -> 1.80-1.90 s.
_ANY_CHROME_LOWER = re.compile(_ANY_CHROME.pattern)
_DECORATION = " \t-–—•·|*_~=>"  # around a label: "- Advertisement -", "• Home"


def _any_chrome(text: str) -> bool:
    """Whether ``text`` holds any of the chrome vocabulary (``_ANY_CHROME``)."""
    if text.isascii():  # lower() keeps every offset and folds case as re.I does
        return _ANY_CHROME_LOWER.search(text.lower()) is not None
    return _ANY_CHROME.search(text) is not None


_SECTION_HEADER = re.compile(r"(?i)^(about the author|author (information|bio|profile)|article information|"
                             r"related (articles|posts|stories|links)|more (from|on|stories)|you (may|might) also like|"
                             r"comments?|share this( article| story)?)\s*:?$")
# Headers that close an article on news pages: what follows them is other stories, comments or the
# site's footer ("More from WIRED", "Leave a Reply", "Most Popular", "9 Comments"). "Read more" is not
# one: papers print it inside articles, above a link to another story.
# Of those, the ones papers also print inside an article, above a box of links to other stories.
_BOX_HEADERS = r"related( articles| posts| stories| links| content| news)?|more on\b.*"
_HEADER_END = r"[\s:]*[^\w\s]*$"  # "Related:", "Keep Reading 🚀"
_END_HEADER = re.compile(
    rf"(?i)^({_BOX_HEADERS}|related reading|more (from|in|stories|news|articles|headlines|to read)\b.*|more( [\w'’]+){{1,3}} (stories|articles|news|posts|headlines)|"
    r"(further|recommended|suggested|keep|continue) reading|read next|what to read next|(you|we think you) (may|might|will) (also )?like|"
    r"recommended( for you| stories| articles)?|(most )?(popular|read|trending|viewed)( now| stories| articles| posts)?|"
    r"(latest|top|recent) (news|stories|articles|posts|headlines|op-?eds|ops)|(show|view|read|load|hide) comments?|comments?( \(\d+\))?|\d+ comments?|"
    r"join the (conversation|discussion)|leave a (reply|comment)|share or comment on this article|"
    rf"editor'?s picks|around the web|from (our|the) (partners|web)|sponsored (stories|content)){_HEADER_END}")
_BOX_HEADER = re.compile(rf"(?i)^({_BOX_HEADERS}){_HEADER_END}")
# a blog's comments: "11 responses to “The Loneliest Woman ...”", "One thought on “...”"
_COMMENTS_ON = re.compile(r"(?i)^[{(\[]?\s*(\d+|one|no) (responses?|repl(y|ies)|thoughts?|comments?)"
                          r"(\s+(to|on)\s+[“\"'‘]|…|\.\.\.|\s+so far)")
_MONTH_DAY_YEAR = r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}"
_COMMENT_STAMP = re.compile(rf"(?i){_MONTH_DAY_YEAR},? at \d{{1,2}}:\d\d\s?[ap]\.?m\b")  # "June 28, 2015 at 10:25 pm"
_REPLY = re.compile(r"(?i)(?:^|\s)(?:reply|replydelete|reply delete|antworten|répondre|responder|rispondi)\s*$")
_FIRST_SENTENCE = re.compile(r"[^.!?]*")
_COOKIES = re.compile(r"(?i)\bcookies?\b")
_SITE_OR_READER = re.compile(r"(?i)\b(we|our|us|you|your|this (web)?site)\b")
# the site's rules for readers' comments: "We welcome reader comments ...", "Please do not write in block
# capitals since this makes your comment hard to read."; not a quotation in a story ("We have no comment
# at all," he said.)
_COMMENTS = re.compile(r"(?i)\bcomments?\b")
_ADDRESSED = re.compile(r"(?i)\b(we|our|us|you|your|please|readers?)\b")
_REPORTED = re.compile(r"(?i)[\"“”]|\b(said|says|told|added|conceded|according)\b")
# A teaser's lead, cut off mid-phrase by the page: a function word, then "..." ("tonight at...", "37 of
# the..."). Prose trailing off ends on a content word ("Very Scandinavian...", "fire on helicopters...").
_ELLIPSES = ("...", "…", "[…]", "[...]")
_TRUNCATED = re.compile(r"(\w+)\s?(?:\.\.\.|…|\[…\]|\[\.\.\.\])$")
# words no sentence ends on: articles, prepositions, conjunctions, possessives, auxiliaries
_DANGLING = frozenset("""
    the a an of at to in on for by from into onto than and or but nor as his her their its our your my this
    these those is are was were will would shall has have had be been being can could may might must which
    whose who whom where when while after before about against between during through under
""".split())
# The site's own notices, however long ("Advertising disclosure: We may receive compensation ...").
# A bare "Note:" or "Disclaimer:" is often the article's ("Note: the Dockerfiles here are not ...").
_DISCLOSURE = re.compile(r"(?i)^(?:(editorial|advertis\w*|affiliate)\s+(disclaimer|disclosure|note)|disclaimer\s*\([^)]{0,80}\))\s*:")
# a site's notice to its readers under a key: "Corrections: If you are aware of an inaccuracy ... please"
# (not "Correction: An earlier version of this story misstated ...", which is the article's)
_READER_NOTICE = re.compile(r"(?i)^(?:corrections?|disclaimer|disclosure)\s*:\s*(?=[^.!?]*\b(?:you|your|please)\b)")
# A picture's credit or caption label, not the article's text: "Photograph: Paul Ellis/AFP/Getty", "photo: iStock",
# "Illustration: Sarah Grillo/Axios", "Photo by ev on Unsplash", "Shutterstock", "Media caption..."
_CREDIT = re.compile(r"(?i)^(?:(?:photo(?:graph)?s?|pictures?|images?|illustrations?|graphics?|(?:photo|image|picture) "
                     r"(?:credit|copyright|source)|credits?)\s*:|(?:photo|picture|image)s? (?:by|courtesy of|via)\s|"
                     r"image (?:caption|copyright)\b|image source,|media caption|(?:getty images|shutterstock|istock(?:photo)?|"
                     r"afp/getty(?: images)?|ap photo|unsplash|pixabay)(?:/\S+)?\s*$)")
_BIO_HEADER = re.compile(r"(?i)^(about the author|author (information|bio|profile))\s*:?$")
# a writer's bio at the article's end: "Perry Bacon Jr. is a senior writer for FiveThirtyEight.", "She has
# been writing about local politics for the Post since 2008.", "Is a Senior Aviation Business Reporter at
# The Points Guy." (the name on the line above); a role of the trade after "is a" and a few words, then
# where or what it is done ("for", "at", "of", "covering"; not "Mr Forsyth is a wonderful writer and ...")
_BIO_SENTENCE = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*\s+){1,4}|(?:He|She|They)\s+)?(?:[Ii]s|was)\s+(?:[Aa]n?|the)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:reporter|writer|editor|columnist|journalist|correspondent|contributor|freelancer|critic|"
    r"blogger|photographer)s?(?:\s+(?:for|at|on|with|of)\s|,?\s+covering\s)"
    r"|\b(?:He|She|They) (?:has|have) been (?:writing|reporting) (?:about|on|for)\b")
_SIGN_OFF = re.compile(R.SIGN_OFF_PATTERN, re.I)
_NUMBER = re.compile(r"\d[\d,.]*")
# a line that ends in an initial, a dotted abbreviation or a title or company form with its stop: not a
# sentence's end ("Biosonics Inc said Jeffrey S.", "the U.S.", "The Federal Deposit Insurance Corp.")
_INITIALS_END = re.compile(r"(?:(?<![\w.])[A-Z]\.|(?<![\w.])(?:[A-Za-z]\.){2,})$")
_ABBREVIATED = R.PREPOSITIVE_ABBREVIATIONS | R.LEGAL_FORMS | {"bros", "ave", "ing"}
_UNSURE = frozenset({"short", "boilerplate", "code", "data", None})  # dropped for want of prose, not as chrome
_READER = re.compile(r"(?i)\b(you|your|you're|our|us|please)\b")
_INDENT = re.compile(r"\n(?=[ \t]{2,}\S)")
_BLANK = re.compile(r"\n[ \t]*\n")


@dataclass
class Block:
    start: int  # offsets into the raw text
    end: int
    text: str
    paragraph: int  # index of the blank-line separated paragraph it came from
    lines: int = 1  # raw lines joined into it (hard-wrapped prose)
    cls: str = BAD
    reason: str | None = None  # why it is dropped (for chrome)
    prose: bool = False  # classified good before any smoothing: a paragraph of prose
    credit: bool = False  # a picture credit or caption label (_drop_credits)
    near_body: bool = False  # classified short before any smoothing: a timestamp, an unknown key's value


@dataclass
class Extracted:
    body: str
    title: str | None = None
    author: str | None = None
    published_at: datetime | None = None  # aware, in the offset it was given in (UTC if none)
    removed: list[dict] = field(default_factory=list)  # raw_start, raw_end, text, reason


def extract(raw_text: str, *, fmt: str, repeated: frozenset[str] = frozenset()) -> Extracted:
    """The article body and metadata of a raw document of format ``fmt``."""
    if fmt == "html":
        return _extract_html(raw_text)
    return strip_boilerplate(raw_text, markdown=fmt == "markdown", repeated=repeated)


def strip_boilerplate(text: str, *, markdown: bool = False, repeated: frozenset[str] = frozenset()) -> Extracted:
    """Keep the article of a plain-text page; report everything dropped with a reason.

    ``repeated`` holds normalised lines seen in many documents of the same source (see
    ``repeated_lines``): such lines are chrome wherever they appear.
    """
    raw, text = text, one_line_end(text)
    blocks = split_blocks(text)
    fields: dict[str, str] = {}  # a Markdown file's front matter: title, author, date
    h1 = None  # a Markdown file's first block, if a level-1 heading: its title, however short
    if markdown:
        end, fields = md.front_matter(text) or (0, {})
        for b in blocks:
            if b.start < end:
                b.cls, b.reason = BAD, "front_matter"
            else:
                if h1 is None:
                    h1 = b if _H1_MD.match(b.text) else False
                b.text = md.plain(b.text)
                if not b.text:
                    b.cls, b.reason = BAD, "markup"  # an image alone
    dated = _parse_date(fields["date"]) if "date" in fields else None
    content = [b for b in blocks if b.reason is None]
    if not content:
        return Extracted(body="", title=fields.get("title"), author=fields.get("author"), published_at=dated,
                         removed=_removed_stretches(raw, blocks))
    meta = _metadata(content, h1=h1 is content[0])
    if fields:  # the front matter's metadata before what the lines suggest
        meta["author"] = fields.get("author") or meta["author"]
        meta["published_at"] = dated or meta["published_at"]
        if "title" in fields:
            meta["title"] = fields["title"]
            for b in content:
                if b.reason is None and _norm(b.text) == _norm(fields["title"]):
                    b.cls, b.reason = BAD, "duplicate_title"
    for b in blocks:
        if b.reason is None:
            if repeated and _norm(b.text) in repeated:
                b.cls, b.reason = BAD, "repeated"
            else:
                b.cls, b.reason = classify(b.text)
        b.prose = b.cls == GOOD
        b.credit = b.reason == "credit"
        b.near_body = b.cls == SHORT
    _mark_sign_off(blocks)
    _mark_sections(blocks)
    _cut_comment_thread(blocks)
    region = _main_region(blocks)
    _smooth(blocks)
    _keep_region(blocks, region)
    _drop_site_notices(blocks, region)
    _cut_after_end(blocks)
    _drop_far_runs(blocks)
    _keep_between(blocks)
    _keep_opening_table(blocks)
    _keep_lead(blocks)
    _keep_tail(blocks)
    _drop_author_bio(blocks)
    if not any(b.cls == GOOD for b in blocks):
        _rescue_short_document(blocks)
    if not any(b.cls == GOOD for b in blocks):
        _keep_whole_brief(blocks)
    _take_headline(blocks, meta)
    _drop_credits(blocks)
    kept = [b for b in blocks if b.cls == GOOD]
    body = _join(kept)
    removed = _removed_stretches(raw, [b for b in blocks if b.cls != GOOD])
    return Extracted(body=body, title=meta["title"], author=meta["author"], published_at=meta["published_at"],
                     removed=removed)


def one_line_end(text: str) -> str:
    """``text`` with Windows' and old Macs' line ends ("\\r\\n", "\\r") as "\\n", at the same length, so
    that offsets into it are offsets into ``text``: "\\r\\n" becomes " \\n" (the space is stripped with
    its line), a lone "\\r" "\\n". Without it, "\\r\\n\\r\\n" was no blank line, a file from Windows one
    paragraph, and its title run into the first sentence."""
    return text.replace("\r\n", " \n").replace("\r", "\n") if "\r" in text else text


def repeated_lines(texts: list[str], *, min_documents: int = 3, min_share: float = 0.3) -> frozenset[str]:
    """Normalised short lines that appear in at least ``min_documents`` and ``min_share`` of ``texts``
    (documents of one source): navigation, footers and sign-offs that the source prints everywhere."""
    if len(texts) < min_documents:
        return frozenset()
    counts: dict[str, int] = {}
    for text in texts:
        for line in {_norm(line) for line in one_line_end(text).split("\n") if 0 < len(line.strip()) <= 120}:
            if line:
                counts[line] = counts.get(line, 0) + 1
    floor = max(min_documents, int(min_share * len(texts) + 0.999))
    return frozenset(line for line, n in counts.items() if n >= floor)


# -- blocks ---------------------------------------------------------------------------------


def split_blocks(text: str) -> list[Block]:
    """Lines as blocks; hard-wrapped prose (long lines that run on) is joined into one block."""
    blocks: list[Block] = []
    paragraphs = _paragraph_spans(text)
    widths = [len(line.strip()) for s, e in paragraphs for line in text[s:e].split("\n") if line.strip()]
    wrap_width = _wrap_width(widths)
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        pos = p_start
        current: Block | None = None
        last_line = ""
        for line in text[p_start:p_end].split("\n"):
            l_start, l_end = pos, pos + len(line)
            pos = l_end + 1
            stripped = line.strip()
            if not stripped:
                continue
            lead = len(line) - len(line.lstrip())
            s, e = l_start + lead, l_start + lead + len(stripped)
            if current is not None and _runs_on(last_line, stripped, wrap_width):
                current.end = e
                current.text = current.text + " " + stripped
                current.lines += 1
                last_line = stripped
                continue
            current = Block(s, e, stripped, p_index)
            last_line = stripped
            blocks.append(current)
    return blocks


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    cuts = sorted({0, len(text), *(m.end() for m in _BLANK.finditer(text)), *(m.end() for m in _INDENT.finditer(text))})
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def _wrap_width(widths: list[int]) -> int | None:
    """The column at which a text was hard-wrapped, if it was (many lines end near the same width)."""
    long = sorted(w for w in widths if w >= 40)
    if len(long) < 3 or len(long) < len(widths) * 0.4:
        return None
    top = long[int(len(long) * 0.9) - 1] if len(long) >= 10 else long[-1]
    near = sum(1 for w in long if w >= top - 15)
    return top if top <= 100 and near >= len(long) * 0.5 else None


def _ends_in_abbreviation(line: str) -> bool:
    last = line.rsplit(None, 1)[-1]
    return bool(_INITIALS_END.search(last)) or last.endswith(".") and last[:-1].lower() in _ABBREVIATED


def _runs_on(previous: str, line: str, wrap_width: int | None) -> bool:
    """Whether ``line`` continues the sentence of the line before it (hard-wrapped prose)."""
    if previous.endswith((",", ',"', ",”")) and len(previous.split()) >= 3 and not _KEY_VALUE.match(previous):
        # a sentence goes on after a comma: "The Commodity Credit Corporation," / "CCC, has accepted a bid ...";
        # '"They appear to be linking unrelated issues,"' / "Mr X told Reuters."
        return True
    if line[:1].islower() and len(previous.split()) >= 3 and _ends_in_abbreviation(previous):
        return True  # a line cut after an abbreviation or an initial: "The Federal Deposit Insurance Corp." / "said ..."
    kv = _KEY_VALUE.match(previous)
    if kv and len((kv.group("value") or "").split()) >= 4 and line[:1].islower() \
            and not previous.endswith((":", ".", "!", "?", "\"", "”")):
        return True  # a note's sentence wrapped: "NOTE: annual dividend payable April 10, 1987, to" / "stockholders of ..."
    if kv or previous.endswith((":", ".", "!", "?", "\"", "”")):
        return wrap_width is not None and len(previous) >= wrap_width - 25 and not previous.endswith(":") \
            and line[:1].islower()
    if line[:1].islower() and len(previous.split()) >= 3:
        return True  # "... bite the bullet" / "and improve on my setup"
    if len(previous) >= 40 and len(line) <= 20 and line[:1].isdigit() and _SENTENCE_END.search(line):
        return True  # the tail of a wrapped sentence: "... holders of record March" / "12."
    if wrap_width is not None and len(line) >= wrap_width - 25 and len(previous.split()) >= 3 \
            and any(w.islower() for w in previous.split()[1:]):
        return True  # a sentence cut short on its first line (a wire story whose dateline was removed)
    return wrap_width is not None and len(previous) >= wrap_width - 25


# -- scoring --------------------------------------------------------------------------------


def classify(text: str) -> tuple[str, str | None]:
    """The jusText-style class of one block, and the reason if it is chrome."""
    if _DISCLOSURE.match(text) or _READER_NOTICE.match(text):
        return BAD, "disclaimer"  # "Editorial Note: Opinions expressed here are ...", however long
    kv = _KEY_VALUE.match(text)
    value_words = len((kv.group("value") or "").split()) if kv else 0
    key = kv.group("key").strip().lower() if kv else ""
    if key in R.BIO_KEYS:
        return BAD, "author_bio"
    known = kv is not None and (key in R.METADATA_KEYS or key.split(" ")[0] in R.METADATA_KEYS)
    # a long value, or a phrase before the colon, is prose with a lead-in ("One thing not in dispute: ...");
    # so is a note that is a sentence ("NOTE: Per shr calculated after payment of preferred dividends.")
    note = key in ("note", "notes") and value_words >= 4 and bool(_SENTENCE_END.search(text))
    if kv and value_words < 12 and (known or len(key.split()) < 3) and not note:
        if known or not value_words:
            return BAD, "metadata"
        return SHORT, "credit" if _is_credit(text) else "metadata"
    if _BYLINE.match(text):
        return BAD, "byline"
    if _is_credit(text):
        return SHORT, "credit"  # dropped at the end (_drop_credits), and no gap in the article before that
    words = _WORD.findall(text)
    n_words = len(words)
    if n_words == 0:
        return BAD, "boilerplate"
    ends_sentence = bool(_SENTENCE_END.search(text))
    if reason := _chrome(text, n_words, ends_sentence):
        return BAD, reason
    if n_words <= 8 and not ends_sentence and _DATE_OR_TIME.search(text):
        return SHORT, "metadata"  # a timestamp: "asked Feb 6, 2014 at 20:37", "5:55 AM"
    density = _stopword_density(words)
    if density < STOPWORDS_HIGH and _looks_like_data(text):
        return SHORT, "data"
    if density < STOPWORDS_HIGH and _looks_like_code(text):
        return SHORT, "code"
    if density < STOPWORDS_LOW and _looks_like_names(text, words):
        return SHORT, "data"  # a team sheet or a list of winners: it belongs to the prose before it
    if n_words >= 8 and text.endswith(_ELLIPSES) and (cut := _TRUNCATED.search(text[-40:])) \
            and cut.group(1).lower() in _DANGLING:
        return BAD, "teaser"  # a lead cut off mid-phrase: "... will begin tonight at..."
    if len(text) < LENGTH_LOW:
        if ends_sentence and n_words >= 4 and density >= STOPWORDS_LOW:
            return NEAR, None
        if ends_sentence and n_words >= 7 and density >= STOPWORDS_NEWS and text[0].isupper() \
                and sum(1 for w in words if w.islower()) >= 0.3 * n_words:
            return NEAR, None  # a short sentence dense with names: "Tim Henman has retired from Great Britain's Davis Cup team."
        return SHORT, "short"
    if density >= STOPWORDS_HIGH and (len(text) >= LENGTH_HIGH or ends_sentence):
        return GOOD, None
    lower = sum(1 for w in words if w.islower())
    if density >= STOPWORDS_LOW or ends_sentence and n_words >= 10 and density >= STOPWORDS_NEWS \
            and (lower >= 0.3 * n_words or n_words >= 20 and lower >= 0.2 * n_words):
        # a wire story's lead is dense with names: "AMR Corp said its Nashville Eagle Inc ...", "British
        # Virgin Islands (BVI) Governor John Rankin Thursday called for calm after United States Drug
        # Enforcement Agency (DEA) officials arrested ..." (a long one: fewer lower-case words)
        return NEAR, None
    return BAD, "boilerplate"


def _chrome(text: str, n_words: int, ends_sentence: bool) -> str | None:
    """The chrome vocabulary a block is made of, if any. A navigation label is the whole block ("Next",
    "Related articles"), not the first word of a sentence ("Next year the company ..."). A prompt or a
    notice opens the block or one of its sentences, addresses the reader, or stands in a block too
    short or too unlike a sentence to merely mention a newsletter, a share or terms and conditions
    ("the right to subscribe for ...", "3.75 dlrs per share on ..."). Copyright and cookie notices
    count wherever they are. A label between dashes or bullets is the label ("- Advertisement -")."""
    text = text.strip(_DECORATION)
    if n_words > 30 or not _any_chrome(text):
        return None
    for reason, rx in _CHROME.items():
        m = rx.search(text)
        if m is None:
            continue
        if reason == "navigation":
            if n_words <= 4 and not ends_sentence:
                return reason
            continue
        opens = m.start() == 0 or text[: m.start()].rstrip().endswith((".", "!", "?", ":"))
        anywhere = reason == "copyright" or reason == "cookie_notice" and not m.group().lower().startswith("terms")
        if opens or anywhere or n_words <= 8 or not ends_sentence or _READER.search(text):
            return reason
    return None


_CODE_MARKS = frozenset("=(){}[];<>_#$@\\|`")
_CODE_PUNCT = _CODE_MARKS | frozenset("/.:-*'\"")
_CODE_ONLY = frozenset("={}[]<>_\\|`")  # not ";": "259.7m euros ($353.3m; £183.75m)"
_CALL = re.compile(r"[A-Za-z_]\(")  # "print(key)", where prose leaves a space: "Poor's (S&P)"


def _looks_like_code(text: str) -> bool:
    """A command, a config line or a snippet: programming punctuation, densely, and at least one mark
    that prose does not use (or a call: a name and its parenthesis). Parentheses, apostrophes and full stops alone are a news lead's: "Japan's
    box office received a 3.8% boost last year, with ticket sales worth 211bn yen (£1.08bn)." was
    code (44 stretches of BBC News bodies dropped so, leads among them)."""
    marks = sum(1 for ch in text if ch in _CODE_MARKS)
    punct = sum(1 for ch in text if ch in _CODE_PUNCT)
    return marks >= 2 and punct >= 0.06 * len(text) and (any(ch in _CODE_ONLY for ch in text) or bool(_CALL.search(text)))


_DIGIT = re.compile(r"\d")
# figures spelled out in tables of results ("Shr six cts vs five cts", "Net nil vs 1.2 mln")
_TABLE_NUMBER_WORDS = frozenset(NUMBER_WORDS) - {"a", "an", "half"} | {"nil"}
_LIST_NUMBER = re.compile(r"^\(?\d{1,3}[.)]$")
_DATE_OR_TIME = re.compile(rf"(?i)\b\d{{1,2}}:\d\d\b|\d\s?[ap]\.?m\b\.?|{_MONTH_DAY_YEAR}\b"
                           r"|\b\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? (19|20)\d\d\b")


def _is_number_token(token: str) -> bool:
    """A figure as a table prints it: "1.53", "(6-1/8)", "25,237", "M-1.......736.7", "15%"."""
    if not _DIGIT.search(token):
        return token.lower() in _TABLE_NUMBER_WORDS
    return sum(map(str.isalpha, token)) <= 0.5 * len(token)


def _looks_like_data(text: str) -> bool:
    """A row of a table of figures ("Shr 1.53 dlrs vs 1.21 dlrs", "Net 12.6 mln vs 15.8 mln")."""
    if _DATE_OR_TIME.search(text):
        return False  # a dateline or a timestamp is metadata, not figures
    tokens = text.split()
    if tokens and _LIST_NUMBER.match(tokens[0]):
        tokens = tokens[1:]  # "94. Cristina Scabbia" is a list item, not a row of figures
    numbers = sum(1 for t in tokens if _is_number_token(t))
    return numbers >= 0.25 * len(tokens) and (numbers >= 2 or numbers == 1 and len(tokens) <= 3)


def _looks_like_names(text: str, words: list[str]) -> bool:
    """A list of names ("J McIlroy (Windsor AC), Jimmy Watkins (Cardiff AAC).", "Jones, Hiley, Sawyer,
    Gaia (Martin 89), ..."): two or more commas or semicolons, mostly capitalised words."""
    separators = text.count(",") + text.count(";")
    capitalised = sum(1 for w in words if w[0].isupper())
    return separators >= 2 and capitalised >= 0.6 * len(words)


def _stopword_density(words: list[str]) -> float:
    """Share of function words, in English or (if higher) another common web language."""
    lower = [w.lower() for w in words]
    best = sum(1 for w in lower if w in R.STOPWORDS)
    if best < len(lower) * STOPWORDS_HIGH:
        for stop in R.OTHER_STOPWORDS.values():
            best = max(best, sum(1 for w in lower if w in stop))
    return best / len(lower)


def _metadata(blocks: list[Block], *, h1: bool = False) -> dict:
    """Title, author and date from the page's own lines; marks the blocks they came from. ``h1``: the
    first block is a Markdown level-1 heading, a title by its author's say ("# Introduction")."""
    meta: dict = {"title": None, "author": None, "published_at": None}
    first = blocks[0]
    title_text = _HEADING_MD.sub("", first.text).strip()  # "# Oil rises" in a .txt file too
    if (h1 and first.lines == 1 and len(title_text.split()) <= 30) or _looks_like_title(title_text, first, blocks):
        meta["title"] = title_text
        first.cls, first.reason = BAD, "title"
        norm = _norm(title_text)
        for b in blocks[1:]:
            if _norm(_HEADING_MD.sub("", b.text)) == norm:
                b.cls, b.reason = BAD, "duplicate_title"
    for b in blocks:
        kv = _KEY_VALUE.match(b.text)
        key = kv.group("key").strip().lower() if kv else ""
        value = (kv.group("value") or "").strip() if kv else ""
        if kv and key in R.AUTHOR_KEYS and value and meta["author"] is None:
            meta["author"] = value
            b.cls, b.reason = BAD, "byline"
        elif kv and (key in R.DATE_KEYS or key.startswith(("published", "posted", "last updated", "updated"))) and value:
            meta["published_at"] = meta["published_at"] or _parse_date(value)
            b.cls, b.reason = BAD, "metadata"
        elif (m := _BYLINE.match(b.text)) and meta["author"] is None and b.start < blocks[-1].end * 0.3:
            meta["author"] = m.group("name")
            b.cls, b.reason = BAD, "byline"
    return meta


def _looks_like_title(text: str, block: Block, blocks: list[Block]) -> bool:
    if block.lines > 1 or not _headline_shaped(text):
        return False  # a wrapped sentence, the lead-in to a table, or its first row
    repeated = any(_norm(b.text) == _norm(text) for b in blocks[1:])
    if repeated:
        return True
    if _lead_without_full_stop(text):
        return False
    return len(blocks) > 1 and blocks[1].paragraph != block.paragraph


def _headline_shaped(text: str) -> bool:
    """2 to 30 words with no full stop (a question may be a headline), not the lead-in to a table
    (a colon, a comma) nor a row of figures."""
    n = len(text.split())
    return 2 <= n <= 30 and not (_SENTENCE_END.search(text) and not text.endswith("?")) \
        and not text.endswith((":", ",", ";")) and not _looks_like_data(text)


def _lead_without_full_stop(text: str) -> bool:
    """Headlines are short and terse (BBC's: 9 words at most); a long line dense with stop words is a
    lead that lost its full stop."""
    return len(text.split()) >= 16 and _stopword_density(_WORD.findall(text)) >= STOPWORDS_HIGH


def _mark_sign_off(blocks: list[Block]) -> None:
    """A wire service's sign-off on the last line ("Reuter", "AP", "-- END --")."""
    if _SIGN_OFF.match(blocks[-1].text):
        blocks[-1].cls, blocks[-1].reason = BAD, "sign_off"


def _mark_sections(blocks: list[Block]) -> None:
    """Chrome section headers ("Author information", "Related articles") turn what follows into chrome,
    up to the next block of article prose."""
    section: str | None = None
    for b in blocks:
        if _SECTION_HEADER.match(b.text):
            section = "author_bio" if _BIO_HEADER.match(b.text) else "navigation"
            b.cls, b.reason = BAD, section
            continue
        if section and b.cls == NEAR and _SENTENCE_END.search(b.text):
            section = None  # prose again: the section was a header and its counters
        elif section and b.cls != GOOD:
            b.cls = BAD
            b.reason = section if b.reason in (None, "navigation", "boilerplate") else b.reason
        elif b.cls == GOOD:
            section = None


def _main_region(blocks: list[Block], *, gap: int = 6) -> tuple[int, int] | None:
    """The stretch of blocks holding the most article prose: runs of good blocks, split where
    ``gap`` or more blocks in a row are not good (menus, link lists and footers in between)."""
    best, best_chars = None, 0
    start, chars, last_good, misses = None, 0, None, 0
    for i, b in enumerate(blocks + [Block(0, 0, "", -1)]):
        if i < len(blocks) and b.cls == GOOD:
            if start is None:
                start, chars = i, 0
            chars += len(b.text)
            last_good, misses = i, 0
            continue
        misses += 1
        if start is not None and (misses >= gap or i == len(blocks)):
            if chars > best_chars:
                best, best_chars = (start, last_good), chars
            start = None
    return best


def _runs(blocks: list[Block], gap: int) -> list[tuple[int, int, int]]:
    """Runs of good blocks (first, last, characters), split where ``gap`` or more blocks in a row are not good."""
    runs: list[tuple[int, int, int]] = []
    start, chars, last_good, misses = None, 0, None, 0
    for i, b in enumerate(blocks):
        if b.cls == GOOD:
            if start is not None and misses >= gap:
                runs.append((start, last_good, chars))
                start = None
            if start is None:
                start, chars = i, 0
            chars += len(b.text)
            last_good, misses = i, 0
        else:
            misses += 1
    if start is not None:
        runs.append((start, last_good, chars))
    return runs


def _drop_site_notices(blocks: list[Block], region: tuple[int, int] | None) -> None:
    """Prose whose first sentence is about this site's cookies and its reader ("We use cookies to ...",
    "This website uses cookies to improve your experience ...") is a cookie notice, however long, and
    prose whose first sentence is about comments and addresses the reader ("We welcome reader comments
    ...", "Please understand that comments are moderated ...") the site's comment policy: outside the
    main region, and at either end of it (peeled off block by block). Inside the region it stays: the
    page may be a privacy policy, or an article about comments."""
    def notice(b: Block) -> str | None:
        cookies, comments = "ookie" in b.text or "OOKIE" in b.text, "omment" in b.text or "OMMENT" in b.text
        if not cookies and not comments:
            return None  # most blocks: no regex at all
        first = _FIRST_SENTENCE.match(b.text).group()
        if cookies and _COOKIES.search(first) and _SITE_OR_READER.search(first):
            return "cookie_notice"
        if comments and _COMMENTS.search(first) and _ADDRESSED.search(first) and not _REPORTED.search(first):
            return "comment_policy"
        return None

    inside = set(range(region[0], region[1] + 1)) if region else set()
    if region:  # peel the region's ends
        for order in (range(region[0], region[1] + 1), range(region[1], region[0] - 1, -1)):
            for i in order:
                if blocks[i].cls != GOOD:
                    continue
                if not notice(blocks[i]):
                    break
                inside.discard(i)
    for i, b in enumerate(blocks):
        if b.cls != BAD and i not in inside:
            reason = notice(b)
            if reason:
                b.cls, b.reason = BAD, reason


_FIRST_OR_SECOND = re.compile(r"(?i)\b(?:i|i'm|i've|i'd|my|me|you|your|you're|we|our|thanks?)\b|[!?]")
_NAME_LINE = re.compile(r"^(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}|@?[a-z][a-z0-9_.]{3,20})$")


def _cut_comment_thread(blocks: list[Block], *, min_names: int = 4) -> None:
    """A comment thread with no header, stamps or buttons: commenters' names on their own lines, each
    over what they wrote ("Kim Scheibel" / "Re. #1: If you're mutating ...", "Martin Chikilian" / "Good
    point! ..."), one name at least twice (the author answering), in the second half of the page, and
    at least half of the entries in the first or second person (comments talk; a list of people in a
    story is written in the third). Run before the main region is found, so that the thread does not
    count as the article's prose. Measured on the boilerplate dev pages: one page of 187 has such a
    thread (a Python tutorial with 60 comments): all pages' article-text F1 0.887 -> 0.889, its page's
    false shingles 2,480 -> 63; strings kept and dropped, Reuters and BBC unchanged."""
    kept = [i for i, b in enumerate(blocks) if b.cls == GOOD]
    if len(kept) < 8:
        return
    half = kept[len(kept) // 2]

    def commenter(i: int) -> bool:
        text = blocks[i].text
        return i + 1 < len(blocks) and blocks[i].reason in _UNSURE and _NAME_LINE.match(text) is not None \
            and not text.isupper() and not _NAME_LINE.match(blocks[i + 1].text)

    names = [i for i in range(half, len(blocks)) if commenter(i) and _SENTENCE_END.search(blocks[i + 1].text)]
    # for each start k of the names from there on: does a name repeat, how many entries talk (one pass back)
    repeats, talks, seen, n_talk, repeated = [False] * len(names), [0] * len(names), set(), 0, False
    for k in range(len(names) - 1, -1, -1):
        text = blocks[names[k]].text
        repeated = repeated or text in seen
        seen.add(text)
        n_talk += 1 if _FIRST_OR_SECOND.search(blocks[names[k] + 1].text) else 0
        repeats[k], talks[k] = repeated, n_talk
    for k in range(len(names) - min_names + 1):
        gaps = [b - a for a, b in itertools.pairwise(names[k:k + min_names])]
        if repeats[k] and max(gaps) <= 4 and talks[k] >= (len(names) - k) / 2:
            start = names[k]
            # back over earlier comments, which may hold code: a name over talk within 20 blocks
            while earlier := [j for j in range(max(half, start - 20), start)
                              if commenter(j) and _FIRST_OR_SECOND.search(blocks[j + 1].text)]:
                start = earlier[0]
            for b in blocks[start:]:
                if b.cls != BAD or b.reason is None:
                    b.cls, b.reason = BAD, "comments"
            return


def _cut_after_end(blocks: list[Block], *, min_run: int = 3, share: float = 0.35) -> None:
    """Everything after an end-of-article header ("More from WIRED", "Leave a reply") is chrome, unless
    the article goes on after it: ``min_run`` or more blocks in a row and at least ``share`` of the
    prose before the header. After a header that papers also print above a box of links inside an
    article ("Related", "More on this story"), any good block counts (the article's headings and
    captions going on); after the others only paragraphs of prose do (``Block.prose``: good before
    smoothing), so a list of teasers (headline, lead, headline, lead) is cut. Counting only prose
    after "Related" too cut a last paragraph printed between a box of links and "Further Reading"
    (89.7% of the article strings kept instead of 90.3%).

    A blog's comments header ("11 responses to “...”", "{ 38 comments… read them below }"), or any
    such header followed by two or more "Reply" buttons or comment stamps ("June 28, 2015 at 10:25
    pm"), cuts what follows whatever its length: comments read like prose.

    Measured on the boilerplate dev pages (benchmarks/boilerplate.py), with _drop_site_notices:
    chrome dropped 80.2 -> 84.6%, article strings kept 90.3 -> 90.1% (one sits in a comment), and
    most of session 8's article-text F1 gain against trafilatura's article, 0.847 -> 0.881 (the rest
    came from the code, title and teaser rules in classify)."""
    region = _main_region(blocks)
    if region is None:
        return
    for h in range(region[0] + 1, len(blocks)):
        text = blocks[h].text
        header = len(text) <= 120 and _END_HEADER.match(text) and len(text.split()) <= 8 \
            and not _SENTENCE_END.search(text)
        comments = bool(_COMMENTS_ON.match(text))  # what follows is comments, however long
        if not header and not comments:
            continue
        # a comment thread: its entries end with "Reply" buttons, or open with a stamp to the minute
        comments = comments or sum(1 for b in blocks[h + 1:] if _REPLY.search(b.text) or _COMMENT_STAMP.search(b.text)) >= 2
        before = sum(len(b.text) for b in blocks[region[0]:h] if b.cls == GOOD)
        after = longest = run = 0
        # after a box header, any good block counts (headings and captions of the article going on);
        # after one that ends articles, only paragraphs of prose do (teasers are headings and leads)
        box = _BOX_HEADER.match(text)
        for b in blocks[h + 1:]:
            counts = b.cls == GOOD and (box or b.prose)
            run = run + 1 if counts else 0
            longest = max(longest, run)
            after += len(b.text) if counts else 0
        if longest >= min_run and after >= share * before and not comments:
            continue  # the article goes on: a box of links inside it
        for b in blocks[h:]:
            if b.cls != BAD or b.reason is None:
                b.cls, b.reason = BAD, "navigation" if b is blocks[h] else "outside_article"
        return


def _take_headline(blocks: list[Block], meta: dict) -> None:
    """A headline opening the article (after the page's navigation, so not the first line) is its
    title, not its body: a single line of a few words with no full stop, followed by prose, or by the
    article's header lines (a byline, a date: short lines, none of them a sentence) and then prose.
    Those header lines go with it."""
    if any(b.lines > 1 for b in blocks):
        return  # hard-wrapped text (a wire story): its headline, if any, is its first line
    kept = [b for b in blocks if b.cls == GOOD]
    first_prose = next((i for i, b in enumerate(kept) if b.prose), None)
    if first_prose is None or not 1 <= first_prose <= 5:
        return
    head, header, prose = kept[0], kept[1:first_prose], kept[first_prose]
    if not _headline_shaped(head.text) or len(head.text.split()) < 3 or _KEY_VALUE.match(head.text) \
            or _lead_without_full_stop(head.text):
        return  # a label, a note ("NOTE: Results include ...") or a lead
    if not prose.text[:1].isupper() and prose.text[:1] not in "\"'“‘(":
        return  # the prose goes on from the line above: a sentence, not a headline
    if any(len(_WORD.findall(b.text)) > 12 or _SENTENCE_END.search(b.text) for b in header):
        return
    if meta["title"] is None:
        meta["title"] = head.text
    head.cls, head.reason = BAD, "title" if meta["title"] == head.text else "duplicate_title"
    for b in header:
        b.cls, b.reason = BAD, "metadata"


def _is_credit(text: str) -> bool:
    return len(text) <= 100 and _CREDIT.match(text) is not None


def _drop_credits(blocks: list[Block]) -> None:
    """Picture credits and caption labels go, wherever they are. They count as short lines until
    here: a listicle with a credit under every item must not read as chrome between its items."""
    for b in blocks:
        if b.credit:
            b.cls, b.reason = BAD, "credit"


def _drop_far_runs(blocks: list[Block], *, gap: int = 4, share: float = 0.1) -> None:
    """Prose far from the article (``gap`` or more chrome blocks away) and much smaller than it
    (under ``share`` of its characters) is a teaser, a bio box or a footer blurb, not the article."""
    runs = _runs(blocks, gap)
    if len(runs) < 2:
        return
    best = max(r[2] for r in runs)
    for first, last, chars in runs:
        if chars < share * best:
            for b in blocks[first:last + 1]:
                if b.cls == GOOD:
                    b.cls, b.reason = BAD, "outside_article"


def _keep_between(blocks: list[Block], *, max_gap: int = 10) -> None:
    """A few blocks between two stretches of article prose, none of them recognised chrome (an
    ingredient list, a table, a snippet, a caption), are part of the article."""
    good = [i for i, b in enumerate(blocks) if b.cls == GOOD]
    for a, z in zip(good, good[1:], strict=False):
        gap = blocks[a + 1 : z]
        if gap and len(gap) <= max_gap and all(b.reason in _UNSURE for b in gap):
            for b in gap:
                b.cls, b.reason = GOOD, None


def _keep_opening_table(blocks: list[Block]) -> None:
    """A table that opens the text, right above its first paragraph, is the article's: a wire's
    results ("Shr 39 cts vs 50 cts" / "Net 1,545,160 vs 2,188,933" / ... / "NOTE: Results include
    ..."), where the note had been kept and the results dropped. Only rows (``data``) and short lines
    from the very start (or the title) to the first paragraph, two rows of two figures at least."""
    first = next((i for i, b in enumerate(blocks) if b.cls == GOOD), None)
    if not first:
        return
    start = first
    while start > 0 and blocks[start - 1].reason in ("data", "short"):
        start -= 1
    run = blocks[start:first]
    rows = sum(1 for b in run if len(_NUMBER.findall(b.text)) >= 2)
    if rows < 2 or any(b.reason not in ("title", "duplicate_title") for b in blocks[:start]):
        return  # not a table of figures: "Saturday, 26 February" / "1600 GMT" above a match report
    for b in run:
        b.cls, b.reason = GOOD, None


def _keep_lead(blocks: list[Block]) -> None:
    """The sentence right above the article's first paragraph is its lead, even when it is so dense
    with names that few of its words are function words ("Elena Dementieva swept aside defending
    champion Venus Williams 6-3 6-2 to win Hong Kong's Champions Challenge event."): a sentence of ten
    words or more that ends with a full stop, opens with a capital and was taken for chrome by its
    words alone (no chrome vocabulary, no metadata shape)."""
    first = next((i for i, b in enumerate(blocks) if b.cls == GOOD), None)
    if not first:
        return
    b = blocks[first - 1]
    words = _WORD.findall(b.text)
    if b.reason == "boilerplate" and b.paragraph != blocks[first].paragraph and len(words) >= 10 \
            and b.text[:1].isupper() and b.text.endswith((".", '."', ".”")) and sum(1 for w in words if w.islower()) >= 0.2 * len(words):
        b.cls, b.reason = GOOD, None


def _keep_tail(blocks: list[Block], *, most: int = 2) -> None:
    """The last sentences of an article, short ones included ("AMR announced the order earlier today.",
    "GE said deliveries will start in early 1988."): up to ``most`` blocks right after its last
    paragraph, each a sentence (a capital first, a full stop, a question or exclamation mark last, four
    words or more) dropped for its length or its few function words alone, not as chrome. The
    document's end or a wire's sign-off after them had counted as chrome beside them."""
    last = next((i for i in range(len(blocks) - 1, -1, -1) if blocks[i].cls == GOOD), None)
    if last is None:
        return
    for b in blocks[last + 1 : last + 1 + most]:
        if b.reason not in ("short", "boilerplate") or not b.text[:1].isupper() or not _SENTENCE_END.search(b.text) \
                or len(_WORD.findall(b.text)) < 4 or _READER.search(b.text):
            return
        b.cls, b.reason = GOOD, None


def _drop_author_bio(blocks: list[Block], *, share: float = 0.67) -> None:
    """The writer's bio that closes a web article ("Will Knight is a senior writer for WIRED, covering
    artificial intelligence."): a short kept block that opens by saying what its writer is, or says
    what she has been writing about, with at least ``share`` of the kept text before it, ends the
    article: it goes, and what is kept after it (the page's teasers and offers) with it."""
    kept = [i for i, b in enumerate(blocks) if b.cls == GOOD]
    total = sum(len(blocks[i].text) for i in kept)
    before = 0
    for n, i in enumerate(kept):
        if before >= share * total and len(blocks[i].text) <= 600 and _BIO_SENTENCE.search(blocks[i].text):
            for j in kept[n:]:
                blocks[j].cls, blocks[j].reason = BAD, "author_bio" if j == i else "outside_article"
            return
        before += len(blocks[i].text)


def _keep_region(blocks: list[Block], region: tuple[int, int] | None) -> None:
    """Inside the main region, short blocks that are not chrome (headings, list items, code) are body."""
    if region is None:
        return
    for b in blocks[region[0] : region[1] + 1]:
        if b.cls != GOOD and b.reason in _UNSURE:
            b.cls, b.reason = GOOD, None


def _smooth(blocks: list[Block]) -> None:
    """jusText's context rule: short and near-good blocks take the class of their neighbours."""
    classes = [b.cls for b in blocks]
    # the blocks after one are not smoothed yet: the first good or bad block after each, and how many
    # date lines lie before it, are known in one pass back (a page of thousands of short lines was quadratic)
    n = len(blocks)
    after, dates_before = [n] * n, [0] * n
    for i in range(n - 2, -1, -1):
        if classes[i + 1] in (GOOD, BAD):
            after[i] = i + 1
        else:
            after[i], dates_before[i] = after[i + 1], dates_before[i + 1] + _is_date_line(blocks[i + 1])

    def neighbour(i: int, step: int, dates: int = n) -> str:  # past at most `dates` date lines
        if step > 0:
            return BAD if after[i] == n or dates_before[i] > dates else classes[after[i]]
        j = i - 1  # the blocks before one are smoothed already: good or bad, but for a title's kind
        while j >= 0:
            if blocks[j].cls in (GOOD, BAD):
                return blocks[j].cls
            dates -= _is_date_line(blocks[j])
            if dates < 0:
                return BAD
            j -= 1
        return BAD  # the edges of a page count as chrome

    for i, b in enumerate(blocks):
        if b.reason in ("title", "duplicate_title", "byline", "author_bio", "metadata", "sign_off") and b.cls == BAD:
            continue
        if classes[i] == SHORT and (b.reason in ("code", "data") or b.text.endswith(":")):
            b.cls = neighbour(i, -1)  # a snippet or a list belongs to the prose that introduces it
        elif classes[i] == SHORT:
            prev, nxt = neighbour(i, -1), neighbour(i, 1)
            heading = not _is_date_line(b) and _looks_like_heading(b.text) and i + 1 < len(blocks) \
                and classes[i + 1] in (GOOD, NEAR)
            b.cls = GOOD if prev == GOOD and nxt == GOOD or heading and nxt == GOOD else BAD
        elif classes[i] == NEAR:
            # a teaser in a list of dated teasers is not drawn into the article below the list
            prev, nxt = neighbour(i, -1), neighbour(i, 1, dates=1)
            b.cls = GOOD if GOOD in (prev, nxt) else BAD
            if b.cls == BAD:
                b.reason = b.reason or "boilerplate"
        if b.cls == GOOD:
            b.reason = None


def _is_date_line(b: Block) -> bool:
    """A line that only dates something ("November 6, 2023", "5:55 AM"): it heads nothing."""
    return b.reason == "metadata" and not _KEY_VALUE.match(b.text)


def _looks_like_heading(text: str) -> bool:
    """A heading right above article prose: a few words, no full stop, not a link label."""
    n = len(text.split())
    return 2 <= n <= 20 and not text.endswith((".", ",", ";")) and not _CHROME["navigation"].search(text)


def _rescue_short_document(blocks: list[Block]) -> None:
    """A text with no clearly good block (a one-line brief, a newswire table of results) keeps its
    sentences and its rows of figures, with the short lines between them ("Year", "Nine mths")."""
    _join_wrapped_sentences(blocks)
    keep = [i for i, b in enumerate(blocks)
            if (_SENTENCE_END.search(b.text) or b.text.endswith(":")) and len(_WORD.findall(b.text)) >= 3
            or b.reason == "data"]
    if not keep:
        return
    first, last, keep = keep[0], keep[-1], set(keep)
    for i, b in enumerate(blocks):
        if b.reason in _NOT_RESCUED:
            continue
        if i in keep or b.reason == "short" and first < i < last:
            b.cls, b.reason = GOOD, None


def _keep_whole_brief(blocks: list[Block]) -> None:
    """A text that would come out empty with nothing in it that is chrome by what it says (no
    navigation, metadata, byline, bio, prompt, notice or line its source repeats; only lines too short
    or too bare to score as prose) is all body and survives whole, but for a sign-off: a newswire brief
    ("Qtly div 19 cts vs 19 cts in prior qtr" / "Payable May one" / "Record April two"), a headline
    alone, a list of company names under its heading, a price table under a heading with its time ("NY
    COMEX GOLD 11:01": a line scored short metadata, as a timestamp or a bare ``key: value`` is, unlike a
    known key's line). Emptied, it was found by no search."""
    if blocks and all(b.cls == GOOD or b.reason in _BRIEF_REASONS or b.reason == "metadata" and b.near_body
                      for b in blocks) \
            and any(b.reason != "sign_off" for b in blocks):
        for b in blocks:
            if b.reason != "sign_off":
                b.cls, b.reason = GOOD, None


_BRIEF_REASONS = frozenset({"short", "title", "boilerplate", "data", "sign_off"})
_NOT_RESCUED = ("title", "duplicate_title", "byline", "metadata", "author_bio", "sign_off", "front_matter", "markup")


def _join_wrapped_sentences(blocks: list[Block]) -> None:
    """Join into one block the lines of a sentence hard-wrapped where ``split_blocks`` did not join them (a
    brief too short to show its wrap width, lines that start with a capital or a figure): "Rollins
    Environmental Services" / "Inc said an offering of 900,000 common shares is under way at" / "34.625
    dlrs a share through underwriter Merrill Lynch and Co" / "Inc <MER>.". Each run of blocks of one
    paragraph up to the first that ends a sentence is scored as one block (``classify``), and joined if
    it is good or near good, as befits a text with no good block at all."""
    runs: list[list[int]] = []
    run: list[int] = []
    for i, b in enumerate(blocks):
        if b.reason in _NOT_RESCUED or run and blocks[run[-1]].paragraph != b.paragraph:
            run = []
            if b.reason in _NOT_RESCUED:
                continue
        run.append(i)
        if _SENTENCE_END.search(b.text):
            if len(run) > 1 and classify(" ".join(blocks[j].text for j in run))[0] in (GOOD, NEAR):
                runs.append(run)
            run = []
    for run in reversed(runs):  # from the end, so that the earlier runs' indices hold
        first, last = blocks[run[0]], blocks[run[-1]]
        joined = Block(first.start, last.end, " ".join(blocks[j].text for j in run), first.paragraph,
                       lines=sum(blocks[j].lines for j in run), cls=NEAR, reason="short")
        blocks[run[0]:run[-1] + 1] = [joined]


# -- output ---------------------------------------------------------------------------------


def _join(kept: list[Block]) -> str:
    parts: list[str] = []
    for i, b in enumerate(kept):
        if i:
            parts.append("\n\n" if b.paragraph != kept[i - 1].paragraph else "\n")
        parts.append(b.text)
    return "".join(parts)


def _removed_stretches(text: str, dropped: list[Block]) -> list[dict]:
    """Adjacent dropped blocks with the same reason become one stretch; personal data redacted."""
    stretches: list[dict] = []
    for b in dropped:
        reason = b.reason or "boilerplate"
        if stretches and stretches[-1]["reason"] == reason and not text[stretches[-1]["raw_end"]:b.start].strip():
            stretches[-1]["raw_end"] = b.end
        else:
            stretches.append({"raw_start": b.start, "raw_end": b.end, "reason": reason})
    for s in stretches:
        s["text"] = privacy.redact(text[s["raw_start"]:s["raw_end"]])
    return stretches


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _parse_date(value: str) -> datetime | None:
    import warnings

    from dateutil import parser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown zone names ("CST") parse as naive: taken as UTC
            ts = parser.parse(value, fuzzy=False, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)  # in its own offset: its day is the writer's


def _extract_html(html: str) -> Extracted:
    """Article text and metadata from a page, by trafilatura (one parse for both)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception:  # noqa: BLE001 - any parser failure on pathological markup means: no article found
        doc = None
    if doc is None:
        return Extracted(body="")
    date = getattr(doc, "date", None)
    if date and date.endswith("-01-01"):
        # htmldate's extensive search ends on a bare year seen anywhere in the page ("© 2026" in the
        # footer, a year in the text) and gives it as 1 January; relative dates would resolve against
        # that day. Kept only if the page's own markup (meta tags, time elements, URL) says it too.
        from htmldate import find_date

        date = find_date(html, extensive_search=False, original_date=True)
    published = _parse_date(date) if date else None
    # trafilatura puts each block of the page (heading, paragraph, list item) on a line of its own:
    # each is a paragraph, so that a headline is not read into the first sentence
    body = "\n\n".join(line.strip() for line in (doc.text or "").split("\n") if line.strip())
    return Extracted(body=body, title=doc.title, author=doc.author, published_at=published)
