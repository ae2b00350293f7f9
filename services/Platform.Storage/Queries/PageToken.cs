using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Platform.Storage.Queries;

/// <summary>
/// Opaque page tokens: the keyset position of the last item of a page, as URL-safe base64 of a short text with a
/// kind prefix, so that a token of one query cannot be mistaken for another's.
/// </summary>
internal static class PageToken
{
    public static string Encode(string kind, params string[] parts)
        => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(kind + "\n" + string.Join('\n', parts)));

    /// <summary>The parts of a token of <paramref name="kind"/>, or null when it is malformed.</summary>
    public static string[]? Decode(string kind, string token, int partCount)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var parts = text.Split('\n');
            return parts.Length == partCount + 1 && parts[0] == kind ? parts[1..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static bool TryNumber(string text, out long value)
        => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
