using System.Buffers;
using System.Globalization;

namespace Platform.Storage.Data;

/// <summary>
/// Rows in PostgreSQL's COPY text format being formatted: values separated by tabs, each row ended by a newline,
/// NULL written as <c>\N</c>, and backslash, tab, newline and carriage return in text written as escapes
/// (<c>\\ \t \n \r</c>), so that any text arrives unchanged.
/// </summary>
internal sealed class CopyRows : IDisposable
{
    private static readonly SearchValues<char> NeedEscape = SearchValues.Create("\\\t\n\r");
    private char[] _buffer;
    private bool _inRow;

    public CopyRows(int initialChars) => _buffer = ArrayPool<char>.Shared.Rent(initialChars);

    public int Length { get; private set; }

    public ReadOnlyMemory<char> Written => _buffer.AsMemory(0, Length);

    public void Text(string? value)
    {
        StartValue();
        if (value is null)
        {
            Append("\\N");
            return;
        }

        // At most two chars per char of text.
        Reserve(value.Length * 2);
        var rest = value.AsSpan();
        int special;
        while ((special = rest.IndexOfAny(NeedEscape)) >= 0)
        {
            rest[..special].CopyTo(_buffer.AsSpan(Length));
            Length += special;
            _buffer[Length++] = '\\';
            _buffer[Length++] = rest[special] switch
            {
                '\t' => 't',
                '\n' => 'n',
                '\r' => 'r',
                _ => '\\',
            };
            rest = rest[(special + 1)..];
        }

        rest.CopyTo(_buffer.AsSpan(Length));
        Length += rest.Length;
    }

    public void Integer(long? value)
    {
        StartValue();
        if (value is not { } number)
        {
            Append("\\N");
            return;
        }

        Reserve(20);
        number.TryFormat(_buffer.AsSpan(Length), out var written, provider: CultureInfo.InvariantCulture);
        Length += written;
    }

    /// <summary>A float in its shortest round-trip form (invariant culture: "NaN", "Infinity", as PostgreSQL reads them).</summary>
    public void Real(float value)
    {
        StartValue();
        Reserve(32);
        value.TryFormat(_buffer.AsSpan(Length), out var written, "R", CultureInfo.InvariantCulture);
        Length += written;
    }

    /// <summary>
    /// A point in time in UTC, to the microsecond (PostgreSQL's precision; finer ticks are dropped). Stored
    /// articles' times are whole microseconds already (<c>RecordMapper</c>), so a copy equals the value Npgsql sends
    /// for the article itself.
    /// </summary>
    public void Timestamp(DateTime? value)
    {
        StartValue();
        if (value is not { } time)
        {
            Append("\\N");
            return;
        }

        if (time.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException($"a timestamp with time zone must be UTC, got {time.Kind}", nameof(value));
        }

        Reserve(40);
        time.TryFormat(_buffer.AsSpan(Length), out var written, "yyyy'-'MM'-'dd HH':'mm':'ss'.'ffffff'+00'", CultureInfo.InvariantCulture);
        Length += written;
    }

    public void EndRow()
    {
        Append("\n");
        _inRow = false;
    }

    public void Clear()
    {
        Length = 0;
        _inRow = false;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void StartValue()
    {
        if (_inRow)
        {
            Append("\t");
        }

        _inRow = true;
    }

    private void Append(string chars)
    {
        Reserve(chars.Length);
        chars.CopyTo(_buffer.AsSpan(Length));
        Length += chars.Length;
    }

    private void Reserve(int chars)
    {
        if (Length + chars <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + chars));
        _buffer.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
