using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>
/// Finds reported speech without marks, one clause per sentence:
/// <list type="bullet">
/// <item>subject + cue + (that) + clause: "X said (that) …", "X told reporters …", "X accused Y of …";</item>
/// <item>clause + attribution at the end: "…, X said." / "…, said X." / "…, analysts say.";</item>
/// <item>"According to X, …", "…, according to X." and "As X noted, …".</item>
/// </list>
/// A clause that contains a verbatim fragment in marks is a mixed quote and absorbs that fragment.
/// </summary>
internal sealed class IndirectQuoteFinder(
    ArticleContext ctx, CueFinder cues, SpeakerPhraseFinder phrases, ChannelFinder channels)
{
    private const int MinContentWords = 3;
    private const int MinLeadingContentWords = 4;
    private const int MaxThatDistance = 14;
    private const int MinFragmentWords = 3;

    private static readonly HashSet<string> ClauseStarters = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "it", "they", "we", "i", "you", "there", "this", "these", "those", "the", "a", "an", "his", "her",
        "its", "their", "our", "my", "your", "some", "many", "most", "all", "no", "every", "any", "each", "both",
        "if", "while", "although", "when", "once", "unless", "because", "despite", "only", "nobody", "none", "one",
        "two", "several", "more", "fewer", "such", "what", "whoever", "whatever", "neither", "either", "nothing",
    };

    // Words right after a cue that do not begin its reported clause ("said Tuesday", "said so", "told to").
    private static readonly HashSet<string> NotClauseStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "so", "yes", "no", "goodbye", "hello", "thanks", "sorry", "nothing", "anything", "little", "again", "also", "later", "earlier", "yesterday", "today", "tonight", "tomorrow", "recently", "last",
        "next", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "previously", "not",
        "repeatedly", "then", "here", "publicly", "privately", "separately", "afterward", "afterwards",
    };

    // How the rest of a trailing attribution may begin: "…, she said in an interview / on Monday / last week."
    private static readonly HashSet<string> TailStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "at", "during", "to", "via", "through", "last", "this", "earlier", "late", "after", "before",
        "while", "when", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
        "today", "tonight", "recently", "adding", "citing", "according", "about", "of", "from", "with", "as", "for",
        "afterward", "later", "previously", "repeatedly", "again", "too", "also", "then", "outside", "inside",
    };

    private static readonly HashSet<string> Hedges = new(StringComparer.OrdinalIgnoreCase)
    {
        "allegedly", "reportedly", "deliberately", "repeatedly", "falsely", "wrongly", "publicly", "openly", "being",
    };

    private static readonly HashSet<string> ContinuationOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "in addition", "also", "moreover", "furthermore", "besides", "additionally",
    };

    private static readonly HashSet<string> ObjectWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "reporters", "journalists", "me", "us", "him", "her", "them", "lawmakers", "supporters", "voters", "the",
        "a", "an", "audience", "crowd", "press", "media", "listeners", "viewers", "members", "senators", "congress",
    };

    /// <summary>Finds indirect and mixed quotes in every sentence.</summary>
    /// <param name="consumed">Cue tokens already used by direct quotes.</param>
    /// <param name="quoted">All quoted spans; fragments inside a reported clause make it mixed.</param>
    /// <param name="blocked">Spans of direct quotes that a reported clause may not overlap.</param>
    public List<(QuoteDraft Draft, List<QuotedCandidate> Absorbed)> Find(
        HashSet<int> consumed, IReadOnlyList<QuotedCandidate> quoted, IReadOnlyList<TextSpan> blocked)
    {
        var found = new List<(QuoteDraft, List<QuotedCandidate>)>();
        (QuoteDraft Draft, int Paragraph, int SentenceEnd)? previous = null;
        var labelled = new HashSet<int>();
        for (var p = 0; p < ctx.Paragraphs.Count; p++)
        {
            if (Labelled(ctx.Paragraphs[p]) is { } label)
            {
                labelled.Add(p);
                Accept(label.Draft, label.Colon, label.Colon, ctx.Paragraphs[p]);
            }
        }

        foreach (var sentence in ctx.Document.Sentences)
        {
            if (ctx.IsCaptionLine(sentence.Start) || labelled.Contains(ctx.ParagraphAt(sentence.Start)))
            {
                continue;
            }

            var a = ctx.TokenFrom(sentence.Start);
            var b = ctx.TokenFrom(sentence.End);
            if (b <= a)
            {
                continue;
            }

            _coordinated = null;
            var result = FindInSentence(a, b, consumed, null)
                         ?? Continuation(a, b, previous, quoted);
            if (result is null)
            {
                continue;
            }

            var results = new List<(QuoteDraft Draft, int CueFirst, int CueLast)> { result.Value };
            while (_coordinated is { } second && results.Count < 4 && results[^1].Draft.Phrase is { } subject)
            {
                _coordinated = null;
                var start = ContentStart(second, b);
                var span = start < 0 ? null : ContentSpan(start, b);
                if (span is null || Words(span.Value) < MinContentWords)
                {
                    break;
                }

                results.Add((Draft(span.Value, subject, second, second.First, b), second.First, second.Last));
            }

            // Further reports later in the same sentence: "…, she said, adding that …", "X said A, and Y said B".
            var next = AfterResult(results[^1]);
            while (results.Count < 4 && next < b && FindInSentence(next, b, consumed, results[^1].Draft.Phrase) is { } more)
            {
                results.Add(more);
                next = AfterResult(more);
            }

            foreach (var (draft, cueFirst, cueLast) in results)
            {
                Accept(draft, cueFirst, cueLast, sentence);
            }
        }

        return found;

        void Accept(QuoteDraft draft, int cueFirst, int cueLast, TextSpan sentence)
        {
            if (blocked.Any(q => q.Overlaps(draft.Span)))
            {
                return;
            }

            var absorbed = quoted
                .Where(q => q.Role is QuotedRole.Fragment or QuotedRole.Speech or QuotedRole.Term
                            && draft.Span.Contains(new TextSpan(q.Marks.Open, q.Marks.After))
                            && q.Marks.Open > draft.Span.Start - 1)
                .ToList();
            if (absorbed.Exists(q => q.Words >= MinFragmentWords || q.Words >= 1 && !IsRecurringTerm(q, quoted)))
            {
                draft.Kind = QuoteKind.Mixed;
            }

            for (var t = cueFirst; t <= cueLast; t++)
            {
                consumed.Add(t);
            }

            found.Add((draft, absorbed));
            previous = (draft, ctx.ParagraphAt(sentence.Start), sentence.End);
        }
    }

    // A short term the article puts in marks more than once ("influence" … "influence") is the writer's own
    // distancing device, not a speaker's words, so it does not make a reported clause mixed.
    private bool IsRecurringTerm(QuotedCandidate q, IReadOnlyList<QuotedCandidate> quoted)
    {
        var words = q.Content.Of(ctx.Text).Trim('.', ',', ' ').ToLowerInvariant();
        return quoted.Count(o => o.Content.Of(ctx.Text).Trim('.', ',', ' ').ToLowerInvariant() is var w
                                 && (w == words || w.Contains(words, StringComparison.Ordinal) || words.Contains(w, StringComparison.Ordinal))) > 1;
    }

    // A second reporting verb sharing the subject of the clause just cut: "He said A and said that B".
    private Cue? _coordinated;

    // A paragraph that opens with a speaker label and a colon: a headline "Sen. Ada Brook: Budget Talks Will
    // Fail" or a transcript turn "BROOK: We will not vote for it." The label is a person or organization named on
    // its own, or one to three capitalized words in upper case.
    private (QuoteDraft Draft, int Colon)? Labelled(TextSpan paragraph)
    {
        var a = ctx.TokenFrom(paragraph.Start);
        var b = ctx.TokenFrom(paragraph.End);
        var colon = -1;
        for (var t = a; t < b && t <= a + 6; t++)
        {
            if (ctx.IsPunct(t, ':'))
            {
                colon = t;
                break;
            }

            if (!ctx.IsWord(t) && !IsTitleDot(t))
            {
                return null;
            }
        }

        if (colon <= a || colon + 1 >= b || ctx.InsideQuote(ctx.Tokens[a].Start))
        {
            return null;
        }

        SpeakerPhrase? label = null;
        var labelSpan = new TextSpan(ctx.Tokens[a].Start, ctx.Tokens[colon - 1].End);
        var labelText = labelSpan.Of(ctx.Text);
        var shouted = labelText.All(c => !char.IsLetter(c) || char.IsUpper(c));
        if (!shouted && ctx.MentionAt(colon - 1) is { Entity.Type: EntityType.Person or EntityType.Org } m
            && m.Span.End == labelSpan.End && ctx.TokenFrom(m.Span.Start) <= a + 2)
        {
            label = new SpeakerPhrase(m.Span, PhraseKind.Name, m, null, false);
        }
        else if (colon - a <= 4 && char.IsUpper(labelText[0])
                 && ctx.Entities.FirstOrDefault(e => e.Type is EntityType.Person or EntityType.Org
                                                     && (e.Name.Equals(labelText, StringComparison.OrdinalIgnoreCase)
                                                         || e.Name.EndsWith(" " + labelText, StringComparison.OrdinalIgnoreCase))) is { } named)
        {
            // "BROOK:" or a headline the recognizer did not tag: the label names a person of the article.
            label = new SpeakerPhrase(labelSpan, PhraseKind.Name, new MentionRef(named, labelSpan), null, false);
        }

        var span = label is null ? null : ContentSpan(colon + 1, b);
        if (label is null || span is null || Words(span.Value) < MinLeadingContentWords)
        {
            return null;
        }

        var cue = new Cue(colon, colon, ctx.Tokens[colon].Span, VerbTraits.Speech, false);
        var draft = Draft(span.Value, label, cue, colon, b);
        draft.Confidence = 0.5f;
        return (draft, colon);
    }

    private int AfterResult((QuoteDraft Draft, int CueFirst, int CueLast) result)
        => Math.Max(ctx.TokenFrom(result.Draft.Span.End), result.CueLast + 1);

    /// <param name="inherited">The speaker of an earlier report in the same sentence, for a participle ("…, adding").</param>
    private (QuoteDraft Draft, int CueFirst, int CueLast)? FindInSentence(int a, int b, HashSet<int> consumed, SpeakerPhrase? inherited)
    {
        // Skip a leading conjunction or opener so that "But according to …" and "As X noted" are seen.
        var first = a;
        while (first < b && (ctx.Tokens[first].Kind == TokenKind.QuoteMark || ctx.IsWord(first) && ctx.Word(first) is "But" or "And"))
        {
            first++;
        }

        for (var t = a; t < b; t++)
        {
            if (consumed.Contains(t) || ctx.InsideQuote(ctx.Tokens[t].Start) || cues.At(t) is not { } cue)
            {
                continue;
            }

            if (cue.AccordingTo)
            {
                if (AccordingTo(cue, first, b) is { } according)
                {
                    return (according, cue.First, cue.Last);
                }

                continue;
            }

            if (t <= first + 10 && ctx.IsWord(first) && ctx.Word(first).Equals("As", StringComparison.OrdinalIgnoreCase)
                && AsClause(cue, first, b) is { } asClause)
            {
                return (asClause, cue.First, cue.Last);
            }

            if (AskedPassive(cue, b) is { } asked)
            {
                return (asked, cue.First, cue.Last);
            }

            if (ReportedAfter(cue, a, b, inherited) is { } afterDraft)
            {
                return (afterDraft, cue.First, cue.Last);
            }

            if (ReportedBefore(cue, a, b) is { } beforeDraft)
            {
                return (beforeDraft, cue.First, cue.Last);
            }
        }

        return null;
    }

    // "X said (that) CLAUSE", "X told Y CLAUSE", "X accused Y of CLAUSE", "…, saying that CLAUSE".
    private QuoteDraft? ReportedAfter(Cue cue, int a, int b, SpeakerPhrase? inherited)
    {
        var word = ctx.Word(cue.First);
        // "… opened the meeting by saying that …": the gerund reports what the subject said.
        var byGerund = ctx.IsWord(cue.First - 1) && ctx.Word(cue.First - 1) == "by"
                       || ctx.Tokens[Math.Max(cue.First - 1, 0)].Kind == TokenKind.Punctuation && ctx.First(cue.First - 1) is '\u2013' or '\u2014';
        if (word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !ctx.IsPunct(cue.First - 1, ',') && !byGerund)
        {
            // A gerund ("after reporting that …") reports nothing by itself.
            return null;
        }

        SpeakerPhrase? subject = null;
        if (word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && cue.First > a && (ctx.IsPunct(cue.First - 1, ',') || byGerund))
        {
            // A participle shares the subject of its sentence: "She left an hour later, saying that …".
            // "…,'' he said, adding that …": the subject of the verb before the comma.
            subject = inherited
                      ?? (cue.First - 2 > a && ctx.IsWord(cue.First - 2) && cues.At(cue.First - 2) is { AccordingTo: false } before
                          ? phrases.Before(before.First, a)
                          : null)
                      ?? phrases.InWindow(a, Math.Min(a + 6, cue.First), preferRight: false);
            if (subject is not null && ctx.InsideQuote(subject.Span.Start))
            {
                subject = null;
            }
        }

        subject ??= phrases.Before(cue.First, a);

        if (subject is null || subject.Kind == PhraseKind.Pronoun && subject.Span.Of(ctx.Text) is "It" or "it"
                                                                  && ctx.IsWord(cue.First - 1) && ctx.Word(cue.First - 1) is "is" or "was")
        {
            return null;
        }

        var start = ContentStart(cue, b);
        if (start < 0)
        {
            return null;
        }

        var span = ContentSpan(start, b);
        if (span is null || Words(span.Value) < MinContentWords && !(Words(span.Value) >= 2 && HasQuoteMark(span.Value)))
        {
            // Two words are enough when one is somebody's own word in marks: "called the plan “reckless.”"
            return null;
        }

        return Draft(span.Value, subject, cue, cue.First, b);
    }

    // "… when asked (by a reporter) whether …" / "after being asked about …": the question put to somebody. The asker
    // is the source when named after "by"; otherwise the quote has no speaker of its own.
    private QuoteDraft? AskedPassive(Cue cue, int b)
    {
        if (!ctx.Word(cue.First).Equals("asked", StringComparison.Ordinal)
            || !(ctx.Word(cue.First - 1).ToLowerInvariant() is "when" or "after" or "if" or "once" or "being" or "was" or "were"))
        {
            return null;
        }

        var k = cue.Last + 1;
        SpeakerPhrase? asker = null;
        if (ctx.Word(k) == "by")
        {
            var end = k + 1;
            while (end < b && end <= k + 7 && (ctx.IsWord(end) || IsTitleDot(end)) && !(ctx.Word(end) is "about" or "whether" or "if" or "what" or "why" or "how" or "who" or "when" or "where" or "to"))
            {
                end++;
            }

            asker = phrases.InWindow(k + 1, end, preferRight: false) ?? Generic(k + 1, end);
            k = end;
        }

        k = SkipTime(k, b);
        if (k >= b || !(ctx.Word(k) is "about" or "whether" or "if" or "what" or "why" or "how" or "who" or "when" or "where"))
        {
            return null;
        }

        // A leading "When asked about X, she …" ends at its comma; a trailing one runs to the end of the sentence.
        var leading = char.IsUpper(ctx.Word(cue.First - 1)[0]) || ctx.Word(cue.First - 1) == "being" && ctx.IsWord(cue.First - 2)
                      && char.IsUpper(ctx.Word(cue.First - 2)[0]);
        var comma = leading ? NextComma(k, b) : -1;
        var span = ContentSpan(k, comma > 0 ? comma : b);
        if (span is null || Words(span.Value) < MinContentWords)
        {
            return null;
        }

        if (asker is not null)
        {
            return Draft(span.Value, asker, cue, cue.First, b);
        }

        return new QuoteDraft { Span = span.Value, Kind = QuoteKind.Indirect, Cue = cue.Span.Of(ctx.Text), Confidence = 0.4f };
    }

    // "CLAUSE, X said." / "CLAUSE, said X." at the end of the sentence.
    private QuoteDraft? ReportedBefore(Cue cue, int a, int b)
    {
        if (ctx.Word(cue.First).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var j = cue.First - 1;
        while (j > a && ctx.IsWord(j) && ctx.Word(j) is "also" or "has" or "have" or "had" or "later" or "then" or "repeatedly")
        {
            j--;
        }

        SpeakerPhrase? subject;
        int comma;
        if (ctx.IsPunct(j, ','))
        {
            // Inverted: "CLAUSE, said X."
            comma = j;
            subject = phrases.After(cue.Last, b);
        }
        else
        {
            subject = phrases.Before(cue.First, a);
            comma = subject is null ? -1 : ctx.TokenFrom(subject.Span.Start) - 1;
            // Step back over the rest of the noun phrase: ", political analyst X said".
            var steps = 0;
            while (comma > a && steps++ < 8 && (ctx.IsWord(comma) && cues.At(comma) is null || IsTitleDot(comma)))
            {
                comma--;
            }
        }

        if (subject is null || comma <= a || !ctx.IsPunct(comma, ','))
        {
            return null;
        }

        // The attribution must close the sentence (nothing after it but a channel or a time: "in an interview",
        // "on Monday") or sit inside it as an aside ("This campaign, he says, is different").
        var tail = subject.Span.Start > ctx.Tokens[cue.Last].Start ? ctx.TokenFrom(subject.Span.End) : cue.Last + 1;
        if ((cue.Traits & VerbTraits.Addressee) != 0 && tail < b)
        {
            // "…, the mayor told reporters / told her / told the Gazette on Monday."
            if (ctx.MentionAt(tail) is { } addressee)
            {
                tail = ctx.TokenFrom(addressee.Span.End);
            }
            else
            {
                for (var n = 0; n < 3 && tail < b && ctx.IsWord(tail) && (ObjectWords.Contains(ctx.Word(tail)) || n > 0 && char.IsUpper(ctx.Word(tail)[0])); n++)
                {
                    tail++;
                }
            }
        }

        var end = b;
        while (end > tail && ctx.Tokens[end - 1].Kind != TokenKind.Word && ctx.Tokens[end - 1].Kind != TokenKind.Number)
        {
            end--;
        }

        // "…, she said on Monday in Dover, adding that …": a participle clause after the attribution is a report
        // of its own, so the attribution ends at its comma.
        for (var t = tail; t + 1 < end; t++)
        {
            if (ctx.IsPunct(t, ',') && ctx.IsWord(t + 1) && ctx.Word(t + 1).EndsWith("ing", StringComparison.Ordinal)
                && cues.At(t + 1) is not null)
            {
                end = t;
                break;
            }
        }

        for (var t = tail; t < end; t++)
        {
            // Marks after an aside ("In 2019, she said, the fund became a “sponsor.”") make the clause mixed.
            if (ctx.IsWord(t) && ctx.Word(t) is "that" || ctx.Tokens[t].Kind == TokenKind.QuoteMark && !(ctx.IsPunct(tail, ',') && t > tail + 1))
            {
                return null;
            }
        }

        var aside = false;
        if (tail < end)
        {
            // An aside goes on with a clause of its own, not with an appositive ("…, said X, head of Y.").
            if (ctx.IsPunct(tail, ',') && Words(new TextSpan(ctx.Tokens[tail].End, ctx.Tokens[end - 1].End)) >= MinContentWords
                && !IsRoleStart(tail + 1) && HasFiniteVerb(tail, end))
            {
                aside = true;
            }
            else if (ctx.IsPunct(tail, ',') && (IsRoleStart(tail + 1) || ctx.IsWord(tail + 1) && TailStarts.Contains(ctx.Word(tail + 1))
                                                || ctx.IsWord(tail + 1) && ctx.Word(tail + 1) is "a" or "an" or "the" && end - tail <= 16
                                                   && !HasFiniteVerb(tail, end)))
            {
                // "…, said X, head of the harbour authority."
            }
            else if (end - tail > 12 || !(ctx.IsWord(tail) && TailStarts.Contains(ctx.Word(tail))))
            {
                return null;
            }
        }

        if (aside)
        {
            var whole = ContentSpan(a, b);
            return whole is null || Words(whole.Value) < MinLeadingContentWords + 2 ? null : Draft(whole.Value, subject, cue, comma, b);
        }

        var span = ContentSpan(a, comma);
        if (span is null || Words(span.Value) < MinLeadingContentWords)
        {
            return null;
        }

        return Draft(span.Value, subject, cue, comma, b);
    }

    // "According to X, CLAUSE." and "CLAUSE, according to X."
    private QuoteDraft? AccordingTo(Cue cue, int first, int b)
    {
        if (cue.First == first)
        {
            var comma = NextComma(cue.Last + 1, b);
            if (comma < 0)
            {
                return null;
            }

            // An appositive after the source: "According to X, deputy director of …, the bill …".
            var next = NextComma(comma + 1, b);
            if (next > 0 && next - comma <= 16 && ctx.IsWord(comma + 1) && IsRoleStart(comma + 1))
            {
                comma = next;
            }

            var source = phrases.InWindow(cue.Last + 1, comma, preferRight: false) ?? Generic(cue.Last + 1, comma);
            var span = ContentSpan(comma + 1, b);
            if (source is null || span is null || Words(span.Value) < MinContentWords)
            {
                return null;
            }

            return Draft(span.Value, source, cue, cue.First, b);
        }

        if (cue.First > first && ctx.IsPunct(cue.First - 1, ','))
        {
            // An aside inside the clause: "Turnout, according to the county, has doubled since 2016."
            var close = NextComma(cue.Last + 1, b);
            if (close > 0 && close - cue.Last <= 12 && !HasFiniteVerb(first - 1, cue.First - 1) && HasFiniteVerb(close, b)
                && ContentSpan(close + 1, b) is { } rest && Words(rest) >= MinContentWords)
            {
                var asideSource = phrases.InWindow(cue.Last + 1, close, preferRight: false) ?? Generic(cue.Last + 1, close);
                var whole = ContentSpan(first, b);
                if (asideSource is not null && whole is not null)
                {
                    return Draft(whole.Value, asideSource, cue, cue.First, b);
                }
            }

            var source = phrases.InWindow(cue.Last + 1, b, preferRight: false) ?? Generic(cue.Last + 1, b);
            var span = ContentSpan(first, cue.First - 1);
            if (source is null || span is null || Words(span.Value) < MinLeadingContentWords)
            {
                return null;
            }

            return Draft(span.Value, source, cue, cue.First, b);
        }

        return null;
    }

    // "As X noted, CLAUSE." / "As noted by X, CLAUSE."
    private QuoteDraft? AsClause(Cue cue, int first, int b)
    {
        var comma = NextComma(cue.Last + 1, b);
        if (comma < 0 || comma - first > 16)
        {
            return null;
        }

        var source = phrases.InWindow(first + 1, cue.First, preferRight: true)
                     ?? phrases.InWindow(cue.Last + 1, comma, preferRight: true);
        var span = ContentSpan(comma + 1, b);
        if (source is null || span is null || Words(span.Value) < MinContentWords)
        {
            return null;
        }

        return Draft(span.Value, source, cue, first, comma);
    }

    // "In addition, … “fragment” …" right after a reported clause: the same source goes on.
    private (QuoteDraft, int, int)? Continuation(int a, int b, (QuoteDraft Draft, int Paragraph, int SentenceEnd)? previous,
        IReadOnlyList<QuotedCandidate> quoted)
    {
        if (previous is not { } prev || ctx.ParagraphAt(ctx.Tokens[a].Start) != prev.Paragraph)
        {
            return null;
        }

        var opener = ctx.Word(a);
        var start = a + 1;
        if (ctx.IsWord(a + 1) && (opener + " " + ctx.Word(a + 1)).Equals("In addition", StringComparison.OrdinalIgnoreCase))
        {
            opener = "in addition";
            start = a + 2;
        }

        if (!ContinuationOpeners.Contains(opener) || start >= b || !ctx.IsPunct(start, ','))
        {
            return null;
        }

        var span = ContentSpan(start + 1, b);
        if (span is null || !quoted.Any(q => q.Role == QuotedRole.Fragment && q.Words >= MinFragmentWords && span.Value.Contains(q.Content)))
        {
            return null;
        }

        var draft = new QuoteDraft
        {
            Span = span.Value,
            Kind = QuoteKind.Mixed,
            InheritsSpeaker = true,
            Cue = prev.Draft.Cue,
            Phrase = prev.Draft.Phrase,
            Channel = prev.Draft.Channel,
            Confidence = 0.5f,
        };
        return (draft, -1, -2);
    }

    // Any noun phrase as a source: "according to a new poll".
    private SpeakerPhrase? Generic(int from, int to)
    {
        while (to > from && !ctx.IsWord(to - 1) && ctx.Tokens[to - 1].Kind != TokenKind.Number)
        {
            to--;
        }

        if (to <= from || to - from > 12)
        {
            return null;
        }

        return new SpeakerPhrase(new TextSpan(ctx.Tokens[from].Start, ctx.Tokens[to - 1].End), PhraseKind.Description, null, ["group"], false);
    }

    private QuoteDraft Draft(TextSpan span, SpeakerPhrase subject, Cue cue, int clauseFrom, int clauseTo)
    {
        var relay = subject.Kind == PhraseKind.Name && channels.IsOutlet(subject.Span.Of(ctx.Text));
        return new QuoteDraft
        {
            Span = span,
            Kind = QuoteKind.Indirect,
            Phrase = subject,
            Cue = cue.Span.Of(ctx.Text),
            Channel = relay ? subject.Span.Of(ctx.Text) : channels.Find(Math.Min(cue.First, clauseFrom), Math.Max(cue.Last + 1, clauseTo)),
            Confidence = (cue.Traits & VerbTraits.Speech) != 0 ? 0.7f : 0.5f,
        };
    }

    // Where the reported clause begins after the cue, or -1 when the verb has no clause ("said in a statement.").
    private int ContentStart(Cue cue, int b)
    {
        var k = cue.Last + 1;
        if (k >= b)
        {
            return -1;
        }

        if ((cue.Traits & VerbTraits.Accusation) != 0)
        {
            for (var t = k; t < b && t <= k + 8; t++)
            {
                if (ctx.IsWord(t) && ctx.Word(t) is "of" or "for")
                {
                    var s = t + 1;
                    while (s < b && ctx.IsWord(s) && Hedges.Contains(ctx.Word(s)))
                    {
                        s++;
                    }

                    return s < b ? s : -1;
                }
            }

            return -1;
        }

        for (var t = k; t < b && t <= k + MaxThatDistance; t++)
        {
            if (ctx.Tokens[t].Kind == TokenKind.Punctuation && ctx.First(t) is ';' or ':' or '.' || ctx.Tokens[t].Kind == TokenKind.QuoteMark)
            {
                break;
            }

            if (ctx.IsWord(t) && ctx.Word(t) == "that")
            {
                // A complementizer opens a clause; a pronoun "that" at the end ("to accomplish that.") does not.
                if (t + 3 < b && !(ctx.IsWord(t + 1) && cues.At(t + 1) is not null))
                {
                    return t + 1;
                }

                break;
            }

            if (ctx.IsWord(t) && cues.At(t) is not null)
            {
                break;
            }

            // The clause has begun already ("said she had seen waves that high"): a later "that" belongs to it.
            if (ctx.IsWord(t) && (IsAuxiliaryOrIrregularPast(ctx.Word(t)) || ctx.Word(t) is "he" or "she" or "they" or "we" or "I" or "you"))
            {
                break;
            }
        }

        if (Request(cue, k, b) is var request and >= 0)
        {
            return request;
        }

        if ((cue.Traits & VerbTraits.Addressee) != 0)
        {
            // Step over the addressee: "told reporters", "told CNN", "assured him".
            if (ctx.MentionAt(k) is { } m)
            {
                k = ctx.TokenFrom(m.Span.End);
            }
            else
            {
                var n = 0;
                while (k < b && n < 3 && ctx.IsWord(k) && ObjectWords.Contains(ctx.Word(k)))
                {
                    k++;
                    n++;
                }

                if (n == 0)
                {
                    return -1;
                }
            }
        }

        // "said Tuesday his actions …", "said on Monday the plan …": step over a time expression.
        k = SkipTime(k, b);
        if (k >= b || ctx.Tokens[k].Kind == TokenKind.QuoteMark)
        {
            return -1;
        }

        if ((cue.Traits & VerbTraits.NounContent) != 0 && ctx.IsWord(k) && ctx.Word(k) is "for" or "on" && ctx.IsWord(k + 1))
        {
            return k + 1; // "called for an inquiry", "called on Congress to act"
        }

        if ((cue.Traits & VerbTraits.NounContent) != 0 && ctx.IsWord(k) && !IsPreposition(ctx.Word(k)))
        {
            return k;
        }

        if (ctx.Word(cue.First).StartsWith("ask", StringComparison.OrdinalIgnoreCase))
        {
            // A reported question: "asked (him) whether …", "asks why …".
            for (var t = k; t < b && t <= k + 4; t++)
            {
                if (ctx.IsWord(t) && ctx.Word(t) is "whether" or "if" or "why" or "how" or "what" or "when" or "where" or "who")
                {
                    return t + 2 < b ? t : -1;
                }
            }
        }

        if (!ctx.IsWord(k) && ctx.Tokens[k].Kind != TokenKind.Number)
        {
            return -1;
        }

        var w = ctx.Word(k);
        // "said about half of the damage …": an approximate quantity, not a preposition.
        var quantity = w.Equals("about", StringComparison.OrdinalIgnoreCase)
                       && (ctx.Has(k + 1) && ctx.Tokens[k + 1].Kind == TokenKind.Number || ctx.Word(k + 1) is "half" or "a" or "one" or "two" or "three");
        if (NotClauseStarts.Contains(w) || IsPreposition(w) && !quantity || ctx.Tokens[k].Kind == TokenKind.Number && !ClauseStarters.Contains(w) && !HasFiniteVerb(k, b))
        {
            return -1;
        }

        // A clause needs a verb after its subject; "said the expert." has none. Speech verbs take a bare clause
        // ("says referees are …"); other verbs only one that starts like a clause.
        if ((cue.Traits & VerbTraits.Speech) == 0 && !ClauseStarters.Contains(w) && ctx.MentionAt(k) is null)
        {
            return -1;
        }

        // "say they use the ferry": a subject pronoun followed by a word is a clause even in the plain present.
        var pronounClause = w.ToLowerInvariant() is "they" or "we" or "i" or "you" && ctx.IsWord(k + 1) && k + 2 < b;
        return pronounClause || HasFiniteVerb(k, b) ? k : -1;
    }

    // A promise or a request with an infinitive: "vowed to appeal the ruling" (the content starts at "to"),
    // "urged voters to stay home", "asked the council to delay the vote" (it starts at the person asked).
    private int Request(Cue cue, int k, int b)
    {
        var verb = ctx.Word(cue.First).ToLowerInvariant();
        if (verb.StartsWith("vow", StringComparison.Ordinal) || verb.StartsWith("promis", StringComparison.Ordinal)
            || verb.StartsWith("pledg", StringComparison.Ordinal) || verb.StartsWith("threat", StringComparison.Ordinal))
        {
            return ctx.Word(k) == "to" && ctx.IsWord(k + 1) && !IsPreposition(ctx.Word(k + 1)) && k + 2 < b ? k : -1;
        }

        if (!(verb.StartsWith("urg", StringComparison.Ordinal) || verb.StartsWith("ask", StringComparison.Ordinal)
              || verb.StartsWith("encourag", StringComparison.Ordinal))
            || !ctx.IsWord(k) || IsPreposition(ctx.Word(k)))
        {
            return -1;
        }

        for (var t = k + 1; t < b && t <= k + 6; t++)
        {
            if (ctx.Word(t) == "to" && ctx.IsWord(t + 1) && !IsPreposition(ctx.Word(t + 1)) && t + 2 < b)
            {
                return k;
            }

            if (!ctx.IsWord(t) && !IsTitleDot(t) || cues.At(t) is not null || ctx.Word(t) is "that" or "and" or "or" or "but")
            {
                return -1;
            }
        }

        return -1;
    }

    private int SkipTime(int k, int b)
    {
        var start = k;
        if (ctx.IsWord(k) && ctx.Word(k) is "on" or "last" or "this" or "late" or "early" or "earlier" && ctx.IsWord(k + 1)
            && TimeWords.Contains(ctx.Word(k + 1)))
        {
            k += 2;
        }
        else if (ctx.IsWord(k) && TimeWords.Contains(ctx.Word(k)))
        {
            k++;
        }

        if (k > start && ctx.IsPunct(k, ','))
        {
            k++;
        }

        return k < b ? k : start;
    }

    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight",
        "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend", "recently", "earlier", "later",
    };

    private bool HasFiniteVerb(int from, int b)
    {
        for (var t = from + 1; t < b; t++)
        {
            if (ctx.IsWord(t) && (IsFiniteVerb(ctx.Word(t))
                                  || ctx.Word(t) is "'s" or "\u2019s" && ctx.Word(t - 1).ToLowerInvariant() is "he" or "she" or "it" or "that" or "there" or "what" or "who"))
            {
                return true;
            }
        }

        return false;
    }

    // An auxiliary, a modal, a regular past or third-person form, or a common irregular past tense.
    private static bool IsFiniteVerb(string word)
    {
        var w = word.ToLowerInvariant().Replace('\u2019', '\'');
        return w.EndsWith("n't", StringComparison.Ordinal) || Auxiliaries.Contains(w) || IrregularPast.Contains(w)
               || w is "he's" or "she's" or "it's" or "that's" or "there's" or "what's" or "who's"
               || w.EndsWith("'re", StringComparison.Ordinal) || w.EndsWith("'m", StringComparison.Ordinal)
               || w.EndsWith("'ve", StringComparison.Ordinal) || w.EndsWith("'ll", StringComparison.Ordinal)
               || w.EndsWith("'d", StringComparison.Ordinal)
               || w.Length > 3 && !NotVerbsInS.Contains(w)
               && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal));
    }

    // Words in -s that are never the finite verb of a clause.
    private static readonly HashSet<string> NotVerbsInS = new(StringComparer.Ordinal)
    {
        "this", "thus", "hers", "ours", "yours", "theirs", "news", "always", "perhaps", "unless", "whereas", "towards",
        "afterwards", "besides", "sometimes", "nevertheless", "series", "species", "politics", "economics", "tennis",
    };

    private static bool IsAuxiliaryOrIrregularPast(string word)
        => word.ToLowerInvariant().Replace('\u2019', '\'') is var w && (Auxiliaries.Contains(w) || IrregularPast.Contains(w));

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "will", "would", "can", "could", "should", "must", "may", "might", "has", "have",
        "had", "does", "did", "do", "shall", "cannot", "'re", "'ll", "'d", "'ve", "am",
    };

    private static readonly HashSet<string> IrregularPast = new(StringComparer.Ordinal)
    {
        "began", "became", "broke", "brought", "built", "bought", "caught", "chose", "came", "cut", "dealt", "drew",
        "drove", "ate", "fell", "felt", "fought", "found", "flew", "forgot", "got", "gave", "went", "grew", "heard",
        "held", "hid", "hit", "hurt", "kept", "knew", "laid", "led", "left", "lent", "let", "lost", "made", "meant",
        "met", "paid", "put", "quit", "ran", "rang", "rose", "saw", "sold", "sent", "set", "shook", "shot", "shut",
        "sang", "sank", "sat", "slept", "spoke", "spent", "stood", "stole", "stuck", "struck", "swore", "took",
        "taught", "tore", "told", "thought", "threw", "understood", "woke", "wore", "won", "wrote", "said", "sought",
        "overtook", "withdrew", "undertook", "upheld", "mistook", "forgave", "foresaw", "overcame", "underwent",
    };

    // The clause from token `from` to the end of the sentence (before token b), without the final period.
    private TextSpan? ContentSpan(int from, int to)
    {
        if (from >= to || from < 0)
        {
            return null;
        }

        while (from < to && ctx.Tokens[from].Kind == TokenKind.Punctuation && ctx.First(from) is ',' or '-' or '\u2014')
        {
            from++;
        }

        var last = to - 1;
        while (last >= from && ctx.Tokens[last].Kind == TokenKind.Punctuation && ctx.First(last) is '.' or ',' or ';' or ':' or '!')
        {
            last--;
        }

        if (last < from)
        {
            return null;
        }

        // A coordinated second report ends the clause: "… of Venezuela, and also once again accused Moscow".
        for (var t = from + 2; t <= last; t++)
        {
            if (ctx.IsWord(t) && ctx.Word(t) == "and")
            {
                var v = t + 1;
                while (v <= last && ctx.IsWord(v) && Hedges.Contains(ctx.Word(v)) || v <= last && ctx.IsWord(v) && ctx.Word(v) is "also" or "once" or "again" or "later" or "then")
                {
                    v++;
                }

                if (v <= last && cues.At(v) is { AccordingTo: false } coordinated && !ctx.Word(v).EndsWith('s'))
                {
                    last = ctx.IsPunct(t - 1, ',') ? t - 2 : t - 1;
                    _coordinated = coordinated;
                    break;
                }
            }

            // A second speaker's report: "…, and the mayor said …", "…, but Ms. Brandt says …".
            if (ctx.IsWord(t) && (ctx.Word(t) is "and" or "but" && ctx.IsPunct(t - 1, ',') || ctx.Word(t) is "but") && SecondReport(t + 1, last))
            {
                last = ctx.IsPunct(t - 1, ',') ? t - 2 : t - 1;
                break;
            }
        }

        return last < from ? null : new TextSpan(ctx.Tokens[from].Start, ctx.Tokens[last].End);
    }

    // A subject right after the conjunction and a speech verb with a clause of its own after it.
    private bool SecondReport(int from, int last)
    {
        for (var v = from + 1; v <= last && v <= from + 6; v++)
        {
            if (!ctx.IsWord(v) && !IsTitleDot(v) && ctx.Tokens[v].Kind != TokenKind.Number)
            {
                return false;
            }

            if (cues.At(v) is { AccordingTo: false } cue && (cue.Traits & VerbTraits.Speech) != 0
                && !ctx.Word(v).EndsWith("ing", StringComparison.Ordinal)
                && phrases.Before(v, from) is { } subject && ctx.TokenFrom(subject.Span.Start) <= from + 2
                && ContentStart(cue, last + 1) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool HasQuoteMark(TextSpan span)
    {
        for (var t = ctx.TokenFrom(span.Start); t < ctx.Tokens.Count && ctx.Tokens[t].End <= span.End; t++)
        {
            if (ctx.Tokens[t].Kind == TokenKind.QuoteMark)
            {
                return true;
            }
        }

        return false;
    }

    private int Words(TextSpan span)
    {
        var n = 0;
        for (var t = ctx.TokenFrom(span.Start); t < ctx.Tokens.Count && ctx.Tokens[t].End <= span.End; t++)
        {
            n += ctx.Tokens[t].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
        }

        return n;
    }

    private int NextComma(int from, int b)
    {
        for (var t = from; t < b; t++)
        {
            if (ctx.IsPunct(t, ','))
            {
                return t;
            }

            if (ctx.Tokens[t].Kind == TokenKind.QuoteMark)
            {
                return -1;
            }
        }

        return -1;
    }

    private bool IsRoleStart(int t)
    {
        var k = t;
        if (ctx.IsWord(k) && ctx.Word(k) is "the" or "a" or "an" or "its" or "his" or "her" or "former" or "First" or "first")
        {
            k++;
        }

        for (var n = 0; n < 4 && k + n < ctx.Tokens.Count && ctx.IsWord(k + n); n++)
        {
            if (QuoteLexicon.Default.RolesOf(ctx.Word(k + n), out _) is not null)
            {
                return true;
            }
        }

        return false;
    }

    // The dot of "Mr." or "Sen." inside a speaker phrase, not the end of a sentence.
    private bool IsTitleDot(int t) => ctx.IsPunct(t, '.') && !ctx.EndsSentence(t);

    private static bool IsPreposition(string w) => w.ToLowerInvariant() is "in" or "on" or "at" or "to" or "for" or "by"
        or "with" or "from" or "during" or "after" or "before" or "about" or "via" or "through" or "as" or "that";
}
