using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>A paragraph that opens with a speaker label and a colon: "Sen. Ada Brook: …" or "BROOK: …".</summary>
internal sealed class SpeakerLabelPattern(
    ArticleContext ctx, ClauseBounds clauses, IndirectDrafts drafts)
{
    private readonly HashSet<int> _turns = TranscriptTurns.MarksOf(ctx.Text);
    private readonly Entity? _interviewee = Interviewee(ctx);

    // A question-and-answer interview ("Q: … A: …", at least two of each): the answers are the words of the first
    // person the article names before its first question.
    private static Entity? Interviewee(ArticleContext ctx)
    {
        int questions = 0, answers = 0, firstQuestion = -1;
        foreach (var paragraph in ctx.Paragraphs)
        {
            var text = paragraph.Of(ctx.Text).TrimStart();
            if (text.StartsWith("Q:", StringComparison.Ordinal))
            {
                questions++;
                firstQuestion = firstQuestion < 0 ? paragraph.Start : firstQuestion;
            }
            else if (text.StartsWith("A:", StringComparison.Ordinal))
            {
                answers++;
            }
        }

        if (questions < 2 || answers < 2)
        {
            return null;
        }

        var person = ctx.Mentions.FirstOrDefault(m => m.Span.End <= firstQuestion && m.Entity.Type == EntityType.Person);
        return person.Entity;
    }

    // A paragraph that opens with a speaker label and a colon: a headline "Sen. Ada Brook: Budget Talks Will
    // Fail" or a transcript turn "BROOK: We will not vote for it." The label is a person or organization named on
    // its own, or one to three capitalized words in upper case.
    public (QuoteDraft Draft, int Colon)? Match(TextSpan paragraph)
    {
        var a = ctx.TokenFrom(paragraph.Start);
        var b = ctx.TokenFrom(paragraph.End);
        var turn = a < b && _turns.Contains(ctx.Tokens[a].Start);
        if (turn)
        {
            a++; // "“HALE: …": a transcript turn's opening mark (TranscriptTurns)
        }

        var colon = -1;
        for (var t = a; t < b && t <= a + 6; t++)
        {
            if (ctx.IsPunct(t, ':'))
            {
                colon = t;
                break;
            }

            if (!ctx.IsWord(t) && !clauses.IsTitleDot(t))
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
        else if (_interviewee is not null && labelText == "A")
        {
            label = new SpeakerPhrase(labelSpan, PhraseKind.Name, new MentionRef(_interviewee, labelSpan), null, false);
        }
        else if (turn)
        {
            // A transcript turn whose speaker the article names only in the label: the label is the speaker.
            label = new SpeakerPhrase(labelSpan, PhraseKind.Description, null, ["group"], false);
        }

        var span = label is null ? null : clauses.ContentSpan(colon + 1, b);
        if (turn && span is { } s && s.Length > 1 && QuoteMarkScanner.IsDoubleMark(ctx.Text[s.End - 1]))
        {
            span = new TextSpan(s.Start, s.End - 1); // the mark that closes the last turn of the transcript
        }

        if (label is null || span is null || clauses.Words(span.Value) < ClauseBounds.MinLeadingContentWords)
        {
            return null;
        }

        var cue = new Cue(colon, colon, ctx.Tokens[colon].Span, VerbTraits.Speech, false);
        var draft = drafts.Draft(span.Value, label, cue, colon, b);
        draft.Confidence = QuoteConfidence.SpeakerLabel;
        return (draft, colon);
    }
}
