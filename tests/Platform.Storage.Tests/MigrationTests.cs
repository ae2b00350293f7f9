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
        var tables = (await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")).ToList();
        Assert.Equal(["articles", "entities", "mentions", "quote_entities", "quotes", "schema_migrations"], tables);
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations")).ToList();
        Assert.Equal([1], versions);
    }
}
