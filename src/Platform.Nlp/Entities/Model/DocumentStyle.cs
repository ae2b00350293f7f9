namespace Platform.Nlp.Entities.Model;

/// <summary>
/// How a document is written, as indicator features for the <see cref="DomainRouter"/>: the rates of first and
/// second person, contractions, capitals, digits, quotation marks, web addresses, exclamations and questions,
/// sentences that start in lower case or end without a full stop, the lengths of sentences and words, the
/// reporting verbs and titles that newswire is full of, praise and blame words, greetings and chat words, doubled
/// "!!"/"??" and smileys, and whether the text opens with a question. Each rate is binned on a log scale, so one feature is one
/// (measure, bin) pair and a linear model can learn a non-linear response to every measure. The measures look at
/// tokens only, never at the words' identities beyond a few closed classes, so that they carry to topics the
/// router never saw.
/// </summary>
public static class DocumentStyle
{
    /// <summary>Bins per measure.</summary>
    public const int Bins = 8;

    private enum Measure
    {
        FirstPerson,
        SecondPerson,
        Contractions,
        Capitalized,
        AllCaps,
        Digits,
        QuoteMarks,
        Addresses,
        Exclamations,
        Questions,
        LowerStarts,
        Unterminated,
        SentenceLength,
        Sentences,
        Reporting,
        Titles,
        WordLength,
        Evaluative,
        Chat,
        Emphasis,
        QuestionOpening,
    }

    private static readonly int MeasureCount = Enum.GetValues<Measure>().Length;

    /// <summary>Features per document: every (measure, bin) pair and the bias, which is always on.</summary>
    public static int FeatureCount => (MeasureCount * Bins) + 1;

    /// <summary>The index of the feature that every document has.</summary>
    public static int Bias => MeasureCount * Bins;

    private enum WordClass
    {
        FirstPerson,
        SecondPerson,
        Reporting,
        Title,
        Evaluative,
        Chat,
    }

    private static readonly HashSet<string> TitleWords = new(StringComparer.Ordinal) { "Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Gov." };

    // One lookup per short token finds its class; titles are matched case-sensitively ("Mr." but not "MR").
    private static readonly Dictionary<string, WordClass> ClassWords = BuildClassWords();
    private static readonly Dictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> ClassOf = ClassWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = TitleWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly string[] ContractionEnds = ["n't", "n\u2019t", "'m", "\u2019m", "'re", "\u2019re", "'ve", "\u2019ve", "'ll", "\u2019ll", "'d", "\u2019d"];

    /// <summary>The indices of the document's active features, the bias included, in increasing order.</summary>
    public static int[] Features(TokenizedText document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text.AsSpan();
        int words = 0, first = 0, second = 0, contractions = 0, capitalized = 0, allCaps = 0, digits = 0, quotes = 0;
        int addresses = 0, exclamations = 0, questions = 0, reporting = 0, titles = 0, letters = 0;
        int evaluative = 0, chat = 0, emphasis = 0;
        var previous = '\0';
        var previousEnd = -1;
        foreach (var token in document.Tokens)
        {
            var word = text.Slice(token.Start, token.Length);
            if (word.IsEmpty)
            {
                continue;
            }

            if (word.Length == 1 && !char.IsLetterOrDigit(word[0]))
            {
                var mark = word[0];
                exclamations += mark == '!' ? 1 : 0;
                questions += mark == '?' ? 1 : 0;
                quotes += mark is '"' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '`' ? 1 : 0;
                // "!!", "??", "?!" and smileys (":)", ";(") written without a space: how people type, not how
                // newspapers print.
                var touching = token.Start == previousEnd;
                emphasis += touching && ((mark is '!' or '?' && previous is '!' or '?') || (mark is ')' or '(' && previous is ':' or ';')) ? 1 : 0;
                previous = mark;
                previousEnd = token.Start + token.Length;
                continue;
            }

            previous = '\0';
            previousEnd = token.Start + token.Length;

            words++;
            letters += word.Length;
            // Span lookups of short words only: the router runs on every document and should cost little per token.
            if (word.Length <= 9)
            {
                if (ClassOf.TryGetValue(word, out var wordClass))
                {
                    first += wordClass == WordClass.FirstPerson ? 1 : 0;
                    second += wordClass == WordClass.SecondPerson ? 1 : 0;
                    reporting += wordClass == WordClass.Reporting ? 1 : 0;
                    titles += wordClass == WordClass.Title && Titles.Contains(word) ? 1 : 0;
                    // Lower case only: "Great Britain", "Best Buy" are names.
                    evaluative += wordClass == WordClass.Evaluative && char.IsLower(word[0]) ? 1 : 0;
                    chat += wordClass == WordClass.Chat ? 1 : 0;
                }
            }

            contractions += word.ContainsAny('\'', '\u2019') && IsContraction(word) ? 1 : 0;
            capitalized += char.IsUpper(word[0]) ? 1 : 0;
            allCaps += word.Length > 1 && IsAllCaps(word) ? 1 : 0;
            digits += word.ContainsAnyInRange('0', '9') ? 1 : 0;
            addresses += word.Contains('@') || word.StartsWith("http", StringComparison.OrdinalIgnoreCase) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        int lowerStarts = 0, unterminated = 0;
        var questionOpening = 0;
        if (document.Sentences.Length > 0)
        {
            var (_, firstEnd) = document.Sentences[0];
            var last = text.Slice(document.Tokens[firstEnd - 1].Start, document.Tokens[firstEnd - 1].Length);
            questionOpening = last.EndsWith('?') ? 1 : 0;
        }

        foreach (var (start, end) in document.Sentences)
        {
            var opening = text.Slice(document.Tokens[start].Start, document.Tokens[start].Length);
            lowerStarts += opening.Length > 0 && char.IsLower(opening[0]) ? 1 : 0;
            var closing = text.Slice(document.Tokens[end - 1].Start, document.Tokens[end - 1].Length);
            unterminated += closing.Length > 0 && closing[^1] is '.' or '!' or '?' or '"' or '\u201D' or '\'' or '\u2019' or ':' ? 0 : 1;
        }

        var sentences = Math.Max(1, document.Sentences.Length);
        var perWord = 1.0 / Math.Max(1, words);
        var perSentence = 1.0 / sentences;
        var active = new int[MeasureCount + 1];
        // Rates per word are scaled so that one in a hundred words and one in two land in different bins.
        Set(active, Measure.FirstPerson, first * perWord * 256);
        Set(active, Measure.SecondPerson, second * perWord * 256);
        Set(active, Measure.Contractions, contractions * perWord * 256);
        Set(active, Measure.Capitalized, capitalized * perWord * 64);
        Set(active, Measure.AllCaps, allCaps * perWord * 128);
        Set(active, Measure.Digits, digits * perWord * 128);
        Set(active, Measure.QuoteMarks, quotes * perWord * 128);
        Set(active, Measure.Addresses, addresses * perWord * 512);
        Set(active, Measure.Exclamations, exclamations * perSentence * 16);
        Set(active, Measure.Questions, questions * perSentence * 16);
        Set(active, Measure.LowerStarts, lowerStarts * perSentence * 32);
        Set(active, Measure.Unterminated, unterminated * perSentence * 32);
        Set(active, Measure.SentenceLength, (double)document.Tokens.Length / sentences / 2);
        Set(active, Measure.Sentences, document.Sentences.Length / 2.0);
        Set(active, Measure.Reporting, reporting * perWord * 512);
        Set(active, Measure.Titles, titles * perWord * 512);
        Set(active, Measure.WordLength, Math.Max(0, (letters * perWord) - 2) * 8);
        Set(active, Measure.Evaluative, evaluative * perWord * 512);
        Set(active, Measure.Chat, chat * perWord * 512);
        Set(active, Measure.Emphasis, emphasis * perSentence * 16);
        Set(active, Measure.QuestionOpening, questionOpening);
        active[MeasureCount] = Bias;
        return active;
    }

    /// <summary>A readable name of a feature index, for reports of the router's weights.</summary>
    public static string Name(int feature)
        => feature == Bias ? "bias" : $"{(Measure)(feature / Bins)}:{feature % Bins}";

    // log2(1 + value), floored and capped: 0 stays 0, each doubling of the value is the next bin.
    private static void Set(int[] active, Measure measure, double value)
    {
        var bin = (int)Math.Min(Bins - 1, Math.Floor(Math.Log2(1 + Math.Max(0, value))));
        active[(int)measure] = ((int)measure * Bins) + bin;
    }

    private static Dictionary<string, WordClass> BuildClassWords()
    {
        var words = new Dictionary<string, WordClass>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in (string[])["i", "me", "my", "mine", "we", "us", "our", "ours", "im", "i'm", "i\u2019m"])
        {
            words[w] = WordClass.FirstPerson;
        }

        foreach (var w in (string[])["you", "your", "yours", "u", "ur", "y'all"])
        {
            words[w] = WordClass.SecondPerson;
        }

        foreach (var w in (string[])["said", "says", "told", "added", "according"])
        {
            words[w] = WordClass.Reporting;
        }

        foreach (var w in TitleWords)
        {
            words[w] = WordClass.Title;
        }

        // Praise and blame, as reviews and recommendations are written.
        foreach (var w in (string[])["great", "best", "awesome", "amazing", "excellent", "fantastic", "wonderful", "terrible", "horrible", "worst",
            "friendly", "helpful", "recommend", "recommended", "highly", "love", "loved", "delicious", "rude", "nice"])
        {
            words[w] = WordClass.Evaluative;
        }

        // Greetings, thanks and chat abbreviations of e-mail and forum posts.
        foreach (var w in (string[])["hi", "hello", "hey", "thanks", "thank", "thx", "please", "pls", "plz", "regards", "cheers", "dear",
            "lol", "lmao", "omg", "btw", "imo", "imho", "yeah", "yep", "ok", "okay", "anyone", "anybody"])
        {
            words[w] = WordClass.Chat;
        }

        return words;
    }

    private static bool IsContraction(ReadOnlySpan<char> word)
    {
        foreach (var end in ContractionEnds)
        {
            if (word.EndsWith(end, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        var upper = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            upper += char.IsUpper(c) ? 1 : 0;
        }

        return upper > 1;
    }
}
