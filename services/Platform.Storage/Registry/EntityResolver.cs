using System.Data;
using Npgsql;
using Platform.Storage.Data;

namespace Platform.Storage.Registry;

/// <summary>
/// Finds (or creates) the registry entry of every entity and speaker in a batch of articles, so that one person
/// quoted in many articles is one speaker.
/// </summary>
/// <remarks>
/// Rules: names meet by <see cref="NameKey.Normalize"/>. A person's name also answers to the person's aliases
/// (<see cref="NameKey.PersonAliases"/>): "Zakharova" and "M. Zakharova" resolve to "Maria Zakharova" when exactly
/// one multi-word person answers to them; a key that two people answer to ("Smith" for John and Jane Smith) gets its
/// own entry rather than a guess. Other types meet by exact key only.
/// </remarks>
internal static class EntityResolver
{
    private const string Person = "PERSON";

    /// <summary>
    /// Resolves the names of the articles before they are written. When every name is known already (the usual case
    /// once a store is warm) that is two lookups and no write. Otherwise the new entries are created in a short
    /// transaction of its own, committed at once, so other batches see them and its locks are held only briefly;
    /// entries whose articles then fail to store keep zero counts and are not listed.
    /// </summary>
    public static async Task<IReadOnlyList<ResolvedArticle>> ResolveAsync(
        NpgsqlConnection connection, SharedRowWrites sharedRows, IReadOnlyList<ArticleRecord> records, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(connection, (IDbTransaction?)null, records, cancellationToken) is { } known)
        {
            return known;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await sharedRows.WaitForTurnAsync(connection, transaction, cancellationToken);
        var resolved = await ResolveAsync(connection, transaction, records, cancellationToken)
                       ?? throw new InvalidOperationException("resolution with creation always resolves");
        await transaction.CommitAsync(cancellationToken);
        return resolved;
    }

    // Without a transaction: look up only, and null when some entry would have to be created.
    private static async Task<IReadOnlyList<ResolvedArticle>?> ResolveAsync(
        IDbConnection connection, IDbTransaction? transaction, IReadOnlyList<ArticleRecord> records, CancellationToken cancellationToken)
    {
        // Every (type, key) the batch names, with the longest spelling seen.
        var wanted = new Dictionary<(string Type, string Key), string>();
        foreach (var record in records)
        {
            foreach (var entity in record.Entities)
            {
                Want(entity.Type, entity.Name);
            }

            foreach (var quote in record.Quotes.Where(q => q.SpeakerEntityKey is null && q.SpeakerName is not null))
            {
                Want(Person, quote.SpeakerName!);
            }
        }

        var idByKey = await ResolveKeysAsync(connection, transaction, wanted, cancellationToken);
        if (idByKey is null)
        {
            return null;
        }

        return records.Select(record =>
        {
            var entityIds = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var entity in record.Entities)
            {
                if (idByKey.TryGetValue((entity.Type, NameKey.Normalize(entity.Name)), out var id))
                {
                    entityIds[entity.EntityKey] = id;
                }
            }

            var speakerIds = record.Quotes.Select(q =>
                q.SpeakerEntityKey is { } key ? entityIds.TryGetValue(key, out var byEntity) ? byEntity : (long?)null
                : q.SpeakerName is { } name && idByKey.TryGetValue((Person, NameKey.Normalize(name)), out var byName) ? byName
                : null).ToArray();
            return new ResolvedArticle(entityIds, speakerIds);
        }).ToList();

        void Want(string type, string name)
        {
            var key = NameKey.Normalize(name);
            if (key.Length == 0)
            {
                return;
            }

            if (!wanted.TryGetValue((type, key), out var longest) || name.Length > longest.Length)
            {
                wanted[(type, key)] = name;
            }
        }
    }

    private static async Task<Dictionary<(string Type, string Key), long>?> ResolveKeysAsync(
        IDbConnection connection,
        IDbTransaction? transaction,
        Dictionary<(string Type, string Key), string> wanted,
        CancellationToken cancellationToken)
    {
        var create = transaction is not null;
        // Who each person key may mean (by name key): registry entries that answer to it, and full names elsewhere
        // in this batch that it is an alias of (the batch may be the first to name the person in full).
        var personKeys = wanted.Keys.Where(k => k.Type == Person).Select(k => k.Key).ToArray();
        // Batches naming people with one surname take turns, so "Braque" in one batch sees "Odile Braque" created
        // by another that started a moment earlier instead of racing it.
        if (create)
        {
            await KnownEntitiesTable.LockSurnamesAsync(connection, transaction!, personKeys.Select(NameKey.Surname).Distinct(StringComparer.Ordinal).ToArray(), cancellationToken);
        }

        var candidates = personKeys.ToDictionary(k => k, _ => new Dictionary<string, long?>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var hit in await KnownEntitiesTable.FindByAliasAsync(connection, transaction, Person, personKeys, cancellationToken))
        {
            candidates[hit.AliasKey][hit.NameKey] = hit.Id;
        }

        foreach (var fullName in personKeys)
        {
            foreach (var alias in NameKey.PersonAliases(fullName))
            {
                if (candidates.TryGetValue(alias, out var meanings))
                {
                    meanings.TryAdd(fullName, null);
                }
            }
        }

        // A key means another name when exactly one person answers to it, or exactly one full name among them;
        // otherwise it means itself.
        var meaning = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, meanings) in candidates)
        {
            var fullNames = meanings.Keys.Where(NameKey.IsFullName).ToList();
            meaning[key] = meanings.Count == 1 ? meanings.Keys.Single() : fullNames.Count == 1 ? fullNames[0] : key;
        }

        var resolved = new Dictionary<(string Type, string Key), long>();
        foreach (var (key, target) in meaning)
        {
            if (candidates[key].TryGetValue(target, out var id) && id is { } known)
            {
                resolved[(Person, key)] = known;
            }
        }

        // Everything else is its own entry (existing or new).
        var own = wanted.Keys
            .Where(k => !resolved.ContainsKey(k) && (k.Type != Person || meaning[k.Key] == k.Key))
            .Select(k => new NewKnownEntity(k.Type, k.Key, wanted[k]))
            .OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.NameKey, StringComparer.Ordinal)
            .ToList();
        if (create)
        {
            var created = await KnownEntitiesTable.InsertMissingAsync(connection, transaction!, own, cancellationToken);
            await KnownEntitiesTable.AddAliasesAsync(connection, transaction!, created
                .Where(c => c.Type == Person)
                .SelectMany(c => NameKey.PersonAliases(c.NameKey).Prepend(c.NameKey).Select(alias => (c.Type, alias, c.Id)))
                .ToList(),
                cancellationToken);
        }

        var existing = await KnownEntitiesTable.IdsAsync(connection, transaction, own.Select(o => (o.Type, o.NameKey)).ToList(), cancellationToken);
        if (existing.Count < own.Count && !create)
        {
            return null;
        }

        foreach (var entry in existing)
        {
            resolved[(entry.Type, entry.NameKey)] = entry.Id;
        }

        // Keys that mean a full name of this batch follow it.
        foreach (var (key, target) in meaning)
        {
            if (!resolved.ContainsKey((Person, key)) && resolved.TryGetValue((Person, target), out var id))
            {
                resolved[(Person, key)] = id;
            }
        }

        return resolved;
    }
}
