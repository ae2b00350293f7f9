namespace Platform.Storage.Tests;

/// <summary>
/// Constructed quote pairs for measuring grouping: the same quote as copies change it (positives), and different quotes
/// that look alike (negatives: one speaker on one subject, or a stock phrase inside different statements).
/// </summary>
internal static class GroupingPairs
{
    // Statements of invented speakers, two or three on one subject each, so that negatives share vocabulary.
    private static readonly string[] Statements =
    [
        "The cranes are back in service and the channel has been surveyed twice, so we expect the first ships on Monday.",
        "The eastern terminal will take another month, because the storm damaged the foundations of the quay.",
        "We expect container traffic at the eastern terminal to return to normal levels by the end of the month.",
        "We have heard promises like this before, and every winter the breakwater loses another section.",
        "The cooperative will ask the regional council for an independent inspection of the breakwater.",
        "Our members cannot fish from a harbour that floods every time the wind turns to the east.",
        "Nobody in this country should have to drive two hours to see a nurse when they are ill.",
        "This extension gives the rural clinics time to plan their budgets for the next two years.",
        "Money for buildings is good, but money for the people who work in them is better.",
        "The plastic has to stop at the source, because we cannot clean our way out of this problem.",
        "People came with their children, their neighbours and even their dogs to clean the river banks.",
        "The council will install twelve new bins along the river path before the summer holidays begin.",
        "The tram line will reach the university campus in 2029 if the council approves the budget in spring.",
        "Residents along the new tram route will be consulted before any street is closed for construction.",
        "The library will reopen its doors on Saturday with longer opening hours and a new children's wing.",
    ];

    private static readonly string[] Replacements = ["truly", "again", "really", "still"];

    /// <summary>The same quote, as a republication or a re-quote changes it.</summary>
    public static IReadOnlyList<(string, string)> Same { get; } = BuildSame();

    /// <summary>Different quotes: every pair of statements, and stock phrases in different statements.</summary>
    public static IReadOnlyList<(string, string)> Different { get; } = BuildDifferent();

    private static List<(string, string)> BuildSame()
    {
        var pairs = new List<(string, string)>();
        foreach (var (statement, n) in Statements.Select((s, n) => (s, n)))
        {
            var words = statement.TrimEnd('.').Split(' ');
            pairs.Add((statement, statement.ToUpperInvariant()));                                    // casing
            pairs.Add((statement, $"“{statement.Replace(",", "").TrimEnd('.')}”"));                  // punctuation, curly marks
            pairs.Add(($"\"{statement}\"", $"«{statement}»"));                                        // quote-mark style
            pairs.Add((statement, string.Join("  ", words).Replace(" and", "\n and")));               // whitespace
            pairs.Add((statement, Join(words.Take(words.Length / 2).Append(Replacements[n % 4]).Concat(words.Skip(words.Length / 2))))); // a word added
            pairs.Add((statement, Join(words.Where((_, i) => i != words.Length / 3))));              // a word removed
            pairs.Add((statement, Join(words.Select((w, i) => i == words.Length / 2 ? Replacements[n % 4] : w)))); // a word changed
            pairs.Add((statement, Join(words.Take(words.Length * 2 / 3)) + " …"));                  // the end trimmed
            pairs.Add((statement, Join(words.Skip(words.Length / 3))));                               // the beginning trimmed
        }

        return pairs;
    }

    private static List<(string, string)> BuildDifferent()
    {
        var pairs = new List<(string, string)>();
        for (var i = 0; i < Statements.Length; i++)
        {
            for (var j = i + 1; j < Statements.Length; j++)
            {
                pairs.Add((Statements[i], Statements[j]));
            }
        }

        // A stock phrase inside different statements.
        pairs.AddRange(
        [
            ("We will not back down until the port workers get a fair contract.", "We will not back down on the pension reform, whatever the unions say."),
            ("At the end of the day, the council has to balance the budget.", "At the end of the day, the fishermen just want a safe harbour."),
            ("I want to be very clear: no clinic will close this year.", "I want to be very clear: the tram will not be delayed again."),
            ("We are doing everything we can to restore power to every home.", "We are doing everything we can to find the missing sailors."),
            ("This is a historic day for the people of Valmora.", "This is a historic day for the nurses of this country."),
            ("No comment.", "No comment at this time, we are still reviewing the report and will speak next week."),
            ("We have heard promises like this before.", "We have heard promises like this before from the ministry of transport, and the trams never came, the buses never came, and the money never came."),
            ("The investigation is ongoing and we cannot say more at this stage.", "The investigation is ongoing, and the harbour master has been suspended while the inspectors examine the quay."),
        ]);
        return pairs;
    }

    private static string Join(IEnumerable<string> words) => string.Join(' ', words);
}
