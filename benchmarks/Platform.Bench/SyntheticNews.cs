using System.Text;
using Platform.V1;

namespace Platform.Bench;

/// <summary>
/// Invented news articles for benchmarks, each with an exact hand-made analysis, so that a store of any size can be
/// built without running the engine. Deterministic: article n is the same on every run. Each article has about
/// 3 KB of text, 20 quotes (direct and indirect) by people drawn from a pool of 2,400 with a few very often quoted,
/// and places and organizations inside the quotes; quote words come from a 20,000-term vocabulary whose frequencies
/// fall off like real words (log-uniform), so full-text searches range from common to rare.
/// </summary>
internal static class SyntheticNews
{
    public const int QuotesPerArticle = 20;
    private const int VocabularySize = 20_000;

    private static readonly string[] FirstNames =
    [
        "Ada", "Bruno", "Celia", "Dario", "Elin", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca",
        "Mira", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Stefan", "Tara", "Umar", "Vera", "Wendel", "Xenia",
        "Yusuf", "Zora", "Anton", "Bea", "Cyril", "Dana", "Emil", "Flora", "Gideon", "Hanna", "Ivo", "Janne",
        "Kasimir", "Lena", "Marek", "Nora",
    ];

    private static readonly string[] Surnames =
    [
        "Abernathy", "Belcourt", "Castellan", "Dunmore", "Ekwueme", "Falkenrath", "Garroway", "Holmqvist", "Ilves",
        "Jaramillo", "Kowalczyk", "Lindqvist", "Marchetti", "Nakashima", "Okonkwo", "Pellegrini", "Quintero",
        "Rasmussen", "Szabo", "Thorvaldsen", "Underhill", "Valdivia", "Westergaard", "Yilmaz", "Zelenko", "Ashgrove",
        "Brennecke", "Corvino", "Delacroix", "Esposito", "Fairweather", "Grunewald", "Halloran", "Iskander",
        "Jovanovic", "Kettering", "Lombardi", "Moreau", "Nyberg", "Oyelaran", "Petrakis", "Radcliffe", "Santoro",
        "Tamura", "Urquhart", "Vasquez", "Whitlock", "Yamada", "Zimmerly", "Albescu", "Brandvold", "Cardoso",
        "Drummond", "Eriksen", "Fontaine", "Galloway", "Haverkamp", "Ibarra", "Jankowski", "Kessler",
    ];

    private static readonly string[] Places =
    [
        "Valmora", "Port Emsy", "Lake Orvia", "Northbridge", "Castel Rocca", "the Tessin Valley", "Ardmoor",
        "Kelvingrad", "Santa Lucerna", "Brightwater", "the Olen Islands", "Marrowfield", "Dunhaven", "Estrella Bay",
        "Halvik", "Ironmouth", "Juniper Flats", "Korsa", "Lindenhall", "Mosswick",
    ];

    private static readonly string[] Organizations =
    [
        "the Ministry of Harbours", "Valmora Rail", "the Coastal Council", "Northbridge University", "the Fishers' Union",
        "Emsy Energy", "the Grain Board", "the Tessin Water Authority", "Ardmoor Steel", "the Port Authority",
        "the Transport Agency", "Halvik Shipping", "the Regional Assembly", "the Budget Office", "Korsa Telecom",
    ];

    private static readonly string[] Outlets = ["Harbour Gazette", "Northern Wire", "Valley Times", "Coastal Post", "Daily Ledger"];

    private static readonly string[] CommonWords =
    [
        "the", "plan", "will", "new", "must", "budget", "people", "harbour", "workers", "council", "next", "year",
        "prices", "ferry", "rail", "we", "our", "they", "need", "water", "schools", "this", "week", "cannot", "wait",
        "talks", "deal", "jobs", "costs", "bridge", "funding", "vote", "tax", "towns", "region", "safety", "plans",
        "fishing", "energy", "roads", "families", "tourism", "trade", "farmers", "housing", "hospital", "port",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mer", "tin", "vos", "ra", "del", "sun", "bri", "os", "tal", "en", "mi", "gor", "pel", "ut",
        "ser", "an", "fa", "rix",
    ];

    /// <summary>The article with number <paramref name="n"/> and its analysis; the id is prefix + n.</summary>
    public static (Article Article, ArticleAnalysis Analysis) Create(string idPrefix, long n)
    {
        var random = new Random(unchecked((int)(n * 7919 + 17)));
        var id = idPrefix + n;
        var article = new Article
        {
            Id = id,
            Title = $"Report {n}: {Term(random)} and {Term(random)}",
            Source = Outlets[random.Next(Outlets.Length)],
            PublishedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(
                new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n * 13 % (3 * 365 * 24 * 60))),
        };
        var analysis = new ArticleAnalysis { ArticleId = id, EngineVersion = "synthetic/1" };
        var text = new StringBuilder(3500);
        var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);

        Sentence(text, random, entities);
        for (var q = 0; q < QuotesPerArticle; q++)
        {
            var person = Person(random);
            var quoted = new StringBuilder();
            var quoteMentions = new List<(string Name, EntityType Type, int Offset)>();
            var words = 8 + random.Next(8);
            for (var w = 0; w < words; w++)
            {
                if (w == words / 2 && random.Next(3) == 0)
                {
                    var (name, type) = random.Next(2) == 0 ? (Places[random.Next(Places.Length)], EntityType.Loc) : (Organizations[random.Next(Organizations.Length)], EntityType.Org);
                    quoteMentions.Add((name, type, quoted.Length));
                    quoted.Append(name);
                }
                else
                {
                    quoted.Append(w % 3 == 2 ? Term(random) : CommonWords[random.Next(CommonWords.Length)]);
                }

                quoted.Append(w < words - 1 ? " " : string.Empty);
            }

            var direct = random.Next(3) > 0;
            int quoteStart, speakerStart;
            var speakerName = person;
            if (direct)
            {
                // “words,” said Name.   or   “words,” Surname said.
                text.Append('“');
                quoteStart = text.Length;
                text.Append(quoted).Append(",” ");
                var bySurname = q > 0 && random.Next(2) == 0;
                speakerName = bySurname ? person[(person.IndexOf(' ', StringComparison.Ordinal) + 1)..] : person;
                if (bySurname)
                {
                    speakerStart = text.Length;
                    text.Append(speakerName).Append(" said. ");
                }
                else
                {
                    text.Append("said ");
                    speakerStart = text.Length;
                    text.Append(speakerName).Append(". ");
                }
            }
            else
            {
                // Name said that words.
                speakerStart = text.Length;
                text.Append(person).Append(" said that ");
                quoteStart = text.Length;
                text.Append(quoted).Append(". ");
            }

            var speaker = Mention(entities, person, EntityType.Person, speakerStart, speakerName);
            var quote = new Quote
            {
                Start = quoteStart,
                End = quoteStart + quoted.Length,
                Text = quoted.ToString(),
                Kind = direct ? QuoteKind.Direct : QuoteKind.Indirect,
                Cue = "said",
                Confidence = 0.9f,
                Speaker = new Speaker
                {
                    Name = person,
                    EntityId = speaker.Id,
                    Mention = new TextSpan { Start = speakerStart, End = speakerStart + speakerName.Length },
                },
            };
            foreach (var (name, type, offset) in quoteMentions)
            {
                var entity = Mention(entities, name, type, quoteStart + offset, name);
                if (!quote.EntityIds.Contains(entity.Id))
                {
                    quote.EntityIds.Add(entity.Id);
                }
            }

            analysis.Quotes.Add(quote);
            if (q % 4 == 3)
            {
                text.Append('\n');
                Sentence(text, random, entities);
            }
        }

        article.Text = text.ToString();
        analysis.Entities.AddRange(entities.Values);
        return (article, analysis);
    }

    /// <summary>Rows this article becomes in storage: the article, entities, mentions, quotes and quote-entity links.</summary>
    public static int RowCount(ArticleAnalysis analysis)
        => 1 + analysis.Entities.Count + analysis.Entities.Sum(e => e.Mentions.Count) + analysis.Quotes.Count + analysis.Quotes.Sum(q => q.EntityIds.Count);

    // A narrative sentence that mentions a place.
    private static void Sentence(StringBuilder text, Random random, Dictionary<string, Entity> entities)
    {
        text.Append("Officials in ");
        var place = Places[random.Next(Places.Length)];
        Mention(entities, place, EntityType.Loc, text.Length, place);
        text.Append(place).Append(" discussed the ").Append(Term(random)).Append(" and the ").Append(Term(random)).Append(" on Tuesday. ");
    }

    private static Entity Mention(Dictionary<string, Entity> entities, string name, EntityType type, int start, string written)
    {
        if (!entities.TryGetValue(name, out var entity))
        {
            entity = new Entity { Id = "e" + (entities.Count + 1), Name = name, Type = type, Gender = type == EntityType.Person ? GenderOf(name) : Gender.Unknown };
            entities[name] = entity;
        }

        entity.Mentions.Add(new EntityMention { Start = start, End = start + written.Length, Text = written });
        return entity;
    }

    // As an engine would give it: the first names alternate female and male; one in five of them ("Quinn", ...) the
    // text does not decide.
    private static Gender GenderOf(string person)
    {
        var first = Array.IndexOf(FirstNames, person[..person.IndexOf(' ', StringComparison.Ordinal)]);
        return first % 5 == 4 ? Gender.Unknown : first % 2 == 0 ? Gender.Female : Gender.Male;
    }

    // A few people are quoted very often, most rarely: index = pool^u - 1 with u uniform.
    private static string Person(Random random)
    {
        var pool = FirstNames.Length * Surnames.Length;
        var index = (int)Math.Pow(pool, random.NextDouble()) - 1;
        return FirstNames[index % FirstNames.Length] + " " + Surnames[index / FirstNames.Length % Surnames.Length];
    }

    // A vocabulary term: frequent ones often, rare ones rarely (log-uniform rank).
    private static string Term(Random random)
    {
        var rank = (int)Math.Pow(VocabularySize, random.NextDouble()) - 1;
        var word = new StringBuilder();
        for (var i = 0; i < 3 || rank > 0; i++)
        {
            word.Append(Syllables[rank % Syllables.Length]);
            rank /= Syllables.Length;
        }

        return word.ToString();
    }
}
