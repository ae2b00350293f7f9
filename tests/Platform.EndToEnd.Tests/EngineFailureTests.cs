using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Platform.Nlp;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Quotes;
using Platform.Nlp.Tokens;
using Platform.Testing;
using Platform.V1;

namespace Platform.EndToEnd.Tests;

public class EngineFailureTests
{
    [Fact]
    public async Task A_failing_engine_stage_is_counted_and_the_article_keeps_what_the_other_stages_found()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var storage = await RunningService.StartStorageAsync(database.ConnectionString);
        await using var extraction = await RunningService.StartExtractionAsync(storage.Address, configure: builder =>
            builder.Services.AddSingleton(new NewsAnalyzer(new StatisticalEntityRecognizer(NerModel.Default!), new ThrowingQuoteExtractor())));
        using var failures = new MetricCollector<long>(
            extraction.Services.GetRequiredService<IMeterFactory>(), "Platform.Extraction", "platform.extraction.engine_failures");
        var client = new ExtractionService.ExtractionServiceClient(extraction.Channel);

        var response = await client.ExtractAsync(new ExtractRequest
        {
            Article = new Article { Id = "failing-stage", Text = "“We are ready,” said Elena Marsh in Valmora." },
            Store = true,
        });

        Assert.Empty(response.Analysis.Quotes);
        Assert.Contains(response.Analysis.Entities, e => e.Name == "Elena Marsh");
        Assert.Equal(StoreStatus.Stored, response.Storage.Status);
        var failure = Assert.Single(failures.GetMeasurementSnapshot());
        Assert.Equal(1, failure.Value);
        Assert.Equal("quotes", failure.Tags["stage"]);
    }

    private sealed class ThrowingQuoteExtractor : IQuoteExtractor
    {
        public IReadOnlyList<Platform.Nlp.Analysis.Quote> Extract(Document document, IReadOnlyList<Platform.Nlp.Analysis.Entity> entities)
            => throw new InvalidOperationException("a rule met an unforeseen shape");
    }
}
