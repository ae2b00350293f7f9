using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>
/// Finds reported speech without marks, one clause per sentence, by trying each pattern at every cue:
/// <list type="bullet">
/// <item>subject + cue + (that) + clause: "X said (that) …", "X told reporters …", "X accused Y of …" (<see cref="SubjectCuePattern"/>);</item>
/// <item>clause + attribution at the end: "…, X said." / "…, said X." / "…, analysts say." (<see cref="TrailingAttributionPattern"/>);</item>
/// <item>"According to X, …", "…, according to X." (<see cref="AccordingToPattern"/>) and "As X noted, …" (<see cref="AsClausePattern"/>);</item>
/// <item>a question put to somebody (<see cref="AskedQuestionPattern"/>), a speaker label with a colon
/// (<see cref="SpeakerLabelPattern"/>) and a continuation of the previous report (<see cref="ContinuationPattern"/>).</item>
/// </list>
/// A clause that contains a verbatim fragment in marks is a mixed quote and absorbs that fragment. Where a clause
/// begins and ends is <see cref="ClauseBounds"/>' job, shared by all patterns.
/// </summary>
internal sealed class IndirectQuoteFinder
{
    private readonly ArticleContext _ctx;
    private readonly CueFinder _cues;
    private readonly ClauseBounds _clauses;
    private readonly IndirectDrafts _drafts;
    private readonly SpeakerLabelPattern _labels;
    private readonly SubjectCuePattern _subjectCue;
    private readonly TrailingAttributionPattern _trailing;
    private readonly AccordingToPattern _accordingTo;
    private readonly AsClausePattern _asClause;
    private readonly AskedQuestionPattern _asked;
    private readonly ContinuationPattern _continuation;

    public IndirectQuoteFinder(ArticleContext ctx, CueFinder cues, SpeakerPhraseFinder phrases, ChannelFinder channels)
    {
        _ctx = ctx;
        _cues = cues;
        _clauses = new ClauseBounds(ctx, cues, phrases);
        _drafts = new IndirectDrafts(ctx, channels);
        _labels = new SpeakerLabelPattern(ctx, _clauses, _drafts);
        _subjectCue = new SubjectCuePattern(ctx, cues, phrases, _clauses, _drafts);
        _trailing = new TrailingAttributionPattern(ctx, cues, phrases, _clauses, _drafts);
        _accordingTo = new AccordingToPattern(ctx, phrases, _clauses, _drafts);
        _asClause = new AsClausePattern(phrases, _clauses, _drafts);
        _asked = new AskedQuestionPattern(ctx, phrases, _clauses, _drafts);
        _continuation = new ContinuationPattern(ctx, _clauses);
    }

    /// <summary>Finds indirect and mixed quotes in every sentence.</summary>
    /// <param name="consumed">Cue tokens already used by direct quotes.</param>
    /// <param name="quoted">All quoted spans; fragments inside a reported clause make it mixed.</param>
    /// <param name="blocked">Spans of direct quotes that a reported clause may not overlap.</param>
    public List<(QuoteDraft Draft, List<QuotedCandidate> Absorbed)> Find(
        HashSet<int> consumed, IReadOnlyList<QuotedCandidate> quoted, IReadOnlyList<TextSpan> blocked)
    {
        var found = new List<(QuoteDraft, List<QuotedCandidate>)>();
        (QuoteDraft Draft, int Paragraph, int SentenceEnd)? previous = null;
        var labelled = new HashSet<int>();
        for (var p = 0; p < _ctx.Paragraphs.Count; p++)
        {
            if (_labels.Match(_ctx.Paragraphs[p]) is { } label)
            {
                labelled.Add(p);
                Accept(label.Draft, label.Colon, label.Colon, _ctx.Paragraphs[p]);
            }
        }

        foreach (var sentence in _ctx.Document.Sentences)
        {
            if (_ctx.IsCaptionLine(sentence.Start) || labelled.Contains(_ctx.ParagraphAt(sentence.Start)))
            {
                continue;
            }

            var a = _ctx.TokenFrom(sentence.Start);
            var b = _ctx.TokenFrom(sentence.End);
            if (b <= a)
            {
                continue;
            }

            _clauses.Coordinated = null;
            var result = FindInSentence(a, b, consumed, null)
                         ?? _continuation.Match(a, b, previous, quoted);
            if (result is null)
            {
                continue;
            }

            var results = new List<(QuoteDraft Draft, int CueFirst, int CueLast)> { result.Value };
            while (_clauses.Coordinated is { } second && results.Count < 4 && results[^1].Draft.Phrase is { } subject)
            {
                _clauses.Coordinated = null;
                var start = _clauses.ContentStart(second, b);
                var span = start < 0 ? null : _clauses.ContentSpan(start, b);
                if (span is null || _clauses.Words(span.Value) < ClauseBounds.MinContentWords)
                {
                    break;
                }

                results.Add((_drafts.Draft(span.Value, subject, second, second.First, b), second.First, second.Last));
            }

            // Further reports later in the same sentence: "…, she said, adding that …", "X said A, and Y said B".
            var next = AfterResult(results[^1]);
            while (results.Count < 4 && next < b && FindInSentence(next, b, consumed, results[^1].Draft.Phrase) is { } more)
            {
                results.Add(more);
                next = AfterResult(more);
            }

            foreach (var (draft, cueFirst, cueLast) in results)
            {
                Accept(draft, cueFirst, cueLast, sentence);
            }
        }

        return found;

        void Accept(QuoteDraft draft, int cueFirst, int cueLast, TextSpan sentence)
        {
            if (blocked.Any(q => q.Overlaps(draft.Span)))
            {
                return;
            }

            var absorbed = quoted
                .Where(q => q.Role is QuotedRole.Fragment or QuotedRole.Speech or QuotedRole.Term
                            && draft.Span.Contains(new TextSpan(q.Marks.Open, q.Marks.After))
                            && q.Marks.Open > draft.Span.Start - 1)
                .ToList();
            if (absorbed.Exists(q => q.Words >= ClauseBounds.MinFragmentWords || q.Words >= 1 && !IsRecurringTerm(q, quoted)))
            {
                draft.Kind = QuoteKind.Mixed;
            }

            for (var t = cueFirst; t <= cueLast; t++)
            {
                consumed.Add(t);
            }

            if (cueFirst >= 0)
            {
                draft.CueToken = cueFirst;
            }

            found.Add((draft, absorbed));
            previous = (draft, _ctx.ParagraphAt(sentence.Start), sentence.End);
        }
    }

    // A short term the article puts in marks more than once ("influence" … "influence") is the writer's own
    // distancing device, not a speaker's words, so it does not make a reported clause mixed.
    private bool IsRecurringTerm(QuotedCandidate q, IReadOnlyList<QuotedCandidate> quoted)
    {
        var words = q.Content.Of(_ctx.Text).Trim('.', ',', ' ').ToLowerInvariant();
        return quoted.Count(o => o.Content.Of(_ctx.Text).Trim('.', ',', ' ').ToLowerInvariant() is var w
                                 && (w == words || w.Contains(words, StringComparison.Ordinal) || words.Contains(w, StringComparison.Ordinal))) > 1;
    }

    private int AfterResult((QuoteDraft Draft, int CueFirst, int CueLast) result)
        => Math.Max(_ctx.TokenFrom(result.Draft.Span.End), result.CueLast + 1);

    /// <param name="inherited">The speaker of an earlier report in the same sentence, for a participle ("…, adding").</param>
    private (QuoteDraft Draft, int CueFirst, int CueLast)? FindInSentence(int a, int b, HashSet<int> consumed, SpeakerPhrase? inherited)
    {
        // Skip a leading conjunction or opener so that "But according to …" and "As X noted" are seen.
        var first = a;
        while (first < b && (_ctx.Tokens[first].Kind == TokenKind.QuoteMark || _ctx.IsWord(first) && _ctx.Word(first) is "But" or "And"))
        {
            first++;
        }

        for (var t = a; t < b; t++)
        {
            if (consumed.Contains(t) || _ctx.InsideQuote(_ctx.Tokens[t].Start) || _cues.At(t) is not { } cue)
            {
                continue;
            }

            if (cue.AccordingTo)
            {
                if (_accordingTo.Match(cue, first, b) is { } according)
                {
                    return (according, cue.First, cue.Last);
                }

                continue;
            }

            if (t <= first + 10 && _ctx.IsWord(first) && _ctx.Word(first).Equals("As", StringComparison.OrdinalIgnoreCase)
                && _asClause.Match(cue, first, b) is { } asClause)
            {
                return (asClause, cue.First, cue.Last);
            }

            if (_asked.Match(cue, b) is { } asked)
            {
                return (asked, cue.First, cue.Last);
            }

            if (_subjectCue.Match(cue, a, b, inherited) is { } afterDraft)
            {
                return (afterDraft, cue.First, cue.Last);
            }

            if (_trailing.Match(cue, a, b) is { } beforeDraft)
            {
                return (beforeDraft, cue.First, cue.Last);
            }
        }

        return null;
    }
}
