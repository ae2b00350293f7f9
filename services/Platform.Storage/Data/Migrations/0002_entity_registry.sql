-- 0002: one registry entry per real-world entity across articles (speakers are entities that have quotes), and the
-- keys that let the common quote searches walk a single index in page order.
--
-- Distribution note (see docs/scaling.md): known_entities and known_entity_aliases are small and shared by every
-- article, so they can become reference tables; everything keyed by article_id stays co-located by article.

CREATE TABLE known_entities (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type          text        NOT NULL CHECK (type IN ('PERSON', 'ORG', 'LOC', 'NORP', 'MISC', 'DATE', 'MONEY')),
    -- Normalized name (lower case, no accents or dots, single spaces): two spellings with one key are one entity.
    name_key      text        NOT NULL,
    -- Display name: the longest spelling seen.
    name          text        NOT NULL,
    mention_count bigint      NOT NULL DEFAULT 0,
    -- Quotes attributed to this entity: non-zero makes it a speaker.
    quote_count   bigint      NOT NULL DEFAULT 0,
    -- Articles in which it is mentioned or quoted.
    article_count bigint      NOT NULL DEFAULT 0,
    -- Publication time (ingest time when unknown) of the first and last article it appears in.
    first_seen    timestamptz,
    last_seen     timestamptz,
    UNIQUE (type, name_key)
);
CREATE INDEX known_entities_name_trgm ON known_entities USING gin (name gin_trgm_ops);
CREATE INDEX known_entities_by_mentions ON known_entities (mention_count DESC, name COLLATE "C", id);
CREATE INDEX known_entities_speakers ON known_entities (quote_count DESC, name COLLATE "C", id) WHERE quote_count > 0;

-- Counter changes waiting to be added to known_entities. Storing an article appends here instead of updating the
-- entries, because popular entries (a head of state quoted in every batch) would make concurrent batches queue on
-- their row locks; the service folds the log into the entries every second and before listing them.
CREATE TABLE known_entity_deltas (
    known_entity_id bigint NOT NULL,
    mentions        bigint NOT NULL,
    quotes          bigint NOT NULL,
    articles        bigint NOT NULL,
    first_seen      timestamptz,
    last_seen       timestamptz,
    name            text
);

-- Other keys a person is known by: the surname ("zakharova") and initial plus surname ("m zakharova"). A key shared
-- by two people resolves to neither of them.
CREATE TABLE known_entity_aliases (
    type            text   NOT NULL,
    alias_key       text   NOT NULL,
    known_entity_id bigint NOT NULL REFERENCES known_entities (id) ON DELETE CASCADE,
    PRIMARY KEY (type, alias_key, known_entity_id)
);
CREATE INDEX known_entity_aliases_entity ON known_entity_aliases (known_entity_id);
CREATE INDEX known_entity_aliases_key ON known_entity_aliases (alias_key);

ALTER TABLE entities ADD COLUMN known_entity_id bigint REFERENCES known_entities (id);
CREATE INDEX entities_known_entity ON entities (known_entity_id);

-- Quotes carry their article's ingest order so that "newest first" pages come straight off an index.
ALTER TABLE quotes ADD COLUMN article_seq bigint;
ALTER TABLE quotes ADD COLUMN speaker_id bigint REFERENCES known_entities (id);
UPDATE quotes q SET article_seq = a.seq FROM articles a WHERE a.id = q.article_id;
ALTER TABLE quotes ALTER COLUMN article_seq SET NOT NULL;
CREATE INDEX quotes_newest ON quotes (article_seq DESC, quote_index);
CREATE INDEX quotes_by_speaker ON quotes (speaker_id, article_seq DESC, quote_index);

-- Quote-entity links carry the quote's order and speaker: "what did X say about Y" reads one index in page order.
ALTER TABLE quote_entities ADD COLUMN known_entity_id bigint REFERENCES known_entities (id);
ALTER TABLE quote_entities ADD COLUMN article_seq bigint;
ALTER TABLE quote_entities ADD COLUMN speaker_id bigint REFERENCES known_entities (id);
UPDATE quote_entities qe SET article_seq = a.seq FROM articles a WHERE a.id = qe.article_id;
ALTER TABLE quote_entities ALTER COLUMN article_seq SET NOT NULL;
CREATE INDEX quote_entities_by_entity ON quote_entities (known_entity_id, article_seq DESC, quote_index);
CREATE INDEX quote_entities_by_entity_and_speaker ON quote_entities (known_entity_id, speaker_id, article_seq DESC, quote_index);

-- Searches by outlet.
CREATE INDEX articles_source ON articles (lower(source), seq DESC);

-- Rows stored before this migration join the registry under their exact (normalized) names; aliases are added by
-- the service for what it stores from now on.
INSERT INTO known_entities (type, name_key, name)
SELECT type, key, max(name)
FROM (SELECT type, name, btrim(regexp_replace(regexp_replace(lower(name), '[.''’]', '', 'g'), '[^[:alnum:]]+', ' ', 'g')) AS key
      FROM entities) e
WHERE key <> ''
GROUP BY type, key;
UPDATE entities e SET known_entity_id = k.id
FROM known_entities k
WHERE k.type = e.type
  AND k.name_key = btrim(regexp_replace(regexp_replace(lower(e.name), '[.''’]', '', 'g'), '[^[:alnum:]]+', ' ', 'g'));
UPDATE quotes q SET speaker_id = e.known_entity_id
FROM entities e WHERE e.article_id = q.article_id AND e.entity_key = q.speaker_entity_key;
UPDATE quote_entities qe SET known_entity_id = e.known_entity_id
FROM entities e WHERE e.article_id = qe.article_id AND e.entity_key = qe.entity_key;
UPDATE quote_entities qe SET speaker_id = q.speaker_id
FROM quotes q WHERE q.article_id = qe.article_id AND q.quote_index = qe.quote_index;
UPDATE known_entities k SET mention_count = s.mentions, article_count = s.articles, first_seen = s.first_seen, last_seen = s.last_seen
FROM (SELECT e.known_entity_id AS id, sum(e.mention_count) AS mentions, count(DISTINCT e.article_id) AS articles,
             min(coalesce(a.published_at, a.ingested_at)) AS first_seen, max(coalesce(a.published_at, a.ingested_at)) AS last_seen
      FROM entities e JOIN articles a ON a.id = e.article_id
      WHERE e.known_entity_id IS NOT NULL GROUP BY 1) s
WHERE k.id = s.id;
UPDATE known_entities k SET quote_count = s.quotes
FROM (SELECT speaker_id AS id, count(*) AS quotes FROM quotes WHERE speaker_id IS NOT NULL GROUP BY 1) s
WHERE k.id = s.id;

-- The old per-article search indexes are superseded by the registry keys above.
DROP INDEX quotes_speaker_trgm;
DROP INDEX entities_name_trgm;
DROP INDEX entities_name_type;
