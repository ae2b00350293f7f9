using Platform.Nlp.Analysis;
using Platform.Nlp.Quotes;

namespace Platform.Nlp.Tests.Quotes;

public class FeatureWriterTests
{
    [Fact]
    public void A_feature_written_in_pieces_has_the_key_and_name_of_its_whole_text()
    {
        var writer = new FeatureWriter(keepNames: true);
        var side = "L";
        var adjacent = true;
        var gap = 3;
        writer.Add($"adj={side}{adjacent}|sent={gap}|{QuoteKind.Mixed}");
        writer.Add("bias");
        var vector = writer.Take();

        // The text is what string concatenation gives, so model files written from names keep their meaning.
        var expected = "adj=" + side + adjacent + "|sent=" + gap + "|" + QuoteKind.Mixed;
        Assert.Equal([expected, "bias"], vector.RequireNames());
        Assert.Equal([FeatureKey.Of(expected), FeatureKey.Of("bias")], vector.Keys);
    }

    [Fact]
    public void Without_names_only_the_keys_are_kept_and_the_writer_starts_empty_after_each_take()
    {
        var writer = new FeatureWriter(keepNames: false);
        writer.Add($"cue={"said"}");
        var first = writer.Take();
        writer.Add($"cue={"told"}");
        var second = writer.Take();

        Assert.Null(first.Names);
        Assert.Equal([FeatureKey.Of("cue=said")], first.Keys);
        Assert.Equal([FeatureKey.Of("cue=told")], second.Keys);
        Assert.Throws<InvalidOperationException>(() => first.RequireNames());
    }

    [Fact]
    public void A_model_scores_keys_by_the_names_it_was_saved_with()
    {
        var tagger = new Platform.Nlp.Quotes.Reporting.ReportTagger(
            new Dictionary<string, float>(StringComparer.Ordinal) { ["cue=said"] = 2f, ["bias"] = -0.5f },
            new HashSet<string>(StringComparer.Ordinal));
        var writer = new FeatureWriter(keepNames: false);
        writer.Add("bias");
        writer.Add($"cue={"said"}");
        writer.Add($"cue={"unknown"}");
        Assert.Equal(1.5f, tagger.Score(writer.Take()));
    }

    [Fact]
    public void A_name_longer_than_the_writers_buffer_is_kept_whole()
    {
        var writer = new FeatureWriter(keepNames: true);
        var word = new string('x', 1000);
        writer.Add($"prevw={word}|L");
        var vector = writer.Take();
        Assert.Equal(["prevw=" + word + "|L"], vector.RequireNames());
        Assert.Equal([FeatureKey.Of("prevw=" + word + "|L")], vector.Keys);
    }
}
