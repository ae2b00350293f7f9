using Platform.Nlp.Analysis;

namespace Platform.Nlp.Evaluation.Quotes;

/// <summary>Which quotes a score counts.</summary>
public enum KindSubset
{
    All,
    DirectAndMixed,
    Indirect,
}

/// <summary>Counts for one subset of kinds at one threshold, summed over documents.</summary>
public sealed class QuoteCounts
{
    public int Gold { get; set; }
    public int System { get; set; }
    public int Matched { get; set; }
    public int MentionCorrect { get; set; }
    public int ResolvedCorrect { get; set; }
    public int ResolvedScored { get; set; }
    public int CueCorrect { get; set; }

    /// <summary>
    /// Unmatched system quotes that are further parts of a matched discontinuous gold quote: the proto reports
    /// "A," he said. "B." as two quotes where PolNeAR has one item with fragments, so these are not false alarms
    /// and are left out of <see cref="System"/>.
    /// </summary>
    public int Parts { get; set; }

    public double Precision => System == 0 ? 0 : (double)Matched / System;
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double MentionAccuracy => Matched == 0 ? 0 : (double)MentionCorrect / Matched;
    public double ResolvedAccuracy => ResolvedScored == 0 ? double.NaN : (double)ResolvedCorrect / ResolvedScored;
    public double CueAccuracy => Matched == 0 ? 0 : (double)CueCorrect / Matched;
}

/// <summary>
/// The Gender Gap Tracker matching protocol: each gold quote, in order, takes the unmatched system quote with the highest
/// |gold ∩ system| / |gold| (characters), and matches when that ratio reaches the threshold. Speaker mention, resolved
/// speaker and cue are scored on matched pairs.
/// </summary>
public sealed class QuoteScorer
{
    public static readonly double[] Thresholds = [0.3, 0.8];

    private readonly Dictionary<(KindSubset, double), QuoteCounts> _counts = [];
    private readonly Dictionary<QuoteKind, (int Gold, int Matched)> _perKind = [];
    private readonly Dictionary<SpeakerCategory, QuoteCounts> _perSpeaker = [];

    public int NonQuotes { get; private set; }

    /// <summary>Non-quote spans that came out as quotes (the quote is mostly the non-quote).</summary>
    public List<string> ReportedNonQuotes { get; } = [];

    public int Documents { get; private set; }

    /// <summary>Misses, false alarms and wrong speakers at 0.3 over all kinds, one line each, for error analysis.</summary>
    public List<string> Errors { get; } = [];

    public QuoteCounts Counts(KindSubset subset, double threshold)
    {
        if (!_counts.TryGetValue((subset, threshold), out var counts))
        {
            counts = new QuoteCounts();
            _counts[(subset, threshold)] = counts;
        }

        return counts;
    }

    /// <summary>Recall per gold kind at the lowest threshold, over all kinds.</summary>
    public IReadOnlyDictionary<QuoteKind, (int Gold, int Matched)> RecallPerKind => _perKind;

    /// <summary>
    /// Speaker scores per category of the gold mention (name, pronoun, nominal, none), over matched quotes of all kinds
    /// at the lowest threshold: <see cref="QuoteCounts.Gold"/> counts the gold quotes of the category, the rest the
    /// matched ones.
    /// </summary>
    public IReadOnlyDictionary<SpeakerCategory, QuoteCounts> SpeakersPerCategory => _perSpeaker;

    public void Add(GoldDocument gold, IReadOnlyList<Quote> system)
    {
        Documents++;
        foreach (var subset in Enum.GetValues<KindSubset>())
        {
            var g = gold.Quotes.Where(q => In(subset, q.Kind)).ToList();
            var s = system.Where(q => In(subset, q.Kind)).ToList();
            foreach (var threshold in Thresholds)
            {
                var counts = Counts(subset, threshold);
                counts.Gold += g.Count;
                counts.System += s.Count;
                var pairs = Match(g, s, threshold);
                var parts = PartsOfDiscontinuousQuotes(s, pairs);
                counts.System -= parts;
                counts.Parts += parts;
                foreach (var (gq, sq) in pairs)
                {
                    counts.Matched++;
                    counts.MentionCorrect += MentionAgrees(gq, sq) ? 1 : 0;
                    counts.CueCorrect += string.Equals(gq.Cue ?? "", sq.Cue ?? "", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                    if (gold.SpeakersResolved)
                    {
                        counts.ResolvedScored++;
                        counts.ResolvedCorrect += SpeakerAgrees(gq.Speaker, sq.Speaker?.Name) ? 1 : 0;
                    }
                }

                if (subset == KindSubset.All && threshold == Thresholds[0])
                {
                    Explain(gold, g, s, pairs);
                    foreach (var kind in Enum.GetValues<QuoteKind>())
                    {
                        var (total, matched) = _perKind.GetValueOrDefault(kind);
                        _perKind[kind] = (total + g.Count(q => q.Kind == kind), matched + pairs.Count(p => p.Gold.Kind == kind));
                    }

                    CountPerCategory(gold, g, pairs);
                }
            }
        }

        foreach (var nq in gold.NonQuotes)
        {
            NonQuotes++;
            var hit = system.FirstOrDefault(q => q.Span.Length > 0 && Overlap(nq, q.Span) * 2 >= q.Span.Length);
            if (hit is not null)
            {
                ReportedNonQuotes.Add($"{gold.Id}: {nq} \"{nq.Of(gold.Text)}\" reported as {hit.Kind} {hit.Span}");
            }
        }
    }

    private void CountPerCategory(GoldDocument doc, List<GoldQuote> gold, List<(GoldQuote Gold, Quote System)> pairs)
    {
        SpeakerCategory CategoryOf(GoldQuote q) => SpeakerCategories.Of(q.SpeakerMention is { } m ? m.Of(doc.Text) : null);
        foreach (var q in gold)
        {
            PerCategory(CategoryOf(q)).Gold++;
        }

        foreach (var (gq, sq) in pairs)
        {
            var counts = PerCategory(CategoryOf(gq));
            counts.Matched++;
            counts.MentionCorrect += MentionAgrees(gq, sq) ? 1 : 0;
            if (doc.SpeakersResolved)
            {
                counts.ResolvedScored++;
                counts.ResolvedCorrect += SpeakerAgrees(gq.Speaker, sq.Speaker?.Name) ? 1 : 0;
            }
        }
    }

    private QuoteCounts PerCategory(SpeakerCategory category)
    {
        if (!_perSpeaker.TryGetValue(category, out var counts))
        {
            counts = new QuoteCounts();
            _perSpeaker[category] = counts;
        }

        return counts;
    }

    private void Explain(GoldDocument doc, List<GoldQuote> gold, List<Quote> system, List<(GoldQuote Gold, Quote System)> pairs)
    {
        static string Clip(string s) => s.Length <= 90 ? s : s[..60] + " … " + s[^25..];
        foreach (var g in gold.Where(g => !pairs.Exists(p => p.Gold == g)))
        {
            Errors.Add($"MISS {doc.Id} {g.Kind} {g.Span} cue={g.Cue} spk={g.Speaker} | {Clip(g.Span.Of(doc.Text))}");
        }

        foreach (var q in system.Where(q => !pairs.Exists(p => p.System == q)))
        {
            Errors.Add($"FALSE {doc.Id} {q.Kind} {q.Span} cue={q.Cue} spk={q.Speaker?.Name} | {Clip(q.Text)}");
        }

        foreach (var (g, q) in pairs)
        {
            var mention = MentionAgrees(g, q);
            var resolved = !doc.SpeakersResolved || SpeakerAgrees(g.Speaker, q.Speaker?.Name);
            var cue = string.Equals(g.Cue ?? "", q.Cue ?? "", StringComparison.OrdinalIgnoreCase);
            if (!mention || !resolved || !cue)
            {
                var gm = g.SpeakerMention is { } m ? m.Of(doc.Text) : null;
                var sm = q.Speaker?.Mention is { } n ? n.Of(doc.Text) : null;
                Errors.Add($"WRONG {doc.Id} {g.Span} gold[{g.Speaker} / {gm} / {g.Cue}] system[{q.Speaker?.Name} / {sm} / {q.Cue}] | {Clip(g.Span.Of(doc.Text))}");
            }
        }
    }

    private static int PartsOfDiscontinuous(IEnumerable<Quote> unmatched, List<(GoldQuote Gold, Quote System)> pairs)
    {
        var fragments = pairs.Where(p => p.Gold.Fragments is { Count: > 1 }).SelectMany(p => p.Gold.Fragments!).ToList();
        return fragments.Count == 0
            ? 0
            : unmatched.Count(q => q.Span.Length > 0 && fragments.Sum(f => Overlap(f, q.Span)) * 2 >= q.Span.Length);
    }

    private static int PartsOfDiscontinuousQuotes(List<Quote> system, List<(GoldQuote Gold, Quote System)> pairs)
        => PartsOfDiscontinuous(system.Where(q => !pairs.Exists(p => p.System == q)), pairs);

    /// <summary>The matching itself, exposed for tests.</summary>
    public static List<(GoldQuote Gold, Quote System)> Match(IReadOnlyList<GoldQuote> gold, IReadOnlyList<Quote> system, double threshold)
    {
        var used = new bool[system.Count];
        var pairs = new List<(GoldQuote, Quote)>();
        foreach (var g in gold)
        {
            var best = -1;
            var bestScore = 0.0;
            for (var i = 0; i < system.Count; i++)
            {
                if (used[i] || g.Span.Length == 0)
                {
                    continue;
                }

                var score = (double)Overlap(g.Span, system[i].Span) / g.Span.Length;
                if (score > bestScore)
                {
                    best = i;
                    bestScore = score;
                }
            }

            if (best >= 0 && bestScore >= threshold)
            {
                used[best] = true;
                pairs.Add((g, system[best]));
            }
        }

        return pairs;
    }

    private static bool In(KindSubset subset, QuoteKind kind) => subset switch
    {
        KindSubset.DirectAndMixed => kind is QuoteKind.Direct or QuoteKind.Mixed,
        KindSubset.Indirect => kind == QuoteKind.Indirect,
        _ => true,
    };

    private static int Overlap(TextSpan a, TextSpan b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));

    private static bool MentionAgrees(GoldQuote gold, Quote system)
    {
        var sys = system.Speaker?.Mention;
        if (gold.SpeakerMention is null)
        {
            return sys is null;
        }

        return sys is { } s && Overlap(gold.SpeakerMention.Value, s) > 0;
    }

    // The gold surname (last word of any listed speaker) appears in the system's canonical name.
    private static bool SpeakerAgrees(string? gold, string? system)
    {
        if (string.IsNullOrWhiteSpace(gold))
        {
            return string.IsNullOrWhiteSpace(system);
        }

        if (string.IsNullOrWhiteSpace(system))
        {
            return false;
        }

        return gold.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1])
            // A hyphenated surname ("Vasquez-Reid") is one word; "Pierre-Louis" in the system name still offers "Louis".
            .Any(surname => system.Split(' ').Concat(system.Split(' ', '-')).Contains(surname, StringComparer.OrdinalIgnoreCase));
    }
}
