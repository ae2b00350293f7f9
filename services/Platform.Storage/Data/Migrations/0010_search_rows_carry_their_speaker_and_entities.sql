-- 0010: quote_search rows carry their quote's speaker and the entities it mentions (registry ids), in the full-text
-- index beside the words and the outlet.
--
-- Why: a search by words and speaker ("did X ever say Y") or words and entity walked the speaker's quotes (the
-- entity's links) newest first and tested each quote's words, until it had a page, or the newest 300 matches when
-- ranked. A phrase the speaker rarely or never used meant every one of the speaker's quotes: on a 71,000-article
-- store, words + entity took p50 173 ms and p95 208 ms, words + speaker p95 69 ms. With the ids in the index,
-- PostgreSQL intersects the posting lists of the words and of the speaker or entities in each partition, as it does
-- for the outlet, and the search steps back through the partitions like any search by words.
--
-- Both are indexed with GIN's array class and searched with `&& ids`: a name can mean several entries (a surname
-- that 40 people share means all of them), and an overlap of arrays is one index condition whatever the number of
-- ids, where `speaker_id = ANY(ids)` on a scalar column is one index search per id (48-77 ms per range statement
-- for 40 ids, measured). speaker_id is one value per quote, so the index holds ARRAY[speaker_id]; entity_ids is NULL
-- when the quote mentions no entity with a registry entry. Registry ids on quotes and their links never change after
-- ingest, so the copies here stay right.
--
-- The rows are written again, as in 0008 (an UPDATE of every row doubles each partition and index), and the index
-- rebuilt with the two new columns.
--
-- Upgrading: stop storage replicas of the previous version before this runs. Rows they stored afterwards would have
-- no speaker or entities here, and searches by words and speaker or entity would miss them until stored again.

DROP INDEX quote_search_words;
ALTER TABLE quote_search ADD COLUMN speaker_id bigint;
ALTER TABLE quote_search ADD COLUMN entity_ids bigint[];
TRUNCATE quote_search;
INSERT INTO quote_search (article_id, article_seq, quote_index, article_source, search_vector, published_at, speaker_id, entity_ids)
SELECT q.article_id, q.article_seq, q.quote_index, q.article_source, q.search_vector, q.published_at, q.speaker_id, l.ids
FROM quotes q
LEFT JOIN (
    SELECT article_seq, quote_index, array_agg(known_entity_id ORDER BY known_entity_id) AS ids
    FROM quote_entities WHERE known_entity_id IS NOT NULL
    GROUP BY article_seq, quote_index) l ON l.article_seq = q.article_seq AND l.quote_index = q.quote_index;
CREATE INDEX quote_search_words ON quote_search USING gin (search_vector, lower(article_source), (ARRAY[speaker_id]), entity_ids)
    WITH (gin_pending_list_limit = 256);
ANALYZE quote_search;
