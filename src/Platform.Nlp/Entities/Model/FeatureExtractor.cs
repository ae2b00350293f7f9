using Platform.Nlp.Analysis;

namespace Platform.Nlp.Entities.Model;

/// <summary>
/// Turns tokens into hashed feature indices: words and lowercased words in a ±2 window, bigrams, shapes,
/// affixes, orthographic flags, Brown-cluster prefixes of ±1 words, gazetteer matches, optionally the words around
/// the word's other occurrences in the document and, in the second pass, the labels the first pass gave those
/// occurrences.
/// </summary>
internal static class FeatureExtractor
{
    /// <summary>Upper bound of features per token; buffers are sized with it.</summary>
    public const int MaxFeatures = 104;

    private static readonly ulong StartWord = FeatureHash.Text("<S>");
    private static readonly ulong EndWord = FeatureHash.Text("</S>");

    /// <summary>Fills <paramref name="infos"/> for the tokens of one sentence.</summary>
    public static void Prepare(Lexicon lexicon, string text, ReadOnlySpan<TextSpan> tokens, Span<TokenInfo> infos)
    {
        var alphaTokens = 0;
        var capsTokens = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref var info = ref infos[i];
            var word = text.AsSpan(tokens[i].Start, tokens[i].Length);
            info = default;
            info.Start = tokens[i].Start;
            info.Length = tokens[i].Length;
            info.Word = FeatureHash.Text(word);
            info.Lower = FeatureHash.Lower(word);
            info.Shape = ShapeHash(word);
            info.Flags = Orthography(word) | (i == 0 ? TokenFlags.SentenceStart : TokenFlags.None);
            LookUp(lexicon, word, info.Flags, ref info);
            if ((info.Flags & TokenFlags.NoAlnum) == 0 && (info.Flags & TokenFlags.AllDigits) == 0)
            {
                alphaTokens++;
                if ((info.Flags & TokenFlags.AllCaps) != 0)
                {
                    capsTokens++;
                }
            }
        }

        if (alphaTokens >= 2 && capsTokens == alphaTokens)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                infos[i].Flags |= TokenFlags.Headline;
            }
        }

        MatchPhrases(lexicon, text, tokens, infos);
    }

    /// <summary>Writes the feature indices of token <paramref name="i"/>; returns how many.</summary>
    /// <param name="features">The model's feature set.</param>
    /// <param name="omit">Feature groups left out (training of differently-featured runs); the engine omits none.</param>
    public static int Extract(
        Lexicon lexicon, string text, ReadOnlySpan<TokenInfo> s, int i, int bits, bool secondPass, Span<int> output,
        FeatureSet features = FeatureSet.Base, FeatureGroups omit = FeatureGroups.None)
    {
        var extended = (features & FeatureSet.Extended) != 0;
        var n = 0;
        var shift = 64 - bits;
        ref readonly var t = ref s[i];
        var lowerPrev2 = i >= 2 ? s[i - 2].Lower : StartWord;
        var lowerPrev = i >= 1 ? s[i - 1].Lower : StartWord;
        var lowerNext = i + 1 < s.Length ? s[i + 1].Lower : EndWord;
        var lowerNext2 = i + 2 < s.Length ? s[i + 2].Lower : EndWord;
        var shapePrev = i >= 1 ? s[i - 1].Shape : StartWord;
        var shapeNext = i + 1 < s.Length ? s[i + 1].Shape : EndWord;

        output[n++] = Index(FeatureHash.Mix(1), shift);
        output[n++] = Index(FeatureHash.Combine(2, t.Word), shift);
        output[n++] = Index(FeatureHash.Combine(3, lowerPrev2), shift);
        output[n++] = Index(FeatureHash.Combine(4, lowerPrev), shift);
        output[n++] = Index(FeatureHash.Combine(5, t.Lower), shift);
        output[n++] = Index(FeatureHash.Combine(6, lowerNext), shift);
        output[n++] = Index(FeatureHash.Combine(7, lowerNext2), shift);
        output[n++] = Index(FeatureHash.Combine(8, lowerPrev, t.Lower), shift);
        output[n++] = Index(FeatureHash.Combine(9, t.Lower, lowerNext), shift);
        output[n++] = Index(FeatureHash.Combine(10, lowerPrev, lowerNext), shift);
        output[n++] = Index(FeatureHash.Combine(11, shapePrev), shift);
        output[n++] = Index(FeatureHash.Combine(12, t.Shape), shift);
        output[n++] = Index(FeatureHash.Combine(13, shapeNext), shift);
        output[n++] = Index(FeatureHash.Combine(14, shapePrev, t.Shape), shift);
        output[n++] = Index(FeatureHash.Combine(15, t.Shape, shapeNext), shift);
        output[n++] = Index(FeatureHash.Combine(16, shapePrev, t.Shape, shapeNext), shift);
        output[n++] = Index(FeatureHash.Combine(17, (ulong)t.Flags), shift);
        output[n++] = Index(FeatureHash.Combine(18, (ulong)t.Flags, lowerPrev), shift);
        output[n++] = Index(FeatureHash.Combine(19, t.Shape, lowerNext), shift);
        output[n++] = Index(FeatureHash.Combine(20, lowerPrev, t.Shape), shift);

        // Prefixes and suffixes of 1 to 4 (extended: 5) characters, of words long enough to have them.
        var word = text.AsSpan(t.Start, t.Length);
        var prefix = FeatureHash.Empty;
        var affixes = (omit & FeatureGroups.Affixes) != 0 ? 0 : extended ? 5 : 4;
        for (var k = 0; k < affixes && k < word.Length - 1; k++)
        {
            prefix = FeatureHash.Append(prefix, FeatureHash.LowerChar(word[k]));
            output[n++] = Index(FeatureHash.Combine(21, prefix), shift);
        }

        var suffix = FeatureHash.Empty;
        for (var k = 0; k < affixes && k < word.Length - 1; k++)
        {
            suffix = FeatureHash.Append(suffix, FeatureHash.LowerChar(word[word.Length - 1 - k]));
            output[n++] = Index(FeatureHash.Combine(22, suffix), shift);
        }

        if (extended)
        {
            // Short capitalized tokens are often acronyms (ORG) or initials, long ones rarely entities of their own.
            output[n++] = Index(FeatureHash.Combine(23, (ulong)LengthBucket(word.Length), (ulong)(t.Flags & (TokenFlags.InitCap | TokenFlags.AllCaps))), shift);
        }

        // Brown-cluster prefixes of the previous, current and next word, in both cluster sets.
        var turian = (omit & FeatureGroups.Turian) == 0;
        var koo = (omit & FeatureGroups.Koo) == 0;
        var gazetteers = (omit & FeatureGroups.Gazetteers) == 0;

        // The word's own clusters with its shape: a cluster of surnames in lower case is not a name.
        for (var p = 0; extended && p < Lexicon.ClusterPrefixes.Length; p++)
        {
            if (t.Cluster0 >= 0 && turian)
            {
                output[n++] = Index(FeatureHash.Combine(24, (ulong)p, lexicon.ClusterPrefixHash(0, t.Cluster0, p), t.Shape), shift);
            }

            if (t.Cluster1 >= 0 && koo)
            {
                output[n++] = Index(FeatureHash.Combine(25, (ulong)p, lexicon.ClusterPrefixHash(1, t.Cluster1, p), t.Shape), shift);
            }
        }

        for (var d = -1; d <= 1; d++)
        {
            var j = i + d;
            if (j < 0 || j >= s.Length)
            {
                continue;
            }

            ref readonly var u = ref s[j];
            var templ = 30UL + (ulong)(d + 1);
            for (var p = 0; p < Lexicon.ClusterPrefixes.Length; p++)
            {
                if (u.Cluster0 >= 0 && turian)
                {
                    output[n++] = Index(FeatureHash.Combine(templ, (ulong)p, lexicon.ClusterPrefixHash(0, u.Cluster0, p)), shift);
                }

                if (u.Cluster1 >= 0 && koo)
                {
                    output[n++] = Index(FeatureHash.Combine(templ + 10, (ulong)p, lexicon.ClusterPrefixHash(1, u.Cluster1, p)), shift);
                }
            }

            if (u.Cluster0 < 0 && u.Cluster1 < 0 && d == 0)
            {
                output[n++] = Index(FeatureHash.Combine(45, (ulong)(t.Flags & (TokenFlags.InitCap | TokenFlags.AllCaps))), shift);
            }

            if (u.Lists != WordLists.None && gazetteers)
            {
                output[n++] = Index(FeatureHash.Combine(50UL + (ulong)(d + 1), (ulong)u.Lists, (ulong)(u.Flags & TokenFlags.InitCap)), shift);
            }

            if (u.Phrases != 0 && gazetteers)
            {
                for (var list = 0; list < 4; list++)
                {
                    var part = (u.Phrases >> (3 * list)) & 7;
                    if (part != 0)
                    {
                        output[n++] = Index(FeatureHash.Combine(60UL + (ulong)(d + 1), (ulong)list, d == 0 ? part : 0), shift);
                    }
                }
            }
        }

        if ((features & (FeatureSet.OtherContexts | FeatureSet.OtherContextClusters)) != 0)
        {
            for (var k = 0; k < t.OtherContextCount; k++)
            {
                output[n++] = Index(t.OtherContexts[k], shift);
            }
        }

        if (secondPass)
        {
            n += ExtractDocument(s, i, bits, output[n..], features);
        }

        return n;
    }

    /// <summary>Writes the second-pass (document context) features of token <paramref name="i"/>; returns how many.</summary>
    public static int ExtractDocument(ReadOnlySpan<TokenInfo> s, int i, int bits, Span<int> output, FeatureSet features = FeatureSet.Base)
    {
        var n = 0;
        var shift = 64 - bits;
        ref readonly var t = ref s[i];
        output[n++] = Index(FeatureHash.Combine(70, (ulong)t.FirstPassLabel), shift);
        var prevLabel = i >= 1 ? s[i - 1].FirstPassLabel : -1;
        var nextLabel = i + 1 < s.Length ? s[i + 1].FirstPassLabel : -1;
        output[n++] = Index(FeatureHash.Combine(71, (ulong)(prevLabel + 1), (ulong)t.FirstPassLabel), shift);
        output[n++] = Index(FeatureHash.Combine(72, (ulong)t.FirstPassLabel, (ulong)(nextLabel + 1)), shift);
        if (t.DocumentMajority >= 0)
        {
            output[n++] = Index(FeatureHash.Combine(73, (ulong)t.DocumentMajority), shift);
            output[n++] = Index(FeatureHash.Combine(74, (ulong)t.DocumentSeen), shift);
            output[n++] = Index(FeatureHash.Combine(75, (ulong)t.DocumentMajority, (ulong)(t.Flags & TokenFlags.Headline)), shift);
        }

        if ((features & FeatureSet.LabelHistory) != 0 && t.IsCapitalized && t.Length > 1)
        {
            // Only for the words the document context counts: other tokens have no occurrences tallied.
            if (t.DocumentParts != 0)
            {
                output[n++] = Index(FeatureHash.Combine(78, (ulong)t.DocumentParts), shift);
            }

            output[n++] = Index(FeatureHash.Combine(79, (ulong)(t.EarlierClass + 1), (ulong)(t.Flags & TokenFlags.SentenceStart)), shift);
        }

        return n;
    }

    private static int Index(ulong hash, int shift) => (int)(hash >> shift);

    private static int LengthBucket(int length) => length switch
    {
        <= 4 => length,
        <= 6 => 5,
        <= 9 => 6,
        _ => 7,
    };

    private static TokenFlags Orthography(ReadOnlySpan<char> word)
    {
        int upper = 0, lower = 0, digit = 0;
        var flags = TokenFlags.None;
        var lowerSeen = false;
        foreach (var c in word)
        {
            if (char.IsUpper(c))
            {
                upper++;
                if (lowerSeen)
                {
                    flags |= TokenFlags.MixedCaps;
                }
            }
            else if (char.IsLower(c))
            {
                lower++;
                lowerSeen = true;
            }
            else if (char.IsDigit(c))
            {
                digit++;
            }
            else if (c is '-' or '\u2013' or '\u2014')
            {
                flags |= TokenFlags.HasHyphen;
            }
            else if (c == '.')
            {
                flags |= TokenFlags.HasPeriod;
            }
        }

        if (upper > 0 && char.IsUpper(word[0]) && lower > 0)
        {
            flags |= TokenFlags.InitCap;
        }

        if (upper > 0 && lower == 0)
        {
            flags |= TokenFlags.AllCaps;
        }

        if (lower > 0 && upper == 0)
        {
            flags |= TokenFlags.AllLower;
        }

        if (digit > 0)
        {
            flags |= digit == word.Length ? TokenFlags.AllDigits | TokenFlags.HasDigit : TokenFlags.HasDigit;
        }

        if (upper + lower + digit == 0)
        {
            flags |= TokenFlags.NoAlnum;
        }

        if (word.Length == 1)
        {
            flags |= TokenFlags.SingleChar;
        }

        return flags;
    }

    // "Zakharova" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d": character classes with runs collapsed.
    private static ulong ShapeHash(ReadOnlySpan<char> word)
    {
        var h = FeatureHash.Empty;
        var last = '\0';
        foreach (var ch in word)
        {
            var c = FeatureHash.Normalize(ch);
            var cls = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (cls != last)
            {
                h = FeatureHash.Append(h, cls);
                last = cls;
            }
        }

        return h;
    }

    private static void LookUp(Lexicon lexicon, ReadOnlySpan<char> word, TokenFlags flags, ref TokenInfo info)
    {
        info.Cluster0 = -1;
        info.Cluster1 = -1;
        var found = lexicon.TryGetWord(word, out var entry);
        if (!found && word.Length <= 64 && (flags & TokenFlags.NoAlnum) == 0)
        {
            // Headlines are in capitals ("GERMANY") and sentence starts capitalized: try the usual casing.
            Span<char> buffer = stackalloc char[word.Length];
            var keepFirst = (flags & TokenFlags.AllCaps) != 0;
            for (var k = 0; k < word.Length; k++)
            {
                buffer[k] = k == 0 && keepFirst ? word[0] : char.ToLowerInvariant(word[k]);
            }

            found = lexicon.TryGetWord(buffer, out entry);
        }

        if (found)
        {
            info.Cluster0 = entry.Cluster0;
            info.Cluster1 = entry.Cluster1;
            info.Lists = entry.Lists;
        }
    }

    // Longest match per gazetteer, greedy left to right; a match must start with a capitalized token.
    private static void MatchPhrases(Lexicon lexicon, string text, ReadOnlySpan<TextSpan> tokens, Span<TokenInfo> infos)
    {
        Span<int> coveredUntil = stackalloc int[4];
        Span<int> longest = stackalloc int[4];
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!infos[i].IsCapitalized)
            {
                continue;
            }

            longest.Clear();
            var h = Lexicon.PhraseStart;
            for (var k = 0; k < Lexicon.MaxPhraseTokens && i + k < tokens.Length; k++)
            {
                var bits = lexicon.ExtendPhrase(ref h, text.AsSpan(tokens[i + k].Start, tokens[i + k].Length));
                if (bits == 0)
                {
                    break;
                }

                for (var list = 0; list < 4; list++)
                {
                    if ((bits & (1u << list)) != 0)
                    {
                        longest[list] = k + 1;
                    }
                }

                if (!Lexicon.IsPrefix(bits))
                {
                    break;
                }
            }

            for (var list = 0; list < 4; list++)
            {
                var length = longest[list];
                if (length == 0 || i < coveredUntil[list])
                {
                    continue;
                }

                coveredUntil[list] = i + length;
                for (var k = 0; k < length; k++)
                {
                    var part = length == 1 ? NerLabels.Unit : k == 0 ? NerLabels.Begin : k == length - 1 ? NerLabels.Last : NerLabels.Inside;
                    infos[i + k].Phrases |= (uint)(part + 1) << (3 * list);
                }
            }
        }
    }
}
