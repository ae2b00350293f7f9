namespace Platform.Cli;

/// <summary>Process exit codes of <c>platform</c>, for scripts.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>Some articles were rejected or not stored; the others were.</summary>
    public const int PartialFailure = 1;

    /// <summary>The command line was wrong (System.CommandLine's own parse errors also exit with 1 or 2).</summary>
    public const int Usage = 2;

    /// <summary>A server could not be reached.</summary>
    public const int Unavailable = 3;

    /// <summary>The requested item does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>An input file could not be read.</summary>
    public const int InputError = 5;

    /// <summary>The server refused the credentials (missing or unknown token, or a token without the scope).</summary>
    public const int Unauthorized = 6;
}
