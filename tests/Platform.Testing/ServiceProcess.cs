using System.Diagnostics;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Platform.Testing;

/// <summary>
/// A service running as a real child process (dotnet Platform.Storage.dll …), so that tests can kill it with SIGKILL
/// and start it again. Its output goes to a log the test can show when it fails.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the storage service process on <paramref name="port"/> and waits until it serves.</summary>
    public static Task<ServiceProcess> StartStorageAsync(string connectionString, int port)
        => StartAsync("Platform.Storage.dll", port, new Dictionary<string, string>
        {
            ["ConnectionStrings__Platform"] = connectionString,
            // No JSON endpoint: its default port would clash with another test's service or a demo running here.
            ["Storage__JsonUrl"] = string.Empty,
        });

    private static async Task<ServiceProcess> StartAsync(string assembly, int port, Dictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, assembly))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Urls"] = address.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var service = new ServiceProcess(Process.Start(start)!, address);
        await service.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        return service;
    }

    /// <summary>Kills the process at once (SIGKILL): no graceful shutdown, no flushing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop (SIGTERM) and waits for it; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var channel = GrpcChannel.ForAddress(Address);
        var health = new Health.HealthClient(channel);
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_process.StartInfo.Arguments} exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (Grpc.Core.RpcException) when (DateTime.UtcNow < until)
            {
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{_process.StartInfo.Arguments} did not serve within {timeout}:\n{Log}");
            }

            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
