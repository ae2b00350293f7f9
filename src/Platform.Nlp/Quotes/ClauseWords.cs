namespace Platform.Nlp.Quotes;

/// <summary>The closed word classes of <c>Lexicons/clause-words.tsv</c>, by name, for the reported-clause patterns.</summary>
internal static class ClauseWords
{
    /// <summary>Words that can open a reported clause: "he", "the", "if", "some".</summary>
    public static readonly HashSet<string> ClauseStarters = Load("clause-starter");

    /// <summary>Words right after a cue that do not begin its reported clause ("said Tuesday", "said so").</summary>
    public static readonly HashSet<string> NotClauseStarts = Load("not-clause-start");

    /// <summary>How the rest of a trailing attribution may begin: "…, she said in an interview / on Monday."</summary>
    public static readonly HashSet<string> TailStarts = Load("attribution-tail-start");

    /// <summary>Adverbs between "of" and an accusation: "accused X of allegedly …".</summary>
    public static readonly HashSet<string> Hedges = Load("hedge");

    /// <summary>Sentence openers that continue the previous report: "In addition, …".</summary>
    public static readonly HashSet<string> ContinuationOpeners = Load("continuation-opener");

    /// <summary>Addressees after a verb like "told": "reporters", "him", "the".</summary>
    public static readonly HashSet<string> ObjectWords = Load("addressee-word");

    /// <summary>Time words a cue may be followed by: "said Tuesday", "said last week".</summary>
    public static readonly HashSet<string> TimeWords = Load("time-word");

    /// <summary>Words in -s that are never the finite verb of a clause.</summary>
    public static readonly HashSet<string> NotVerbsInS = Load("not-verb-in-s");

    public static readonly HashSet<string> Auxiliaries = Load("auxiliary");

    public static readonly HashSet<string> IrregularPast = Load("irregular-past");

    private static HashSet<string> Load(string name) => QuoteLexicon.Default.WordClass(name);
}
