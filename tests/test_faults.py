"""The fault-injection run of bench/faults.py, small: `monitor run` is SIGKILLed at random moments, mid-poll and
mid-delivery, and restarted, while its mail server and feeds fail now and then; every expected alert still
arrives exactly once and every item is stored once. MONITOR_FAULT_KILLS raises the number of kills (5 by
default, which keeps the test under a minute); `python -m bench.faults --kills 50` is the full run."""

from __future__ import annotations

import os

import pytest

from bench.faults import Outcome, fault_run, table

KILLS = int(os.environ.get("MONITOR_FAULT_KILLS", "5"))
pytestmark = [pytest.mark.slow, pytest.mark.timeout(120 + 20 * KILLS)]


@pytest.fixture(scope="module")
def outcome() -> Outcome:
    with fault_run(KILLS, seed=int(os.environ.get("MONITOR_FAULT_SEED", "1"))) as run:
        result = run.run()
    print(table(result))
    return result


def test_every_kill_was_injected_and_the_daemon_never_died_on_its_own(outcome: Outcome) -> None:
    assert sum(outcome.tally.kills.values()) == KILLS
    assert outcome.tally.crashes == 0, "\n".join(outcome.tally.crash_logs)


def test_every_expected_alert_arrives_exactly_once(outcome: Outcome) -> None:
    assert (outcome.lost, outcome.duplicated, outcome.unexpected) == (0, 0, 0), table(outcome)
    assert outcome.alerts_unsent == 0


def test_every_item_is_stored_once(outcome: Outcome) -> None:
    assert outcome.items_stored == outcome.items_distinct == outcome.items_expected


def test_the_daemon_stops_cleanly_after_the_faults(outcome: Outcome) -> None:
    assert outcome.tally.final_exit == 0
