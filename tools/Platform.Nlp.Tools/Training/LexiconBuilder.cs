using System.IO.Compression;
using Platform.Nlp.Entities.Model;

namespace Platform.Nlp.Tools.Training;

/// <summary>
/// Builds the model's lexicon from the shared data directory: Brown clusters (RCV1 by Turian et al., BLLIP by
/// Koo et al.) and the gazetteers listed in gazetteers/README.md. Their sources and licences are recorded in
/// src/Platform.Nlp/Resources/README.md because the lexicon ships inside the model file.
/// </summary>
internal static class LexiconBuilder
{
    // Short forms news uses for countries that the country list spells out.
    private static readonly string[] CountryAliases =
    [
        "U.S.", "US", "USA", "U.S.A.", "America", "U.K.", "UK", "Britain", "Great Britain", "England", "Scotland",
        "Wales", "Soviet Union", "USSR", "Russian Federation", "South Korea", "North Korea", "Taiwan", "Holland",
    ];

    public static Lexicon Build(string dataDirectory, int minClusterCount, TextWriter log)
    {
        var lexicon = new Lexicon();
        AddClusters(lexicon, 0, Path.Combine(dataDirectory, "word_clusters", "brown-rcv1-turian-c1000.txt.gz"), minClusterCount);
        AddClusters(lexicon, 1, Path.Combine(dataDirectory, "word_clusters", "bllip-koo-c1000.txt.gz"), minClusterCount);
        var gazetteers = Path.Combine(dataDirectory, "gazetteers");

        foreach (var row in Rows(Path.Combine(gazetteers, "first_names_gender.tsv")).Skip(1))
        {
            var lists = row[1] switch
            {
                "F" => WordLists.FemaleFirstName,
                "M" => WordLists.MaleFirstName,
                _ => WordLists.FemaleFirstName | WordLists.MaleFirstName,
            };
            lexicon.AddWord(row[0], lists);
        }

        foreach (var line in Lines(Path.Combine(gazetteers, "person_name_parts_cspell.txt")))
        {
            lexicon.AddWord(line, WordLists.NamePart);
        }

        foreach (var line in Lines(Path.Combine(gazetteers, "company_name_words_cspell.txt")))
        {
            lexicon.AddWord(line, WordLists.CompanyWord);
        }

        foreach (var row in Rows(Path.Combine(gazetteers, "countries.tsv")).Skip(1))
        {
            lexicon.AddPhrase(row[1], PhraseList.Country);
            lexicon.AddPhrase(row[3], PhraseList.City);
        }

        foreach (var alias in CountryAliases)
        {
            lexicon.AddPhrase(alias, PhraseList.Country);
        }

        foreach (var row in Rows(Path.Combine(gazetteers, "currencies.tsv")).Skip(1))
        {
            lexicon.AddPhrase(row[1], PhraseList.Currency);
        }

        foreach (var row in Rows(Path.Combine(gazetteers, "nationalities_en.tsv")).Skip(1))
        {
            foreach (var name in Nationality.Forms(row[1]))
            {
                lexicon.AddPhrase(name, PhraseList.Nationality);
            }
        }

        foreach (var row in Rows(Path.Combine(gazetteers, "geonames_cities.tsv.gz")).Skip(1))
        {
            lexicon.AddPhrase(row[0], PhraseList.City);
        }

        lexicon.Freeze();
        log.WriteLine($"lexicon: {lexicon.WordCount:N0} words, {lexicon.PhraseCount:N0} phrase entries");
        return lexicon;
    }

    private static void AddClusters(Lexicon lexicon, int set, string path, int minCount)
    {
        foreach (var row in Rows(path))
        {
            if (row.Length >= 3 && int.TryParse(row[2], out var count) && count >= minCount)
            {
                lexicon.AddCluster(set, row[1], row[0]);
            }
        }
    }

    private static IEnumerable<string[]> Rows(string path) => Lines(path).Select(l => l.Split('\t'));

    private static IEnumerable<string> Lines(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }
}

/// <summary>Word forms of a nationality adjective that name its people.</summary>
internal static class Nationality
{
    public static IEnumerable<string> Forms(string adjective)
    {
        yield return adjective;
        if (adjective.EndsWith("an", StringComparison.Ordinal) || adjective.EndsWith('i'))
        {
            yield return adjective + "s";
        }
    }
}
