namespace Platform.Nlp.Quotes;

/// <summary>What a reporting verb can do in a sentence.</summary>
[Flags]
internal enum VerbTraits
{
    None = 0,
    /// <summary>A speech act: say, state, tell.</summary>
    Speech = 1,
    /// <summary>A belief: believe, think (reported position, weaker evidence).</summary>
    Cognition = 2,
    /// <summary>The content may be a noun phrase: announced the closure.</summary>
    NounContent = 4,
    /// <summary>The addressee comes before the content: told reporters that.</summary>
    Addressee = 8,
    /// <summary>The content follows "of": accused Russia of meddling.</summary>
    Accusation = 16,
    /// <summary>A written statement: wrote, tweeted.</summary>
    Written = 32,
    /// <summary>A promise or threat whose content may be an infinitive: vowed to appeal.</summary>
    Promise = 64,
    /// <summary>A request of somebody whose content may be an infinitive: urged voters to stay home.</summary>
    Request = 128,
    /// <summary>A reported question: asked whether.</summary>
    Question = 256,
}

/// <summary>
/// The word lists the quote extractor relies on, read once from embedded data files (each names its origin in its
/// header): reporting verbs, speaker descriptions, first-name genders, capitals, publishing channels and the closed
/// word classes that bound a reported clause.
/// </summary>
internal sealed class QuoteLexicon
{
    private static readonly Lazy<QuoteLexicon> Shared = new(Load);

    private QuoteLexicon(
        Dictionary<string, VerbTraits> verbs,
        Dictionary<string, string[]> roles,
        Dictionary<string, string[]> organizationNameWords,
        Dictionary<string, string[]> titleNouns,
        Dictionary<string, char> genders,
        Dictionary<string, string> capitals,
        Dictionary<string, bool> channels,
        Dictionary<string, HashSet<string>> wordClasses)
    {
        Verbs = verbs;
        Roles = roles;
        OrganizationNameWords = organizationNameWords;
        TitleNouns = titleNouns;
        Genders = genders;
        Capitals = capitals;
        Channels = channels;
        _wordClasses = wordClasses;
    }

    private readonly Dictionary<string, HashSet<string>> _wordClasses;

    public static QuoteLexicon Default => Shared.Value;

    /// <summary>Inflected reporting-verb form (lower case) to its traits.</summary>
    public Dictionary<string, VerbTraits> Verbs { get; }

    /// <summary>Speaker noun (lower case, singular) to the roles it fits.</summary>
    public Dictionary<string, string[]> Roles { get; }

    /// <summary>
    /// A noun for a kind of organization (lower case, singular) to the words, lower case, that names of such
    /// organizations carry: "hospital" to "medical", "health", "clinic", …
    /// </summary>
    public Dictionary<string, string[]> OrganizationNameWords { get; }

    /// <summary>A title before a name (lower case, no period: "dr", "justice") to the nouns it stands for ("doctor", "judge").</summary>
    public Dictionary<string, string[]> TitleNouns { get; }

    /// <summary>First name to 'F' or 'M'.</summary>
    public Dictionary<string, char> Genders { get; }

    /// <summary>Capital city to country name.</summary>
    public Dictionary<string, string> Capitals { get; }

    /// <summary>Channel name to true for a platform (Twitter), false for a news outlet (Reuters).</summary>
    public Dictionary<string, bool> Channels { get; }

    /// <summary>The words of one class of <c>clause-words.tsv</c>, compared without regard to case.</summary>
    public HashSet<string> WordClass(string name)
        => _wordClasses.TryGetValue(name, out var words) ? words : throw new ArgumentException($"No word class {name}.", nameof(name));

    public VerbTraits VerbTraitsOf(string word)
        => Verbs.TryGetValue(word.ToLowerInvariant(), out var traits) ? traits : VerbTraits.None;

    /// <summary>Roles of a noun, accepting simple plurals ("analysts") and a possessive ("Minister's").</summary>
    public string[]? RolesOf(string word, out bool plural)
    {
        plural = false;
        var w = StripPossessive(word).ToLowerInvariant();
        if (Roles.TryGetValue(w, out var roles))
        {
            return roles;
        }

        if (w.Length > 3 && w.EndsWith('s') && Roles.TryGetValue(w[..^1], out roles))
        {
            plural = true;
            return roles;
        }

        if (w.EndsWith("men", StringComparison.Ordinal) && Roles.TryGetValue(w[..^3] + "man", out roles))
        {
            plural = true;
            return roles;
        }

        return null;
    }

    /// <summary>
    /// Whether a role of <c>speaker-nouns.tsv</c> describes a person ("expert", "official"), not an organization, a
    /// place, a document or an unresolved group.
    /// </summary>
    public static bool IsPersonRole(string role) => role is not ("org" or "body" or "place" or "document" or "group");

    public static string StripPossessive(string word)
    {
        if (word.Length > 2 && word[^2] is '\'' or '\u2019' && word[^1] is 's' or 'S')
        {
            return word[..^2];
        }

        return word.Length > 1 && word[^1] is '\'' or '\u2019' ? word[..^1] : word;
    }

    private static QuoteLexicon Load()
    {
        var verbs = new Dictionary<string, VerbTraits>(StringComparer.Ordinal);
        foreach (var cols in Rows("reporting-verbs.tsv"))
        {
            var traits = ParseTraits(cols.Length > 2 ? cols[2] : "S");
            foreach (var form in cols[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                verbs[form] = verbs.GetValueOrDefault(form) | traits;
            }
        }

        var roles = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var cols in Rows("speaker-nouns.tsv"))
        {
            roles[cols[0]] = cols[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var organizationNameWords = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var cols in Rows("organization-kinds.tsv"))
        {
            organizationNameWords[cols[0]] = cols[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        var titleNouns = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var cols in Rows("title-nouns.tsv"))
        {
            titleNouns[cols[0]] = cols[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        var genders = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var cols in Rows("first-names.tsv"))
        {
            genders.TryAdd(cols[0], cols[1][0]);
        }

        var capitals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cols in Rows("capitals.tsv"))
        {
            capitals.TryAdd(cols[0], cols[1]);
        }

        var channels = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var cols in Rows("channels.tsv"))
        {
            channels.TryAdd(cols[0], cols[1] == "platform");
        }

        var wordClasses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var cols in Rows("clause-words.tsv"))
        {
            wordClasses[cols[0]] = new HashSet<string>(
                cols[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Replace('_', ' ')),
                StringComparer.OrdinalIgnoreCase);
        }

        return new QuoteLexicon(verbs, roles, organizationNameWords, titleNouns, genders, capitals, channels, wordClasses);
    }

    private static VerbTraits ParseTraits(string flags)
    {
        var traits = VerbTraits.None;
        foreach (var f in flags)
        {
            traits |= f switch
            {
                'S' => VerbTraits.Speech,
                'C' => VerbTraits.Cognition,
                'N' => VerbTraits.NounContent,
                'O' => VerbTraits.Addressee,
                'A' => VerbTraits.Accusation,
                'W' => VerbTraits.Written,
                'P' => VerbTraits.Promise,
                'R' => VerbTraits.Request,
                'Q' => VerbTraits.Question,
                _ => VerbTraits.None,
            };
        }

        return traits;
    }

    private static List<string[]> Rows(string file)
    {
        var assembly = typeof(QuoteLexicon).Assembly;
        using var stream = assembly.GetManifestResourceStream("Platform.Nlp.Quotes.Lexicons." + file)
            ?? throw new InvalidOperationException($"Missing embedded lexicon {file}.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length >= 2)
            {
                rows.Add(cols);
            }
        }

        return rows;
    }
}
