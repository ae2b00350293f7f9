-- Quotes carry their article's outlet (source), as they already carry its ingest order, so that a search by outlet
-- reads one table. Outlet searches used to walk the outlet's articles and join their quotes; with words as well,
-- PostgreSQL often chose to hash every article of the outlet instead (a sequential scan of the articles and their
-- texts: 170-260 ms on a store of 1.4 million quotes). Now the outlet is one more condition on the quotes: walked
-- newest first on the index below, or checked on the rows the full-text index finds.
ALTER TABLE quotes ADD COLUMN article_source text;
UPDATE quotes q SET article_source = a.source FROM articles a WHERE a.id = q.article_id AND a.source IS NOT NULL;
CREATE INDEX quotes_by_outlet ON quotes (lower(article_source), article_seq DESC, quote_index);
-- Only the outlet search used it.
DROP INDEX articles_source;
