using Platform.Nlp.Analysis;

namespace Platform.Nlp.Quotes.Reporting;

/// <summary>
/// A possible report in one sentence: a cue word, the clause it would introduce (or close, for a trailing
/// attribution) and the subject that would be its source, with the features the tagger scores it by.
/// </summary>
/// <param name="CueFirst">First token of the cue.</param>
/// <param name="CueLast">Last token of the cue.</param>
/// <param name="Cue">The cue's characters.</param>
/// <param name="Content">The reported clause.</param>
/// <param name="Source">The subject of the cue, when one was found.</param>
/// <param name="Trailing">Whether the attribution follows the clause ("…, officials believe.").</param>
/// <param name="Features">What the tagger scores.</param>
internal sealed record ReportCandidate(
    int CueFirst, int CueLast, TextSpan Cue, TextSpan Content, SpeakerPhrase? Source, bool Trailing, FeatureVector Features)
{
    /// <summary>Whether the content is a noun phrase with no verb of its own ("criticized the plan").</summary>
    public bool NounPhrase { get; init; }

    /// <summary>Whether the cue is a noun after a determiner or a possessive ("his claim that …").</summary>
    public bool Nominal { get; init; }

    /// <summary>Everything the report would claim: the clause, the cue and the source.</summary>
    public TextSpan Extent
    {
        get
        {
            var start = Math.Min(Content.Start, Cue.Start);
            var end = Math.Max(Content.End, Cue.End);
            if (Source is { } s)
            {
                start = Math.Min(start, s.Span.Start);
                end = Math.Max(end, s.Span.End);
            }

            return new TextSpan(start, end);
        }
    }
}
