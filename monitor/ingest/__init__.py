"""Ingestion: a feed's URL to normalised items. fetch (aiohttp, conditional GET) with limits (size cap,
bomb-safe inflate, SSRF guard) and cacheheaders (freshness, Retry-After); parse (feedparser, and jsonfeed for
JSON Feed, after xmlprep) into entries, one Item shape for every format.

May import: text, types, errors. Nothing here stores, detects or alerts."""
