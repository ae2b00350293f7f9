using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Platform.Cli;
using Platform.Client;
using Platform.Testing;
using Platform.V1;

namespace Platform.EndToEnd.Tests;

/// <summary>Both services with authentication on: tokens with scopes, the extraction service's own credential.</summary>
public sealed class AuthTests : IAsyncLifetime
{
    private const string Reader = "reader-secret-1";
    private const string Writer = "writer-secret-2";
    private const string ExtractionCredential = "extraction-secret-3";
    private const string User = "user-secret-4";

    private TestDatabase _database = null!;
    private RunningService _storage = null!;
    private RunningService _extraction = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _storage = await RunningService.StartStorageAsync(_database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Auth:Tokens:0:Name"] = "reader", ["Auth:Tokens:0:Token"] = Reader, ["Auth:Tokens:0:Scopes:0"] = "read",
            ["Auth:Tokens:1:Name"] = "writer", ["Auth:Tokens:1:Token"] = Writer, ["Auth:Tokens:1:Scopes:0"] = "ingest",
            ["Auth:Tokens:2:Name"] = "extraction", ["Auth:Tokens:2:Token"] = ExtractionCredential, ["Auth:Tokens:2:Scopes:0"] = "ingest",
        });
        _extraction = await RunningService.StartExtractionAsync(_storage.Address, new Dictionary<string, string?>
        {
            ["Storage:Token"] = ExtractionCredential,
            ["Auth:Tokens:0:Name"] = "user", ["Auth:Tokens:0:Token"] = User, ["Auth:Tokens:0:Scopes:0"] = "extract",
        });
    }

    public async Task DisposeAsync()
    {
        await _extraction.DisposeAsync();
        await _storage.DisposeAsync();
        await _database.DisposeAsync();
    }

    private StorageService.StorageServiceClient Storage(string? token)
        => new(PlatformChannels.Create(_storage.Address, maxAttempts: 1, token: token));

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-known-token")]
    public async Task Calls_without_a_known_token_are_unauthenticated(string? token)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Storage(token).SearchQuotesAsync(new SearchQuotesRequest()));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_scope_is_permission_denied()
    {
        var readError = await Assert.ThrowsAsync<RpcException>(async () => await Storage(Writer).SearchQuotesAsync(new SearchQuotesRequest()));
        Assert.Equal(StatusCode.PermissionDenied, readError.StatusCode);
        Assert.Contains("'read'", readError.Status.Detail, StringComparison.Ordinal);

        using var ingest = Storage(Reader).Ingest();
        try
        {
            await ingest.RequestStream.WriteAsync(new AnalysisBuilder("x", "text").Request());
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The service may refuse the call before the first message is written.
        }

        var ingestError = await Assert.ThrowsAsync<RpcException>(async () => await ingest.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.PermissionDenied, ingestError.StatusCode);
    }

    [Fact]
    public async Task The_right_scope_works_and_extraction_stores_with_its_own_credential()
    {
        var extraction = new ExtractionService.ExtractionServiceClient(PlatformChannels.Create(_extraction.Address, maxAttempts: 1, token: User));
        var response = await extraction.ExtractAsync(new ExtractRequest
        {
            Article = new Article { Id = "auth-1", Text = "“The gates open at nine,” said warden Ilse Brandt." },
            Store = true,
        });
        Assert.Equal(StoreStatus.Stored, response.Storage.Status);

        var page = await Storage(Reader).SearchQuotesAsync(new SearchQuotesRequest { Speaker = "Brandt" });
        Assert.Single(page.Quotes);

        var noToken = new ExtractionService.ExtractionServiceClient(PlatformChannels.Create(_extraction.Address, maxAttempts: 1));
        var error = await Assert.ThrowsAsync<RpcException>(async () => await noToken.ExtractAsync(new ExtractRequest { Article = new Article { Text = "x" } }));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Health_stays_open_for_probes()
    {
        var reply = await new Health.HealthClient(_storage.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Console_client_sends_its_token_and_explains_a_refusal()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, new StringReader(string.Empty), interactive: false);

        var refused = await CliApp.RunAsync(["quotes", "--storage", _storage.Address.ToString()], context);
        Assert.Equal(ExitCodes.Unauthorized, refused);
        Assert.Contains("--token", error.ToString(), StringComparison.Ordinal);

        var allowed = await CliApp.RunAsync(["quotes", "--storage", _storage.Address.ToString(), "--token", Reader], context);
        Assert.Equal(ExitCodes.Success, allowed);
    }

    [Fact]
    public async Task Invalid_argument_carries_a_bad_request_detail_naming_the_field()
    {
        var extraction = new ExtractionService.ExtractionServiceClient(PlatformChannels.Create(_extraction.Address, maxAttempts: 1, token: User));
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await extraction.ExtractAsync(new ExtractRequest { Article = new Article { Id = "empty" } }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal("article.text", Assert.Single(badRequest.FieldViolations).Field);
    }
}
