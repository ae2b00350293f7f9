using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using Platform.Testing;
using Platform.V1;

namespace Platform.EndToEnd.Tests;

public sealed class TlsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("platform-tls-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Storage_serves_over_tls_when_a_certificate_is_configured()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var path = Path.Combine(_folder, "test.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "secret"));

        await using var database = await TestDatabase.CreateAsync();
        var port = RunningService.FreePort();
        await using var storage = await RunningService.StartStorageAsync(database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Urls"] = $"https://127.0.0.1:{port}",
            ["Kestrel:Certificates:Default:Path"] = path,
            ["Kestrel:Certificates:Default:Password"] = "secret",
        });
        Assert.Equal("https", storage.Address.Scheme);

        var thumbprint = certificate.Thumbprint;
        using var handler = new HttpClientHandler
        {
            // Trust exactly this test certificate.
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == thumbprint,
        };
        using var channel = GrpcChannel.ForAddress(storage.Address, new GrpcChannelOptions { HttpHandler = handler });
        var page = await new StorageService.StorageServiceClient(channel).SearchQuotesAsync(new SearchQuotesRequest());
        Assert.Empty(page.Quotes);
    }
}
