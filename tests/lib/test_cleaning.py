import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.lib import duplicates
from pipelines.lib.cleaning import BAD, GOOD, NEAR, SHORT, classify, extract, repeated_lines, strip_boilerplate
from pipelines.lib.privacy import redact, redact_raw
from tests.conftest import SEED

PROSE = ("The central bank raised its main interest rate by a quarter of a percentage point on Thursday, "
         "saying that inflation had stayed above its target for longer than it had expected.")


@pytest.mark.parametrize(
    "block, cls, reason",
    [
        (PROSE, GOOD, None),
        # a short sentence dense with names is near good (a lead: BBC's "Tim Henman has retired ..."); a
        # short one with too few words, or a title without a full stop, is short
        ("Tim Henman has retired from Great Britain's Davis Cup team.", NEAR, None),
        ("Women's football legend Mia Hamm has played her final game.", NEAR, None),
        ("Tim Cook spoke.", SHORT, "short"),
        ("Henman decides to quit Davis Cup", SHORT, "short"),
        ("Views: 6508", BAD, "metadata"),
        ("Rating: 5 / 5 (60 voted)", BAD, "metadata"),
        ("Last Updated:", BAD, "metadata"),
        ("Phone: +44 20 7946 0958", BAD, "author_bio"),
        ("Hobby: Yoga, Electronics, Rafting", BAD, "author_bio"),
        ("By Jane Smith", BAD, "byline"),
        ("By Jane Smith and John Doe", BAD, "byline"),
        ("By Jane Smith, Staff Writer", BAD, "byline"),
        ("By Staff and news service reports", BAD, "byline"),
        ("- Advertisement -", BAD, "navigation"),
        ("Story continues below advertisement", BAD, "navigation"),
        ("Disclaimer (varies based on content, section, category, etc.): News articles on this site may contain "
         "opinions of the author and may not reflect the views of the site or of its editors.", BAD, "disclaimer"),
        ("Corrections: If you are aware of an inaccuracy or would like to report a correction, we would like to "
         "know about it. Please consider sending an email.", BAD, "disclaimer"),
        ("Correction: An earlier version of this story misstated the date of the vote, which took place on "
         "Tuesday and not on Monday as we said.", GOOD, None),
        ("Share this article on Facebook", BAD, "share_prompt"),
        ("Subscribe to our newsletter for the latest news", BAD, "subscribe_prompt"),
        ("We use cookies to improve your experience on this site.", BAD, "cookie_notice"),
        ("© 2024 Example Media Ltd. All rights reserved.", BAD, "copyright"),
        ("Most Read Stories", BAD, "navigation"),
        ("Home", BAD, "navigation"),
        ("Markets and money", SHORT, "short"),
        ("It was the best year for the firm.", NEAR, None),
        # a long lead dense with names still reads as a sentence
        ("British Virgin Islands (BVI) Governor John Rankin Thursday called for calm after United States Drug "
         "Enforcement Agency (DEA) officials arrested the Territory's Premier Andrew Alturo Fahie, 51.", NEAR, None),
        ("Wheat, corn, soybeans, cotton, rice, barley, oats, sorghum, millet, rye, canola, flax", BAD, "boilerplate"),
        ("One thing not in dispute: the mayor's days floating above the fray are over.", GOOD, None),
        ("set-option -g mouse on; bind-key -T copy-mode-vi y send-keys -X copy_pipe(xclip)", SHORT, "code"),
        ("for key, value in sorted(counts.items()): print(key, value)", SHORT, "code"),
        # a news lead with parentheses and apostrophes is not code; a team sheet is a list of names
        ("Japan's box office received a 3.8% boost last year, with ticket sales worth 211bn yen (£1.08bn).", NEAR, None),
        ("India's rupee has hit a five-year high after Standard & Poor's (S&P) raised the country's rating.", NEAR, None),
        ("J McIlroy (Windsor AC), Jimmy Watkins (Cardiff AAC), Ed Jackson (Belgrave Harriers).", SHORT, "data"),
        ("Advertising disclosure: We may receive compensation for some of the links in our stories. Thank you "
         "for supporting the newsroom and the work of our reporters, editors and photographers.", BAD, "disclaimer"),
        ("Note: the Dockerfiles in this article are not examples of best practices, and the images are large.",
         GOOD, None),
        # a teaser's lead cut off mid-phrase by the page, not prose trailing off
        ("Barbados' road to the FIFA World Cup 2022 will begin tonight at...", BAD, "teaser"),
        ("The Best-dos Santos laboratory conducted 2 004 COVID-19 tests on Wednesday, 37 of...", BAD, "teaser"),
        ("My dearest wish is to see a feature length version of Noggin the Nog. Very Scandinavian...", GOOD, None),
        ("In Berlin lebe ich nun schon seit neun Jahren und habe bereits jede Menge Verrücktes erlebt.", GOOD, None),
        # chrome words opening a news sentence, or mentioned in one, do not make it chrome
        ("Home sales rose 5 pct in March, the National Association of Realtors said.", GOOD, None),
        ("Next year the company plans to double its output of soybeans in Brazil.", GOOD, None),
        ("It said cash flow per share this year should be 2.50 to three dlrs.", NEAR, None),
        ("Shareholders will be able to subscribe for 1.25 shares for each share held, at 3.75 dlrs a share.", GOOD, None),
        ("To view the full story, please subscribe to The Daily Example.", BAD, "subscribe_prompt"),
        ("Every day our editors pick the best stories. Sign up for the newsletter here.", BAD, "subscribe_prompt"),
        ("By submitting your information, you're agreeing to receive communications from Example Radio.",
         BAD, "subscribe_prompt"),
        ("By signing up 1,200 new customers in March, the bank said it had doubled its share of the market.",
         GOOD, None),  # "by signing up" without a reader to consent
        ("Vorheriges", BAD, "navigation"),
        # a wire story's lead is dense with names and figures, and is still a sentence
        ("AMR Corp said its Nashville Eagle Inc subsidiary will acquire nine 19-seat Metro III airplanes in "
         "separate agreements with Fairchild Industries Inc's Fairchild Aircraft Corp unit.", NEAR, None),
        # rows of figures, list items and timestamps
        ("Shr 1.53 dlrs vs 1.21 dlrs", SHORT, "data"),
        ("Net profit 215,000 vs profit 4,647,000", SHORT, "data"),
        ("Shr six cts vs five cts", SHORT, "data"),
        ("94. Cristina Scabbia", SHORT, "short"),
        ("asked Feb 6, 2014 at 20:37", SHORT, "metadata"),
        ("5:55 AM", SHORT, "metadata"),
        ("Updated 12 March 2024", SHORT, "metadata"),
        ("87 May 1160/62P", SHORT, "data"),  # a sugar price for May 1987, not a date line
        ("Filed under 2020 Election", SHORT, "short"),
        # picture credits and caption labels (dropped at the end, short lines until then)
        ("Illustration: Sarah Grillo/Axios", SHORT, "credit"),
        ("photo: Tetbirt Salim via Unsplash", SHORT, "credit"),
        ("Photo by ev on Unsplash", SHORT, "credit"),
        ("Shutterstock/chrisdorney", SHORT, "credit"),
        ("Getty Images", SHORT, "credit"),
        ("Media captionDrone footage shows mass burials in New York", SHORT, "credit"),
        ("Image source, Reuters", SHORT, "credit"),  # (BBC's pages flattened, session 32)
        ("Photo by Dan Seifert / The Verge iOS 13's third developer beta includes a new feature that makes it look "
         "like you're staring at the camera.", GOOD, None),
    ],
)
def test_classify(block, cls, reason):
    assert classify(block) == (cls, reason)


def test_seed_keeps_the_article_and_drops_the_chrome():
    raw = SEED.read_text(encoding="utf-8")
    out = strip_boilerplate(raw)
    assert out.body.startswith("Tensions surrounding arms supplies")
    assert out.body.endswith("the ongoing discussions about Taiwan.")
    assert out.body.count("\n\n") == 6  # 7 paragraphs
    assert out.title == "US-China Relations: Xi Jinping's Message to Trump on Taiwan Arms Sales (2026)"
    assert out.author == "Clemencia Bogisich Ret"
    for chrome in ("Top Articles", "Views: 6508", "Lockpicking", "Geri Spring", "+5934435460663", "Introduction"):
        assert chrome not in out.body
    reasons = {r["reason"] for r in out.removed}
    assert {"title", "duplicate_title", "navigation", "byline", "metadata", "author_bio"} <= reasons
    for r in out.removed:  # offsets point into the raw text, and personal data is redacted
        assert redact(raw[r["raw_start"]:r["raw_end"]]) == r["text"]
        assert "+5934435460663" not in r["text"] and "54855" not in r["text"]



@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends_clean_as_unix_ones(line_end):
    unix = SEED.read_text(encoding="utf-8")
    raw = unix.replace("\n", line_end)
    a, b = strip_boilerplate(unix), strip_boilerplate(raw)
    assert (b.body, b.title, b.author) == (a.body, a.title, a.author)
    assert [r["reason"] for r in b.removed] == [r["reason"] for r in a.removed]
    for r in b.removed:  # the offsets are into the raw text as it came, line ends and all
        assert redact(raw[r["raw_start"]:r["raw_end"]]) == r["text"]
    brief = line_end.join(["Oil prices", "", "Crude oil rose 2 pct on Thursday, traders said.", "It fell on Friday."])
    out = strip_boilerplate(brief)
    assert (out.title, out.body) == ("Oil prices", "Crude oil rose 2 pct on Thursday, traders said.\nIt fell on Friday.")

@pytest.mark.parametrize(
    "text",
    [
        "Oil prices rose 2 pct on Monday.",
        "SHANGHAI, March 3 - China's soybean imports hit a record in February, customs data showed.",
        "Exports rose. Imports fell.",
    ],
)
def test_a_short_document_that_is_all_body_survives_whole(text):
    assert strip_boilerplate(text).body == text


@pytest.mark.parametrize(
    "text, body",
    [
        # a newswire table of results has no prose at all and is all body
        ("Shr one dlr vs 73 cts\n    Net 12.6 mln vs 15.8 mln\n    Revs 337.3 mln vs 315.2 mln\n    Nine mths\n"
         "    Shr 3.07 dlrs vs 3.08 dlrs\n Reuter\n",
         "Shr one dlr vs 73 cts\n\nNet 12.6 mln vs 15.8 mln\n\nRevs 337.3 mln vs 315.2 mln\n\nNine mths\n\n"
         "Shr 3.07 dlrs vs 3.08 dlrs"),  # indented lines are paragraphs
        ("Qtly div eight cts vs 7.5 cts prior\n    Pay March 31\n    Record March 13\n Reuter\n",
         "Qtly div eight cts vs 7.5 cts prior\n\nPay March 31\n\nRecord March 13"),
        # a one-sentence brief wrapped over short lines, its last line a date
        ("Porex Technologies Corp said its\nboard declared an initial annual dividend of 10 cts per share,\n"
         "its first payout, payable March 26 to holders of record March\n12.\n Reuter\n",
         "Porex Technologies Corp said its board declared an initial annual dividend of 10 cts per share, "
         "its first payout, payable March 26 to holders of record March 12."),
        # too short to show a wrap width, and wrapped before a capital, a figure or a short last line
        ("Example Widget Services\nInc said an offering of 500,000 common shares is under way at\n"
         "12.50 dlrs a share through underwriter Sample Securities and Co\nInc <SMP>.\n Reuter\n",
         "Example Widget Services Inc said an offering of 500,000 common shares is under way at 12.50 dlrs a "
         "share through underwriter Sample Securities and Co Inc <SMP>."),
        ("Lakeside Theatres Inc said it has\nopened an eight-screen cinema called Lakeside Eight in Springfield,\n"
         "Ill.\n Reuter\n",
         "Lakeside Theatres Inc said it has opened an eight-screen cinema called Lakeside Eight in Springfield, Ill."),
        ("Cocoa exports fell to 12,500\ntonnes in March from 14,100 a year earlier, the Trade\nMinistry said.\n"
         " REUTER\n",
         "Cocoa exports fell to 12,500 tonnes in March from 14,100 a year earlier, the Trade Ministry said."),
        # a lead cut after a comma, before a capital: its first line is not a title
        ("The Example Credit Agency,\nECA, has accepted a bid for an export bonus to cover a sale of\n"
         "3,000 tonnes of flour to Ruritania, the Trade Department said.\n"
         "    The bonus will be paid in the form of commodities from agency stocks, it\nsaid.\n Reuter\n",
         "The Example Credit Agency, ECA, has accepted a bid for an export bonus to cover a sale of 3,000 tonnes "
         "of flour to Ruritania, the Trade Department said.\n\nThe bonus will be paid in the form of "
         "commodities from agency stocks, it said."),
        ("<Example Industries Ltd> said it\nacquired 80 pct of Sample Industries Inc of Springfield,\n"
         "Illinois for an undisclosed price.\n    Closing is subject to completion of legal formalities,\n"
         "Example said.\n Reuter\n",
         "<Example Industries Ltd> said it acquired 80 pct of Sample Industries Inc of Springfield, Illinois for "
         "an undisclosed price.\n\nClosing is subject to completion of legal formalities, Example said."),
        # a quotation ending with a comma, then who said it on a line of its own
        ("Example Motors expects its sales to recover this year after a weak winter, analysts said.\n"
         "    \"We are confident about the second half,\"\nJohn Sample, the company's chairman, told Reuters.\n"
         " Reuter\n",
         "Example Motors expects its sales to recover this year after a weak winter, analysts said.\n\n"
         "\"We are confident about the second half,\" John Sample, the company's chairman, told Reuters."),
    ],
)
def test_a_newswire_brief_survives_whole(text, body):
    out = strip_boilerplate(text)
    assert out.body == body
    assert [r["reason"] for r in out.removed] == ["sign_off"]


@pytest.mark.parametrize(
    "text, body",
    [
        # nothing in it scores as prose and nothing is chrome by what it says: all body, but the sign-off
        ("Qtly div 22 cts vs 22 cts in prior qtr\n    Payable June one\n    Record May two\n Reuter\n",
         "Qtly div 22 cts vs 22 cts in prior qtr\n\nPayable June one\n\nRecord May two"),
        ("U.S. SHAREHOLDER MEETINGS - MAY 4\n Example Widgets Inc\n Sample Holdings Corp\n Reuter\n",
         "U.S. SHAREHOLDER MEETINGS - MAY 4\nExample Widgets Inc\nSample Holdings Corp"),
        ("OIL WORKERS STRIKE ENTERS SECOND WEEK", "OIL WORKERS STRIKE ENTERS SECOND WEEK"),
        # a price table under a heading with its time of day (the heading scores as a timestamp)
        ("NY COCOA 12:00\n MAY7  1921 OFF 13\n JUL7  1957 OFF 10\n MAR8 UNTRD\n",
         "NY COCOA 12:00\nMAY7  1921 OFF 13\nJUL7  1957 OFF 10\nMAR8 UNTRD"),
        ("NASDAQ COMP 11:01\nCOMP   437.49   OFF 0.29\n", "NASDAQ COMP 11:01\nCOMP   437.49   OFF 0.29"),
        # chrome by what it says stays chrome, even with nothing else on the page
        ("Updated: 12:00\nViews: 6508\n", ""),
        ("Home\nNews\nSport\nContact us\nPrivacy policy\n", ""),
        ("Author: Jane Doe\nPhone: 555 1234\nViews: 6508\n", ""),
        ("Share this article\nSubscribe to our newsletter\n", ""),
    ],
)
def test_a_text_that_would_come_out_empty_with_no_chrome_in_it_survives_whole(text, body):
    assert strip_boilerplate(text).body == body


def test_a_table_after_its_prose_is_body_and_the_lead_joins_its_first_line():
    # a wire story whose dateline was cut off its first line, wrapped near 60 columns, then a table
    text = ("Example Air Corp said its Lakeside\nCommuter Inc unit will buy eleven 30-seat Dash 8 aircraft\n"
            "from Example Aerospace Ltd <EXA> and Other Leasing Corp for\nabout 90 mln dlrs.\n"
            "    The company said deliveries of the aircraft would begin in\nthe fourth quarter and that it "
            "expected results as follows:\n"
            "    Shr 1.53 dlrs vs 1.21 dlrs\n    Net 6,635,000 vs 5,100,000\n    Revs 25.2 mln vs 19.5 mln\n Reuter\n")
    out = strip_boilerplate(text)
    assert out.body.startswith("Example Air Corp said its Lakeside Commuter Inc unit will buy eleven")
    assert out.body.endswith("Shr 1.53 dlrs vs 1.21 dlrs\n\nNet 6,635,000 vs 5,100,000\n\nRevs 25.2 mln vs 19.5 mln")
    assert out.title is None
    assert [r["reason"] for r in out.removed] == ["sign_off"]


def test_newswire_signoff_and_hard_wrapped_lines():
    text = ("Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\n"
            "January and improving prospects for the coming season,\nalthough normal humidity levels have not been restored.\n"
            "    The dry period means the crop will be late this year, the\nreview said, and arrivals were lower than a year ago.\n Reuter\n")
    out = strip_boilerplate(text)
    assert out.body.startswith("Showers continued throughout the week in the Bahia cocoa zone")
    assert "Reuter" not in out.body
    assert out.body.count("\n\n") == 1


def test_lines_repeated_across_a_source_are_chrome():
    docs = [f"{PROSE} Story {i}.\nFollow the money with Example News Daily" for i in range(4)]
    repeated = repeated_lines(docs)
    assert "follow the money with example news daily" in repeated
    out = strip_boilerplate(docs[0], repeated=repeated)
    assert "Example News Daily" not in out.body and "Story 0" in out.body


@pytest.mark.parametrize(
    "text, hidden",
    [
        ("Call me on +1 (555) 123-4567 today.", "+1 (555) 123-4567"),
        ("Write to jane.doe@example.com for details.", "jane.doe@example.com"),
        ("Address: 12 Baker Street, London", "12 Baker Street, London"),
        ("Birthday: 2001-07-17", "2001-07-17"),
    ],
)
def test_raw_redaction_keeps_length(text, hidden):
    masked = redact_raw(text)
    assert hidden not in masked and len(masked) == len(text)


def test_years_and_figures_are_not_phone_numbers():
    text = "In 1987 1988 exports rose to 12,000,000 tonnes, worth 4.5 billion dlrs."
    assert redact_raw(text) == text


def test_near_duplicate_pair():
    a = PROSE + " Analysts expect another increase in June if wages keep rising at the current pace."
    b = a.replace("Thursday", "Friday")
    c = "A completely different story about the harvest of wheat in Kansas and the dry weather that hurt it."
    sa, sb, sc = duplicates.signature(a), duplicates.signature(b), duplicates.signature(c)
    found = duplicates.assign_duplicates(duplicates.stack([("A", sa, None)]), [("B", sb), ("C", sc)])
    assert found == {"B": "A"}
    # a third copy points at the earliest document, not at the copy it resembles
    assert duplicates.assign_duplicates(duplicates.stack([("A", sa, None), ("B", sb, "A")]), [("D", sb)]) == {"D": "A"}


@pytest.mark.parametrize("text", [
    "one", "two words", "exactly five words here now", PROSE, "Käse, Müller & Söhne ’s 12.5% — 日本語 テキスト " * 7,
])
def test_signatures_are_datasketchs_minhash_values(text):
    """Signatures stored by earlier runs stay comparable: ours are datasketch's MinHash values."""
    import numpy as np
    from datasketch import MinHash

    m = MinHash(num_perm=duplicates.NUM_PERM, seed=1, scheme="affine32")
    assert all(np.array_equal(ours, theirs) for ours, theirs in zip(duplicates._permutations(), m.permutations, strict=True))
    m.update_batch(list(duplicates.shingles(text)))
    assert np.array_equal(duplicates.signature(text), m.hashvalues.astype(np.uint64))


def test_code_after_its_prose_is_kept_and_far_teasers_are_dropped():
    para = PROSE + " " + PROSE
    menu = "\n".join(["Home", "World", "Business", "Sport", "Culture", "Opinion", "Video"])
    teaser = "The city council will vote next month on a plan to rebuild the old harbour district, officials said."
    text = (f"{menu}\n\n{para}\n\nTo reproduce it, run this in the shell:\n\npip install --upgrade example_pkg==2.0\n\n"
            f"{para}\n\n{para}\n\n{menu}\n\n{teaser}\n\n{menu}")
    out = strip_boilerplate(text)
    assert "pip install --upgrade example_pkg==2.0" in out.body
    assert "To reproduce it, run this in the shell:" in out.body
    assert teaser not in out.body
    assert {r["reason"] for r in out.removed if teaser in r["text"]} == {"outside_article"}


_STORY = [
    "The harbour authority said on Monday that it would close the northern quay for repairs until the spring.",
    "Shipping companies have been told to use the southern berths, which can take vessels of up to 200 metres.",
    "A spokesman said the work had been delayed for two years by a dispute over who would pay for it.",
    "The city council, which owns a third of the authority, has agreed to cover half of the cost this year.",
    "Traders at the fish market, which stands beside the quay, said they feared losing custom over the winter.",
    "The authority expects to reopen the quay in April, when the new cranes are due to be delivered.",
]
_TEASERS = [
    "Council approves new budget",
    "By Jane Smith",
    "The council voted late on Tuesday to raise spending on roads and schools by a tenth next year.",
    "Storm closes ferry routes",
    "By Tom Brown",
    "Ferries between the islands were cancelled for a second day as winds reached gale force on the coast.",
]


@pytest.mark.parametrize("header, tail, tail_kept", [
    ("Related stories", _TEASERS, False),  # teasers after the article
    ("More from The Harbour Times", _TEASERS, False),
    ("Leave a Reply", ["Your email address will not be published. Required fields are marked with a star."], False),
    ("9 Comments", ["Great article, thanks for writing it. I had no idea the quay was in such a bad state."], False),
    ("Most Popular", [t for t in _TEASERS if not t.startswith("By ")], False),  # headlines and leads alone
    ("Keep Reading 🚀", _TEASERS, False),
    ("More Great Harbour Times Stories", _TEASERS, False),  # "More" and up to three words before "Stories"
    ("More Headlines", _TEASERS, False),
    ("Top Op-Eds", _TEASERS, False),
    ("Related", _STORY[3:], True),  # a box of links inside the article: the article goes on after it
    ("More on this later", _STORY[3:], True),
])
def test_an_end_of_article_header_cuts_what_follows_unless_the_article_goes_on(header, tail, tail_kept):
    head = _STORY if not tail_kept else _STORY[:3]
    text = "\n\n".join(["Home\nNews\nSport", *head, header, *tail, "© 2024 The Harbour Times"])
    out = strip_boilerplate(text)
    assert all(p in out.body for p in head)
    assert all((p in out.body) == tail_kept for p in tail)
    assert (header in out.body) == (tail_kept and header == "More on this later")


def test_a_blogs_comments_are_cut_however_long():
    comments = ["Great piece. I had no idea the harbour authority owned so little of the quay, and I live next to it.",
                "I disagree with the spokesman: the dispute was about the cranes, not about who would pay for the repairs.",
                "Thanks for writing this. The fish market has been struggling for years and this will not help it."]
    text = "\n\n".join([*_STORY, "3 thoughts on “Harbour quay to close for repairs”", *comments, "Leave a Reply"])
    out = strip_boilerplate(text)
    assert all(p in out.body for p in _STORY)
    assert not any(c in out.body for c in comments)


def test_a_comment_thread_with_reply_buttons_is_cut_however_long():
    thread = []
    for name, words in (("Ann Lee", _STORY[3]), ("Bob Ray", _STORY[4]), ("Cy Tam", _STORY[5])):
        thread += [f"{name} March 3, 2024 at 9:41 am", "I read this twice. " + words, "Reply"]
    text = "\n\n".join([*_STORY[:3], "Comments", *thread])
    out = strip_boilerplate(text)
    assert all(p in out.body for p in _STORY[:3])
    assert "I read this twice" not in out.body


def test_a_comment_thread_with_no_header_or_buttons_is_cut_but_a_list_of_people_is_not_one():
    # commenters' names over what they wrote, one answering twice, after the article (session 21)
    thread = ["Ann Lee", "I live by the quay and I had no idea the authority owned so little of it.",
              "harbourwatcher", "Thanks for this! Do you know if the ferry will still stop there?",
              "Tom Reed", "Yes, the ferry keeps its berth, I asked the council last week.",
              "Ann Lee", "Good to know, thank you. My shop depends on those passengers.",
              "Bob Ray", "You should ask why the cranes were ordered so late."]
    out = strip_boilerplate("\n\n".join([*_STORY, *_STORY, *thread]))
    assert all(p in out.body for p in _STORY)
    assert not any(t in out.body for t in thread[1::2])
    assert {r["reason"] for r in out.removed if "the ferry" in r["text"]} == {"comments"}
    # people named over what the story says of them, in the third person, are no comment thread
    people = ["Ann Lee", "She has run the fish stall on the quay for twenty years and expects to lose trade.",
              "Tom Reed", "He chairs the traders' association, which has asked the council for help.",
              "Ann Lee", "She said the council had not answered her letters about the closure.",
              "Bob Ray", "He is the harbour master and ordered the new cranes last year."]
    out = strip_boilerplate("\n\n".join([*_STORY, *_STORY, *people]))
    assert "comments" not in {r["reason"] for r in out.removed}


_COOKIE_NOTICE = ("We use cookies on our website to give you the most relevant experience by remembering your "
                  "preferences and repeat visits. By clicking Accept, you consent to the use of all the cookies, "
                  "including those that help us measure traffic, show advertising and understand how readers use "
                  "the pages of this site over time.")


def test_a_long_cookie_notice_outside_the_article_is_dropped_but_a_privacy_policy_stays():
    out = strip_boilerplate("\n\n".join([*_STORY, "Privacy Overview", _COOKIE_NOTICE, "SAVE & ACCEPT"]))
    assert all(p in out.body for p in _STORY)
    assert "We use cookies" not in out.body
    assert {r["reason"] for r in out.removed if "We use cookies" in r["text"]} == {"cookie_notice"}
    # a privacy policy: cookie paragraphs inside the article (at its ends they would be peeled off)
    policy = [_STORY[0], _COOKIE_NOTICE, "Cookies are small files that a site stores on your computer while you read "
              "its pages and that it reads again on your next visit, so that it can remember what you chose.", _STORY[1]]
    out = strip_boilerplate("\n\n".join(policy))
    assert all(p in out.body for p in policy)


_COMMENT_POLICY = [
    "HOUSE RULES",
    "We welcome reader comments on the top stories of the day, and some of them may be printed in the paper.",
    "Please understand that comments are moderated and it is not always possible to publish all of them.",
    "Please do not write in block capitals since this makes your comment hard to read for everybody else.",
]


def test_a_comment_policy_after_the_article_is_dropped_but_a_quoted_comment_stays():
    out = strip_boilerplate("\n\n".join([*_STORY, *_COMMENT_POLICY]))
    assert all(p in out.body for p in _STORY)
    assert "reader comments" not in out.body and "block capitals" not in out.body
    assert {r["reason"] for r in out.removed if "comments are moderated" in r["text"]} == {"comment_policy"}
    # a story's last paragraph that quotes someone about comments is the story's
    quoted = "\"We will not comment on any rumors and we never do,\" the company's spokesman said on Tuesday."
    out = strip_boilerplate("\n\n".join([*_STORY, quoted]))
    assert quoted in out.body


def test_a_news_lead_with_figures_in_parentheses_is_kept():
    lead = "Mexican labourers living in the US sent a record $16.6bn (£8.82bn) home last year."
    text = "\n\n".join([lead, *_STORY[:3]])
    assert strip_boilerplate(text).body.startswith(lead)


def test_a_semicolon_between_currencies_does_not_make_a_lead_code():
    lead = "Swiss drugmaker Novartis has announced 5.65bn euros ($7.4bn; £3.9bn) of purchases to make its unit bigger."
    assert classify(lead)[1] != "code"


@pytest.mark.parametrize("first, is_title", [
    ("Harbour quay to close for repairs", True),
    ("The harbour authority has said it will close the northern quay for repairs until the spring, "
     "after a dispute over who would pay for the work", False),  # a lead that lost its full stop
])
def test_a_first_line_is_a_title_only_if_it_reads_like_one(first, is_title):
    out = strip_boilerplate("\n\n".join([first, *_STORY[:3]]))
    assert (out.title == first) == is_title
    assert (first in out.body) != is_title


def test_credits_between_the_items_of_a_list_go_but_the_items_stay():
    items = [f"{n}. Why did the chicken cross road number {n}? To get to the other side of it." for n in range(1, 9)]
    raw = PROSE + "\n\n" + "\n\n".join(f"{item}\n\nphoto: Someone via Unsplash" for item in items)
    body = strip_boilerplate(raw).body
    assert all(item in body for item in items)
    assert "Unsplash" not in body


def test_a_comment_thread_with_stamps_to_the_minute_is_cut():
    thread = []
    for name, words in (("Armanox", _STORY[3]), ("Metalhead", _STORY[4]), ("Oz", _STORY[5])):
        thread += [name, "June 28, 2015 at 10:25 pm", "Great list. " + words]
    text = "\n\n".join([*_STORY[:3], "{ 3 comments… read them below or add one }", *thread])
    out = strip_boilerplate(text)
    assert all(p in out.body for p in _STORY[:3])
    assert "Great list" not in out.body


_NAVIGATION = ["Home", "News", "Sport", "Weather", "Sign in", "Search"]


@pytest.mark.parametrize("header", [
    [],
    ["By Ana Ruiz", "Thursday, November 9, 2023 4:41AM"],
    ["Posted on April 29, 2022", "Share"],
])
def test_a_headline_under_the_navigation_and_its_header_lines_are_not_body(header):
    headline = "Harbour quay to close for repairs after storm damage"
    out = strip_boilerplate("\n".join([*_NAVIGATION, headline, *header, *_STORY[:3]]))
    assert out.title == (headline if not header else None)  # a headline above a byline is dropped, not taken
    assert out.body.startswith(_STORY[0])
    assert all(p in out.body for p in _STORY[:3])


@pytest.mark.parametrize("lines", [
    ["Results for the year", "Harbour quay to close for repairs after storm damage"],  # a second heading
    ["Harbour quay to close for repairs after storm damage", "The ferry company said on Tuesday that it would"],
])
def test_no_headline_is_taken_where_the_first_kept_lines_are_not_one(lines):
    out = strip_boilerplate("\n".join([*_NAVIGATION, *lines, "run its boats from the southern pier instead. " + _STORY[0],
                                       *_STORY[1:3]]))
    assert out.title is None or out.title not in lines[1:]
    assert lines[-1] in out.body


def test_a_date_line_does_not_head_what_follows():
    teasers = ["November 6, 2023", "What is on in the town this week?", "November 2, 2023", "Music", "See all"]
    for n in range(6):
        teasers += [f"Teaser headline number {n} about the town", "November 6, 2023"]
    out = strip_boilerplate("\n".join([*_NAVIGATION, *teasers, *_STORY[:3]]))
    assert "What is on" not in out.body and "Teaser headline" not in out.body
    assert all(p in out.body for p in _STORY[:3])


def test_the_chrome_patterns_are_lower_case():
    """``_any_chrome`` lowers ASCII text and drops re.I: right only while no pattern spells a capital
    (escapes such as \\b, \\W aside)."""
    import re

    from pipelines.lib import resources

    for reason, rx in resources.CHROME_PATTERNS.items():
        assert not re.search(r"[A-Z]", re.sub(r"\\[A-Za-z]", "", rx)), reason


CHROME_WORDS = ["Share this", "SUBSCRIBE", "Sign Up", "newsletter", "We use Cookies", "Privacy Policy", "©", "(C)",
                "Copyright", "All Rights Reserved", "Home", "Next", "Read More", "Top Articles", "Follow us on",
                "Terms of Use", "the", "company", "said", "subscribed", "shares", "Reuter", "é", "İ", "ſign up"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(CHROME_WORDS), st.sampled_from([" ", ". ", "\n", ": ", ""])), max_size=12)
       .map(lambda parts: "".join(w + sep for w, sep in parts)) | st.text(max_size=80))
def test_the_fast_chrome_test_answers_as_the_case_insensitive_pattern(text):
    from pipelines.lib import cleaning

    assert cleaning._any_chrome(text) == (cleaning._ANY_CHROME.search(text) is not None)


PAGE = ("<html><head><title>Wheat crop falls</title>{meta}</head><body><nav><a href='/'>Home</a> <a href='/x'>News</a>"
        "</nav><article><h1>Wheat crop falls</h1><p>Australia's wheat crop will fall to 25 million tonnes this season, "
        "the bureau said on Monday, down from 36 million tonnes a year earlier.</p><p>Drought in New South Wales cut "
        "yields by about 30 percent.</p></article><footer>Copyright 2026 Example Media.</footer></body></html>")


@pytest.mark.parametrize("meta, published", [
    ("", None),  # only the footer's year: htmldate's guess of 2026-01-01 is not taken
    ('<meta property="article:published_time" content="2026-01-01T09:00:00Z">', "2026-01-01"),
    ('<meta property="article:published_time" content="2026-03-02T08:00:00Z">', "2026-03-02"),
])
def test_html_blocks_are_paragraphs_and_a_bare_year_is_no_publication_day(meta, published):
    out = extract(PAGE.format(meta=meta), fmt="html")
    assert out.body.split("\n\n") == [
        "Wheat crop falls",
        "Australia's wheat crop will fall to 25 million tonnes this season, the bureau said on Monday, down from "
        "36 million tonnes a year earlier.",
        "Drought in New South Wales cut yields by about 30 percent."]
    assert (out.published_at.date().isoformat() if out.published_at else None) == published


@pytest.mark.parametrize("lead, kept", [
    ("Elena Dementieva swept aside defending champion Venus Williams 6-3 6-2 to win Hong Kong's Champions Challenge event.", True),
    ("Former England footballer Paul Gascoigne will join EastEnders' actress Scarlett Johnson on BBC One's Strictly Ice Dancing.", True),
    ("Home News Sport Business Technology Entertainment Health Science Weather Travel", False),  # no sentence
    ("Subscribe to our newsletter for the latest news, offers and events from our partners.", False),  # chrome words
])
def test_the_sentence_above_the_first_paragraph_is_its_lead(lead, kept):
    article = (PROSE + "\n\n" + PROSE.replace("central bank", "government"))
    out = strip_boilerplate(lead + "\n\n" + article)
    assert (lead in out.body) is kept
    assert out.body.endswith(PROSE.replace("central bank", "government"))


@pytest.mark.parametrize("tail, kept", [
    ("AMR announced the order earlier today.\n\nGE said deliveries will start in early 1988.\n\nReuter", True),
    ("Japan Line officials declined to comment.", True),
    ("Please share this story with your friends.", False),  # addressed to the reader
    ("Read more", False),  # no sentence
])
def test_an_article_s_short_last_sentences_are_kept(tail, kept):
    out = strip_boilerplate(PROSE + "\n\n" + PROSE.replace("central bank", "government") + "\n\n" + tail)
    first = tail.split("\n")[0]
    assert (first in out.body) is kept
    assert not out.body.endswith("Reuter")  # the sign-off still goes


def test_a_table_of_results_that_opens_a_wire_story_is_kept_with_its_note():
    raw = ("Shr 39 cts vs 50 cts\n    Net 1,545,160 vs 2,188,933\n    Revs 25.2 mln vs 19.5 mln\n    Year\n"
           "    Shr 1.53 dlrs vs 1.21 dlrs\n    Net 6,635,318 vs 5,050,044\n    Revs 92.2 mln vs 77.4 mln\n"
           "    NOTE: Results include adjustment of 848,600 dlrs or 20 cts\nshr for 1986 year and both 1985 periods "
           "from improvement in\nresults of its universal life business than first estimated.\n Reuter")
    body = strip_boilerplate(raw).body
    assert body.startswith("Shr 39 cts vs 50 cts") and "Net 6,635,318 vs 5,050,044" in body
    assert body.endswith("than first estimated.")


def test_date_and_time_lines_above_a_match_report_are_not_a_table():
    raw = ("Stade de France, Paris\n\nSaturday, 26 February\n\n1600 GMT\n\nBBC1, Radio 4 LW and this website\n\n"
           + PROSE + "\n\n" + PROSE.replace("central bank", "government"))
    assert strip_boilerplate(raw).body.startswith(PROSE)


def test_a_wrapped_note_under_a_table_is_one_sentence_and_kept():
    raw = ("Shr 69 cts vs six cts\n    Net 421,306 vs 44,132\n    Revs 3,721,178 vs 3,125,935\n"
           "    Note: Current qtr net includes a gain of 281,000 dlrs,\nmostly from the sale of securities and property.\n Reuter")
    body = strip_boilerplate(raw).body
    assert body.endswith("Note: Current qtr net includes a gain of 281,000 dlrs, mostly from the sale of securities and property.")
    assert body.startswith("Shr 69 cts vs six cts")


@pytest.mark.parametrize("block, is_metadata", [
    ("Note: 4th qtr not available.", False),  # a note that is a sentence is content
    ("Note: see below.", True),  # too short for one
    ("Tags: economy, finance, markets, stocks", True),
])
def test_a_note_that_is_a_sentence_is_no_metadata(block, is_metadata):
    assert (classify(block)[1] == "metadata") is is_metadata


def test_a_line_cut_after_an_abbreviation_runs_on():
    raw = ("The Federal Deposit Insurance Corp.\nsaid it closed the First National Bank of Lamar, Colo., and\n"
           "approved the assumption of its deposits by another bank.\n Reuter")
    assert strip_boilerplate(raw).body.startswith("The Federal Deposit Insurance Corp. said it closed")


@pytest.mark.parametrize("tail, dropped", [
    # session 32: the writer's bio that closes a web article goes
    ("Perry Bacon Jr. is a senior writer for FiveThirtyEight, where he covers the Supreme Court and the "
     "politics of race and identity.", True),
    ("Will Knight is a senior writer for WIRED, covering artificial intelligence. He was previously a senior "
     "editor at MIT Technology Review.", True),
    ("Alice Wu fell down the rabbit hole of politics aged 12. She has been writing about local politics and "
     "current affairs for the Post since 2008.", True),
    ("Owain Bennallack is the editor of Develop magazine.", True),
    # not the article's last words about a company or what a group has been doing
    ("Monfort is an integrated beef and lamb producer.", False),
    ("The group has been reporting on abuses in the region for a decade.", False),
    ("Smith said the company is a writer of insurance policies.", False),
    ("Mr Forsyth is a wonderful writer and should keep his fiction where it belongs.", False),  # no outlet
])
def test_a_writers_bio_at_the_article_s_end_is_dropped(tail, dropped):
    out = strip_boilerplate(PROSE + "\n\n" + PROSE.replace("central bank", "government") + "\n\n" + tail)
    assert (tail.split(". ")[0] not in out.body) is dropped
    assert out.body.startswith(PROSE)
    assert dropped is any(r["reason"] == "author_bio" for r in out.removed)


def test_what_follows_a_writers_bio_is_outside_the_article():
    bio = "David Brand is a reporter covering housing for Gothamist and WNYC."
    teaser = "Flying as a vegan: what are your options, and which airlines do it best for travellers like you?"
    out = strip_boilerplate(PROSE + "\n\n" + PROSE.replace("central bank", "government") + "\n\n" + bio + "\n\n" + teaser)
    assert out.body.endswith(PROSE.replace("central bank", "government"))
    assert [r["reason"] for r in out.removed][-2:] == ["author_bio", "outside_article"]


def test_a_title_in_a_text_file_loses_its_markdown_heading_mark():
    got = strip_boilerplate("# Oil prices rise on supply fears\n\nOil prices rose 2 pct on Monday as traders weighed supply cuts.\n")
    assert got.title == "Oil prices rise on supply fears"
    assert got.body == "Oil prices rose 2 pct on Monday as traders weighed supply cuts."


def test_a_dated_metadata_line_gives_the_moment_in_utc_and_the_day_where_it_was_written():
    from datetime import UTC, date, datetime

    from pipelines.lib.documents import clean_document

    raw = ("Oil rises on supply fears\n\nPublished: 2024-03-07 23:30 -0500\n\n"
           "Oil prices rose 2 pct yesterday as traders weighed supply cuts, dealers in Houston said.\n")
    doc, *_ = clean_document(dict(doc_id="d", source="a.txt", format="text", raw_text=raw))
    assert (doc["published_at"], doc["published_date"]) == (datetime(2024, 3, 8, 4, 30, tzinfo=UTC), date(2024, 3, 7))
    assert doc["published_at"].utcoffset().total_seconds() == 0
