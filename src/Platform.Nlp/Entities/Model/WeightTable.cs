using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Platform.Nlp.Entities.Model;

/// <summary>
/// Quantized weights of one pass: for each hashed feature bucket a row of 16-bit weights, one per label, so that
/// scoring a token touches one short contiguous row per feature; transition scores in the same scale.
/// </summary>
internal sealed class WeightTable : IScorer
{
    public WeightTable(int bits, short[] weights, float[] transitions)
    {
        Bits = bits;
        Weights = weights;
        Transitions = transitions;
    }

    public int Bits { get; }

    public short[] Weights { get; }

    public float[] Transitions { get; }

    ReadOnlySpan<float> IScorer.Transitions => Transitions;

    /// <summary>Quantizes float weights to 16 bits with one scale for the whole table.</summary>
    public static WeightTable Quantize(int bits, ReadOnlySpan<float> weights, ReadOnlySpan<float> transitions)
    {
        var max = 1e-6f;
        foreach (var w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = 32000f / max;
        var quantized = new short[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            quantized[i] = (short)MathF.Round(weights[i] * scale);
        }

        var scaled = new float[transitions.Length];
        for (var i = 0; i < transitions.Length; i++)
        {
            scaled[i] = transitions[i] * scale;
        }

        return new WeightTable(bits, quantized, scaled);
    }

    /// <summary>
    /// The same table without the weights smaller in magnitude than <paramref name="minMagnitude"/>: most of a
    /// table's size is small weights of rare features, which move few decisions.
    /// </summary>
    public WeightTable Pruned(short minMagnitude)
    {
        var weights = (short[])Weights.Clone();
        for (var i = 0; i < weights.Length; i++)
        {
            if (Math.Abs((int)weights[i]) < minMagnitude)
            {
                weights[i] = 0;
            }
        }

        return new WeightTable(Bits, weights, (float[])Transitions.Clone());
    }

    /// <summary>Adds the rows of the given features into <paramref name="scores"/> (one per label).</summary>
    public void Score(ReadOnlySpan<int> features, Span<float> scores)
    {
        var labels = NerLabels.Count;
        ref var start = ref MemoryMarshal.GetArrayDataReference(Weights);
        if (Vector256.IsHardwareAccelerated && labels == 17)
        {
            // 16 labels in one vector, widened to 32-bit sums so that no sum overflows; the 17th separately.
            var low = Vector256<int>.Zero;
            var high = Vector256<int>.Zero;
            var last = 0;
            foreach (var f in features)
            {
                ref var row = ref Unsafe.Add(ref start, f * 17);
                var (l, h) = Vector256.Widen(Vector256.LoadUnsafe(ref row));
                low += l;
                high += h;
                last += Unsafe.Add(ref row, 16);
            }

            for (var y = 0; y < 8; y++)
            {
                scores[y] = low[y];
                scores[y + 8] = high[y];
            }

            scores[16] = last;
            return;
        }

        Span<int> sums = stackalloc int[labels];
        sums.Clear();
        foreach (var f in features)
        {
            var row = Weights.AsSpan(f * labels, labels);
            for (var y = 0; y < row.Length; y++)
            {
                sums[y] += row[y];
            }
        }

        for (var y = 0; y < labels; y++)
        {
            scores[y] = sums[y];
        }
    }

    public unsafe void Prefetch(ReadOnlySpan<int> features)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        fixed (short* weights = Weights)
        {
            foreach (var f in features)
            {
                // A row is 34 bytes and may straddle two cache lines.
                var row = weights + (f * 17);
                Sse.Prefetch0(row);
                Sse.Prefetch0(row + 16);
            }
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Bits);
        writer.Write(Transitions.Length);
        foreach (var t in Transitions)
        {
            writer.Write(t);
        }

        var nonZero = 0;
        foreach (var w in Weights)
        {
            nonZero += w != 0 ? 1 : 0;
        }

        // Sparse: gaps between non-zero entries as 7-bit varints, then the value. Most rows are all zero.
        writer.Write(nonZero);
        var last = -1;
        for (var i = 0; i < Weights.Length; i++)
        {
            if (Weights[i] != 0)
            {
                writer.Write7BitEncodedInt(i - last);
                writer.Write(Weights[i]);
                last = i;
            }
        }
    }

    public static WeightTable Read(BinaryReader reader)
    {
        var bits = reader.ReadInt32();
        var transitions = new float[reader.ReadInt32()];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = reader.ReadSingle();
        }

        var weights = new short[(1 << bits) * NerLabels.Count];
        var nonZero = reader.ReadInt32();
        var index = -1;
        for (var k = 0; k < nonZero; k++)
        {
            index += reader.Read7BitEncodedInt();
            weights[index] = reader.ReadInt16();
        }

        return new WeightTable(bits, weights, transitions);
    }
}
