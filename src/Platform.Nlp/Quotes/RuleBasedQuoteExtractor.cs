using Platform.Nlp.Analysis;
using Platform.Nlp.Quotes.Ranking;
using Platform.Nlp.Quotes.Reporting;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>
/// The engine's quote extractor. Pairs quotation marks, drops what is not a quotation (terms, titles, headings,
/// captions), attributes direct quotes from their own clause, finds indirect and mixed quotes from reporting cues,
/// then resolves every speaker phrase to a canonical speaker in text order (so that "the expert" can point back to the
/// speaker of an earlier quote). An interrupted quote ("A," he said. "B.") comes out as two quotes with one speaker.
/// </summary>
public sealed class RuleBasedQuoteExtractor : IQuoteExtractor
{
    private const int OrphanFragmentWords = 3;

    private readonly QuoteLexicon _lexicon = QuoteLexicon.Default;

    /// <summary>When false, quotes are found but not attributed (no speaker, cue or channel): for cost comparisons.</summary>
    public bool Attribute { get; init; } = true;

    /// <summary>
    /// Re-ranks the rules' speaker phrase of every quote among the nearby candidates; null keeps the rules' choice.
    /// The embedded model by default.
    /// </summary>
    internal SpeakerRanker? Ranker { get; init; } = SpeakerRanker.Default;

    /// <summary>
    /// Finds the reports the rules missed, where no rule quote is; null leaves the rules alone. The embedded model by
    /// default.
    /// </summary>
    internal ReportTagger? Tagger { get; init; } = ReportTagger.Default;

    /// <summary>When set, collects every report candidate the tagger sees, for training it.</summary>
    internal List<ReportCandidate>? ReportTrace { get; init; }

    /// <summary>When set, collects every quote's candidates (before ranking) for training the ranker.</summary>
    internal List<(QuoteDraft Draft, IReadOnlyList<SpeakerCandidate> Candidates)>? Trace { get; init; }

    public IReadOnlyList<Quote> Extract(Document document, IReadOnlyList<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(entities);
        if (document.Tokens.Count == 0)
        {
            return [];
        }

        return ExtractQuotes(document, entities);
    }

    private List<Quote> ExtractQuotes(Document document, IReadOnlyList<Entity> entities)
    {
        var ctx = new ArticleContext(document, entities);
        var filter = new QuotedSpanFilter(ctx, _lexicon);
        var candidates = QuoteMarkScanner.Scan(document.Text).Select(filter.Classify).ToList();
        var speech = candidates.Where(c => c.Role == QuotedRole.Speech).ToList();
        ctx.QuoteSpans.AddRange(speech.Select(c => c.Content));

        var cues = new CueFinder(ctx, _lexicon);
        var phrases = new SpeakerPhraseFinder(ctx, _lexicon);
        var channels = new ChannelFinder(ctx, _lexicon);
        var attributor = new DirectQuoteAttributor(ctx, cues, phrases, channels);

        var consumed = new HashSet<int>();
        var direct = new List<(QuotedCandidate Candidate, QuoteDraft Draft, bool Attributed)>();
        foreach (var candidate in speech)
        {
            var draft = new QuoteDraft { Span = candidate.Content, Kind = QuoteKind.Direct, Confidence = QuoteConfidence.QuotationMarks };
            var cue = Attribute ? attributor.Attribute(candidate, draft) : null;
            if (cue is { } c)
            {
                draft.CueToken = c.First;
                for (var t = c.First; t <= c.Last; t++)
                {
                    consumed.Add(t);
                }
            }

            direct.Add((candidate, draft, cue is not null));
        }

        var indirect = new IndirectQuoteFinder(ctx, cues, phrases, channels)
            .Find(consumed, candidates, direct.Where(d => d.Attributed).Select(d => new TextSpan(d.Candidate.Marks.Open, d.Candidate.Marks.After)).ToList());
        var absorbed = indirect.SelectMany(i => i.Absorbed).ToHashSet();

        // A long verbatim fragment inside a clause whose frame was not recognized, but with a speaker and a cue right
        // next to it, is still somebody's words: keep it as a mixed quote of its own, marks included.
        var orphans = new List<QuoteDraft>();
        foreach (var fragment in candidates.Where(c => c.Role == QuotedRole.Fragment && c.Words >= OrphanFragmentWords
                                                       && !absorbed.Contains(c)))
        {
            var span = new TextSpan(fragment.Marks.Open, fragment.Marks.After);
            if (indirect.Exists(i => i.Draft.Span.Overlaps(span)) || direct.Exists(d => d.Draft.Span.Overlaps(span)))
            {
                continue;
            }

            var draft = new QuoteDraft { Span = span, Kind = QuoteKind.Mixed, Confidence = QuoteConfidence.Mixed };
            if (attributor.Attribute(fragment, draft) is { } cue)
            {
                draft.CueToken = cue.First;
                consumed.Add(cue.First);
                orphans.Add(draft);
            }
        }

        var drafts = direct.Where(d => !absorbed.Contains(d.Candidate)).Select(d => d.Draft)
            .Concat(indirect.Select(i => i.Draft))
            .Concat(orphans)
            .ToList();
        drafts = WithoutOverlaps(drafts);
        if (Attribute && Tagger is not null)
        {
            var learned = new LearnedReportFinder(ctx, cues, phrases, channels, _lexicon, Tagger, ReportTrace).Find(drafts, consumed);
            if (learned.Count > 0)
            {
                drafts.AddRange(learned);
                drafts.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            }
        }

        if (Attribute)
        {
            if (Ranker is not null || Trace is not null)
            {
                Rank(ctx, cues, drafts);
            }

            Resolve(ctx, drafts);
        }

        return drafts.Select(d => ToQuote(ctx, d)).ToList();
    }

    private void Rank(ArticleContext ctx, CueFinder cues, List<QuoteDraft> drafts)
    {
        var finder = new SpeakerCandidateFinder(ctx, cues, _lexicon, keepNames: Trace is not null);
        QuoteDraft? previous = null;
        foreach (var draft in drafts)
        {
            if (draft.InheritsSpeaker)
            {
                previous = draft;
                continue;
            }

            var candidates = finder.Find(draft, previous);
            Trace?.Add((draft, candidates));
            if (draft.SourceUnnamed)
            {
                // "… said when asked why …": the asker is nobody in the text, least of all the person asked.
                previous = draft;
                continue;
            }

            // A candidate overlapping the rules' phrase is the same mention ("report" in "Another report"): the rules'
            // extent stands.
            if (Ranker?.Choose(candidates) is { IsRuleChoice: false } chosen
                && !(draft.Phrase is { } rule && chosen.Span is { } span && rule.Span.Overlaps(span)))
            {
                if (draft.Phrase is null && previous is not null && IsNeighbour(ctx, previous, draft))
                {
                    // The rules would have carried the previous quote's cue over with its speaker; keep the cue.
                    draft.Cue ??= previous.Cue;
                    draft.Channel ??= previous.Channel;
                }

                if (draft.Phrase is { Kind: PhraseKind.Name } named && chosen.Phrase is { Kind: not PhraseKind.Name })
                {
                    draft.NamedByRules = named;
                }

                draft.Phrase = chosen.Phrase;
            }

            previous = draft;
        }
    }

    // Quotes never overlap (the contract promises it): where two findings cover the same words, the more confident,
    // then the longer, wins. Rare in news text, but adversarial input can make the direct and indirect rules meet.
    private static List<QuoteDraft> WithoutOverlaps(List<QuoteDraft> drafts)
    {
        var kept = new List<QuoteDraft>(drafts.Count);
        foreach (var draft in drafts.OrderByDescending(d => d.Confidence).ThenByDescending(d => d.Span.Length).ThenBy(d => d.Span.Start))
        {
            if (!kept.Exists(k => k.Span.Overlaps(draft.Span)))
            {
                kept.Add(draft);
            }
        }

        kept.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return kept;
    }

    private void Resolve(ArticleContext ctx, List<QuoteDraft> drafts)
    {
        var resolver = new SpeakerResolver(ctx, _lexicon);
        resolver.Titles.AddRange(QuoteMarkScanner.Scan(ctx.Text)
            .Select(new QuotedSpanFilter(ctx, _lexicon).Classify)
            .Where(c => c.Role == QuotedRole.Title)
            .Select(c => c.Content));
        QuoteDraft? previous = null;
        foreach (var draft in drafts)
        {
            if (draft.NamedByRules is { } named && draft.Phrase is not null)
            {
                draft.Speaker = resolver.Resolve(named) with { Mention = draft.Phrase.Span };
            }
            else if (draft.Phrase is not null && !draft.InheritsSpeaker)
            {
                draft.Speaker = resolver.Resolve(draft.Phrase);
            }
            else if (previous?.Speaker is not null && (draft.InheritsSpeaker || IsNeighbour(ctx, previous, draft)))
            {
                // The second half of an interrupted quote, or a quote paragraph that follows its speaker's quote.
                draft.Speaker = previous.Speaker;
                draft.Cue ??= previous.Cue;
                draft.Channel ??= previous.Channel;
                draft.Confidence = Math.Min(draft.Confidence, QuoteConfidence.InheritedSpeakerAtMost);
            }

            if (draft.Speaker is not null)
            {
                resolver.History.Add((draft.Span.Start, draft.Speaker));
            }

            previous = draft;
        }
    }

    // Same paragraph, or this quote opens the paragraph right after the previous quote's paragraph, counting over
    // page furniture between them ("Article continues below", "ADVERTISEMENT", "Read more: …").
    private static bool IsNeighbour(ArticleContext ctx, QuoteDraft previous, QuoteDraft draft)
    {
        if (draft.Kind != QuoteKind.Direct)
        {
            return false;
        }

        var p = ctx.ParagraphAt(draft.Span.Start);
        var q = ctx.ParagraphAt(previous.Span.End);
        if (p == q)
        {
            return true;
        }

        var before = p - 1;
        while (before > q && before >= p - MaxFurnitureLines && IsPageFurniture(ctx, before))
        {
            before--;
        }

        return before == q && draft.Span.Start - ctx.Paragraphs[p].Start <= 1;
    }

    private const int MaxFurnitureLines = 2;

    // A short line that is no sentence and quotes nobody: a link, an advertisement marker, a "continues below".
    private static bool IsPageFurniture(ArticleContext ctx, int paragraph)
    {
        var text = ctx.Paragraphs[paragraph].Of(ctx.Text).AsSpan().Trim();
        if (text.Length == 0)
        {
            return true;
        }

        var words = 0;
        foreach (var c in text)
        {
            if (QuoteMarks.IsDoubleMark(c))
            {
                return false;
            }

            words += c == ' ' ? 1 : 0;
        }

        return words < 10 && text[^1] is not ('.' or '!' or '?' or ':' or ',');
    }

    private static Quote ToQuote(ArticleContext ctx, QuoteDraft draft)
    {
        var span = draft.Span;
        var ids = ctx.Mentions.Where(m => span.Contains(m.Span)).Select(m => m.Entity.Id).Distinct().ToList();
        var confidence = draft.Speaker is null ? Math.Min(draft.Confidence, QuoteConfidence.WithoutSpeakerAtMost) : draft.Confidence;
        return new Quote(span, span.Of(ctx.Text), draft.Kind, draft.Speaker, draft.Cue, draft.Channel, confidence, ids);
    }
}
