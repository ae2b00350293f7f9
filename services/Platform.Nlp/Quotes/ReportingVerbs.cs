namespace Platform.Nlp.Quotes;

/// <summary>Verbs that introduce reported speech, in the inflected forms news text uses.</summary>
public static class ReportingVerbs
{
    private static readonly HashSet<string> Forms = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "say", "told", "tells", "wrote", "writes", "added", "adds", "stated", "states", "noted",
        "notes", "stressed", "stresses", "emphasized", "emphasised", "explained", "explains", "warned", "warns",
        "announced", "announces", "declared", "declares", "insisted", "insists", "argued", "argues", "claimed",
        "claims", "commented", "comments", "replied", "answered", "asked", "asks", "recalled", "recalls",
        "believes", "believed", "thinks", "thought", "suggested", "suggests", "admitted", "admits", "confirmed",
        "confirms", "denied", "denies", "reported", "reports", "tweeted", "posted", "continued", "concluded",
        "pointed", "acknowledged", "acknowledges", "assured", "assures", "promised", "promises", "urged", "urges",
        "predicted", "predicts", "estimated", "estimates", "called", "calls", "mentioned",
    };

    public static bool IsReportingVerb(string word) => Forms.Contains(word);
}
