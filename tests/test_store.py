"""Storage on SQLite and PostgreSQL: feeds are claimed once, items stored once, events once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Engine

from monitor.events import Evidence, FigureChange
from monitor.store import detection, feeds, items
from monitor.types import Analysis, FeedSpec, FetchResult, Figure, Item, Position

NOW = datetime(2025, 10, 8, 12, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)
SPECS = [FeedSpec("http://127.0.0.1/a.xml", "A"), FeedSpec("http://127.0.0.1/b.xml", "B")]


def entry(key: str, text: str = "Talks resume in Cairo.") -> Item:
    return Item(key=key, title=f"Title {key}", link=f"https://example.org/{key}", published=NOW, text=text,
                content_hash=f"hash-{key}-{text}")


def sync_and_claim(engine: Engine, when: datetime = NOW, owner: str = "w1") -> list[str]:
    with engine.begin() as conn:
        feeds.sync_feeds(conn, SPECS, NOW)
        return [s.url for s in feeds.claim_due(conn, [s.url for s in SPECS], when, owner, LEASE)]


def feed_id(engine: Engine, url: str) -> int:
    with engine.connect() as conn:
        state = feeds.get_state(conn, url)
    assert state is not None
    return state.id


def test_new_feeds_are_due_at_once(engine: Engine) -> None:
    assert sorted(sync_and_claim(engine)) == [s.url for s in SPECS]


def test_leased_feed_is_not_claimed_by_another_worker(engine: Engine) -> None:
    sync_and_claim(engine, owner="w1")
    assert sync_and_claim(engine, owner="w2") == []


def test_expired_lease_can_be_claimed_again(engine: Engine) -> None:
    sync_and_claim(engine, owner="w1")
    assert len(sync_and_claim(engine, NOW + LEASE + timedelta(seconds=1), owner="w2")) == 2


def test_failure_counts_up_keeps_reason_and_releases_lease(engine: Engine) -> None:
    sync_and_claim(engine)
    fid = feed_id(engine, SPECS[0].url)
    with engine.begin() as conn:
        feeds.record_failure(conn, fid, 500, "HTTP 500", NOW, NOW + timedelta(minutes=10))
        feeds.record_failure(conn, fid, 500, "HTTP 500", NOW, NOW + timedelta(minutes=20))
        state = feeds.get_state(conn, SPECS[0].url)
    assert state is not None
    assert (state.consecutive_failures, state.last_error) == (2, "HTTP 500")
    assert state.next_poll_at == NOW + timedelta(minutes=20)


def test_success_resets_failures_and_keeps_validators(engine: Engine) -> None:
    sync_and_claim(engine)
    fid = feed_id(engine, SPECS[0].url)
    result = FetchResult(SPECS[0].url, SPECS[0].url, 200, b"<rss/>", etag='"v1"', last_modified="Wed, 08 Oct 2025")
    with engine.begin() as conn:
        feeds.record_failure(conn, fid, None, "timed out", NOW, NOW)
        feeds.record_success(conn, fid, result, NOW, NOW + timedelta(minutes=5))
        state = feeds.get_state(conn, SPECS[0].url)
    assert state is not None
    assert state.consecutive_failures == 0
    assert state.validators.etag == '"v1"'


def test_same_items_twice_are_stored_once(engine: Engine) -> None:
    sync_and_claim(engine)
    fid = feed_id(engine, SPECS[0].url)
    with engine.begin() as conn:
        first = items.save_items(conn, fid, [entry("1"), entry("2")], NOW)
        second = items.save_items(conn, fid, [entry("1"), entry("2")], NOW)
        total = items.count_items(conn)
    assert (first.new, second.new, second.unchanged, total) == (2, 0, 2, 2)
    assert second.to_analyze == []


def test_changed_item_is_an_update_and_analysed_again(engine: Engine) -> None:
    sync_and_claim(engine)
    fid = feed_id(engine, SPECS[0].url)
    with engine.begin() as conn:
        items.save_items(conn, fid, [entry("1")], NOW)
        saved = items.save_items(conn, fid, [entry("1", "The toll rose to 67,194.")], NOW)
        total = items.count_items(conn)
    assert (saved.new, saved.updated, total) == (0, 1, 1)
    assert saved.to_analyze[0][1].text == "The toll rose to 67,194."


def test_history_overlays_observations_on_baselines(engine: Engine) -> None:
    sync_and_claim(engine)
    fid = feed_id(engine, SPECS[0].url)
    analysis = Analysis(True, figures=(Figure("deaths", 67194, "exact", "67,194", "s"),
                                       Figure("held", 20, "exact", "20", "s")))
    with engine.begin() as conn:
        saved = items.save_items(conn, fid, [entry("1")], NOW)
        detection.save_analysis(conn, saved.to_analyze[0][0], analysis, NOW, NOW, frozenset())
        history = detection.load_history(conn, {"deaths": 67160, "held": 48})
    assert history.best["deaths"] == 67194
    assert history.last["held"] == 20


def test_history_remembers_each_actors_last_stance_per_issue(engine: Engine) -> None:
    sync_and_claim(engine)
    fid = feed_id(engine, SPECS[0].url)
    stances = (Position("hamas", "hostage_exchange", "accepts", "for", "s"),
               Position("hamas", "disarmament", "rejects", "against", "s"))
    with engine.begin() as conn:
        saved = items.save_items(conn, fid, [entry("1")], NOW)
        detection.save_analysis(conn, saved.to_analyze[0][0], Analysis(True, positions=stances), NOW, NOW,
                                frozenset())
        history = detection.load_history(conn, {})
    assert history.stances == {("hamas", "hostage_exchange"): ("accepts", "for"),
                               ("hamas", "disarmament"): ("rejects", "against")}


def test_same_event_twice_is_stored_once(engine: Engine) -> None:
    event = FigureChange("deaths", 67160, 67194, "exact", "67,194", Evidence("k", "https://x/1", "A", NOW, "s"))
    with engine.begin() as conn:
        first = detection.save_event(conn, event, None, NOW)
        second = detection.save_event(conn, event, None, NOW)
        stored = detection.list_events(conn)
    assert first is not None
    assert second is None
    assert len(stored) == 1


def test_a_doubtful_stance_is_stored_but_not_remembered(engine: Engine) -> None:
    sync_and_claim(engine)
    fid = feed_id(engine, SPECS[0].url)
    stances = (Position("hamas", "disarmament", "rejects", "against", "s"),
               Position("hamas", "governance", "accepts", "for", "s", certain=False))
    with engine.begin() as conn:
        saved = items.save_items(conn, fid, [entry("1")], NOW)
        detection.save_analysis(conn, saved.to_analyze[0][0], Analysis(True, positions=stances), NOW, NOW,
                                frozenset())
        history = detection.load_history(conn, {})
        stored = detection.position_history(conn, "hamas")
    assert history.stances == {("hamas", "disarmament"): ("rejects", "against")}
    assert {row.subject for row in stored} == {"hamas/disarmament", "hamas/governance"}
