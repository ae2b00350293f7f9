namespace Platform.Storage.Data;

/// <summary>Helpers for building parameter values (never SQL text) from user input.</summary>
internal static class SqlPatterns
{
    /// <summary>
    /// A case-insensitive "contains" pattern for <c>ILIKE … ESCAPE '\'</c>: the user's %, _ and \ match themselves.
    /// </summary>
    public static string Contains(string value)
        => "%" + value.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
