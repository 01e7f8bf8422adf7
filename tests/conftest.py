"""Shared fixtures live in tests/support/ and are registered here."""

pytest_plugins = ["tests.support.databases", "tests.support.feedserver", "tests.support.receivers"]
