-- 0001: articles, their quotes and entities, entity mentions, and the links from quotes to the entities they mention.
-- Offsets are Unicode code points into articles.text, end exclusive (as on the wire).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE articles (
    id             text        PRIMARY KEY,
    -- Ingest order; quote searches page newest first by it.
    seq            bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    url            text,
    title          text,
    source         text,
    published_at   timestamptz,
    text           text        NOT NULL,
    -- SHA-256 of the UTF-8 text: with engine_version, decides duplicate vs. replacement on re-ingest.
    content_hash   bytea       NOT NULL,
    engine_version text        NOT NULL,
    ingested_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_published_at ON articles (published_at);

CREATE TABLE entities (
    article_id    text     NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- The entity's id within its analysis ("e1").
    entity_key    text     NOT NULL,
    name          text     NOT NULL,
    type          text     NOT NULL CHECK (type IN ('PERSON', 'ORG', 'LOC', 'NORP', 'MISC', 'DATE', 'MONEY')),
    mention_count integer  NOT NULL,
    PRIMARY KEY (article_id, entity_key)
);
CREATE INDEX entities_name_trgm ON entities USING gin (name gin_trgm_ops);
CREATE INDEX entities_name_type ON entities (name, type);

CREATE TABLE mentions (
    article_id   text    NOT NULL,
    entity_key   text    NOT NULL,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    text         text    NOT NULL,
    PRIMARY KEY (article_id, start_offset, end_offset, entity_key),
    FOREIGN KEY (article_id, entity_key) REFERENCES entities (article_id, entity_key) ON DELETE CASCADE
);

CREATE TABLE quotes (
    article_id         text     NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- Position of the quote in its analysis, 0-based.
    quote_index        integer  NOT NULL,
    start_offset       integer  NOT NULL,
    end_offset         integer  NOT NULL,
    text               text     NOT NULL,
    kind               text     NOT NULL CHECK (kind IN ('DIRECT', 'INDIRECT', 'MIXED')),
    speaker_name       text,
    speaker_entity_key text,
    speaker_start      integer,
    speaker_end        integer,
    cue                text,
    channel            text,
    confidence         real     NOT NULL,
    search_vector      tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    PRIMARY KEY (article_id, quote_index)
);
CREATE INDEX quotes_search_vector ON quotes USING gin (search_vector);
CREATE INDEX quotes_speaker_trgm ON quotes USING gin (speaker_name gin_trgm_ops);

CREATE TABLE quote_entities (
    article_id  text    NOT NULL,
    quote_index integer NOT NULL,
    entity_key  text    NOT NULL,
    PRIMARY KEY (article_id, quote_index, entity_key),
    FOREIGN KEY (article_id, quote_index) REFERENCES quotes (article_id, quote_index) ON DELETE CASCADE,
    FOREIGN KEY (article_id, entity_key) REFERENCES entities (article_id, entity_key) ON DELETE CASCADE
);
CREATE INDEX quote_entities_entity ON quote_entities (article_id, entity_key);
