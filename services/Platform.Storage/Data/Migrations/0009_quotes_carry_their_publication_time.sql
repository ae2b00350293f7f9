-- 0009: quotes and their links to entities carry their article's publication time, as the last column of every
-- index that lists them in page order.
--
-- Why: a search by speaker, entity or outlet with a publication-time window walked the speaker's (entity's,
-- outlet's) quotes newest first and joined each one to its article to read its time, only to drop it when it was
-- newer than the window. For a window in the past that is every newer quote: the most quoted speaker of a
-- 71,000-article store, published before a date early in it, took 270-310 ms in the database. With the time as the
-- last column of the index, the condition is checked on each index entry as the scan passes it: newer quotes cost a
-- few index bytes each instead of a join, and only quotes in the window are read from the table.
--
-- The time is a copy of articles.published_at, written with the rows (a new version of an article replaces all of
-- its rows, so a corrected date reaches them all). The rows already stored are written again rather than updated:
-- an UPDATE leaves each table and index twice its size, and rewriting the table in the same transaction (CLUSTER)
-- cannot drop the old row versions, which that transaction itself deleted. quotes' search vector is computed again
-- on the way (a generated column cannot be copied): about 25 s of the rewrite on 1.4 million quotes.
--
-- Upgrading: stop storage replicas of the previous version before this runs. Rows they stored afterwards would have
-- no publication time, and searches by speaker, entity or outlet with a window would miss them until stored again.

DROP INDEX quotes_newest;
DROP INDEX quotes_by_speaker;
DROP INDEX quotes_by_outlet;
DROP INDEX quote_entities_by_entity;
DROP INDEX quote_entities_by_entity_and_speaker;

CREATE TEMP TABLE quotes_before ON COMMIT DROP AS
SELECT q.article_id, q.quote_index, q.start_offset, q.end_offset, q.text, q.kind, q.speaker_name, q.speaker_entity_key,
       q.speaker_start, q.speaker_end, q.cue, q.channel, q.confidence, q.article_seq, q.speaker_id, q.article_source,
       a.published_at
FROM quotes q LEFT JOIN articles a ON a.seq = q.article_seq;
CREATE TEMP TABLE quote_entities_before ON COMMIT DROP AS
SELECT l.article_id, l.quote_index, l.entity_key, l.known_entity_id, l.article_seq, l.speaker_id, a.published_at
FROM quote_entities l LEFT JOIN articles a ON a.seq = l.article_seq;

TRUNCATE quotes, quote_entities;
ALTER TABLE quotes ADD COLUMN published_at timestamptz;
ALTER TABLE quote_entities ADD COLUMN published_at timestamptz;
INSERT INTO quotes (article_id, quote_index, start_offset, end_offset, text, kind, speaker_name, speaker_entity_key,
                    speaker_start, speaker_end, cue, channel, confidence, article_seq, speaker_id, article_source,
                    published_at)
SELECT * FROM quotes_before ORDER BY article_seq, quote_index;
INSERT INTO quote_entities (article_id, quote_index, entity_key, known_entity_id, article_seq, speaker_id, published_at)
SELECT * FROM quote_entities_before ORDER BY article_seq, quote_index, entity_key;

CREATE INDEX quotes_newest ON quotes (article_seq DESC, quote_index, published_at);
CREATE INDEX quotes_by_speaker ON quotes (speaker_id, article_seq DESC, quote_index, published_at);
CREATE INDEX quotes_by_outlet ON quotes (lower(article_source), article_seq DESC, quote_index, published_at);
CREATE INDEX quote_entities_by_entity ON quote_entities (known_entity_id, article_seq DESC, quote_index, published_at);
CREATE INDEX quote_entities_by_entity_and_speaker
    ON quote_entities (known_entity_id, speaker_id, article_seq DESC, quote_index, published_at);
ANALYZE quotes;
ANALYZE quote_entities;
