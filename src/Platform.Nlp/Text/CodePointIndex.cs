namespace Platform.Nlp.Text;

/// <summary>
/// Converts UTF-16 indices of one string to Unicode code point offsets (the unit of the wire contract) and back.
/// Built once per text in O(n); each conversion is O(log k) where k is the number of surrogate pairs.
/// </summary>
public sealed class CodePointIndex
{
    // UTF-16 indices of the high surrogate of every well-formed surrogate pair, ascending.
    private readonly int[] _pairStarts;

    public CodePointIndex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pairs = new List<int>();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                pairs.Add(i);
                i++;
            }
        }

        _pairStarts = [.. pairs];
        Utf16Length = text.Length;
        CodePointLength = text.Length - _pairStarts.Length;
    }

    public int Utf16Length { get; }

    public int CodePointLength { get; }

    /// <summary>The code point offset of a UTF-16 index (an index inside a pair counts as the pair's start).</summary>
    public int ToCodePoint(int utf16Index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(utf16Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16Index, Utf16Length);
        // Every pair that starts before the index removes one unit (an index inside a pair maps to the pair).
        var pairsBefore = LowerBound(utf16Index);
        return utf16Index - pairsBefore;
    }

    /// <summary>The UTF-16 index of a code point offset.</summary>
    public int ToUtf16(int codePoint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(codePoint);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(codePoint, CodePointLength);
        // The answer is codePoint + (number of pairs whose start maps below codePoint).
        int lo = 0, hi = _pairStarts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var pairCodePoint = _pairStarts[mid] - mid;
            if (pairCodePoint < codePoint)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return codePoint + lo;
    }

    // Number of pair starts that are < limit.
    private int LowerBound(int limit)
    {
        int lo = 0, hi = _pairStarts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_pairStarts[mid] < limit)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
