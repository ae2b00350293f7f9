using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Html;

/// <summary>
/// Decodes the bytes of a saved page. Browsers save a page in the encoding it was served in (often windows-1252 or
/// ISO-8859-1 on older sites) and say so in a byte order mark or a <c>&lt;meta charset&gt;</c>; reading every file as
/// UTF-8 would turn "café" into "caf�".
/// </summary>
public static partial class HtmlEncoding
{
    /// <summary>How far into the file the charset declaration is looked for, as browsers do (HTML's prescan).</summary>
    private const int PrescanBytes = 1024;

    static HtmlEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// The text of a page: by its byte order mark, else by its <c>&lt;meta charset&gt;</c> or
    /// <c>http-equiv</c> content type, else UTF-8 (invalid bytes become U+FFFD).
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new StreamReader(new MemoryStream(bytes), Declared(bytes) ?? new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static Encoding? Declared(byte[] bytes)
    {
        // Charset declarations are ASCII, so Latin-1 reads them from any ASCII-compatible encoding.
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, PrescanBytes));
        var match = CharsetDeclaration().Match(head);
        if (!match.Success)
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(match.Groups["name"].Value);
            // A page that declares UTF-16 but has no byte order mark is mislabelled; HTML treats it as UTF-8.
            return encoding is UnicodeEncoding ? null : encoding;
        }
        catch (ArgumentException)
        {
            return null; // an unknown charset name: fall back to UTF-8
        }
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<name>[A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetDeclaration();
}
