-- 0006: full-text searches read quote_search, a narrow copy of each quote's search vector partitioned by the
-- article's ingest order (article_seq), instead of one full-text index over all quotes.
--
-- Why: searches list the newest matches first (or rank the newest few hundred), and a single full-text index knows
-- nothing of recency. PostgreSQL either walked all quotes newest first until enough matched, or fetched every
-- match from the index and sorted them; which one was cheaper depended on how many quotes a phrase matches, and its
-- estimate for two-word phrases was often 10x off. On 1.4 million quotes, 200 phrases took p95 22 ms and p99 95 ms
-- in the database alone. With one partition per 4,096 articles the storage service searches the newest partition
-- first and older ones only when it needs more matches (QuoteSearchTable): each partition's index is small, so a
-- common phrase is answered from the newest partition and a rare one from a few short posting lists (p95 5 ms).
--
-- The partitions hold [k * 4096, (k + 1) * 4096) each, named quote_search_<k>. They are created ahead of the
-- articles by quote_search_add_partition below (the storage service calls it as the ingest order approaches the
-- last partition); rows beyond the last partition go to quote_search_default and are moved out when their
-- partition is created, so ingest never fails for want of a partition.

CREATE TABLE quote_search (
    article_id     text     NOT NULL,
    article_seq    bigint   NOT NULL,
    quote_index    integer  NOT NULL,
    -- The article's outlet, as on quotes, so that a search by words and outlet reads this table alone.
    article_source text,
    search_vector  tsvector NOT NULL
) PARTITION BY RANGE (article_seq);
CREATE TABLE quote_search_default PARTITION OF quote_search DEFAULT;

-- Each partition gets its own copy of these. The full-text index also holds the outlet (btree_gin), so that a search
-- by words and outlet intersects both in the index instead of reading every match of the words to keep one outlet's
-- (the newest 300 matches in one outlet of five, database only: p95 19-22 ms with the words alone indexed, 12-13 ms
-- with both; searches by words alone were not measurably slower). The pending list is kept small as in 0004.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX quote_search_words ON quote_search USING gin (search_vector, lower(article_source))
    WITH (gin_pending_list_limit = 256);
CREATE INDEX quote_search_newest ON quote_search (article_seq DESC, quote_index);

-- Creates partition k if it does not exist yet. It runs with its owner's rights (the schema owner), so that the
-- storage service's runtime role, which may not change the schema, can add partitions and nothing else. The new
-- table is filled from the default partition and then attached: attaching takes no lock that blocks reads or writes
-- of the other partitions.
CREATE FUNCTION quote_search_add_partition(k bigint) RETURNS void
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
    EXECUTE format('ALTER TABLE quote_search ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)',
                   partition_name, k * width, (k + 1) * width);
END $$;

-- Partitions for the articles stored so far and one ahead, then the quotes stored so far.
SELECT quote_search_add_partition(k)
FROM generate_series(0, coalesce((SELECT max(seq) FROM articles), 0) / 4096 + 1) k;
INSERT INTO quote_search (article_id, article_seq, quote_index, article_source, search_vector)
SELECT article_id, article_seq, quote_index, article_source, search_vector FROM quotes;
ANALYZE quote_search;

-- Words on quotes are now only checked on rows found by speaker, entity or article, never looked up.
DROP INDEX quotes_search_vector;
