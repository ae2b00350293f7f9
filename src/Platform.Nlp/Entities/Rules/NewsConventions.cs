using Platform.Nlp.Analysis;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Entities.Rules;

/// <summary>
/// Adjusts CoNLL-2003 conventions to the product's news conventions (OntoNotes-like), on the model's spans:
/// <list type="bullet">
/// <item>a nationality directly before an organization belongs to it ("Russian" + "Foreign Ministry");</item>
/// <item>"Government of" / "Ministry of ..." followed by a place is one organization ("Government of Venezuela");</item>
/// <item>a one-word MISC mention that is a known person's surname next to a speech verb is that person
/// ("Kalashnikov said", "said Kalashnikov"), while the same word elsewhere may stay the rifle;</item>
/// <item>a two- or three-word organization or place that starts with a first name and is described as a person
/// ("Ada Brook, 54, a crane operator", "union president Ada Brook") is that person: the model goes by the surname
/// ("Brook", "Hill", "Banks") and the description decides;</item>
/// <item>a dateline in capitals ("MIDWAY ATOLL — …") is a place, not a person.</item>
/// </list>
/// </summary>
internal static class NewsConventions
{
    private static readonly WordSet OrgHeads = new(
        "Government", "Ministry", "Parliament", "Embassy", "Consulate", "Army", "Navy", "Bank", "University", "Council",
        "Assembly", "Cabinet", "Senate", "Congress", "Court", "Police", "Office", "Department", "Committee");

    private static readonly WordSet SpeechVerbs = new(
        "said", "says", "told", "stated", "added", "noted", "explained", "stressed", "emphasized", "emphasised", "wrote",
        "believes", "thinks", "argued", "warned", "recalled", "continued", "concluded", "insisted", "claimed");

    public static void Apply(Document document, Lexicon lexicon, List<EntitySpan> spans)
    {
        var text = document.Text;
        var w = new TokenWords(document);
        CompaniesAreNotPlaces(text, lexicon, spans);
        OrganizationConventions.ApplyBeforeMerges(document, lexicon, spans);
        MergeNationalityIntoOrganization(text, spans);
        ExtendOrganizationOfPlace(w, spans);
        OrganizationOfPlace(text, spans);
        OrganizationConventions.ApplyAfterMerges(document, spans);
        SpeakersArePeople(text, w, spans);
        PeopleByDescription(w, lexicon, spans);
        ModelDesignations(w, spans);
        Datelines(text, spans);
    }

    // "MIDWAY ATOLL — President Obama …", "GLENWATER, Wis. — …", "BROOKMERE (Northgate Sports Wire) — …": a place
    // in capitals opening a paragraph before a dash is the dateline, never a person (the model reads a capitalized
    // run it does not know as a name). An organization there stays one: wire slugs ("RTRS - …") take that place. The line goes on in lower case: a headline in capitals
    // ("SOCCER - JAPAN GET LUCKY WIN") is no dateline.
    private static readonly System.Text.RegularExpressions.Regex Dateline = new(
        @"^(?<place>\p{Lu}[\p{Lu}'’.\- ]*\p{Lu}\.?)(?:, [\p{L}. ]{2,20})?(?: \([^)\n]{2,60}\))? +[—–-]+ (?=[^\n]*\p{Ll})",
        System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static void Datelines(string text, List<EntitySpan> spans)
    {
        foreach (System.Text.RegularExpressions.Match m in Dateline.Matches(text))
        {
            var place = m.Groups["place"];
            for (var i = 0; i < spans.Count; i++)
            {
                if (spans[i].Type == EntityType.Person && spans[i].Span.Start >= place.Index
                    && spans[i].Span.End <= place.Index + place.Length)
                {
                    spans[i] = spans[i] with { Type = EntityType.Loc };
                }
            }
        }
    }

    // Nouns that only a person can be; an organization is "a bank", never "a crane operator".
    private static readonly WordSet PersonNouns = new(
        "president", "chairman", "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson", "director",
        "secretary", "minister", "mayor", "leader", "manager", "officer", "worker", "operator", "resident", "owner",
        "founder", "teacher", "professor", "analyst", "economist", "lawyer", "attorney", "senator", "councillor",
        "councilor", "governor", "coach", "captain", "nurse", "doctor", "student", "member", "organizer", "organiser",
        "activist", "researcher", "scientist", "engineer", "commissioner", "editor", "reporter", "author", "historian",
        "farmer", "driver", "mother", "father", "daughter", "son", "wife", "husband", "widow", "veteran", "volunteer",
        "employee", "chief", "CEO", "executive", "deputy", "lawmaker", "candidate", "official", "expert", "head");

    private static void PeopleByDescription(TokenWords w, Lexicon lexicon, List<EntitySpan> spans)
    {
        for (var i = 0; i < spans.Count; i++)
        {
            var s = spans[i];
            if (s.Type is not (EntityType.Org or EntityType.Loc))
            {
                continue;
            }

            var first = TokenAt(w, s.Span.Start);
            var last = first;
            while (last + 1 < w.Count && w[last + 1].End <= s.Span.End)
            {
                last++;
            }

            if (first < 0 || last - first is < 1 or > 2 || !IsFirstName(w, lexicon, first)
                || Enumerable.Range(first, last - first + 1).Any(t => w[t].Kind != TokenKind.Word || lexicon.IsCompanyWord(w.Text(t))))
            {
                continue;
            }

            if (IsPersonNoun(w, first - 1) || DescribedAfter(w, last + 1))
            {
                spans[i] = s with { Type = EntityType.Person };
            }
        }
    }

    private static bool IsFirstName(TokenWords w, Lexicon lexicon, int t)
        => lexicon.TryGetWord(w.Text(t), out var entry) && (entry.Lists & (WordLists.FemaleFirstName | WordLists.MaleFirstName)) != 0;

    // A lowercase person noun: "union president Ada Brook", but not "President Street" at a sentence start.
    private static bool IsPersonNoun(TokenWords w, int t)
        => t >= 0 && w.In(t, PersonNouns) && char.IsLower(w.Text(t)[0]) || t >= 0 && w.Is(t, "CEO");

    // ", 54," or ", a crane operator" / ", president of …" / ", the union's lawyer": within four words after the comma.
    private static bool DescribedAfter(TokenWords w, int t)
    {
        if (t >= w.Count || !w.Is(t, ","))
        {
            return false;
        }

        if (w.IsNumber(t + 1) && w.Is(t + 2, ","))
        {
            return true;
        }

        // "Ivory Coast, its foreign minister": a possessive makes the person someone of the place or body.
        if (w.Is(t + 1, "its") || w.Is(t + 1, "their") || w.Is(t + 1, "whose"))
        {
            return false;
        }

        for (var u = t + 1; u < w.Count && u <= t + 4; u++)
        {
            if (w[u].Kind != TokenKind.Word || char.IsUpper(w.Text(u)[0]) && u > t + 1)
            {
                return false;
            }

            if (IsPersonNoun(w, u))
            {
                return true;
            }
        }

        return false;
    }

    // Binary search over token starts: rules run on every article, and long ones have thousands of tokens.
    private static int TokenAt(TokenWords w, int offset)
    {
        int lo = 0, hi = w.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (w[mid].Start == offset)
            {
                return mid;
            }

            if (w[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    // A one-word "place" that no place list knows but the company list does ("Facebook") is an organization.
    private static void CompaniesAreNotPlaces(string text, Lexicon lexicon, List<EntitySpan> spans)
    {
        var one = new TextSpan[1];
        for (var i = 0; i < spans.Count; i++)
        {
            var s = spans[i];
            one[0] = s.Span;
            if (s.Type == EntityType.Loc && s.Span.Of(text).All(char.IsLetter) && lexicon.IsCompanyWord(text.AsSpan(s.Span.Start, s.Span.Length))
                && !lexicon.IsPhrase(text, one, PhraseList.City) && !lexicon.IsPhrase(text, one, PhraseList.Country))
            {
                spans[i] = s with { Type = EntityType.Org };
            }
        }
    }

    // "United States" + "Congress" first, then "Ministry of Foreign Affairs" + "of" + "Venezuela", so that
    // "House of Representatives of the United States Congress" stays two organizations.
    private static void OrganizationOfPlace(string text, List<EntitySpan> spans)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i + 1 < spans.Count; i++)
            {
                var a = spans[i];
                var b = spans[i + 1];
                var gap = text.AsSpan(a.Span.End, Math.Max(0, b.Span.Start - a.Span.End));
                var merge = pass == 0
                    ? a.Type == EntityType.Loc && b.Type == EntityType.Org && gap.SequenceEqual(" ")
                    : a.Type == EntityType.Org && b.Type == EntityType.Loc && (gap.SequenceEqual(" of ") || gap.SequenceEqual(" of the "));
                if (merge)
                {
                    spans[i] = new EntitySpan(new TextSpan(a.Span.Start, b.Span.End), EntityType.Org);
                    spans.RemoveAt(i + 1);
                }
            }
        }
    }

    // "Tu-160", "Su-30MK2", "BMP-3": letters, a hyphen, a number: aircraft, weapon and product designations.
    private static void ModelDesignations(TokenWords w, List<EntitySpan> spans)
    {
        var added = false;
        for (var t = 0; t < w.Count; t++)
        {
            var word = w.Text(t);
            var dash = word.IndexOf('-');
            if (dash is < 1 or > 4 || dash + 1 >= word.Length || !char.IsDigit(word[dash + 1]) || !char.IsUpper(word[0]) || spans.Exists(s => s.Span.Overlaps(w[t].Span)))
            {
                continue;
            }

            var letters = true;
            foreach (var c in word[..dash])
            {
                letters &= char.IsLetter(c);
            }

            if (letters)
            {
                spans.Add(new EntitySpan(w[t].Span, EntityType.Misc));
                added = true;
            }
        }

        if (added)
        {
            spans.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        }

    }

    private static void MergeNationalityIntoOrganization(string text, List<EntitySpan> spans)
    {
        for (var i = 0; i + 1 < spans.Count; i++)
        {
            var a = spans[i];
            var b = spans[i + 1];
            if (a.Type is EntityType.Norp or EntityType.Misc && b.Type == EntityType.Org && OnlySpace(text, a.Span.End, b.Span.Start)
                && !text.AsSpan(a.Span.Start, a.Span.Length).Contains('-'))
            {
                spans[i] = new EntitySpan(new TextSpan(a.Span.Start, b.Span.End), EntityType.Org);
                spans.RemoveAt(i + 1);
            }
        }
    }

    private static void ExtendOrganizationOfPlace(TokenWords w, List<EntitySpan> spans)
    {
        for (var t = 0; t + 2 < w.Count; t++)
        {
            if (!w.In(t, OrgHeads) || !char.IsUpper(w.Text(t)[0]) || !w.Is(t + 1, "of"))
            {
                continue;
            }

            var next = w.Is(t + 2, "the") ? t + 3 : t + 2;
            if (next >= w.Count)
            {
                continue;
            }

            var place = spans.FindIndex(s => s.Span.Start == w[next].Start && s.Type is EntityType.Loc or EntityType.Org);
            if (place < 0)
            {
                continue;
            }

            // The head may already start an ORG the model found ("Ministry of Foreign Affairs"), or stand alone.
            var head = spans.FindIndex(s => s.Type == EntityType.Org && s.Span.End == w[t].End || s.Span.Start == w[t].Start && s.Span.End <= w[t + 1].Start);
            var start = head >= 0 && spans[head].Type == EntityType.Org ? spans[head].Span.Start : w[t].Start;
            var merged = new EntitySpan(new TextSpan(start, spans[place].Span.End), EntityType.Org);
            spans.RemoveAll(s => s.Span.Overlaps(merged.Span));
            spans.Add(merged);
            spans.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        }
    }

    private static void SpeakersArePeople(string text, TokenWords w, List<EntitySpan> spans)
    {
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in spans)
        {
            if (s.Type == EntityType.Person)
            {
                var words = s.Span.Of(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 1)
                {
                    surnames.Add(words[^1]);
                }
            }
        }

        for (var i = 0; i < spans.Count; i++)
        {
            var s = spans[i];
            if (s.Type != EntityType.Misc || !surnames.Contains(s.Span.Of(text)))
            {
                continue;
            }

            // The word right after the mention, or right before it: "Kalashnikov said" and the inverted
            // attribution after a quote, "said Kalashnikov".
            int previous = -1, next = -1;
            for (var t = 0; t < w.Count; t++)
            {
                if (w[t].End <= s.Span.Start)
                {
                    previous = t;
                }
                else if (w[t].Start >= s.Span.End)
                {
                    next = t;
                    break;
                }
            }

            if ((next >= 0 && w.In(next, SpeechVerbs)) || (previous >= 0 && w.In(previous, SpeechVerbs)))
            {
                spans[i] = s with { Type = EntityType.Person };
            }
        }
    }

    private static bool OnlySpace(string text, int from, int to)
    {
        if (to <= from)
        {
            return false;
        }

        for (var i = from; i < to; i++)
        {
            if (text[i] != ' ')
            {
                return false;
            }
        }

        return true;
    }
}
