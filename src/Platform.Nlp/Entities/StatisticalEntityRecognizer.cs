using Platform.Nlp.Analysis;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Entities.Rules;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Entities;

/// <summary>
/// The engine's recognizer: the trained model finds PERSON, ORG, LOC and MISC; deterministic rules then retype
/// nationalities as NORP and add DATE and MONEY, which no freely licensed training data annotates. Rule spans
/// replace model spans they overlap, since the model was never taught dates or amounts.
/// </summary>
public sealed class StatisticalEntityRecognizer : IEntityRecognizer
{
    private static readonly EntityType[] ModelTypes = [EntityType.Person, EntityType.Org, EntityType.Loc, EntityType.Misc];

    private readonly NerModel _model;

    /// <summary>Creates a recognizer around a loaded model (usually <see cref="NerModel.Default"/>).</summary>
    public StatisticalEntityRecognizer(NerModel model)
    {
        _model = model;
    }

    /// <summary>The model this recognizer runs (its lexicon also serves the engine's first-name lists).</summary>
    public NerModel Model => _model;

    /// <summary>Non-overlapping typed mentions in text order; never throws on a parsed document.</summary>
    public IReadOnlyList<EntitySpan> Recognize(Document document) => Recognize(document, TextStyle.Auto);

    /// <summary>Non-overlapping typed mentions in text order, tagged by the passes for <paramref name="style"/>.</summary>
    public IReadOnlyList<EntitySpan> Recognize(Document document, TextStyle style)
    {
        var spans = RecognizeNames(document, style);
        if (document.Tokens.Count == 0)
        {
            return [];
        }

        var rules = new List<EntitySpan>();
        MoneyRule.Find(document, rules);
        DateRule.Find(document, rules);
        return Merge(spans, rules);
    }

    /// <summary>
    /// The model's PERSON/ORG/LOC/MISC spans after the NORP and news-convention rules, without DATE and MONEY
    /// (what a CoNLL-style evaluation of the rule layer scores).
    /// </summary>
    public List<EntitySpan> RecognizeNames(Document document, TextStyle style = TextStyle.Auto)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.Count == 0)
        {
            return [];
        }

        var tokenized = TokenizedText.FromDocument(document);
        var labels = _model.Tag(tokenized, style, out DomainRoute route);
        var spans = new List<EntitySpan>();
        var start = -1;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label == 0)
            {
                start = -1;
                continue;
            }

            var part = NerLabels.PartOf(label);
            if (part is NerLabels.Begin or NerLabels.Unit)
            {
                start = i;
            }

            if (part is NerLabels.Last or NerLabels.Unit && start >= 0)
            {
                if (i == start && IsPossessive(document.Text, tokenized.Tokens[i]))
                {
                    start = -1;
                    continue; // "the city’s" with "’s" alone tagged: a clitic is no name
                }

                // A possessive clitic the model put inside a name ("Council’s") is not part of it.
                var last = i > start && IsPossessive(document.Text, tokenized.Tokens[i]) ? i - 1 : i;
                var type = ModelTypes[NerLabels.TypeOf(label)];
                var first = start;
                if (type == EntityType.Person && last > first && IsTitle(document.Text, tokenized.Tokens[first]))
                {
                    // "Dr. Vincent Moreau", "Mr Oakley": the title is not part of the name (the canonical name and the
                    // registry key), so that "Mr Oakley" is the "Martin Oakley" named before.
                    // Without its period only a courtesy title: "Gen Nakatani" may be a first name.
                    var period = document.Text[tokenized.Tokens[first + 1].Start] == '.';
                    first += period ? (last - first >= 2 ? 2 : 0) : IsCourtesyTitle(document.Text, tokenized.Tokens[first]) ? 1 : 0;
                }

                var span = new TextSpan(tokenized.Tokens[first].Start, tokenized.Tokens[last].End);
                spans.Add(new EntitySpan(span, type));
                start = -1;
            }
        }

        NorpRule.Apply(document, _model.Lexicon, spans);
        if (route == DomainRoute.Web)
        {
            // The web corpora annotate no MISC, so the web passes' MISC is what the news data taught them, out of
            // place: on CoNLL dev it is one in eight correct. Nationalities, already retyped NORP, stay.
            spans.RemoveAll(s => s.Type == EntityType.Misc);
        }

        NewsConventions.Apply(document, _model.Lexicon, spans);
        return spans;
    }

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev",
    };

    private static readonly HashSet<string> CourtesyTitles = new(StringComparer.OrdinalIgnoreCase) { "mr", "mrs", "ms", "miss", "dr" };

    private static bool IsCourtesyTitle(string text, TextSpan token) => CourtesyTitles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(token.Start, token.Length));

    private static bool IsTitle(string text, TextSpan token) => Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(token.Start, token.Length));

    private static bool IsPossessive(string text, TextSpan token)
        => token.Length == 2 && text[token.Start] is '\'' or '\u2019' && text[token.Start + 1] is 's' or 'S';

    private static List<EntitySpan> Merge(List<EntitySpan> model, List<EntitySpan> rules)
    {
        // Longest rule spans first so that "$ 11 billion" wins over a year or number inside it.
        rules.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.Length.CompareTo(a.Span.Length));
        var kept = new List<EntitySpan>(model.Count + rules.Count);
        foreach (var rule in rules)
        {
            // A year or weekday inside a longer name is part of the name: "the 1998 World Cup", "1860 Munich",
            // "Sheffield Wednesday".
            if (rule.Type == EntityType.Date && model.Exists(m => m.Span.Contains(rule.Span) && m.Span.Length > rule.Span.Length))
            {
                continue;
            }

            if (!kept.Exists(k => k.Span.Overlaps(rule.Span)))
            {
                kept.Add(rule);
            }
        }

        foreach (var span in model)
        {
            if (!kept.Exists(k => k.Span.Overlaps(span.Span)))
            {
                kept.Add(span);
            }
        }

        kept.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return kept;
    }
}
