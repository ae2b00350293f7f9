using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Platform.Nlp;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation;

namespace Platform.Nlp.Benchmarks;

/// <summary>
/// NER alone on CoNLL-2003 test documents (pre-tokenized), and the whole engine on the seed article. Both read
/// their input from ../shared/data (override with PLATFORM_DATA); tokens/s and MB/s are derived from the
/// mean time per operation and the sizes printed at setup.
/// </summary>
[MemoryDiagnoser]
public class NerBenchmarks
{
    private List<TokenizedText> _documents = [];
    private NerModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = NerModel.Default ?? throw new InvalidOperationException("no embedded model");
        var file = Path.Combine(Data.Directory, "ner", "conll2003", "test.bio.txt.gz");
        _documents = [.. ConllCorpus.ReadFile(file).Select(d => TokenizedText.FromWords([.. d.Sentences.Select(s => s.Words)]))];
        Console.WriteLine($"// NER input: {_documents.Sum(d => d.Tokens.Length)} tokens in {_documents.Count} documents");
    }

    [Benchmark(Description = "NER, CoNLL-2003 test (46,435 tokens)")]
    public int TagConllTest()
    {
        var sum = 0;
        foreach (var document in _documents)
        {
            sum += _model.Tag(document).Length;
        }

        return sum;
    }
}

[MemoryDiagnoser]
public class EngineBenchmarks
{
    private NewsAnalyzer _engine = null!;
    private string _article = "";

    [GlobalSetup]
    public void Setup()
    {
        _engine = NewsAnalyzer.CreateDefault();
        _article = File.ReadAllText(Path.Combine(Data.Directory, "seed", "article.txt"));
        Console.WriteLine($"// engine input: {_article.Length} chars");
    }

    [Benchmark(Description = "Whole engine, seed article")]
    public int AnalyzeArticle() => _engine.Analyze(_article).Entities.Count;
}

internal static class Data
{
    // BenchmarkDotNet runs the code from a generated project under bin/, so the data directory is found by
    // walking up to the repository root (the folder holding Platform.sln) rather than from the working directory.
    public static string Directory { get; } = Environment.GetEnvironmentVariable("PLATFORM_DATA") ?? Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.Parent?.FullName ?? ".", "shared", "data");
    }
}
