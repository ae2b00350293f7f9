-- The full-text index takes new quotes into a pending list (GIN's "fast update") and merges the list into its main
-- structure when it outgrows gin_pending_list_limit, or when (auto)vacuum runs. Every search reads the whole
-- pending list, matched or not. At the default limit of 4 MB that was about 19,000 quotes after a bulk ingest
-- into a store of 1.4 million, and it cost every full-text search 10-20 ms: a phrase matching 7 quotes took 10.9 ms,
-- and 1.7 ms once the list was merged. A 256 kB limit keeps that cost near a millisecond; the merges are smaller and
-- more frequent, paid by the inserting transaction as before.
ALTER INDEX quotes_search_vector SET (gin_pending_list_limit = 256);
