namespace Platform.Nlp.Quotes;

/// <summary>
/// The bookkeeping of an averaged perceptron over named features, shared by the speaker ranker's and the report
/// tagger's trainers: <see cref="Current"/> holds the weights the model scores with while it trains, and
/// <see cref="Averaged"/> gives their average over every step, by the usual trick (totals of step-stamped updates,
/// subtracted at the end) instead of summing the whole table after each step.
/// </summary>
internal sealed class AveragedWeights
{
    private readonly Dictionary<string, double> _stamped = new(StringComparer.Ordinal);

    /// <summary>The weights as they stand, by name.</summary>
    public Dictionary<string, float> Current { get; } = new(StringComparer.Ordinal);

    /// <summary>The same weights by feature key; the model being trained scores with this table.</summary>
    public Dictionary<ulong, float> CurrentByKey { get; } = [];

    /// <summary>Moves every feature by <paramref name="sign"/> at training step <paramref name="step"/>.</summary>
    public void Update(FeatureVector features, int sign, int step)
    {
        var names = features.RequireNames();
        for (var i = 0; i < names.Length; i++)
        {
            var f = names[i];
            Current[f] = Current.GetValueOrDefault(f) + sign;
            CurrentByKey[features.Keys[i]] = CurrentByKey.GetValueOrDefault(features.Keys[i]) + sign;
            _stamped[f] = _stamped.GetValueOrDefault(f) + (double)sign * step;
        }
    }

    /// <summary>
    /// The average weights after <paramref name="steps"/> steps, without those whose magnitude is at most
    /// <paramref name="floor"/>, rounded to <paramref name="digits"/> decimals when given (a smaller model file).
    /// </summary>
    public Dictionary<string, float> Averaged(int steps, double floor, int? digits = null)
    {
        var averaged = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (feature, w) in Current)
        {
            var value = w - _stamped.GetValueOrDefault(feature) / steps;
            if (Math.Abs(value) > floor)
            {
                averaged[feature] = (float)(digits is { } d ? Math.Round(value, d) : value);
            }
        }

        return averaged;
    }
}
