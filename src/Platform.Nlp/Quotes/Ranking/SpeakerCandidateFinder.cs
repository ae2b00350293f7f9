using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes.Ranking;

/// <summary>
/// Collects the phrases that may name a quote's speaker (the rules' choice, people and organizations named, pronouns,
/// and role nouns in the cue's sentence) from two paragraphs before the quote to the end of its sentence, and
/// describes each by general features: distance and side from the cue, sentence and paragraph distance, the words
/// around it, whether it sits where a subject of the cue sits, its type, how salient its entity is, number agreement
/// with the cue, whether it spoke the previous quote, and whether the rules chose it.
/// </summary>
/// <param name="keepNames">Keep the features' names (training and tests); scoring needs only their keys.</param>
internal sealed class SpeakerCandidateFinder(ArticleContext ctx, CueFinder cues, QuoteLexicon lexicon, bool keepNames = false)
{
    private const int ParagraphsBack = 2;
    private const int MaxCandidates = 40;

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "it", "i", "we", "who",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "some", "many", "other",
        "several", "two", "three", "most",
    };

    private readonly FeatureWriter _features = new(keepNames);
    private Dictionary<int, int>? _mentionCounts;

    /// <summary>The candidates for one quote; the rules' own phrase (or the null candidate) is always among them.</summary>
    public IReadOnlyList<SpeakerCandidate> Find(QuoteDraft draft, QuoteDraft? previous)
    {
        _mentionCounts ??= ctx.Mentions.GroupBy(m => m.Entity.Id).ToDictionary(g => g.Key, g => g.Count());
        var quoteFirst = ctx.TokenFrom(draft.Span.Start);
        var anchor = draft.CueToken >= 0 ? draft.CueToken : quoteFirst;
        var paragraph = ctx.ParagraphAt(ctx.Tokens[Math.Min(anchor, ctx.Tokens.Count - 1)].Start);
        var from = ctx.Paragraphs[Math.Max(0, paragraph - ParagraphsBack)].Start;
        var sentenceIndex = ctx.Document.SentenceAt(Math.Max(draft.Span.End - 1, 0));
        var to = Math.Max(sentenceIndex >= 0 ? ctx.Document.Sentences[sentenceIndex].End : draft.Span.End, ctx.Tokens[anchor].End);

        // A role noun is a candidate in the cue's sentence only (further back it names the person, not a source), and
        // not as the title before a name ("transport minister Olga Petrova": the name is the candidate).
        var anchorSentence = ctx.Document.SentenceAt(ctx.Tokens[anchor].Start);
        var anchorSentenceStart = anchorSentence >= 0 ? ctx.Document.Sentences[anchorSentence].Start : 0;
        var phrasesFound = new List<(SpeakerPhrase Phrase, string Source)>();
        if (draft.Phrase is { } rule)
        {
            phrasesFound.Add((rule, "rule"));
        }

        foreach (var m in ctx.Mentions)
        {
            if (m.Span.Start >= from && m.Span.End <= to && m.Entity.Type is EntityType.Person or EntityType.Org or EntityType.Norp)
            {
                phrasesFound.Add((new SpeakerPhrase(m.Span, PhraseKind.Name, m, null, false), "mention"));
            }
        }

        for (var t = ctx.TokenFrom(from); t < ctx.Tokens.Count && ctx.Tokens[t].End <= to; t++)
        {
            if (!ctx.IsWord(t))
            {
                continue;
            }

            var w = ctx.Word(t);
            if (Pronouns.Contains(w))
            {
                var lower = w.ToLowerInvariant();
                phrasesFound.Add((new SpeakerPhrase(ctx.Tokens[t].Span, PhraseKind.Pronoun, null, null, lower is "they" or "we"), "pronoun"));
            }
            else if (char.IsLower(w[0]) && ctx.Tokens[t].Start >= anchorSentenceStart
                     && lexicon.RolesOf(w, out var plural) is { } roles && ctx.MentionAt(t) is null
                     && ctx.MentionAt(t + 1) is null)
            {
                var start = t;
                while (start - 1 >= 0 && start > t - 4 && ctx.IsWord(start - 1) && char.IsLower(ctx.First(start - 1))
                       && cues.At(start - 1) is null && !Pronouns.Contains(ctx.Word(start - 1)))
                {
                    start--;
                    if (Determiners.Contains(ctx.Word(start)))
                    {
                        break;
                    }
                }

                var span = new TextSpan(ctx.Tokens[start].Start, ctx.Tokens[t].End);
                phrasesFound.Add((new SpeakerPhrase(span, PhraseKind.Description, null, roles, plural), "nominal"));
            }
        }

        var previousEntity = previous?.Phrase?.Mention?.Entity.Id;
        var candidates = new List<SpeakerCandidate>();
        var seen = new HashSet<TextSpan>();
        if (draft.Phrase is null)
        {
            candidates.Add(new SpeakerCandidate(null, true, NullFeatures(draft, previous)));
        }

        foreach (var (phrase, source) in phrasesFound)
        {
            if (candidates.Count >= MaxCandidates)
            {
                break;
            }

            // A phrase inside the quote's own words is not its speaker (the rules' choice stays a candidate anyway).
            // Nor is the outlet the rules took for its channel ("RIA Novosti quotes the minister").
            if (source != "rule" && (draft.Span.Overlaps(phrase.Span) || ctx.InsideQuote(phrase.Span.Start)
                                     || draft.Channel is { } channel && phrase.Span.Of(ctx.Text) == channel
                                     || IsAffiliationOfRuleSpeaker(draft, phrase, anchor))
                || !seen.Add(phrase.Span))
            {
                continue;
            }

            candidates.Add(new SpeakerCandidate(phrase, source == "rule", Features(draft, phrase, source, anchor, quoteFirst, previousEntity)));
        }

        return candidates;
    }

    // "said the chairman of the Committee on Defense, Alexander Sherin", "Alexander Sherin, head of the committee,
    // said": an organization between the cue and the person the rules named, in the same sentence, is that person's
    // affiliation, not another speaker.
    private bool IsAffiliationOfRuleSpeaker(QuoteDraft draft, SpeakerPhrase phrase, int anchor)
    {
        if (draft.Phrase is not { Kind: PhraseKind.Name, Mention.Entity.Type: EntityType.Person } rule
            || phrase.Mention is not { Entity.Type: EntityType.Org or EntityType.Norp } || draft.CueToken < 0)
        {
            return false;
        }

        var cue = ctx.Tokens[anchor].Span;
        var lo = Math.Min(cue.End, rule.Span.End);
        var hi = Math.Max(cue.Start, rule.Span.Start);
        return phrase.Span.Start >= lo && phrase.Span.End <= hi
               && ctx.Document.SentenceAt(phrase.Span.Start) == ctx.Document.SentenceAt(rule.Span.Start)
               && ctx.Document.SentenceAt(cue.Start) == ctx.Document.SentenceAt(rule.Span.Start);
    }

    private FeatureVector NullFeatures(QuoteDraft draft, QuoteDraft? previous)
    {
        var samePara = previous is not null && previous.Span.End <= draft.Span.Start;
        var f = _features;
        f.Add("null");
        f.Add($"null|cue={draft.CueToken >= 0}");
        f.Add($"null|kind={draft.Kind}");
        f.Add($"null|prev={previous?.Phrase is not null}|{samePara}");
        return f.Take();
    }

    private FeatureVector Features(QuoteDraft draft, SpeakerPhrase phrase, string source, int anchor, int quoteFirst, int? previousEntity)
    {
        var first = ctx.TokenFrom(phrase.Span.Start);
        var last = Math.Max(first, ctx.TokenFrom(phrase.Span.End) - 1);
        var kind = KindOf(phrase);
        var side = last < anchor ? "L" : "R";
        var distance = last < anchor ? anchor - last : first - anchor;
        var qside = phrase.Span.End <= draft.Span.Start ? "beforeQ" : phrase.Span.Start >= draft.Span.End ? "afterQ" : "inQ";
        var sentenceGap = Math.Abs(ctx.Document.SentenceAt(ctx.Tokens[anchor].Start) - ctx.Document.SentenceAt(phrase.Span.Start));
        var paragraphGap = Math.Abs(ctx.ParagraphAt(ctx.Tokens[anchor].Start) - ctx.ParagraphAt(phrase.Span.Start));
        var between = BetweenStats(Math.Min(last, anchor), Math.Max(first, anchor));
        var prevWord = first > 0 ? Shape(first - 1) : "^";
        var nextWord = Shape(last + 1);
        var cueWord = draft.CueToken >= 0 ? ctx.LowerWord(draft.CueToken) : "-";
        var adjacent = side == "L" ? between.Words <= 2 && between.Commas == 0 : distance <= 2;
        var hasCue = draft.CueToken >= 0;
        var f = _features;
        f.Add($"k={kind}");
        f.Add($"src={source}");
        f.Add($"src={source}|k={kind}");
        f.Add($"d={side}{Bucket(distance)}");
        f.Add($"d={side}{Bucket(distance)}|k={kind}");
        f.Add($"adj={side}{adjacent}");
        f.Add($"adj={side}{adjacent}|k={kind}");
        f.Add($"sent={Math.Min(sentenceGap, 3)}");
        f.Add($"sent={Math.Min(sentenceGap, 3)}|k={kind}");
        f.Add($"para={paragraphGap}");
        f.Add($"para={paragraphGap}|k={kind}");
        f.Add($"q={qside}|{draft.Kind}");
        f.Add($"q={qside}|k={kind}");
        f.Add($"prevw={prevWord}");
        f.Add($"nextw={nextWord}");
        f.Add($"prevw={prevWord}|{side}");
        f.Add($"nextw={nextWord}|{side}");
        f.Add($"cue={cueWord}|{side}");
        f.Add($"cue={hasCue}|k={kind}");
        f.Add($"commas={Math.Min(between.Commas, 3)}|{side}");
        f.Add($"names={Math.Min(between.Names, 2)}|{side}");
        f.Add($"marks={Math.Min(between.Marks, 2)}|{side}");
        f.Add($"sentStart={IsSentenceStart(first)}");

        // Distance from the quote itself, and the main cues again per kind of quote: a direct quote's speaker sits
        // by its cue, an unattributed quote's in the paragraph before.
        var quoteLast = Math.Max(quoteFirst, ctx.TokenFrom(draft.Span.End) - 1);
        var quoteDistance = last < quoteFirst ? quoteFirst - last : first > quoteLast ? first - quoteLast : 0;
        f.Add($"qd={qside}{Bucket(quoteDistance)}|k={kind}");
        f.Add($"d={side}{Bucket(distance)}|{draft.Kind}|cue={hasCue}");
        f.Add($"adj={side}{adjacent}|{draft.Kind}|k={kind}");
        f.Add($"sent={Math.Min(sentenceGap, 3)}|{draft.Kind}|cue={hasCue}|k={kind}");

        var words = last - first + 1;
        if (phrase.Kind == PhraseKind.Pronoun)
        {
            // "who" after a name and "he" at the verb are annotated differently from "they" far back.
            var pronoun = ctx.LowerWord(first);
            f.Add($"pro={pronoun}|{side}{adjacent}");
            f.Add($"pro={pronoun}|sent={Math.Min(sentenceGap, 2)}");
        }
        else if (phrase.Kind == PhraseKind.Description)
        {
            // The head noun of a description ("the union", "officials") and its length.
            f.Add($"head={ctx.LowerWord(last)}");
            f.Add($"len={Bucket(words)}|cap={char.IsUpper(ctx.First(first))}");
        }
        else
        {
            f.Add($"len={Bucket(words)}|k={kind}");
        }

        if (source == "rule")
        {
            f.Add($"rule|k={kind}|{draft.Kind}");
        }

        if (phrase.Mention is { } m)
        {
            var count = _mentionCounts!.GetValueOrDefault(m.Entity.Id);
            var mentionText = ctx.Text.AsSpan(m.Span.Start, m.Span.Length);
            f.Add($"sal={Bucket(count)}|k={kind}");
            f.Add($"prevspk={previousEntity == m.Entity.Id}|k={kind}");
            f.Add($"fullname={mentionText.SequenceEqual(m.Entity.Name)}");
            if (lexicon.Channels.TryGetValue(m.Span.Of(ctx.Text), out var platform))
            {
                // A news outlet or a platform is more often the channel than the speaker ("RIA Novosti quotes X").
                f.Add($"outlet={platform}|{side}");
            }
        }
        else
        {
            f.Add($"prevspk=none|k={kind}");
        }

        if (hasCue)
        {
            // Number agreement between subject and a present-tense cue: "the analysts say" / "the analyst says".
            var singularVerb = cueWord.EndsWith('s') && !cueWord.EndsWith("ss", StringComparison.Ordinal);
            f.Add($"num={phrase.Plural}|{(singularVerb ? "vs" : "v")}|{side}");
        }

        return f.Take();
    }

    private static string KindOf(SpeakerPhrase phrase) => phrase.Kind switch
    {
        PhraseKind.Name => phrase.Mention?.Entity.Type switch
        {
            EntityType.Person => "per",
            EntityType.Org => "org",
            EntityType.Norp => "norp",
            _ => "ent",
        },
        PhraseKind.Pronoun => "pro",
        _ => "nom",
    };

    private (int Words, int Commas, int Names, int Marks) BetweenStats(int left, int right)
    {
        int words = 0, commas = 0, names = 0, marks = 0;
        for (var t = left + 1; t < right; t++)
        {
            switch (ctx.Tokens[t].Kind)
            {
                case TokenKind.Word:
                    words++;
                    names += char.IsUpper(ctx.First(t)) ? 1 : 0;
                    break;
                case TokenKind.QuoteMark:
                    marks++;
                    break;
                case TokenKind.Punctuation when ctx.First(t) == ',':
                    commas++;
                    break;
            }
        }

        return (words, commas, names, marks);
    }

    private string Shape(int t)
    {
        if (!ctx.Has(t))
        {
            return "$";
        }

        return ctx.Tokens[t].Kind switch
        {
            TokenKind.Word => char.IsUpper(ctx.First(t)) && !lexicon.Verbs.ContainsKey(ctx.LowerWord(t))
                ? "Cap"
                : ctx.LowerWord(t),
            TokenKind.QuoteMark => "\"",
            TokenKind.Number => "0",
            _ => ctx.Word(t),
        };
    }

    private bool IsSentenceStart(int t)
        => t == 0 || ctx.Document.SentenceAt(ctx.Tokens[t].Start) is var s and >= 0 && ctx.Document.Sentences[s].Start == ctx.Tokens[t].Start;

    private static string Bucket(int n) => n switch
    {
        <= 2 => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        <= 5 => "3-5",
        <= 10 => "6-10",
        <= 20 => "11-20",
        <= 40 => "21-40",
        _ => "41+",
    };
}
