import json
from datetime import UTC, date, datetime

import pytest

from pipelines.lib.ingest import _read_jsonl


def _lines(*records) -> bytes:
    return "\n".join(json.dumps(r) if not isinstance(r, str) else r for r in records).encode()


@pytest.mark.parametrize("record, source", [
    ({"id": "c", "text": "Oil rose.", "published_at": "March 7, 2024"}, "feed.jsonl#c"),  # the document's own source
    ({"text": "Oil rose.", "published_at": 1709800000}, "feed.jsonl#1"),  # no id: the line number
])
def test_a_bad_date_is_reported_under_the_source_of_the_document_it_keeps(record, source):
    docs, problems = _read_jsonl("feed.jsonl", _lines(record))
    assert [d["source"] for d in docs] == [source]
    assert docs[0]["meta_published_at"] is None
    assert [(p["source"], p["reason"]) for p in problems] == [(source, "bad_published_at")]


@pytest.mark.parametrize("value, moment, day", [
    ("2024-03-07T23:30:00-05:00", datetime(2024, 3, 8, 4, 30, tzinfo=UTC), date(2024, 3, 7)),  # evening in Houston
    ("2024-03-08T07:00:00+09:00", datetime(2024, 3, 7, 22, 0, tzinfo=UTC), date(2024, 3, 8)),  # morning in Tokyo
    ("2024-03-07T10:00:00Z", datetime(2024, 3, 7, 10, 0, tzinfo=UTC), date(2024, 3, 7)),
    ("2024-03-07", datetime(2024, 3, 7, tzinfo=UTC), date(2024, 3, 7)),  # no offset: taken as UTC
    (None, None, None),
])
def test_published_at_is_a_moment_in_utc_and_the_day_where_it_was_written(value, moment, day):
    docs, problems = _read_jsonl("feed.jsonl", _lines({"text": "Oil rose.", "published_at": value}))
    assert (docs[0]["meta_published_at"], docs[0]["meta_published_date"], problems) == (moment, day, [])


@pytest.mark.parametrize("field, value, stored", [
    ("author", ["Ann Lee", "Bo Chen"], "Ann Lee, Bo Chen"),
    ("author", ["Ann Lee", None, ""], "Ann Lee"),
    ("author", [], None),
    ("author", "", None),
    ("title", "Oil up", "Oil up"),
    ("url", 5, "5"),
])
def test_metadata_fields_are_stored_as_text(field, value, stored):
    docs, _ = _read_jsonl("feed.jsonl", _lines({"text": "Oil rose.", field: value}))
    assert docs[0]["meta_" + field if field != "url" else "url"] == stored
