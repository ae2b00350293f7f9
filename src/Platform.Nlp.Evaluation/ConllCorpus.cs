using System.IO.Compression;

namespace Platform.Nlp.Evaluation;

/// <summary>One sentence of a CoNLL file: its words and gold NER tags.</summary>
public sealed record ConllSentence(IReadOnlyList<string> Words, IReadOnlyList<string> Tags);

/// <summary>One document of a CoNLL file (between -DOCSTART- lines, or one source document of UNER).</summary>
public sealed record ConllDocument(IReadOnlyList<ConllSentence> Sentences);

/// <summary>
/// Reads NER corpora in the CoNLL-2003 layout (<c>word POS chunk NER</c>, space-separated, -DOCSTART- lines) and
/// the Universal NER layout (<c>index word tag ...</c>, tab-separated, <c># sent_id</c> comments). Files ending in
/// .gz are decompressed. Tags are returned as written (BIO or IOB1).
/// </summary>
public static class ConllCorpus
{
    public static IReadOnlyList<ConllDocument> ReadFile(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        using var reader = new StreamReader(stream);
        return Read(reader);
    }

    public static IReadOnlyList<ConllDocument> Read(TextReader reader)
    {
        var documents = new List<ConllDocument>();
        var sentences = new List<ConllSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        string? unerDocument = null;

        void EndSentence()
        {
            if (words.Count > 0)
            {
                sentences.Add(new ConllSentence([.. words], [.. tags]));
                words.Clear();
                tags.Clear();
            }
        }

        void EndDocument()
        {
            EndSentence();
            if (sentences.Count > 0)
            {
                documents.Add(new ConllDocument([.. sentences]));
                sentences.Clear();
            }
        }

        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                // UNER: "# sent_id = <document>-<n>"; sentences of one source document form one document.
                const string key = "# sent_id = ";
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    var id = line[key.Length..];
                    var dash = id.LastIndexOf('-');
                    var doc = dash > 0 ? id[..dash] : id;
                    if (doc != unerDocument)
                    {
                        EndDocument();
                        unerDocument = doc;
                    }
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                EndSentence();
                continue;
            }

            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                EndDocument();
                continue;
            }

            var tab = line.Contains('\t', StringComparison.Ordinal);
            var columns = line.Split(tab ? '\t' : ' ');
            if (tab && columns.Length >= 3 && int.TryParse(columns[0], out _))
            {
                words.Add(columns[1]);
                tags.Add(columns[2]);
            }
            else
            {
                words.Add(columns[0]);
                tags.Add(columns[^1]);
            }
        }

        EndDocument();
        return documents;
    }
}
