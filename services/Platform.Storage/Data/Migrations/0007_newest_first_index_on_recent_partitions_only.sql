-- 0007: only the two newest partitions of quote_search keep the newest-first index (article_seq DESC, quote_index).
--
-- Why: a search by words plans every partition it reads, and a rare phrase reads all of them (QuoteSearchTable).
-- Each index is one more path for PostgreSQL to cost: without the newest-first index, older partitions plan in
-- about half the time (200 sampled phrases ranked on 1.4 million quotes, server-side planning per search: p95
-- 3.7 -> 2.6 ms, mean 1.5 -> 1.1 ms). The index only pays off where a common phrase fills a page from a few
-- thousand of the newest quotes: in the newest partition, and in the one before it while the newest is still filling.
-- A search that reaches an older partition is one for a phrase too rare to fill its page there, which the
-- full-text index answers alone. What older partitions lose: a newest-first page deep in the past of a common word
-- sorts that partition's matches instead of walking them (a word in 12,561 of a partition's 82,000 quotes: 8.6 ms
-- instead of 0.4 ms for that page), and replacing an old article scans its partition. Both are rare next to searches
-- of the newest quotes; the indexes dropped were also 40 MB of a million-quote store to keep in memory.
--
-- Each partition's index is now its own (named quote_search_<k>_newest) instead of a copy of one on the parent, so
-- that it can be dropped alone.

DROP INDEX quote_search_newest;
CREATE INDEX quote_search_default_newest ON quote_search_default (article_seq DESC, quote_index);

-- As in 0006, with the new partition's newest-first index.
CREATE OR REPLACE FUNCTION quote_search_add_partition(k bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    width constant bigint := 4096;
    partition_name constant text := 'quote_search_' || k;
BEGIN
    IF k < 0 THEN
        RAISE EXCEPTION 'partition number % is negative', k;
    END IF;
    IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN;
    END IF;
    EXECUTE format('CREATE TABLE %I (LIKE quote_search)', partition_name);
    EXECUTE format(
        'WITH moved AS (DELETE FROM quote_search_default WHERE article_seq >= $1 AND article_seq < $2 RETURNING *)
         INSERT INTO %I SELECT * FROM moved', partition_name)
        USING k * width, (k + 1) * width;
    EXECUTE format('CREATE INDEX %I ON %I (article_seq DESC, quote_index)', partition_name || '_newest', partition_name);
    EXECUTE format('ALTER TABLE quote_search ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)',
                   partition_name, k * width, (k + 1) * width);
END $$;

-- Drops the newest-first index of every partition older than the two newest that hold articles: those of the
-- newest article's partition and the one before it, and any partitions ahead, keep theirs. Like adding a partition,
-- it runs with its owner's rights, and the storage service calls it after adding one.
CREATE FUNCTION quote_search_retire_newest_indexes() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    oldest_kept constant bigint := coalesce((SELECT max(seq) FROM articles), 0) / 4096 - 1;
    index_name text;
BEGIN
    FOR index_name IN
        SELECT c.relname FROM pg_class c
        WHERE c.relkind = 'i' AND c.relname ~ '^quote_search_\d+_newest$'
          AND substring(c.relname FROM '^quote_search_(\d+)_newest$')::bigint < oldest_kept
    LOOP
        EXECUTE format('DROP INDEX %I', index_name);
    END LOOP;
END $$;

-- The existing partitions: the index on the newest two (and any ahead), none on the older ones.
DO $$
DECLARE
    partition_name text;
BEGIN
    FOR partition_name IN
        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'quote_search'::regclass AND c.relname ~ '^quote_search_\d+$'
          AND substring(c.relname FROM '^quote_search_(\d+)$')::bigint
              >= coalesce((SELECT max(seq) FROM articles), 0) / 4096 - 1
    LOOP
        EXECUTE format('CREATE INDEX %I ON %I (article_seq DESC, quote_index)', partition_name || '_newest', partition_name);
    END LOOP;
END $$;
