using Platform.Nlp.Analysis;

namespace Platform.Nlp.Quotes;

/// <summary>
/// Finds, among the organizations named before a description, the one it points to: the latest one ("the agency"),
/// the latest business ("the company"), the latest whose name carries or is headed by a noun ("the union", "the
/// department"), the latest of a kind ("the hospital"). <see cref="SpeakerResolver"/> decides which question to ask;
/// this class knows names, not people.
/// </summary>
/// <param name="introductionOf">The words an entity is introduced with ("retailer Halvorsen &amp; Pike").</param>
internal sealed class OrganizationLookup(ArticleContext ctx, QuoteLexicon lexicon, Func<Entity, HashSet<string>> introductionOf)
{
    // Words in the names of public bodies, which "the company" does not mean.
    private static readonly string[] PublicBodyWords =
    [
        "office", "department", "ministry", "agency", "commission", "council", "authority", "police", "court", "parliament",
        "congress", "senate", "government", "committee", "bureau", "administration", "party", "assembly", "regulator",
    ];

    private static readonly HashSet<string> ChannelNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "post", "posts", "page", "account", "video", "message", "feed", "livestream", "broadcast", "interview",
    };

    /// <summary>The latest organization before the offset, not counting a platform named as the channel.</summary>
    public MentionRef Latest(int before)
        => ctx.Mentions.LastOrDefault(m => m.Span.End <= before && m.Entity.Type == EntityType.Org && !IsChannelUse(m));

    /// <summary>The latest organization before the offset that is no public body, news outlet or channel.</summary>
    public MentionRef LatestBusiness(int before)
        => ctx.Mentions.LastOrDefault(m => m.Span.End <= before && m.Entity.Type == EntityType.Org && !IsChannelUse(m)
                                           && !NameCarries(m.Entity.Name, PublicBodyWords) && !IsNewsOutlet(m));

    /// <summary>
    /// The latest organization before the offset whose name has one of the nouns as a word ("the union" → "Dockworkers
    /// Union Local 12"), or, with <paramref name="orUnionLocal"/>, a numbered local ("SEIU Local 1021").
    /// </summary>
    public MentionRef LatestCarrying(int before, string[] nouns, bool orUnionLocal = false)
        => ctx.Mentions.LastOrDefault(m => m.Span.End <= before && m.Entity.Type == EntityType.Org
                                           && (NameCarries(m.Entity.Name, nouns) || orUnionLocal && IsUnionLocal(m.Entity.Name)));

    /// <summary>
    /// The latest mention of that type before the offset whose name the noun heads ("Department for Water and Land
    /// Management" for "department").
    /// </summary>
    public MentionRef LatestHeadedBy(int before, string noun, EntityType type)
        // A name of many words or with sentence punctuation is more likely a headline the model read as a name.
        => ctx.Mentions.LastOrDefault(m => m.Span.End <= before && m.Entity.Type == type
                                           && m.Entity.Name.Contains(' ') && m.Entity.Name.Split(' ').Length <= 6
                                           && NameHeadedBy(m.Entity.Name, noun) && IsPlainName(m));

    /// <summary>
    /// "the retailer" after "retailer Halvorsen &amp; Pike" or "Halvorsen &amp; Pike, the 90-year-old retailer": the latest
    /// organization the text introduced with the noun; else "the hospital" after "Eastmoor Regional Medical Centre":
    /// the latest whose name has a word such names carry (<c>organization-kinds.tsv</c>).
    /// </summary>
    public MentionRef OfKind(int before, string noun)
    {
        var introduced = ctx.Mentions.LastOrDefault(m => m.Span.End <= before && m.Entity.Type == EntityType.Org && !IsChannelUse(m)
                                                         && introductionOf(m.Entity).Contains(noun));
        if (introduced.Entity is not null)
        {
            return introduced;
        }

        var words = lexicon.OrganizationNameWords[noun];
        return ctx.Mentions.LastOrDefault(m => m.Span.End <= before && m.Entity.Type == EntityType.Org && !IsChannelUse(m)
                                               && NameCarries(m.Entity.Name, words) && IsPlainName(m));
    }

    /// <summary>
    /// A platform or outlet named where something was said ("on Facebook", "in a Facebook post"), not as an actor
    /// ("Facebook said it removed the accounts").
    /// </summary>
    public bool IsChannelUse(MentionRef m)
    {
        if (!lexicon.Channels.ContainsKey(m.Span.Of(ctx.Text)) && !lexicon.Channels.ContainsKey(m.Entity.Name))
        {
            return false;
        }

        var first = ctx.TokenFrom(m.Span.Start);
        var next = ctx.TokenFrom(m.Span.End);
        return ctx.LowerWord(first - 1) is "on" or "via" or "through" || ChannelNouns.Contains(ctx.Word(next));
    }

    /// <summary>Whole-word and case-insensitive, allowing a plural or possessive in the name ("Unions'", "Union").</summary>
    public static bool NameCarries(string name, string[] nouns)
        => name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(word => nouns.Any(n => word.TrimEnd('s').Equals(n, StringComparison.OrdinalIgnoreCase)));

    /// <summary>"maker", "automaker", "drugmaker": a business named by what it makes ("lawmaker" is not one).</summary>
    public static bool IsMakerNoun(string noun)
        => noun.EndsWith("maker", StringComparison.Ordinal)
           && noun is not ("policymaker" or "lawmaker" or "filmmaker" or "peacemaker" or "matchmaker" or "kingmaker");

    private static bool IsUnionLocal(string name)
    {
        var words = name.Split(' ');
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] == "Local" && words[i + 1].Length > 0 && words[i + 1].All(char.IsAsciiDigit))
            {
                return true;
            }
        }

        return false;
    }

    // The noun heads the name, first ("University of Vestmark"), before "of" ("Living Church of God") or last
    // ("International Monetary Fund"): "the river" is not the "Coastal Rivers Alliance".
    private static bool NameHeadedBy(string name, string noun)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.Equals("The", StringComparison.Ordinal)).ToList();
        if (words.Count > 2 && words[^2] == "Local" && words[^1].All(char.IsAsciiDigit))
        {
            words.RemoveAt(words.Count - 1); // "Transit Union Local 1587" is a local
        }

        // In "Public Policy Institute of California" the head is the word before "of".
        var of = words.FindIndex(w => w is "of" or "for");
        var head = of > 0 ? words[of - 1] : words.LastOrDefault();
        string[] nouns = [noun];
        return words.Count > 0 && (NameCarries(words[0], nouns) || NameCarries(head!, nouns) || NameCarries(words[^1], nouns));
    }

    // A news agency or outlet ("LONDON (Reuters)", "told Reuters") reports the story; it is not "the company" in it.
    private bool IsNewsOutlet(MentionRef m)
        => lexicon.Channels.TryGetValue(m.Entity.Name, out var platform) && !platform
           || lexicon.Channels.TryGetValue(m.Span.Of(ctx.Text), out platform) && !platform;

    // Outside quotation marks, with no sentence punctuation and not on a title-case line: a name rather than a headline
    // the model read as one.
    private bool IsPlainName(MentionRef m)
        => !ctx.InsideQuote(m.Span.Start) && !m.Entity.Name.Any(c => c is '.' or '!' or '?') && !IsTitleCaseLine(m.Span.Start);

    // A headline in title case ("New Poll Shows Large Gap"), where the model takes runs of capitals for names.
    private bool IsTitleCaseLine(int offset)
    {
        var paragraph = ctx.ParagraphAt(offset);
        if (paragraph < 0)
        {
            return false;
        }

        var span = ctx.Paragraphs[paragraph];
        int words = 0, capitalized = 0;
        for (var t = ctx.TokenFrom(span.Start); t < ctx.Tokens.Count && ctx.Tokens[t].Start < span.End; t++)
        {
            if (ctx.IsWord(t) && ctx.Word(t).Length > 3)
            {
                words++;
                capitalized += char.IsUpper(ctx.First(t)) ? 1 : 0;
            }
        }

        return words >= 3 && capitalized * 10 >= words * 8;
    }
}
