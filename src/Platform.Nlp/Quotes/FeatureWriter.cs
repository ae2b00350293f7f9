using System.Globalization;
using System.Runtime.CompilerServices;

namespace Platform.Nlp.Quotes;

/// <summary>
/// Writes a candidate's features as interpolated text, <c>writer.Add($"d={side}{bucket}|k={kind}")</c>, without
/// building the strings: each piece goes straight into the feature's hash (and into its name only when names are
/// kept). One writer serves one finder and is reused for every candidate.
/// </summary>
internal sealed class FeatureWriter(bool keepNames)
{
    private readonly List<ulong> _keys = new(64);
    private readonly List<string>? _names = keepNames ? new List<string>(64) : null;
    private char[] _name = new char[keepNames ? 256 : 0];
    private int _length;
    private ulong _hash;

    public bool KeepsNames => _names is not null;

    /// <summary>Adds one feature; the text is written into its key as the compiler hands over its pieces.</summary>
    public void Add([InterpolatedStringHandlerArgument("")] FeatureText text) => End();

    /// <summary>Adds one feature by its whole name.</summary>
    public void Add(string name)
    {
        Begin();
        Append(name);
        End();
    }

    /// <summary>The features written since the last call, as a vector; the writer starts again empty.</summary>
    public FeatureVector Take()
    {
        var vector = new FeatureVector([.. _keys], _names?.ToArray());
        _keys.Clear();
        _names?.Clear();
        return vector;
    }

    internal void Begin()
    {
        _hash = FeatureKey.Offset;
        _length = 0;
    }

    internal void Append(ReadOnlySpan<char> text)
    {
        _hash = FeatureKey.Append(_hash, text);
        if (_names is not null)
        {
            if (_length + text.Length > _name.Length)
            {
                // A long token (a URL, a run of digits) in a name: grow rather than fail.
                Array.Resize(ref _name, Math.Max(_name.Length * 2, _length + text.Length));
            }

            text.CopyTo(_name.AsSpan(_length));
            _length += text.Length;
        }
    }

    private void End()
    {
        _keys.Add(_hash);
        _names?.Add(new string(_name, 0, _length));
    }
}

/// <summary>The interpolated-string handler of <see cref="FeatureWriter.Add(FeatureText)"/>: pieces are formatted as string concatenation would.</summary>
[InterpolatedStringHandler]
internal readonly ref struct FeatureText
{
    private readonly FeatureWriter _writer;

    public FeatureText(int literalLength, int formattedCount, FeatureWriter writer)
    {
        _ = literalLength;
        _ = formattedCount;
        _writer = writer;
        writer.Begin();
    }

    public void AppendLiteral(string text) => _writer.Append(text);

    public void AppendFormatted(string? text) => _writer.Append(text);

    public void AppendFormatted(ReadOnlySpan<char> text) => _writer.Append(text);

    public void AppendFormatted(bool value) => _writer.Append(value ? bool.TrueString : bool.FalseString);

    public void AppendFormatted(int value)
    {
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        _writer.Append(digits[..written]);
    }

    public void AppendFormatted<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        Span<char> name = stackalloc char[64];
        if (Enum.TryFormat(value, name, out var written))
        {
            _writer.Append(name[..written]);
        }
        else
        {
            _writer.Append(value.ToString());
        }
    }
}
