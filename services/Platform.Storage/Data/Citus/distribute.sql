-- Distributes the tables over a Citus cluster as docs/scaling.md lays them out. Run by CitusLayout on the coordinator,
-- after the migrations, when the database has the citus extension; each step is skipped once done, so it runs again
-- after every migration (a new table joins the layout when this file names it).

-- The registry: small, read by every search and written by every ingest; a copy on every node.
SELECT create_reference_table(t)
FROM unnest(ARRAY['known_entities', 'known_entity_aliases', 'known_entity_deltas']) t
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = t::regclass);

-- Quote statistics (0013, 0014): pre-aggregated, keyed by week, outlet and speaker rather than by article, written by every
-- ingest through their logs like the registry counters and read whole by statistics: a copy on every node, so that
-- ingest's INSERT ... SELECT from the co-located article rows and the folds run like the registry's.
SELECT create_reference_table(t)
FROM unnest(ARRAY['quote_stats', 'quote_stats_deltas', 'quote_timeline', 'quote_timeline_deltas',
                    'quote_stats_presence', 'quote_stats_totals', 'quote_speaker_weeks']) t
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = t::regclass);

-- A unique key of a distributed table must include its distribution column: articles.seq (ingest order, from the
-- identity column) stays indexed for the newest-first reads, but is no longer checked unique across nodes. Values
-- still come from one sequence on the coordinator, where every insert runs.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'articles_seq_key' AND conrelid = 'articles'::regclass) THEN
        ALTER TABLE articles DROP CONSTRAINT articles_seq_key;
        CREATE INDEX articles_seq ON articles (seq);
    END IF;
END $$;

-- An article and all its rows in one shard group, by article id.
SELECT create_distributed_table(t, column_name, colocate_with => colocate)
FROM (VALUES (1, 'articles', 'id', 'default'),
             (2, 'entities', 'article_id', 'articles'),
             (3, 'mentions', 'article_id', 'articles'),
             (4, 'quotes', 'article_id', 'articles'),
             (5, 'quote_entities', 'article_id', 'articles'),
             (6, 'quote_search', 'article_id', 'articles')) d(position, t, column_name, colocate)
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = t::regclass)
ORDER BY position;

-- Quote groups (0012) span articles, so they cannot live with one article's shard group. Reference tables, like
-- the registry: every ingest looks groups up by band key and every collapsed search reads article counts, both
-- joinable on any node; a group's quotes stay with their articles (quotes.group_id) and are found by a scan of
-- every shard's quotes_by_group index.
SELECT create_reference_table(t)
FROM unnest(ARRAY['quote_groups', 'quote_group_bands']) t
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = t::regclass);
