using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Entities.Rules;

/// <summary>
/// Money amounts: a currency sign before a number ("$ 700 billion", "$11 bn", "US$ 5"), a number followed by a
/// currency word ("100 million rubles", "5 euros"), and vague amounts ("billions of Venezuelan dollars"), with a
/// leading comparison ("more than", "about") when present.
/// </summary>
internal static class MoneyRule
{
    private static readonly WordSet Scales = new(
        "thousand", "million", "billion", "trillion", "bn", "mln", "mn", "m", "k", "tn", "trn", "bln");

    private static readonly WordSet VagueScales = new("thousands", "millions", "billions", "trillions", "hundreds", "tens");

    private static readonly WordSet Currencies = new(
        "dollar", "dollars", "euro", "euros", "ruble", "rubles", "rouble", "roubles", "pound", "pounds", "yen", "yuan",
        "renminbi", "rupee", "rupees", "franc", "francs", "bolivar", "bolivars", "bolívar", "bolívares", "peso", "pesos",
        "cent", "cents", "lira", "hryvnia", "hryvnias", "won", "real", "reais", "krona", "kronor", "krone", "kroner",
        "shekel", "shekels", "dinar", "dinars", "riyal", "riyals", "rand", "marks", "pence", "usd", "eur", "rub", "gbp",
        "jpy", "cny");

    private static readonly WordSet Symbols = new("$", "€", "£", "¥", "₽", "₹", "US$", "C$", "A$", "HK$");

    private static readonly WordSet Comparisons = new(
        "more than", "less than", "over", "about", "around", "nearly", "almost", "up to", "some", "roughly",
        "approximately", "at least", "under", "only");

    public static void Find(Document document, List<EntitySpan> found)
    {
        var w = new TokenWords(document);
        for (var i = 0; i < w.Count; i++)
        {
            var end = -1;
            if (w.In(i, Symbols) || (w.Is(i, "US") && i + 1 < w.Count && w.Text(i + 1) is "$"))
            {
                var n = w.Is(i, "US") ? i + 2 : i + 1;
                if (w.IsNumber(n))
                {
                    end = n;
                    if (w.In(end + 1, Scales))
                    {
                        end++;
                    }
                }
            }
            else if (w.IsNumber(i))
            {
                var k = w.In(i + 1, Scales) ? i + 2 : i + 1;
                k = SkipAdjective(w, k);
                if (w.In(k, Currencies))
                {
                    end = k;
                }
            }
            else if (w.In(i, VagueScales) && w.Is(i + 1, "of"))
            {
                var k = SkipAdjective(w, i + 2);
                if (w.In(k, Currencies))
                {
                    end = k;
                }
            }

            if (end < 0)
            {
                continue;
            }

            var start = ComparisonStart(w, i);
            found.Add(new EntitySpan(new TextSpan(w[start].Start, w[end].End), EntityType.Money));
            i = end;
        }
    }

    // "Venezuelan dollars", "US dollars": one capitalized word may qualify the currency.
    private static int SkipAdjective(TokenWords w, int k)
        => k + 1 < w.Count && w[k].Kind == TokenKind.Word && char.IsUpper(w.Text(k)[0]) && w.In(k + 1, Currencies) ? k + 1 : k;

    private static int ComparisonStart(TokenWords w, int i)
    {
        if (i >= 2 && (w.Is(i - 1, "than") || w.Is(i - 1, "to") || w.Is(i - 1, "least"))
            && (w.Is(i - 2, "more") || w.Is(i - 2, "less") || w.Is(i - 2, "up") || w.Is(i - 2, "at")))
        {
            return i - 2;
        }

        return i >= 1 && w.In(i - 1, Comparisons) && !w.Is(i - 1, "more") ? i - 1 : i;
    }
}
