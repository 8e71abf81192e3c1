import pytest

from pipelines.lib.cleaning import strip_boilerplate
from pipelines.lib.markdown import front_matter, plain


@pytest.mark.parametrize("line, shown", [
    ("# Copper hits a two-year high", "Copper hits a two-year high"),
    ("## Section ##", "Section"),
    ("> A quote with **bold**, _emphasis_ and a snake_case_name", "A quote with bold, emphasis and a snake_case_name"),
    ("See [the report](https://example.com/a_(b)) and ![a chart](chart.png) now.", "See the report and now."),
    ("A [reference link][1] and <https://example.com>", "A reference link and https://example.com"),
    ("Run `pip install x` first", "Run pip install x first"),
    ("a *very* good day and __strong__ words, ~~struck~~", "a very good day and strong words, struck"),
    ("Price * 2 * 3 = 6 and 5*6", "Price * 2 * 3 = 6 and 5*6"),  # arithmetic is not emphasis
    ("- [Home](http://x)", "- Home"),  # list markers are the text's
    ("Plain text with no marks.", "Plain text with no marks."),
    ("![only an image](x.png)", ""),
])
def test_plain(line, shown):
    assert plain(line) == shown


@pytest.mark.parametrize("text, fields", [
    ('---\ntitle: "Copper hits a two-year high"\nauthor: Jane Doe\ndate: 2026-05-04\ntags: [metals, markets]\n---\n\nBody',
     {"title": "Copper hits a two-year high", "author": "Jane Doe", "date": "2026-05-04"}),
    ('+++\ntitle = "Wheat"\nauthors = ["Ann Lee", "Bo Chen"]\ndate = 2026-01-02T10:00:00Z\n+++\nBody',
     {"title": "Wheat", "author": "Ann Lee", "date": "2026-01-02T10:00:00Z"}),
    ("---\nauthors:\n  - Jane Doe\n  - John Roe\nheadline: 'X'\npublishDate: 2026-03-01\n---\n",
     {"author": "Jane Doe", "title": "X", "date": "2026-03-01"}),
    ("---\nlayout: post\n---\nBody", {}),
])
def test_front_matter(text, fields):
    end, found = front_matter(text)
    assert found == fields
    assert text[:end].rstrip("\n").endswith(("---", "+++"))


@pytest.mark.parametrize("text", ["Text first\n---\nx: y\n---\n", "--- a rule, not front matter\n", "---\nnever closed: yes\n"])
def test_no_front_matter(text):
    assert front_matter(text) is None


def test_a_markdown_post_is_read_as_its_text_with_its_front_matter():
    raw = ('---\ntitle: "Copper hits a two-year high"\nauthor: Jane Doe\ndate: 2026-05-04\n---\n\n'
           "# Copper hits a two-year high\n\n![LME warehouse](lme.jpg)\n\n"
           "Copper prices rose **3%** to $9,800 a tonne on the [London Metal Exchange](https://www.lme.com) on "
           "Monday, the highest since April 2024, as Chinese demand recovered.\n\n"
           "> Stocks are falling fast, a trader said, and *nobody* expected it.\n")
    out = strip_boilerplate(raw, markdown=True)
    assert (out.title, out.author, out.published_at.date().isoformat()) == ("Copper hits a two-year high", "Jane Doe", "2026-05-04")
    assert out.body == ("Copper prices rose 3% to $9,800 a tonne on the London Metal Exchange on Monday, the highest since "
                        "April 2024, as Chinese demand recovered.\n\n"
                        "Stocks are falling fast, a trader said, and nobody expected it.")
    reasons = {r["reason"] for r in out.removed}
    assert {"front_matter", "title", "markup"} <= reasons
    for r in out.removed:
        assert raw[r["raw_start"]:r["raw_end"]] == r["text"]


def test_front_matter_is_never_rescued_into_a_body_without_paragraphs():
    # a text with no clearly good block keeps its sentences (the short-document rescue): not those of
    # its front matter, which the rescue had joined into one block and kept
    raw = '---\ntitle: "Oil rose sharply on Monday in London."\nauthor: Jane Doe\n---\n\nOil rose.'
    out = strip_boilerplate(raw, markdown=True)
    assert "title:" not in out.body and "---" not in out.body
    assert out.title == "Oil rose sharply on Monday in London."


@pytest.mark.parametrize("text, title, body", [
    ("# Introduction\n\nOil prices rose 2 pct on Monday.\n", "Introduction", "Oil prices rose 2 pct on Monday."),  # one word
    ("# Copper hits a two-year high\n\nCopper rose 3 pct.\n", "Copper hits a two-year high", "Copper rose 3 pct."),
    ("## Section\n\nOil prices rose 2 pct on Monday.\n", None, "Oil prices rose 2 pct on Monday."),  # not the title's level
    ("Oil rose on Monday, traders said.\n\n# Heading\n\nPrices rose 2 pct.\n", None,
     "Oil rose on Monday, traders said.\n\nHeading\n\nPrices rose 2 pct."),  # not first
])
def test_a_first_level_one_heading_is_the_title(text, title, body):
    got = strip_boilerplate(text, markdown=True)
    assert (got.title, got.body) == (title, body)
