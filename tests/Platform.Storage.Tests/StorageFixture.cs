using Grpc.Core;
using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>One empty database and one storage service for a test class.</summary>
public class StorageFixture : IAsyncLifetime
{
    /// <summary>Settings the storage service starts with, beside its connection string.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>The bearer token <see cref="Client"/> sends, for services started with authentication on.</summary>
    protected virtual string? ClientToken => null;

    public TestDatabase Database { get; private set; } = null!;

    public RunningService Service { get; private set; } = null!;

    public StorageService.StorageServiceClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Service = await RunningService.StartStorageAsync(Database.ConnectionString, settings: Settings);
        Client = new StorageService.StorageServiceClient(
            ClientToken is null ? Service.Channel : Platform.Client.PlatformChannels.Create(Service.Address, maxAttempts: 1, token: ClientToken));
    }

    public async Task DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    /// <summary>Sends the requests on one Ingest stream and returns the acknowledgements by sequence.</summary>
    public async Task<Dictionary<ulong, IngestResponse>> IngestAsync(params IngestRequest[] requests)
    {
        using var call = Client.Ingest();
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
        }

        await call.RequestStream.CompleteAsync();
        var responses = new Dictionary<ulong, IngestResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response.Sequence, response);
        }

        return responses;
    }

    /// <summary>Every quote a search finds, following the page tokens from the request's first page to the last.</summary>
    public async Task<List<QuoteHit>> SearchAllPagesAsync(SearchQuotesRequest request)
    {
        var hits = new List<QuoteHit>();
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await Client.SearchQuotesAsync(request);
            hits.AddRange(page.Quotes);
            if (page.NextPageToken.Length == 0)
            {
                return hits;
            }

            request.PageToken = page.NextPageToken;
        }

        throw new InvalidOperationException("more than 1,000 pages: the page tokens do not advance");
    }

    /// <summary>
    /// Rows that point to a missing row (or disagree with the article or quote they copy): the article tables have no
    /// foreign keys (the service writes and deletes an article's rows together), so tests check what the keys would
    /// have enforced. Empty when all is well. Rows are joined by article id too (with the ingest order they copy), so
    /// that Citus can run each check shard by shard.
    /// </summary>
    public async Task<IReadOnlyList<string>> DanglingRowsAsync()
    {
        const string sql = """
            SELECT 'entity without article' FROM entities e WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article_id)
            UNION ALL SELECT 'mention without entity' FROM mentions m
                WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.article_id = m.article_id AND e.entity_key = m.entity_key)
            UNION ALL SELECT 'quote without article' FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article_id)
            UNION ALL SELECT 'quote link without quote' FROM quote_entities l
                WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = l.article_id AND q.quote_index = l.quote_index)
            UNION ALL SELECT 'quote link without entity' FROM quote_entities l
                WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.article_id = l.article_id AND e.entity_key = l.entity_key)
            UNION ALL SELECT 'search vector without quote' FROM quote_search s
                WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = s.article_id AND q.article_seq = s.article_seq AND q.quote_index = s.quote_index)
            UNION ALL SELECT 'search row with another publication time than its article' FROM quote_search s
                JOIN articles a ON a.id = s.article_id AND a.seq = s.article_seq WHERE s.published_at IS DISTINCT FROM a.published_at
            UNION ALL SELECT 'quote with another publication time than its article' FROM quotes q
                JOIN articles a ON a.id = q.article_id AND a.seq = q.article_seq WHERE q.published_at IS DISTINCT FROM a.published_at
            UNION ALL SELECT 'quote link with another publication time than its article' FROM quote_entities l
                JOIN articles a ON a.id = l.article_id AND a.seq = l.article_seq WHERE l.published_at IS DISTINCT FROM a.published_at
            UNION ALL SELECT 'search row with another speaker or other entities than its quote' FROM quote_search s
                JOIN quotes q ON q.article_id = s.article_id AND q.article_seq = s.article_seq AND q.quote_index = s.quote_index
                WHERE s.speaker_id IS DISTINCT FROM q.speaker_id OR s.entity_ids IS DISTINCT FROM (
                    SELECT array_agg(l.known_entity_id ORDER BY l.known_entity_id) FROM quote_entities l
                    WHERE l.article_id = q.article_id AND l.quote_index = q.quote_index AND l.known_entity_id IS NOT NULL)
            UNION ALL SELECT 'quote without search vector' FROM quotes q
                WHERE NOT EXISTS (SELECT 1 FROM quote_search s WHERE s.article_id = q.article_id AND s.article_seq = q.article_seq AND s.quote_index = q.quote_index)
            UNION ALL SELECT 'quote in a group that is not stored or was merged into another' FROM quotes q
                WHERE q.group_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM quote_groups g WHERE g.id = q.group_id AND g.merged_into IS NULL)
            UNION ALL SELECT 'registry id missing' FROM (
                SELECT known_entity_id AS id FROM entities UNION ALL SELECT speaker_id FROM quotes
                UNION ALL SELECT known_entity_id FROM quote_entities UNION ALL SELECT speaker_id FROM quote_entities) r
                WHERE r.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM known_entities k WHERE k.id = r.id)
            """;
        await using var connection = await Database.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var dangling = new List<string>();
        while (await reader.ReadAsync())
        {
            dangling.Add(reader.GetString(0));
        }

        return dangling;
    }

    public async Task<long> CountAsync(string table, string articleId)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM {table} WHERE {(table == "articles" ? "id" : "article_id")} = @id", connection);
        command.Parameters.AddWithValue("id", articleId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
