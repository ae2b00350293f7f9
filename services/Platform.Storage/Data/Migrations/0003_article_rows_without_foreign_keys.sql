-- The rows of an article (entities, mentions, quotes, their links to entities) are written by one code path, in the
-- transaction that inserts the article, after validation has checked every key inside the analysis (a mention or a
-- quote link names an entity of the same article, a speaker key names one of its entities) and the registry
-- resolver has found or created every registry id they carry. Registry entries are never deleted.
--
-- Foreign keys re-checked all of that row by row: each inserted row queued an after-trigger that ran a
-- `SELECT … FOR KEY SHARE` on the referenced row, and the registry rows of popular speakers were key-share locked
-- by every concurrent batch. With 4,000 synthetic articles (89 rows each) on a durable cluster that was a third of
-- PostgreSQL's CPU during ingest (26.5 → 16.2 CPU seconds, mean of two runs each) and a quarter of the throughput;
-- dropping only the registry keys or only the keys inside an article saved barely a third of that, because a table
-- with any foreign key still pays for the trigger queue. The raw COPY the ingest is measured against has none.
--
-- What the keys also did is now done explicitly: replacing an article deletes its rows table by table
-- (ArticleStore), and the storage tests check after ingest and replacement that no row points to a missing one.
-- The index that only served the key from quote_entities to entities goes too: deleting by article uses the
-- primary key, which starts with article_id.

ALTER TABLE entities
    DROP CONSTRAINT entities_article_id_fkey,
    DROP CONSTRAINT entities_known_entity_id_fkey;

ALTER TABLE mentions
    DROP CONSTRAINT mentions_article_id_entity_key_fkey;

ALTER TABLE quotes
    DROP CONSTRAINT quotes_article_id_fkey,
    DROP CONSTRAINT quotes_speaker_id_fkey;

ALTER TABLE quote_entities
    DROP CONSTRAINT quote_entities_article_id_entity_key_fkey,
    DROP CONSTRAINT quote_entities_article_id_quote_index_fkey,
    DROP CONSTRAINT quote_entities_known_entity_id_fkey,
    DROP CONSTRAINT quote_entities_speaker_id_fkey;

DROP INDEX quote_entities_entity;
