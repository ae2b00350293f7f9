-- 0013: who gets quoted. Entities carry the gender their article gives them, the registry counts the articles that
-- call an entry female or male (its gender is the majority), and quote counts are kept pre-aggregated so that
-- statistics over millions of quotes read a few thousand rows.
--
-- Stats rows carry the gender of the speaker's entity *in the quote's article* (the article's evidence), not the
-- registry's majority: a row never has to move when a later article changes the majority, and every count can be
-- taken back exactly when an article is replaced. The registry's gender is shown with the speaker (listings).
--
-- Like the registry counters (0002), storing an article appends its contributions to a log (the *_deltas tables)
-- instead of incrementing counters that every concurrent batch would queue on; the service folds the log into the
-- tables every second, and statistics read table and log together, so they are exact without waiting for a fold.
-- A replaced article appends its old contributions negated before its rows are deleted.

-- The gender the article gives the entity (persons only); null when the analysis did not say (older engines).
ALTER TABLE entities ADD COLUMN gender text CHECK (gender IN ('FEMALE', 'MALE', 'UNKNOWN'));

-- Articles that call the entry female / male; the gender is the majority, unknown when tied or none.
ALTER TABLE known_entities ADD COLUMN female_articles bigint NOT NULL DEFAULT 0;
ALTER TABLE known_entities ADD COLUMN male_articles bigint NOT NULL DEFAULT 0;
ALTER TABLE known_entity_deltas ADD COLUMN female_articles bigint NOT NULL DEFAULT 0;
ALTER TABLE known_entity_deltas ADD COLUMN male_articles bigint NOT NULL DEFAULT 0;

-- Quotes per publication week (Monday, UTC; ingest time when the article has no date), outlet, speaker type
-- (PERSON, ORG, UNKNOWN: no named speaker, or one of another type), the speaker's gender in the article (UNKNOWN for
-- non-persons) and registry speaker (0: none). "Distinct speakers" is a count of rows per group.
CREATE TABLE quote_stats (
    week         date   NOT NULL,
    outlet       text   NOT NULL,
    speaker_type text   NOT NULL,
    gender       text   NOT NULL,
    speaker_id   bigint NOT NULL,
    quotes       bigint NOT NULL,
    PRIMARY KEY (week, outlet, speaker_type, gender, speaker_id)
);
CREATE INDEX quote_stats_by_speaker ON quote_stats (speaker_id, week);

CREATE TABLE quote_stats_deltas (
    week         date   NOT NULL,
    outlet       text   NOT NULL,
    speaker_type text   NOT NULL,
    gender       text   NOT NULL,
    speaker_id   bigint NOT NULL,
    quotes       bigint NOT NULL
);

-- A speaker's quotes that mention a registry entity, per publication week: the timeline of "X on Y".
CREATE TABLE quote_timeline (
    speaker_id bigint NOT NULL,
    about_id   bigint NOT NULL,
    week       date   NOT NULL,
    quotes     bigint NOT NULL,
    PRIMARY KEY (speaker_id, about_id, week)
);

CREATE TABLE quote_timeline_deltas (
    speaker_id bigint NOT NULL,
    about_id   bigint NOT NULL,
    week       date   NOT NULL,
    quotes     bigint NOT NULL
);

-- What is stored already (every gender unknown: it was not decided then).
INSERT INTO quote_stats (week, outlet, speaker_type, gender, speaker_id, quotes)
SELECT date_trunc('week', coalesce(q.published_at, a.ingested_at) AT TIME ZONE 'UTC')::date,
       coalesce(q.article_source, ''),
       CASE WHEN e.type IN ('PERSON', 'ORG') THEN e.type ELSE 'UNKNOWN' END,
       'UNKNOWN',
       coalesce(q.speaker_id, 0),
       count(*)
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN entities e ON e.article_id = q.article_id AND e.entity_key = q.speaker_entity_key
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO quote_timeline (speaker_id, about_id, week, quotes)
SELECT qe.speaker_id, qe.known_entity_id,
       date_trunc('week', coalesce(qe.published_at, a.ingested_at) AT TIME ZONE 'UTC')::date,
       count(DISTINCT (qe.article_id, qe.quote_index))
FROM quote_entities qe
JOIN articles a ON a.id = qe.article_id
WHERE qe.speaker_id IS NOT NULL AND qe.known_entity_id IS NOT NULL
GROUP BY 1, 2, 3;

-- Statistics over the whole store (no filter) are read from running totals per dimension and key: "distinct
-- speakers" cannot be summed from finer rows, so the fold keeps, per dimension (1 outlet, 2 week, 3 gender of person
-- speakers, 4 speaker type), each key's speakers with their quotes, and counts a speaker in or out of the key's
-- total when their quotes there become non-zero or zero; dimensions 11 to 14 are the same within one outlet (keys
-- "lower(outlet) <unit separator> key"). Statistics filtered by time or speaker read quote_stats.
CREATE TABLE quote_stats_presence (
    dimension  smallint NOT NULL,
    key        text     NOT NULL,
    speaker_id bigint   NOT NULL,
    quotes     bigint   NOT NULL,
    PRIMARY KEY (dimension, key, speaker_id)
);

CREATE TABLE quote_stats_totals (
    dimension smallint NOT NULL,
    key       text     NOT NULL,
    quotes    bigint   NOT NULL,
    speakers  bigint   NOT NULL,
    PRIMARY KEY (dimension, key)
);

CREATE INDEX quote_stats_by_outlet ON quote_stats (lower(outlet), week);

INSERT INTO quote_stats_presence (dimension, key, speaker_id, quotes)
SELECT 1, outlet, speaker_id, sum(quotes) FROM quote_stats GROUP BY 2, 3
UNION ALL
SELECT 2, to_char(week, 'YYYY-MM-DD'), speaker_id, sum(quotes) FROM quote_stats GROUP BY 2, 3
UNION ALL
SELECT 3, gender, speaker_id, sum(quotes) FROM quote_stats WHERE speaker_type = 'PERSON' GROUP BY 2, 3
UNION ALL
SELECT 4, speaker_type, speaker_id, sum(quotes) FROM quote_stats GROUP BY 2, 3
UNION ALL
SELECT 11, lower(outlet) || chr(31) || outlet, speaker_id, sum(quotes) FROM quote_stats GROUP BY 2, 3
UNION ALL
SELECT 12, lower(outlet) || chr(31) || to_char(week, 'YYYY-MM-DD'), speaker_id, sum(quotes) FROM quote_stats GROUP BY 2, 3
UNION ALL
SELECT 13, lower(outlet) || chr(31) || gender, speaker_id, sum(quotes) FROM quote_stats WHERE speaker_type = 'PERSON' GROUP BY 2, 3
UNION ALL
SELECT 14, lower(outlet) || chr(31) || speaker_type, speaker_id, sum(quotes) FROM quote_stats GROUP BY 2, 3;

INSERT INTO quote_stats_totals (dimension, key, quotes, speakers)
SELECT dimension, key, sum(quotes), count(*) FILTER (WHERE speaker_id <> 0 AND quotes > 0)
FROM quote_stats_presence GROUP BY 1, 2;
