using Platform.Nlp.Tokens;

namespace Platform.Nlp.Entities.Rules;

/// <summary>Allocation-free access to token text for the rules, with case-insensitive word sets.</summary>
internal readonly struct TokenWords(Document document)
{
    public int Count => document.Tokens.Count;

    public Token this[int index] => document.Tokens[index];

    public ReadOnlySpan<char> Text(int index)
    {
        var token = document.Tokens[index];
        return document.Text.AsSpan(token.Start, token.End - token.Start);
    }

    public bool Is(int index, string word)
        => index >= 0 && index < Count && Text(index).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool In(int index, WordSet set) => index >= 0 && index < Count && set.Contains(Text(index));

    public bool IsNumber(int index) => index >= 0 && index < Count && document.Tokens[index].Kind == TokenKind.Number;

    /// <summary>Whether only spaces (no line break) separate token <paramref name="index"/> from the next.</summary>
    public bool Joined(int index)
    {
        if (index + 1 >= Count)
        {
            return false;
        }

        var gap = document.Text.AsSpan(document.Tokens[index].End, document.Tokens[index + 1].Start - document.Tokens[index].End);
        return gap.IndexOfAny('\n', '\r') < 0;
    }
}

/// <summary>A case-insensitive set of words that can be probed with spans.</summary>
internal sealed class WordSet
{
    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(params string[] words)
    {
        _words = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}
