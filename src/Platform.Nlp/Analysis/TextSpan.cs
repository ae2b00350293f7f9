namespace Platform.Nlp.Analysis;

/// <summary>
/// A half-open range [<see cref="Start"/>, <see cref="End"/>) of UTF-16 code units in the analysed string.
/// The engine works in .NET string indices; conversion to code points happens once, at the service boundary
/// (<see cref="Text.CodePointIndex"/>).
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    public string Of(string text) => text[Start..End];

    public override string ToString() => $"[{Start},{End})";
}
