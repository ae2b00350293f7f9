using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>
/// A first quote extractor: text between a pair of double quotation marks (any style, mismatched pairs allowed)
/// that reads like speech (several words) becomes a direct quote; its speaker is the nearest person or
/// organization named with a reporting verb in the same sentence or the one after, or the most recent person
/// when the speaker is a pronoun. It exists so that the pipeline runs end to end; later work replaces it.
/// </summary>
public sealed class DirectQuoteExtractor : IQuoteExtractor
{
    private const int MinWords = 4;

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they" };

    public IReadOnlyList<Quote> Extract(Document document, IReadOnlyList<Entity> entities)
    {
        var text = document.Text;
        var quotes = new List<Quote>();
        var mentions = entities
            .SelectMany(e => e.Mentions.Select(m => (Entity: e, m.Span)))
            .OrderBy(m => m.Span.Start)
            .ToList();
        var tokens = document.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.QuoteMark || !QuoteMarks.IsDoubleMark(text[tokens[i].Start])
                || QuoteMarks.IsClosingOnly(text[tokens[i].Start]))
            {
                continue;
            }

            var close = FindClosing(document, i);
            if (close < 0)
            {
                continue;
            }

            var span = Trim(text, new TextSpan(tokens[i].End, tokens[close].Start));
            var words = CountWords(tokens, i + 1, close);
            if (words >= MinWords && span.Length > 0)
            {
                var (speaker, cue) = Attribute(document, tokens[i].Start, tokens[close].End, mentions);
                var entityIds = mentions.Where(m => span.Contains(m.Span)).Select(m => m.Entity.Id).Distinct().ToList();
                quotes.Add(new Quote(span, span.Of(text), QuoteKind.Direct, speaker, cue, null,
                    speaker is null ? 0.4f : 0.7f, entityIds));
            }

            i = close;
        }

        return quotes;
    }

    // The next double mark that can close, on the same paragraph.
    private static int FindClosing(Document document, int open)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        for (var j = open + 1; j < tokens.Count; j++)
        {
            if (text.AsSpan(tokens[j - 1].End, tokens[j].Start - tokens[j - 1].End).Contains('\n'))
            {
                return -1;
            }

            var c = text[tokens[j].Start];
            if (tokens[j].Kind == TokenKind.QuoteMark && QuoteMarks.IsDoubleMark(c))
            {
                // Another opening mark first means this one is never closed; stopping here keeps the scan linear.
                return QuoteMarks.IsOpeningOnly(c) ? -1 : j;
            }
        }

        return -1;
    }

    private static int CountWords(IReadOnlyList<Token> tokens, int from, int to)
    {
        var n = 0;
        for (var k = from; k < to; k++)
        {
            n += tokens[k].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
        }

        return n;
    }

    // Drops spaces and a trailing comma inside the marks: “We will win, ” → We will win
    private static TextSpan Trim(string text, TextSpan span)
    {
        var (s, e) = (span.Start, span.End);
        while (s < e && char.IsWhiteSpace(text[s]))
        {
            s++;
        }

        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] == ','))
        {
            e--;
        }

        return new TextSpan(s, e);
    }

    private static (Speaker? Speaker, string? Cue) Attribute(
        Document document, int quoteStart, int quoteEnd, List<(Entity Entity, TextSpan Span)> mentions)
    {
        var text = document.Text;
        var sentence = document.SentenceAt(Math.Max(quoteEnd - 1, 0));
        var windowEnd = sentence >= 0 ? document.Sentences[sentence].End : quoteEnd;
        var openSentence = document.SentenceAt(quoteStart);
        var windowStart = openSentence >= 0 ? document.Sentences[openSentence].Start : quoteStart;

        // The cue: the first reporting verb after the quote in its sentence, else before it.
        var cue = FindCue(document, quoteEnd, windowEnd) ?? FindCue(document, windowStart, quoteStart);
        if (cue is null)
        {
            return (null, null);
        }

        var cueText = cue.Value.Of(text);
        bool IsSpeakerType(Entity e) => e.Type is EntityType.Person or EntityType.Org;

        // A named speaker close to the cue, outside the quote.
        var named = mentions
            .Where(m => IsSpeakerType(m.Entity) && !new TextSpan(quoteStart, quoteEnd).Overlaps(m.Span)
                        && m.Span.Start >= windowStart && m.Span.End <= windowEnd)
            .OrderBy(m => Math.Min(Math.Abs(m.Span.Start - cue.Value.End), Math.Abs(cue.Value.Start - m.Span.End)))
            .Select(m => ((Entity, TextSpan)?)m)
            .FirstOrDefault();
        if (named is { } n)
        {
            return (new Speaker(n.Item1.Name, n.Item1.Id, n.Item2), cueText);
        }

        // A pronoun next to the cue refers to the most recent person before the quote.
        var pronoun = FindPronoun(document, cue.Value, windowStart, windowEnd);
        if (pronoun is { } p)
        {
            var antecedent = mentions.LastOrDefault(m => m.Entity.Type == EntityType.Person && m.Span.End <= quoteStart);
            if (antecedent.Entity is not null)
            {
                return (new Speaker(antecedent.Entity.Name, antecedent.Entity.Id, p), cueText);
            }
        }

        return (null, cueText);
    }

    private static TextSpan? FindCue(Document document, int from, int to)
    {
        foreach (var token in document.Tokens)
        {
            if (token.Start >= from && token.End <= to && token.Kind == TokenKind.Word
                && ReportingVerbs.IsReportingVerb(document.TextOf(token)))
            {
                return token.Span;
            }
        }

        return null;
    }

    private static TextSpan? FindPronoun(Document document, TextSpan cue, int from, int to)
    {
        foreach (var token in document.Tokens)
        {
            if (token.Start >= from && token.End <= to && token.Kind == TokenKind.Word
                && Math.Abs(token.Start - cue.Start) < 20 && Pronouns.Contains(document.TextOf(token)))
            {
                return token.Span;
            }
        }

        return null;
    }
}
