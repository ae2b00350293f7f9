-- 0012: near-identical quotes form one group across articles.
--
-- Why: wire stories are republished and re-quoted, so one statement is stored once per article that carries it, with
-- different quotation marks, casing or a word trimmed. A group gathers them (Groups/QuoteGrouper: word-pair MinHash
-- band keys propose candidates, the word-pair Jaccard or containment of the group's representative decides), so that
-- a search can show one row per statement with its articles and its first appearance.
--
-- quotes.group_id is written with the quote (COPY) and is null for a quote without words and for quotes stored
-- before this migration: they are grouped when their article is stored again. An article replaced by a new version
-- leaves its groups, whose counts and first appearance are computed again from their remaining quotes; a group left
-- without quotes is deleted, except a group merged into another, which stays as a pointer to it.
--
-- Upgrading: adding the column is instant. Replicas of the previous version that keep storing during the upgrade
-- write quotes without a group; they stay ungrouped until their article is stored again.

-- One group: its founding quote's text (what candidates are compared with), the key of its words (unique: two
-- transactions founding a group for the same words at once end with one, see QuoteGroupsTable.InsertAsync), how many
-- quotes and articles carry it, and its first appearance (earliest publication time, then earliest ingest).
CREATE SEQUENCE quote_group_ids;

CREATE TABLE quote_groups (
    id                 bigint PRIMARY KEY DEFAULT nextval('quote_group_ids'),
    words_key          bigint NOT NULL UNIQUE,
    representative     text NOT NULL,
    quote_count        integer NOT NULL DEFAULT 0,
    article_count      integer NOT NULL DEFAULT 0,
    first_published_at timestamptz,
    first_article_seq  bigint,
    first_quote_index  integer,
    -- Set when the group was merged into another (QuoteGroupsTable.MergeAsync): the row stays, without quotes or band
    -- keys, so that a transaction that joined it before the merge committed can follow it (RecountAsync).
    merged_into        bigint
);

-- The candidate lookup: the band keys of each group's representative (MinHashBands: 16 per group).
CREATE TABLE quote_group_bands (
    band_key bigint NOT NULL,
    group_id bigint NOT NULL,
    PRIMARY KEY (band_key, group_id)
);

CREATE INDEX quote_group_bands_by_group ON quote_group_bands (group_id);

ALTER TABLE quotes ADD COLUMN group_id bigint;

-- A group's quotes in time order (GetQuoteGroup, and recounting a group after ingest).
CREATE INDEX quotes_by_group ON quotes (group_id, published_at, article_seq, quote_index) WHERE group_id IS NOT NULL;
