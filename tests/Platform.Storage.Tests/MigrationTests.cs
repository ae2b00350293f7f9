using Dapper;
using Platform.Testing;

namespace Platform.Storage.Tests;

public class MigrationTests
{
    [Fact]
    public async Task Migrations_build_the_schema_from_an_empty_database_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var first = await RunningService.StartStorageAsync(database.ConnectionString))
        {
        }

        // A second start finds everything applied and changes nothing.
        await using (var second = await RunningService.StartStorageAsync(database.ConnectionString))
        {
        }

        await using var connection = await database.OpenAsync();
        // Tables, not their partitions (quote_search has one per 4,096 articles and a default one).
        var tables = (await connection.QueryAsync<string>(
            "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition ORDER BY relname")).ToList();
        Assert.Equal(["articles", "entities", "known_entities", "known_entity_aliases", "known_entity_deltas", "mentions", "quote_entities", "quote_group_bands", "quote_groups", "quote_search", "quote_speaker_weeks", "quote_stats", "quote_stats_deltas", "quote_stats_presence", "quote_stats_totals", "quote_timeline", "quote_timeline_deltas", "quotes", "schema_migrations"], tables);
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], versions);
        // Full-text searches read the index's whole pending list: it is kept small (migrations 0004, 0006), also in
        // partitions added after the migration.
        var options = await connection.QuerySingleAsync<string[]>(
            """
            SELECT c.reloptions FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am m ON m.oid = c.relam
            WHERE i.indrelid = 'quote_search_1'::regclass AND m.amname = 'gin'
            """);
        Assert.Contains("gin_pending_list_limit=256", options);
    }
}

public class RuntimeRoleTests
{
    [Fact]
    public async Task Service_runs_as_a_role_that_can_write_rows_but_not_change_the_schema()
    {
        var admin = Environment.GetEnvironmentVariable(TestDatabase.EnvironmentVariable)!;
        var role = "platform_rt_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new Npgsql.NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE ROLE {role} LOGIN");
        }

        try
        {
            await using (var database = await TestDatabase.CreateAsync())
            {
                var runtime = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role }.ToString();
                await using (var storage = await RunningService.StartStorageAsync(runtime, settings: new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Migrations"] = database.ConnectionString,
                    ["Storage:RuntimeRole"] = role,
                }))
                {
                    // Far ahead of the full-text partitions made by the migration: the service must add partition 5 (and
                    // 6, the next one) without schema rights, through the function the migration made for it.
                    await using (var owner = await database.OpenAsync())
                    {
                        await owner.ExecuteAsync("SELECT setval(pg_get_serial_sequence('articles', 'seq'), 20480, false)");
                    }

                    var client = new Platform.V1.StorageService.StorageServiceClient(storage.Channel);
                    using var call = client.Ingest();
                    await call.RequestStream.WriteAsync(new AnalysisBuilder("role-1", "Text.").Request());
                    await call.RequestStream.CompleteAsync();
                    Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
                    Assert.Equal(Platform.V1.StoreStatus.Stored, call.ResponseStream.Current.Status);
                }

                NpgsqlConnectionPoolsClear();
                await using var asRuntime = new Npgsql.NpgsqlConnection(
                    new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role }.ToString());
                await asRuntime.OpenAsync();
                Assert.Equal(1, await asRuntime.ExecuteScalarAsync<long>("SELECT count(*) FROM articles"));
                Assert.Equal(2, await asRuntime.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname IN ('quote_search_5', 'quote_search_6')"));
                // ... and retire the newest-first indexes of the partitions two behind, which it does not own either.
                Assert.Equal(
                    "quote_search_4_newest quote_search_5_newest quote_search_6_newest",
                    await asRuntime.ExecuteScalarAsync<string>(
                        @"SELECT string_agg(relname, ' ' ORDER BY relname) FROM pg_class WHERE relkind = 'i' AND relname ~ '^quote_search_\d+_newest$'"));
                var drop = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => asRuntime.ExecuteAsync("DROP TABLE quotes"));
                Assert.Equal("42501", drop.SqlState); // insufficient_privilege
                var create = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => asRuntime.ExecuteAsync("CREATE TABLE intruder (x int)"));
                Assert.Equal("42501", create.SqlState);
            }
        }
        finally
        {
            NpgsqlConnectionPoolsClear();
            await using var connection = new Npgsql.NpgsqlConnection(admin);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP ROLE IF EXISTS {role}");
        }
    }

    private static void NpgsqlConnectionPoolsClear() => Npgsql.NpgsqlConnection.ClearAllPools();
}
