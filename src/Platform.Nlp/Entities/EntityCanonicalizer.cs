using Platform.Nlp.Analysis;

namespace Platform.Nlp.Entities;

/// <summary>
/// Groups mentions of one real entity within a text and names each group by its longest full name.
/// Mentions join when they are equal after alias normalization ("US", "U.S.", "United States"), when a person
/// is mentioned by part of the name ("Zakharova" → "Maria Zakharova", choosing the nearest earlier full name when
/// two people share it), when an acronym spells an organization's initials ("OAS"), or when a one-word
/// organization mention ends exactly one longer organization name ("Congress" → "United States Congress") or opens
/// exactly one named before it ("Pellucid" → "Pellucid Systems"), or a one-word "person" no full person name has
/// opens one ("Norvia" → "Norvia Retail Group").
/// Mentions of different types never join, so the rifle "Kalashnikov" (MISC) stays apart from the person.
/// </summary>
public static class EntityCanonicalizer
{
    // Alternative spellings of the same place, mapped to one key. Short, because only spelled-out aliases need it.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = "united states", ["U.S."] = "united states", ["USA"] = "united states", ["U.S.A."] = "united states",
        ["United States of America"] = "united states", ["UK"] = "united kingdom", ["U.K."] = "united kingdom",
        ["Britain"] = "united kingdom", ["Great Britain"] = "united kingdom", ["Russian Federation"] = "russia",
        ["USSR"] = "soviet union", ["U.S.S.R."] = "soviet union", ["EU"] = "european union",
        ["UN"] = "united nations", ["U.N."] = "united nations",
    };

    private static readonly HashSet<string> MinorWords = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "for", "on", "in", "&" };

    /// <summary>Entities of a text, ordered by first mention, each with its mentions in text order.</summary>
    public static List<Entity> Group(string text, IReadOnlyList<EntitySpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var mentions = spans.Select((s, i) => new Mention(i, s.Span, s.Type, Words(s.Span.Of(text)))).ToList();
        Retype(mentions);

        var groups = new List<MentionGroup>();
        foreach (var mention in mentions.OrderByDescending(m => m.Words.Length).ThenByDescending(m => m.Span.Length).ThenBy(m => m.Span.Start))
        {
            var group = Find(groups, mention);
            if (group is null)
            {
                groups.Add(new MentionGroup(mention));
            }
            else
            {
                group.Mentions.Add(mention);
            }
        }

        return groups
            .Select(g => (g.Type, Mentions: g.Mentions.OrderBy(m => m.Span.Start).ToList(), Name: NameOf(g)))
            .OrderBy(g => g.Mentions[0].Span.Start)
            .Select((g, id) => new Entity(id, g.Name, g.Type, g.Mentions.ConvertAll(m => new EntityMention(m.Span, m.Span.Of(text)))))
            .ToList();
    }

    // A one-word ORG or LOC mention that is part of a full person name in the same text is that person
    // (a model tagging "Pompeo" as ORG in one sentence). MISC is left alone: "Kalashnikov" the rifle. And a one-word
    // person that no full person name has but an organization's name opens is that organization.
    private static void Retype(List<Mention> mentions)
    {
        var people = mentions.Where(m => m.Type == EntityType.Person && m.Words.Length > 1).ToList();
        var organizations = mentions.Where(m => m.Type == EntityType.Org && m.Words.Length > 1).ToList();
        foreach (var m in mentions)
        {
            if (m.Type is EntityType.Org or EntityType.Loc && m.Words.Length == 1 && !Aliases.ContainsKey(m.Words[0])
                && people.Exists(p => p.Words.Contains(m.Words[0], StringComparer.Ordinal)))
            {
                m.Type = EntityType.Person;
            }
            else if (m.Type == EntityType.Person && m.Words.Length == 1
                     && !people.Exists(p => p.Words.Contains(m.Words[0], StringComparer.Ordinal))
                     && organizations.Exists(o => string.Equals(o.Words[0], m.Words[0], StringComparison.Ordinal)
                                                  && o.Span.Start < FirstAsPerson(mentions, m.Words[0]))
                     && mentions.Count(p => p.Type == EntityType.Person && p.Words.Length == 1 && string.Equals(p.Words[0], m.Words[0], StringComparison.Ordinal)) <= 2)
            {
                // "Norvia said" after "Norvia Retail Group": the company's short name, which the model took for a
                // surname once or twice (a name it reads as a person again and again, "Trump", stays one). A place
                // keeps its type: "Washington" is not the Washington Post.
                m.Type = EntityType.Org;
                m.ShortNameOfOrganization = true;
            }
            else if (m.Type == EntityType.Org && m.Words.Length == 1
                     && organizations.Exists(o => string.Equals(o.Words[0], m.Words[0], StringComparison.Ordinal) && o.Span.Start < m.Span.Start)
                     && !mentions.Exists(p => p.Type == EntityType.Person && p.Words.Contains(m.Words[0], StringComparer.Ordinal)))
            {
                // "Pellucid said" after "Pellucid Systems": the short name of the organization named before. Not a
                // word the text also gives a person: "Trump" is not the "Trump Train".
                m.ShortNameOfOrganization = true;
            }
        }
    }

    // Where the word is first tagged as a one-word person: the organization must be named before it ("Norvia Retail
    // Group … Norvia said"), not after ("Trump said … the Trump Train").
    private static int FirstAsPerson(List<Mention> mentions, string word)
        => mentions.Where(m => m.Type == EntityType.Person && m.Words.Length == 1 && string.Equals(m.Words[0], word, StringComparison.Ordinal))
            .Select(m => m.Span.Start).DefaultIfEmpty(int.MaxValue).Min();

    private static MentionGroup? Find(List<MentionGroup> groups, Mention mention)
    {
        var key = Key(mention.Words);
        var same = groups.Where(g => g.Type == mention.Type).ToList();
        var exact = same.Find(g => g.Keys.Contains(key));
        if (exact is not null)
        {
            exact.Keys.Add(key);
            return exact;
        }

        List<MentionGroup> candidates = mention.Type switch
        {
            EntityType.Person => same.FindAll(g => g.Mentions.Exists(m => m.Words.Length > mention.Words.Length && ContainsRun(m.Words, mention.Words))),
            EntityType.Org or EntityType.Loc or EntityType.Misc => same.FindAll(g => g.Mentions.Exists(m => IsAcronymOf(mention.Words, m.Words))) is { Count: > 0 } acronyms
                ? acronyms
                : mention.Type == EntityType.Org && mention.Words.Length == 1
                    ? same.FindAll(g => g.Mentions.Exists(m => m.Words.Length > 1 && (string.Equals(m.Words[^1], mention.Words[0], StringComparison.Ordinal)
                                                                                        || mention.ShortNameOfOrganization && string.Equals(m.Words[0], mention.Words[0], StringComparison.Ordinal))))
                    : [],
            _ => [],
        };

        if (candidates.Count == 0)
        {
            return null;
        }

        if (candidates.Count > 1 && mention.Type != EntityType.Person)
        {
            // "Ministry" after both the Russian and the Venezuelan Foreign Ministry: ambiguous, keep apart.
            return null;
        }

        // Two people sharing a surname: the short form refers to the most recent full name before it.
        var chosen = candidates
            .OrderByDescending(g => g.Mentions.Where(m => m.Span.Start < mention.Span.Start).Select(m => m.Span.Start).DefaultIfEmpty(-1).Max())
            .First();
        chosen.Keys.Add(key);
        return chosen;
    }

    private static string NameOf(MentionGroup group)
    {
        var best = group.Mentions
            .OrderByDescending(m => m.Words.Length)
            .ThenByDescending(m => m.Span.Length)
            .ThenBy(m => m.Span.Start)
            .First();
        return string.Join(' ', best.Words);
    }

    private static string Key(string[] words)
    {
        var joined = string.Join(' ', words);
        if (Aliases.TryGetValue(joined, out var alias))
        {
            return alias;
        }

        // "US Congress" and "United States Congress": aliases inside longer names too.
        return string.Join(' ', words.Select(w => Aliases.TryGetValue(w, out var a) ? a : w.ToLowerInvariant()));
    }

    private static bool ContainsRun(string[] words, string[] run)
    {
        for (var i = 0; i + run.Length <= words.Length; i++)
        {
            var match = true;
            for (var k = 0; k < run.Length && match; k++)
            {
                match = string.Equals(words[i + k], run[k], StringComparison.Ordinal);
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }

    // "OAS" for "Organization of American States": initials of the significant words.
    private static bool IsAcronymOf(string[] acronym, string[] name)
    {
        if (acronym.Length != 1 || name.Length < 2)
        {
            return false;
        }

        var letters = acronym[0].Replace(".", "", StringComparison.Ordinal);
        if (letters.Length < 2 || !letters.All(char.IsUpper))
        {
            return false;
        }

        // A numbered branch is no part of the acronym: "ATU" for "Amalgamated Transit Union Local 1587".
        if (name.Length > 3 && name[^2] == "Local" && name[^1].All(char.IsAsciiDigit))
        {
            name = name[..^2];
        }

        var words = name.Where(w => !MinorWords.Contains(w) && w.Length > 0).ToList();
        var initials = new string([.. words.Select(w => char.ToUpperInvariant(w[0]))]);
        if (string.Equals(initials, letters, StringComparison.Ordinal))
        {
            return true;
        }

        // Each part of a hyphenated word may give a letter: "TCRTA" for "Tri-County Regional Transit Authority".
        var parts = new string([.. words.SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries)).Select(w => char.ToUpperInvariant(w[0]))]);
        return parts.Length != initials.Length && string.Equals(parts, letters, StringComparison.Ordinal);
    }

    private static string[] Words(string mention)
        => mention.Replace('\u2019', '\'').Split((char[])[' ', '\n', '\r', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);

    private sealed class Mention(int index, TextSpan span, EntityType type, string[] words)
    {
        public int Index { get; } = index;

        public TextSpan Span { get; } = span;

        public EntityType Type { get; set; } = type;

        public string[] Words { get; } = words;

        /// <summary>Retyped from a person because an organization's name opens with it ("Norvia").</summary>
        public bool ShortNameOfOrganization { get; set; }
    }

    private sealed class MentionGroup
    {
        public MentionGroup(Mention first)
        {
            Type = first.Type;
            Mentions = [first];
            Keys = [Key(first.Words)];
        }

        public EntityType Type { get; }

        public List<Mention> Mentions { get; }

        public HashSet<string> Keys { get; }
    }
}
