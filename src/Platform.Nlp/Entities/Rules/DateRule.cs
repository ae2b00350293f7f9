using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Entities.Rules;

/// <summary>
/// Dates: absolute ("February 28", "28 February 2019", "December 2018", "mid-2013", "mid-March", "2019"),
/// weekdays, and relative or duration expressions ("a month ago", "the past few months", "the day before",
/// "the eve", "last year").
/// </summary>
internal static class DateRule
{
    private static readonly WordSet Months = new(
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");

    private static readonly WordSet Weekdays = new(
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    private static readonly WordSet Units = new(
        "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century",
        "centuries", "weekend", "quarter");

    private static readonly WordSet Counts = new(
        "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "several", "many", "few", "some", "couple");

    private static readonly WordSet Relatives = new("past", "last", "next", "coming", "previous", "following", "recent");

    private static readonly WordSet Deictic = new("last", "next", "this", "past", "previous");

    private static readonly WordSet After = new("ago", "earlier", "later", "before", "after");

    private static readonly WordSet Modifiers = new("early", "late", "mid", "the end of", "the beginning of");

    private static readonly WordSet Seasons = new("spring", "summer", "autumn", "fall", "winter");

    public static void Find(Document document, List<EntitySpan> found)
    {
        var w = new TokenWords(document);
        for (var i = 0; i < w.Count; i++)
        {
            var end = Absolute(w, i) ?? Relative(w, i);
            if (end is not { } last)
            {
                continue;
            }

            var start = i;
            if (start >= 1 && (w.Is(start - 1, "early") || w.Is(start - 1, "late") || w.Is(start - 1, "mid")) && w.Joined(start - 1))
            {
                start--;
            }

            found.Add(new EntitySpan(new TextSpan(w[start].Start, w[last].End), EntityType.Date));
            i = last;
        }
    }

    private static int? Absolute(TokenWords w, int i)
    {
        var text = w.Text(i);
        // "mid-2013", "mid-March": the tokenizer keeps the prefix with the word.
        var dash = text.IndexOf('-');
        if (dash > 0 && Modifiers.Contains(text[..dash]))
        {
            var rest = text[(dash + 1)..];
            if (Months.Contains(rest) || IsYear(rest))
            {
                return i;
            }
        }

        if (w.In(i, Months) && char.IsUpper(text[0]))
        {
            // "May" alone is too ambiguous (the verb); other months stand alone.
            var end = i;
            if (IsDay(w, i + 1))
            {
                end = i + 1;
                if (w.Is(end + 1, ",") && IsYearToken(w, end + 2))
                {
                    end += 2;
                }
                else if (IsYearToken(w, end + 1))
                {
                    end++;
                }
            }
            else if (IsYearToken(w, i + 1))
            {
                end = i + 1;
            }
            else if (w.Is(i, "May") || w.Is(i, "March") && !w.Is(i - 1, "in") || text.Length <= 3)
            {
                return null;
            }

            return end;
        }

        if (IsDay(w, i) && w.In(i + 1, Months))
        {
            return IsYearToken(w, i + 2) ? i + 2 : i + 1;
        }

        if (w.In(i, Weekdays) && char.IsUpper(text[0]))
        {
            return i;
        }

        if (IsYearToken(w, i) && !w.In(i + 1, Units) && !(i + 1 < w.Count && w[i + 1].Kind == TokenKind.Word
                && char.IsLower(w.Text(i + 1)[0]) && w.Text(i + 1).EndsWith('s')))
        {
            return i;
        }

        return null;
    }

    private static int? Relative(TokenWords w, int i)
    {
        // "the day before", "the eve", "the past few months", "the previous week"
        if (w.Is(i, "the"))
        {
            if ((w.Is(i + 1, "day") || w.Is(i + 1, "week") || w.Is(i + 1, "year")) && (w.Is(i + 2, "before") || w.Is(i + 2, "after")))
            {
                return i + 2;
            }

            if (w.Is(i + 1, "eve") && !w.Is(i + 2, "of"))
            {
                return i + 1;
            }

            if (w.In(i + 1, Relatives))
            {
                var k = i + 2;
                if (w.Is(k, "few") || w.Is(k, "several") || w.IsNumber(k) || w.In(k, Counts) && !w.Is(k, "a"))
                {
                    k++;
                }

                return w.In(k, Units) ? k : null;
            }

            return null;
        }

        // "last year", "next week", "this month", "last spring"
        if (w.In(i, Deictic) && (w.In(i + 1, Units) || w.In(i + 1, Seasons)) && !w.Text(i + 1).EndsWith('s'))
        {
            return i + 1;
        }

        // "a month ago", "two years later", "a few weeks", "10 days"
        if (w.In(i, Counts) || w.IsNumber(i) && !IsYearToken(w, i))
        {
            var k = i + 1;
            if (w.Is(i, "a") && (w.Is(k, "few") || w.Is(k, "couple")))
            {
                k += w.Is(k, "couple") && w.Is(k + 1, "of") ? 2 : 1;
            }

            if (!w.In(k, Units) || w.Is(i, "some") || w.Is(i, "many") || w.Is(i, "few") && !w.Is(i - 1, "a"))
            {
                return null;
            }

            return w.In(k + 1, After) && !(w.Is(k + 1, "before") || w.Is(k + 1, "after")) || w.Is(k + 1, "earlier") ? k + 1 : k;
        }

        if (w.Is(i, "today") || w.Is(i, "yesterday") || w.Is(i, "tomorrow"))
        {
            return i;
        }

        return null;
    }

    private static bool IsDay(TokenWords w, int i)
    {
        if (!w.IsNumber(i))
        {
            var t = i >= 0 && i < w.Count ? w.Text(i) : default;
            // "28th", "1st"
            return t.Length is >= 3 and <= 4 && char.IsDigit(t[0]) && (t.EndsWith("th") || t.EndsWith("st") || t.EndsWith("nd") || t.EndsWith("rd"))
                   && int.TryParse(t[..^2], out var d) && d is >= 1 and <= 31;
        }

        return w.Text(i).Length <= 2 && int.TryParse(w.Text(i), out var day) && day is >= 1 and <= 31;
    }

    private static bool IsYearToken(TokenWords w, int i) => w.IsNumber(i) && IsYear(w.Text(i));

    private static bool IsYear(ReadOnlySpan<char> text)
        => text.Length == 4 && int.TryParse(text, out var year) && year is >= 1800 and <= 2100;
}
