-- 0011: the registry is looked up by name key alone.
--
-- Why: a search naming a speaker or entity looks for entries whose key is the normalized name, of any type
-- (KnownEntitiesTable.MatchSql). The only index on name_key leads with the type (the unique key (type, name_key)),
-- and PostgreSQL 15 cannot skip through its types: it read the whole index, 0.5 ms on the 2,600 entries of the
-- synthetic bench store and in proportion to the registry's size beyond that. This index answers it directly.

CREATE INDEX known_entities_name_key ON known_entities (name_key);
