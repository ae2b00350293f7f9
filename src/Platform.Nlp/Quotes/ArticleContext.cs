using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>One entity mention with its entity, as the quote stages look them up.</summary>
internal readonly record struct MentionRef(Entity Entity, TextSpan Span);

/// <summary>
/// A document prepared for the quote stages: paragraphs (lines), caption lines, token lookups by offset and the
/// entity mentions in text order.
/// </summary>
internal sealed class ArticleContext
{
    private readonly List<TextSpan> _paragraphs = [];

    // Each token's characters, cut from the text once: the quote rules ask for the same words many times over.
    private readonly string?[] _words;
    private readonly string?[] _lowerWords;

    public ArticleContext(Document document, IReadOnlyList<Entity> entities)
    {
        Document = document;
        Text = document.Text;
        Tokens = document.Tokens;
        Entities = entities;
        _words = new string?[Tokens.Count];
        _lowerWords = new string?[Tokens.Count];
        Mentions = entities
            .SelectMany(e => e.Mentions.Select(m => new MentionRef(e, m.Span)))
            .Where(m => m.Span.Start >= 0 && m.Span.End <= Text.Length && m.Span.Length > 0)
            .OrderBy(m => m.Span.Start)
            .ToList();
        var start = 0;
        for (var i = 0; i <= Text.Length; i++)
        {
            if (i == Text.Length || Text[i] is '\n' or '\u2029')
            {
                var span = Trim(new TextSpan(start, i));
                if (span.Length > 0)
                {
                    _paragraphs.Add(span);
                }

                start = i + 1;
            }
        }
    }

    public Document Document { get; }

    public string Text { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>All entity mentions, by start offset.</summary>
    public List<MentionRef> Mentions { get; }

    public IReadOnlyList<TextSpan> Paragraphs => _paragraphs;

    /// <summary>Spans of accepted direct quotes (filled by the extractor), to keep pronoun antecedents outside them.</summary>
    public List<TextSpan> QuoteSpans { get; } = [];

    // The token helpers answer "no" outside the token list, so that rules can look around freely at the edges.
    public bool Has(int token) => token >= 0 && token < Tokens.Count;

    public string Word(int token) => Has(token) ? _words[token] ??= Text[Tokens[token].Start..Tokens[token].End] : "";

    /// <summary>The token's characters in lower case (invariant culture), or "" outside the token list.</summary>
    public string LowerWord(int token) => Has(token) ? _lowerWords[token] ??= Word(token).ToLowerInvariant() : "";

    public char First(int token) => Has(token) ? Text[Tokens[token].Start] : '\0';

    public bool IsPunct(int token, char c) => Has(token) && Tokens[token].Kind == TokenKind.Punctuation && First(token) == c;

    public bool IsWord(int token) => Has(token) && Tokens[token].Kind == TokenKind.Word;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "st", "jr",
        "sr", "u.s", "vs", "no", "ft", "mt", "adm", "cmdr", "pres", "atty", "supt", "hon",
    };

    /// <summary>Whether the token ends a sentence: '.', '!' or '?', but not the dot of "Mr." or of an initial.</summary>
    public bool EndsSentence(int token)
    {
        if (!Has(token) || Tokens[token].Kind != TokenKind.Punctuation || First(token) is not ('.' or '!' or '?'))
        {
            return false;
        }

        if (IsPunct(token + 1, ')'))
        {
            return false; // "(D-Ore.)"
        }

        if (First(token) == '.' && (IsPunct(token + 1, ',') || IsWord(token + 1) && char.IsLower(First(token + 1))))
        {
            return false; // "of Flint, Mich., said", "at 9 p.m. and"
        }

        if (First(token) != '.' || !IsWord(token - 1) || Tokens[token - 1].End != Tokens[token].Start)
        {
            return true;
        }

        var word = Word(token - 1);
        return !(Abbreviations.Contains(word) || word.Length == 1 && char.IsUpper(word[0]));
    }

    /// <summary>Index of the first token starting at or after the offset (Tokens.Count if none).</summary>
    public int TokenFrom(int offset)
    {
        int lo = 0, hi = Tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Tokens[mid].Start < offset)
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

    public int ParagraphAt(int offset)
    {
        // The first paragraph that ends after the offset (binary search: paragraphs are in text order).
        int lo = 0, hi = _paragraphs.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_paragraphs[mid].End > offset)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        if (lo == _paragraphs.Count)
        {
            return _paragraphs.Count - 1;
        }

        return offset >= _paragraphs[lo].Start ? lo : Math.Max(lo - 1, 0);
    }

    /// <summary>Photo captions and credits: lines that start with a bullet or a copyright sign.</summary>
    public bool IsCaptionLine(int offset)
    {
        var p = ParagraphAt(offset);
        if (p < 0)
        {
            return false;
        }

        var c = Text[_paragraphs[p].Start];
        return c is '\u2022' or '\u00B7' or '\u25AA' or '\u25CF' or '\u00A9' or '*';
    }

    /// <summary>
    /// Whether the offset is in a byline ("By Tessa Moravec, Bramwell Daily Courier"): a short paragraph opening with
    /// "By" and a capital. The reporter named there tells the story and is nobody's "he", "she" or "the chair".
    /// </summary>
    public bool IsBylineLine(int offset)
    {
        var p = ParagraphAt(offset);
        if (p < 0)
        {
            return false;
        }

        _bylines ??= _paragraphs.Select(IsByline).ToArray();
        return _bylines[p];
    }

    private bool[]? _bylines;

    private bool IsByline(TextSpan span)
        => span.Length <= MaxBylineLength && span.Length > 4 && Text[span.Start] == 'B' && Text[span.Start + 1] is 'y' or 'Y'
           && Text[span.Start + 2] == ' ' && char.IsUpper(Text[span.Start + 3]);

    private const int MaxBylineLength = 120;

    /// <summary>The mention that covers a token, if any.</summary>
    public MentionRef? MentionAt(int token)
    {
        if (!Has(token))
        {
            return null;
        }

        var offset = Tokens[token].Start;
        int lo = 0, hi = Mentions.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var span = Mentions[mid].Span;
            if (offset < span.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= span.End)
            {
                lo = mid + 1;
            }
            else
            {
                return Mentions[mid];
            }
        }

        return null;
    }

    public bool InsideQuote(int offset) => QuoteSpans.Exists(q => offset >= q.Start && offset < q.End);

    public TextSpan Trim(TextSpan span)
    {
        var (s, e) = (span.Start, span.End);
        while (s < e && char.IsWhiteSpace(Text[s]))
        {
            s++;
        }

        while (e > s && char.IsWhiteSpace(Text[e - 1]))
        {
            e--;
        }

        return new TextSpan(s, e);
    }
}
