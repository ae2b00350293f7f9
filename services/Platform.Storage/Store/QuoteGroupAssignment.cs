using Npgsql;
using Platform.Storage.Data;
using Platform.Storage.Groups;

namespace Platform.Storage.Store;

/// <summary>
/// The groups a batch's quotes go to: each quote's group by article id and quote index, every group touched, and the
/// groups the batch founded (with their founding quote).
/// </summary>
internal sealed record BatchGroups(IReadOnlyDictionary<string, long?[]> ByArticle, long[] Touched, IReadOnlyList<FoundedGroup> Founded);

/// <summary>A group a batch founded, with its founding quote.</summary>
internal sealed record FoundedGroup(long Id, QuoteGrouper.Prepared Quote);

/// <summary>
/// Groups the quotes of a batch of new articles inside its transaction, in a fixed number of round trips whatever the
/// batch's size: one lookup of candidates by band key, one insert of new groups, one of their band keys.
/// </summary>
internal static class QuoteGroupAssignment
{
    public static async Task<BatchGroups> AssignAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StagedArticle> articles, CancellationToken cancellationToken)
    {
        var quotes = articles.SelectMany(a => a.Record.Quotes.Select(q => (a.Record.Article.Id, q.QuoteIndex, Prepared: QuoteGrouper.Prepare(q.Text)))).ToList();
        var bandKeys = quotes.SelectMany(q => q.Prepared.BandKeys).Distinct().ToArray();
        var stored = bandKeys.Length > 0
            ? await QuoteGroupsTable.CandidatesAsync(connection, transaction, bandKeys, cancellationToken)
            : Array.Empty<StoredGroup>().ToLookup(g => 0L);
        var plan = QuoteGrouper.Plan(quotes.Select(q => q.Prepared).ToList(), stored);
        var (created, founded) = plan.NewGroups.Count > 0
            ? await QuoteGroupsTable.InsertAsync(connection, transaction, plan.NewGroups, cancellationToken)
            : ([], []);
        var foundedGroups = new List<FoundedGroup>();

        var byArticle = articles.ToDictionary(a => a.Record.Article.Id, a => new long?[a.Record.Quotes.Count == 0 ? 0 : a.Record.Quotes.Max(q => q.QuoteIndex) + 1], StringComparer.Ordinal);
        var touched = new HashSet<long>();
        for (var i = 0; i < quotes.Count; i++)
        {
            var choice = plan.Choices[i];
            if (choice.NewIndex is { } founding && founded.Remove(plan.NewGroups[founding].Key))
            {
                foundedGroups.Add(new FoundedGroup(created[plan.NewGroups[founding].Key], quotes[i].Prepared));
            }

            long? id = choice.StoredId ?? (choice.NewIndex is { } index ? created[plan.NewGroups[index].Key] : null);
            byArticle[quotes[i].Id][quotes[i].QuoteIndex] = id;
            if (id is { } groupId)
            {
                touched.Add(groupId);
            }
        }

        return new BatchGroups(byArticle, [.. touched], foundedGroups);
    }

    /// <summary>
    /// After a batch committed: joins each group it founded to a near-identical group that another batch founded at
    /// the same time (each could not see the other's uncommitted group). The later of two commits always sees the
    /// earlier one's group; the group with the larger id moves into the other. One lookup by band key, and a transaction per merge (rare).
    /// </summary>
    public static async Task MergeRacedAsync(
        NpgsqlDataSource dataSource, SharedRowWrites sharedRows, IReadOnlyList<FoundedGroup> founded, CancellationToken cancellationToken)
    {
        if (founded.Count == 0)
        {
            return;
        }

        try
        {
            await MergeAsync(dataSource, sharedRows, founded, cancellationToken);
        }
        catch (NpgsqlException)
        {
            // The batch is committed and its acknowledgement must say so: a merge that fails leaves two groups for
            // one statement, as if the race had not been noticed; the next copy still joins one of them.
        }
    }

    private static async Task MergeAsync(
        NpgsqlDataSource dataSource, SharedRowWrites sharedRows, IReadOnlyList<FoundedGroup> founded, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var bandKeys = founded.SelectMany(g => g.Quote.BandKeys).Distinct().ToArray();
        var stored = await QuoteGroupsTable.CandidatesAsync(connection, null, bandKeys, cancellationToken);

        foreach (var group in founded)
        {
            // Either of two groups may be the one committed later, whichever has the smaller id: the younger id
            // moves into the older, and the second of two batches doing the same merge finds a group gone and stops.
            var twin = group.Quote.BandKeys.SelectMany(k => stored[k]).Where(c => c.Id != group.Id).DistinctBy(c => c.Id)
                .Select(c => (c.Id, Similarity: group.Quote.Shingles.Similarity(QuoteShingles.Of(c.Representative))))
                .Where(c => c.Similarity >= QuoteShingles.MinJaccard)
                .OrderByDescending(c => c.Similarity).ThenBy(c => c.Id)
                .FirstOrDefault();
            if (twin.Id != 0)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await sharedRows.WaitForTurnAsync(connection, transaction, cancellationToken);
                await QuoteGroupsTable.MergeAsync(connection, transaction, Math.Max(group.Id, twin.Id), Math.Min(group.Id, twin.Id), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
    }
}
