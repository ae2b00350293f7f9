using Platform.Nlp.Analysis;

namespace Platform.Nlp.Entities;

/// <summary>
/// Groups mentions of one real entity within a text and names each group by its longest full name:
/// equal mentions of the same type join, and a person mentioned by part of the name ("Zakharova") joins the
/// full name that contains it as a word ("Maria Zakharova").
/// </summary>
public static class EntityCanonicalizer
{
    public static List<Entity> Group(string text, IReadOnlyList<EntitySpan> spans)
    {
        var groups = new List<(EntityType Type, List<EntitySpan> Spans, string Name)>();
        // Longest mentions first, so that short forms find the full name they belong to.
        foreach (var span in spans.OrderByDescending(s => s.Span.Length).ThenBy(s => s.Span.Start))
        {
            var mention = span.Span.Of(text);
            var index = groups.FindIndex(g => g.Type == span.Type && BelongsTo(mention, g.Name, span.Type));
            if (index < 0 && span.Type == EntityType.Misc)
            {
                // A lone word the recognizer could not type ("Marsh") is a short form of a person named in full.
                index = groups.FindIndex(g => g.Type == EntityType.Person && BelongsTo(mention, g.Name, g.Type));
            }

            if (index < 0)
            {
                groups.Add((span.Type, [span], mention));
            }
            else
            {
                groups[index].Spans.Add(span);
            }
        }

        return groups
            .Select(g => (g.Type, g.Name, Spans: g.Spans.OrderBy(s => s.Span.Start).ToList()))
            .OrderBy(g => g.Spans[0].Span.Start)
            .Select((g, id) => new Entity(
                id,
                g.Name,
                g.Type,
                g.Spans.ConvertAll(s => new EntityMention(s.Span, s.Span.Of(text)))))
            .ToList();
    }

    private static bool BelongsTo(string mention, string name, EntityType type)
    {
        if (string.Equals(mention, name, StringComparison.Ordinal))
        {
            return true;
        }

        if (type != EntityType.Person)
        {
            return false;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 && Array.IndexOf(words, mention) >= 0;
    }
}
