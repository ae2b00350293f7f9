-- 0008: quote_search rows carry their article's publication time, indexed in each partition.
--
-- Why: a search by words with a publication-time window read every match of its words in each partition it stepped
-- through and joined it to its article, only to drop it when the article was outside the window. For a window in the
-- past that is every partition newer than the window: a common word published before a date early in a 71,000-article
-- store took about 0.6 s in the database. With the time on the row and indexed, PostgreSQL plans each partition with
-- its own statistics of publication times: a partition with no article in the window is answered by an empty index
-- scan (about 1 ms with its planning), a partition entirely inside it as if there were no window, and no row is joined.
--
-- The index is defined on the parent, so every partition has one, including those added later (attaching a
-- partition builds the parent's indexes on it). The rows are written again rather than updated: quote_search only
-- copies quotes, and an UPDATE of every row would leave each table and index twice its size (on 1.4 million quotes
-- the partitions grew to 976 MB of heap and the searches slowed until rebuilt).
--
-- Upgrading: stop storage replicas of the previous version before this runs. Rows they stored afterwards would have
-- no publication time here, and searches by words with a time window would miss them until they are stored again.

ALTER TABLE quote_search ADD COLUMN published_at timestamptz;
TRUNCATE quote_search;
INSERT INTO quote_search (article_id, article_seq, quote_index, article_source, search_vector, published_at)
SELECT q.article_id, q.article_seq, q.quote_index, q.article_source, q.search_vector, a.published_at
FROM quotes q JOIN articles a ON a.seq = q.article_seq;
CREATE INDEX quote_search_published ON quote_search (published_at);
ANALYZE quote_search;
