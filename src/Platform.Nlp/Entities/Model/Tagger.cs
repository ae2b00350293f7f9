using System.Buffers;

namespace Platform.Nlp.Entities.Model;

/// <summary>
/// Runs one or two passes of the linear model over a document: token properties once, then per sentence
/// features, emission scores and Viterbi. Buffers are sized once per document, not per token.
/// </summary>
internal sealed class Tagger
{
    private readonly Lexicon _lexicon;
    private readonly FeatureSet _featureSet;
    private int[] _features = [];
    private float[] _emissions = [];
    private float[] _dp = [];
    private int[] _back = [];

    public Tagger(Lexicon lexicon, FeatureSet featureSet = FeatureSet.Base)
    {
        _lexicon = lexicon;
        _featureSet = featureSet;
    }

    public TokenInfo[] Prepare(TokenizedText document)
    {
        var infos = new TokenInfo[document.Tokens.Length];
        foreach (var (start, end) in document.Sentences)
        {
            FeatureExtractor.Prepare(_lexicon, document.Text, document.Tokens.AsSpan(start, end - start), infos.AsSpan(start, end - start));
        }

        if ((_featureSet & FeatureSet.OtherContextClusters) != 0)
        {
            ContextAggregation.Fill(infos, document.Sentences, _featureSet, _lexicon);
        }
        else if ((_featureSet & FeatureSet.OtherContexts) != 0)
        {
            ContextAggregation.Fill(infos, document.Sentences, _featureSet);
        }

        var longest = 0;
        foreach (var (start, end) in document.Sentences)
        {
            longest = Math.Max(longest, end - start);
        }

        Ensure(longest);
        return infos;
    }

    /// <summary>Labels every token: the first pass, then, when given, the second pass with document context.</summary>
    public int[] Tag(TokenizedText document, IScorer first, IScorer? second)
    {
        var infos = Prepare(document);
        var labels = new int[infos.Length];
        if (second is null)
        {
            TagPass(document, infos, first, secondPass: false, labels);
            return labels;
        }

        // The second pass shares the local features of the first: extract them once per document.
        var stride = FeatureExtractor.MaxFeatures;
        // Pooled: for a long article this buffer is about a megabyte, which would otherwise land on the large
        // object heap on every call.
        var features = ArrayPool<int>.Shared.Rent(Math.Max(1, infos.Length) * stride);
        try
        {
            TagTwoPasses(document, infos, first, second, features, labels);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(features);
        }

        return labels;
    }

    private void TagTwoPasses(TokenizedText document, TokenInfo[] infos, IScorer first, IScorer second, int[] features, int[] labels)
    {
        var stride = FeatureExtractor.MaxFeatures;
        var counts = new int[infos.Length];
        // Per sentence: all feature indices first, with their weight rows prefetched, then the scoring, so that
        // the memory loads of many tokens overlap instead of stalling one by one.
        foreach (var (start, end) in document.Sentences)
        {
            var sentence = infos.AsSpan(start, end - start);
            for (var i = 0; i < sentence.Length; i++)
            {
                var slot = features.AsSpan((start + i) * stride, stride);
                var count = FeatureExtractor.Extract(_lexicon, document.Text, sentence, i, first.Bits, secondPass: false, slot, _featureSet);
                counts[start + i] = count;
                first.Prefetch(slot[..count]);
            }

            for (var i = 0; i < sentence.Length; i++)
            {
                var slot = features.AsSpan((start + i) * stride, counts[start + i]);
                first.Score(slot, _emissions.AsSpan(i * NerLabels.Count, NerLabels.Count));
            }

            Viterbi.Decode(_emissions, first.Transitions, sentence.Length, labels.AsSpan(start, end - start), _dp, _back);
        }

        DocumentContext.Fill(infos, labels);
        foreach (var (start, end) in document.Sentences)
        {
            var sentence = infos.AsSpan(start, end - start);
            for (var i = 0; i < sentence.Length; i++)
            {
                var slot = features.AsSpan((start + i) * stride, stride);
                var count = counts[start + i];
                count += FeatureExtractor.ExtractDocument(sentence, i, second.Bits, slot[count..], _featureSet);
                counts[start + i] = count;
                second.Prefetch(slot[..count]);
            }

            for (var i = 0; i < sentence.Length; i++)
            {
                var slot = features.AsSpan((start + i) * stride, counts[start + i]);
                second.Score(slot, _emissions.AsSpan(i * NerLabels.Count, NerLabels.Count));
            }

            Viterbi.Decode(_emissions, second.Transitions, sentence.Length, labels.AsSpan(start, end - start), _dp, _back);
        }
    }

    public void TagPass(TokenizedText document, TokenInfo[] infos, IScorer scorer, bool secondPass, int[] labels)
    {
        foreach (var (start, end) in document.Sentences)
        {
            TagSentence(document.Text, infos.AsSpan(start, end - start), scorer, secondPass, labels.AsSpan(start, end - start));
        }
    }

    /// <summary>Writes the feature indices of a sentence, <see cref="FeatureExtractor.MaxFeatures"/> slots per token.</summary>
    public int[] SentenceFeatures(
        string text, ReadOnlySpan<TokenInfo> sentence, int bits, bool secondPass, out int[] counts, FeatureGroups omit = FeatureGroups.None)
    {
        var features = new int[sentence.Length * FeatureExtractor.MaxFeatures];
        counts = new int[sentence.Length];
        for (var i = 0; i < sentence.Length; i++)
        {
            counts[i] = FeatureExtractor.Extract(_lexicon, text, sentence, i, bits, secondPass, features.AsSpan(i * FeatureExtractor.MaxFeatures), _featureSet, omit);
        }

        return features;
    }

    private void TagSentence(string text, ReadOnlySpan<TokenInfo> sentence, IScorer scorer, bool secondPass, Span<int> output)
    {
        var n = sentence.Length;
        var labels = NerLabels.Count;
        Ensure(n);
        for (var i = 0; i < n; i++)
        {
            var features = _features.AsSpan(0, FeatureExtractor.MaxFeatures);
            var count = FeatureExtractor.Extract(_lexicon, text, sentence, i, scorer.Bits, secondPass, features, _featureSet);
            scorer.Score(features[..count], _emissions.AsSpan(i * labels, labels));
        }

        Viterbi.Decode(_emissions, scorer.Transitions, n, output, _dp, _back);
    }

    private void Ensure(int tokens)
    {
        var size = Math.Max(1, tokens) * NerLabels.Count;
        if (_emissions.Length < size)
        {
            _emissions = new float[size];
            _dp = new float[size];
            _back = new int[size];
        }

        if (_features.Length < FeatureExtractor.MaxFeatures)
        {
            _features = new int[FeatureExtractor.MaxFeatures];
        }
    }
}
