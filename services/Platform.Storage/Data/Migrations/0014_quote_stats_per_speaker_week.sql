-- 0014: statistics over a window of weeks without an outlet filter ("quotes by gender in the last 90 days") read
-- quote_stats, whose rows are per outlet: a speaker quoted by twenty outlets in a week is twenty rows that the query
-- sums back into one before counting the speaker. This table keeps the same counts summed over outlets, so that such a
-- window reads one row per speaker and week. The fold (QuoteStatsTable.FoldDeltasAsync) adds to it from the same log.

-- Take the fold's lock, so that no fold of an older service runs between the copy below and the table's first fold.
SELECT pg_advisory_xact_lock(hashtextextended('quote_stats_deltas', 0));

CREATE TABLE quote_speaker_weeks (
    week         date   NOT NULL,
    speaker_type text   NOT NULL,
    gender       text   NOT NULL,
    speaker_id   bigint NOT NULL,
    quotes       bigint NOT NULL,
    PRIMARY KEY (week, speaker_type, gender, speaker_id)
);
CREATE INDEX quote_speaker_weeks_by_speaker ON quote_speaker_weeks (speaker_id, week);

INSERT INTO quote_speaker_weeks (week, speaker_type, gender, speaker_id, quotes)
SELECT week, speaker_type, gender, speaker_id, sum(quotes)
FROM quote_stats
GROUP BY 1, 2, 3, 4
HAVING sum(quotes) <> 0;
