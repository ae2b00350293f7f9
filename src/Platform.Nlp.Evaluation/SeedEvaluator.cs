using System.Globalization;
using System.Text;
using System.Text.Json;
using Platform.Nlp.Analysis;
using Platform.Nlp.Text;

namespace Platform.Nlp.Evaluation;

/// <summary>
/// Scores the engine's entities against a hand-annotated article (gold.json of the seed data: exact span and type
/// per mention, mentions grouped under a canonical name; offsets in code points): mention precision/recall/F1 per
/// type, and how many gold PERSON mentions land in the predicted entity that holds their gold entity's mentions.
/// </summary>
public static class SeedEvaluator
{
    private static readonly Dictionary<string, EntityType> Types = new(StringComparer.Ordinal)
    {
        ["PERSON"] = EntityType.Person, ["ORG"] = EntityType.Org, ["LOC"] = EntityType.Loc, ["NORP"] = EntityType.Norp,
        ["MISC"] = EntityType.Misc, ["DATE"] = EntityType.Date, ["MONEY"] = EntityType.Money,
    };

    public static string Evaluate(NewsAnalyzer analyzer, string text, string goldJson, out IReadOnlyList<TypeScore> scores, out (int Right, int Total) people)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var index = new CodePointIndex(text);
        using var gold = JsonDocument.Parse(goldJson);
        var goldMentions = new List<(TextSpan Span, EntityType Type, int Entity)>();
        var entityNumber = 0;
        foreach (var entity in gold.RootElement.GetProperty("entities").EnumerateArray())
        {
            var type = Types[entity.GetProperty("type").GetString()!];
            foreach (var m in entity.GetProperty("mentions").EnumerateArray())
            {
                var span = new TextSpan(index.ToUtf16(m.GetProperty("start").GetInt32()), index.ToUtf16(m.GetProperty("end").GetInt32()));
                goldMentions.Add((span, type, entityNumber));
            }

            entityNumber++;
        }

        var analysis = analyzer.Analyze(text);
        var predicted = analysis.Entities.SelectMany(e => e.Mentions.Select(m => (m.Span, e.Type, e.Id))).ToList();
        var report = new StringBuilder();
        var list = new List<TypeScore>();
        foreach (var (name, type) in Types)
        {
            var g = goldMentions.Where(m => m.Type == type).Select(m => m.Span).ToHashSet();
            var p = predicted.Where(m => m.Type == type).Select(m => m.Span).ToHashSet();
            var score = new TypeScore(name, g.Count, p.Count, p.Count(g.Contains));
            list.Add(score);
            report.Append(CultureInfo.InvariantCulture, $"{name,-7} gold {score.Gold,3} found {score.Predicted,3} correct {score.Correct,3}  P {score.Precision,6:F2} R {score.Recall,6:F2} F1 {score.F1,6:F2}\n");
            foreach (var missed in g.Where(s => !p.Contains(s)).OrderBy(s => s.Start))
            {
                report.Append(CultureInfo.InvariantCulture, $"    missed   {missed} {missed.Of(text)}\n");
            }

            foreach (var wrong in p.Where(s => !g.Contains(s)).OrderBy(s => s.Start))
            {
                report.Append(CultureInfo.InvariantCulture, $"    spurious {wrong} {wrong.Of(text)}\n");
            }
        }

        // A gold PERSON mention is grouped right when its predicted entity is the one that holds most of the
        // gold entity's mentions and holds no mention of another gold entity.
        var right = 0;
        var total = 0;
        var entityOf = predicted.ToDictionary(m => m.Span, m => m.Id);
        foreach (var group in goldMentions.Where(m => m.Type == EntityType.Person).GroupBy(m => m.Entity))
        {
            var ids = group.Select(m => entityOf.TryGetValue(m.Span, out var id) ? id : -1).ToList();
            var majority = ids.Where(i => i >= 0).GroupBy(i => i).OrderByDescending(x => x.Count()).Select(x => x.Key).DefaultIfEmpty(-1).First();
            var pure = majority >= 0 && goldMentions.Where(m => entityOf.TryGetValue(m.Span, out var id) && id == majority).All(m => m.Entity == group.Key);
            var correctHere = pure ? ids.Count(i => i == majority) : 0;
            right += correctHere;
            total += ids.Count;
            if (correctHere < ids.Count)
            {
                var name = majority >= 0 ? analysis.Entities[majority].Name : "(none)";
                report.Append(CultureInfo.InvariantCulture, $"    grouping: {group.First().Span.Of(text)} -> {correctHere}/{ids.Count} in '{name}'\n");
            }
        }

        report.Append(CultureInfo.InvariantCulture, $"PERSON mentions in the right canonical entity: {right}/{total}\n");
        scores = list;
        people = (right, total);
        return report.ToString();
    }
}
