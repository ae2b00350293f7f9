using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes.Reporting;

/// <summary>
/// Adds the reports the rules missed: runs after the rule patterns, proposes candidates with
/// <see cref="ReportCandidateFinder"/> where no rule quote is, and keeps those <see cref="ReportTagger"/> scores above
/// its threshold. A learned report never overlaps a rule quote, its cue or its source, nor another learned report, so
/// the rules' findings stand as they were.
/// </summary>
internal sealed class LearnedReportFinder
{
    private const int MaxPerSentence = 2;

    private readonly ArticleContext _ctx;
    private readonly ChannelFinder _channels;
    private readonly ReportTagger _tagger;
    private readonly ReportCandidateFinder _candidates;
    private readonly List<ReportCandidate>? _trace;

    /// <param name="trace">When set, receives every candidate (scored or not), for training.</param>
    public LearnedReportFinder(
        ArticleContext ctx, CueFinder cues, SpeakerPhraseFinder phrases, ChannelFinder channels, QuoteLexicon lexicon,
        ReportTagger tagger, List<ReportCandidate>? trace)
    {
        _ctx = ctx;
        _channels = channels;
        _tagger = tagger;
        _trace = trace;
        _candidates = new ReportCandidateFinder(
            ctx, cues, phrases, new ClauseBounds(ctx, cues, phrases), lexicon, tagger.CueWords, keepNames: trace is not null);
    }

    /// <param name="ruleDrafts">The rules' quotes, which the learned ones may not touch.</param>
    /// <param name="consumed">Cue tokens the rules used.</param>
    public List<QuoteDraft> Find(IReadOnlyList<QuoteDraft> ruleDrafts, HashSet<int> consumed)
    {
        var added = new List<QuoteDraft>();
        var taken = ruleDrafts.Select(d => d.Span).ToList();
        // Tokens a cue may not be: inside quotation marks or a rule quote, or a cue the rules used.
        var blocked = new bool[_ctx.Tokens.Count];
        foreach (var span in taken.Concat(_ctx.QuoteSpans))
        {
            for (var t = _ctx.TokenFrom(span.Start); t < blocked.Length && _ctx.Tokens[t].Start < span.End; t++)
            {
                blocked[t] = true;
            }
        }

        foreach (var t in consumed)
        {
            if (t >= 0 && t < blocked.Length)
            {
                blocked[t] = true;
            }
        }

        foreach (var sentence in _ctx.Document.Sentences)
        {
            if (_ctx.IsCaptionLine(sentence.Start))
            {
                continue;
            }

            var a = _ctx.TokenFrom(sentence.Start);
            var b = _ctx.TokenFrom(sentence.End);
            if (b - a < 4)
            {
                continue;
            }

            var ruleQuotes = ruleDrafts.Count(d => d.Span.Overlaps(sentence));
            var candidates = _candidates.Find(a, b, t => !blocked[t], ruleQuotes)
                .Where(c => !taken.Exists(s => s.Overlaps(c.Extent)))
                .ToList();
            _trace?.AddRange(candidates);
            var accepted = 0;
            foreach (var (candidate, _) in candidates
                         .Select(c => (Candidate: c, Score: _tagger.Score(c.Features)))
                         .Where(s => s.Score > _tagger.Threshold)
                         .OrderByDescending(s => s.Score)
                         .ThenBy(s => s.Candidate.CueFirst))
            {
                if (accepted == MaxPerSentence || taken.Exists(s => s.Overlaps(candidate.Content) || s.Overlaps(candidate.Cue)))
                {
                    continue;
                }

                added.Add(Draft(candidate));
                taken.Add(candidate.Content);
                accepted++;
            }
        }

        return added;
    }

    private QuoteDraft Draft(ReportCandidate candidate)
    {
        var mixed = false;
        foreach (var ch in _ctx.Text.AsSpan(candidate.Content.Start, candidate.Content.Length))
        {
            mixed |= QuoteMarks.IsDoubleMark(ch);
        }

        return new QuoteDraft
        {
            Span = candidate.Content,
            Kind = mixed ? QuoteKind.Mixed : QuoteKind.Indirect,
            Phrase = candidate.Source,
            Cue = candidate.Cue.Of(_ctx.Text),
            Channel = _channels.Find(Math.Min(candidate.CueFirst, _ctx.TokenFrom(candidate.Content.Start)), Math.Max(candidate.CueLast + 1, _ctx.TokenFrom(candidate.Content.End))),
            Confidence = QuoteConfidence.LearnedReport,
            CueToken = candidate.CueFirst,
        };
    }
}
