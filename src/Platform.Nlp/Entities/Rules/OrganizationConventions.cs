using Platform.Nlp.Analysis;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Entities.Rules;

/// <summary>
/// News conventions for organizations and titled documents that a CoNLL-trained model does not know, applied to
/// the model's spans:
/// <list type="bullet">
/// <item>a quoted title-case name headed by "Law", "Act", "Treaty" ... is one MISC mention ("the “Act on Clean
/// Rivers”"), and a lone "Constitution" the model took for a place is the document;</item>
/// <item>the object of a channel phrase ("in an interview with X", "in a conversation with X", "told X") that is
/// not a person, a nationality or a known place is a media organization;</item>
/// <item>"the director/head/chairman/CEO of X, &lt;Person&gt;": X is an organization unless a place list knows it;</item>
/// <item>a capitalized run ending in an institutional head ("Foreign Ministry", "Security Council") is an
/// organization;</item>
/// <item>"[Parent] Committee on Topic" and "Parent's committee on topic": the committee and its parent body are
/// two organizations;</item>
/// <item>"General Secretariat of the Organization of X": an organ and the organization it belongs to are two
/// organizations when both are named in full;</item>
/// <item>"Dockworkers Union Local 12", "Teamsters Local 727": a branch word ending an organization keeps the number
/// after it, which is what tells one local from another; "SEIU Local 1021" is an organization even when the model
/// found nothing there.</item>
/// </list>
/// </summary>
internal static class OrganizationConventions
{
    private static readonly WordSet DocumentHeads = new(
        "Law", "Act", "Bill", "Treaty", "Convention", "Code", "Decree", "Resolution", "Charter", "Accord", "Agreement",
        "Protocol", "Doctrine", "Declaration");

    private static readonly WordSet TitleFunctionWords = new(
        "on", "of", "the", "a", "an", "and", "for", "to", "in", "against", "about", "with", "by", "at", "from", "or");

    private static readonly WordSet TitlePrepositions = new("on", "of", "for", "against", "to", "about", "concerning", "regarding");

    private static readonly WordSet ChannelNouns = new("interview", "interviews", "conversation", "comment", "comments");

    private static readonly WordSet MediaNouns = new(
        "newspaper", "paper", "channel", "TV", "television", "broadcaster", "radio", "station", "agency", "news",
        "magazine", "daily", "weekly", "outlet", "portal", "website", "publication", "network");

    private static readonly WordSet Honorifics = new(
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "President", "Prime", "Minister", "Senator", "Governor",
        "General", "Colonel", "Judge", "Sir", "Lord", "Lady", "King", "Queen", "Prince", "Pope", "Father", "Rabbi", "Sen",
        "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Amb", "Secretary", "Speaker", "Chairman", "Mayor", "Chancellor",
        "Ambassador", "Rev", "Saint", "St", "Mister", "Madam", "Madame", "Sheikh", "Emir", "Ayatollah", "Mullah");

    // Roles that name the person who runs an organization; "president" and "governor" are left out because places
    // have them too.
    private static readonly WordSet LeaderRoles = new(
        "director", "head", "chairman", "chairwoman", "chairperson", "chair", "CEO", "chief", "founder", "owner", "boss",
        "spokesman", "spokeswoman", "spokesperson", "executive");

    private static readonly WordSet InstitutionHeads = new(
        "Ministry", "Committee", "Commission", "Council", "Secretariat", "Agency", "Directorate", "Bureau", "Inspectorate");

    private static readonly WordSet Determiners = new(
        "The", "A", "An", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our", "Every", "Each", "Some");

    private static readonly WordSet CommitteeHeads = new("Committee", "Commission", "Subcommittee");

    private static readonly WordSet TopicStopWords = new(
        "on", "of", "the", "a", "an", "and", "or", "for", "to", "in", "at", "by", "from", "with", "that", "which", "who",
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "says", "told", "but");

    private static readonly WordSet CommitteeModifiers = new(
        "Select", "Joint", "Standing", "Permanent", "Special", "Executive", "Steering", "Central", "Main", "Ad", "Hoc",
        "Organizing", "Organising", "National", "International", "Federal", "State", "Judiciary", "Ethics");

    private static readonly WordSet Calendar = new(
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December");

    private static readonly WordSet OrganHeads = new(
        "Secretariat", "Committee", "Commission", "Council", "Board", "Institute", "Department", "Directorate", "Bureau",
        "Presidium", "Division", "Office");

    // Words that name a numbered branch of a union, lodge or party; the number belongs to the name.
    private static readonly WordSet BranchWords = new("Local", "Lodge", "Chapter", "Branch", "Post", "District", "Division", "Ward");

    private static readonly WordSet WholeOrganizationHeads = new("Organization", "Organisation", "Academy", "Association", "League");

    /// <summary>Rules that retype or add single mentions; run before organizations absorb nationalities and places.</summary>
    public static void ApplyBeforeMerges(Document document, Lexicon lexicon, List<EntitySpan> spans)
    {
        var w = new TokenWords(document);
        TitledDocuments(document.Text, w, spans);
        InstitutionNames(w, spans);
        MediaObjects(document.Text, w, lexicon, spans);
        LeadersOf(document.Text, w, lexicon, spans);
    }

    /// <summary>Rules that split merged organizations; run after the merges.</summary>
    public static void ApplyAfterMerges(Document document, List<EntitySpan> spans)
    {
        var w = new TokenWords(document);
        Committees(w, spans);
        OrgansOfOrganizations(w, spans);
        NumberedBranches(w, spans);
    }

    // "Union Local 12": the model ends the name at "Local", or before it, because a number is rarely part of a CoNLL
    // name.
    private static void NumberedBranches(TokenWords w, List<EntitySpan> spans)
    {
        for (var t = 1; t + 1 < w.Count; t++)
        {
            if (!w.In(t, BranchWords) || !char.IsUpper(w.Text(t)[0]) || !w.IsNumber(t + 1) || !w.Joined(t))
            {
                continue;
            }

            var org = spans.FindIndex(s => s.Type == EntityType.Org && s.Span.End == w[t].End && s.Span.Start < w[t].Start);
            if (org < 0 && w.Joined(t - 1) && !Covered(spans, w[t].Span))
            {
                org = spans.FindIndex(s => s.Type == EntityType.Org && s.Span.End == w[t - 1].End);
            }

            if (org >= 0 && !Covered(spans, w[t + 1].Span))
            {
                spans[org] = spans[org] with { Span = new TextSpan(spans[org].Span.Start, w[t + 1].End) };
            }
            else if (org < 0 && w.Is(t, "Local") && w.Joined(t - 1) && IsAcronym(w.Text(t - 1))
                     && !Covered(spans, new TextSpan(w[t - 1].Start, w[t + 1].End)))
            {
                // "SEIU Local 1021", "UAW Local 600": a union's acronym and its local number, which the model, trained
                // on text with few numbered names, may miss altogether.
                spans.Add(new EntitySpan(new TextSpan(w[t - 1].Start, w[t + 1].End), EntityType.Org));
                spans.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            }
        }
    }

    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 6)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    // “Law on the Protection of Wetlands”: between quote marks, a document head and title-case words only.
    private static void TitledDocuments(string text, TokenWords w, List<EntitySpan> spans)
    {
        for (var t = 0; t + 1 < w.Count; t++)
        {
            // The head is followed by a lowercase preposition: "Law on ...", "Act for ...", not "Law and Order".
            if (w[t].Kind != TokenKind.QuoteMark || !w.In(t + 1, DocumentHeads) || !char.IsUpper(w.Text(t + 1)[0])
                || !w.In(t + 2, TitlePrepositions) || !char.IsLower(w.Text(t + 2)[0]))
            {
                continue;
            }

            var close = -1;
            var titleCase = true;
            for (var u = t + 2; u < w.Count && u <= t + 16; u++)
            {
                if (w[u].Kind == TokenKind.QuoteMark)
                {
                    close = u;
                    break;
                }

                var word = w.Text(u);
                if (w[u].Kind == TokenKind.Punctuation && u + 1 < w.Count && w[u + 1].Kind == TokenKind.QuoteMark && word is "," or ".")
                {
                    continue;
                }

                // Title case as in a law's name: function words in lowercase, every other word capitalized.
                titleCase &= w[u].Kind == TokenKind.Number
                    || (w[u].Kind == TokenKind.Word && (w.In(u, TitleFunctionWords) ? char.IsLower(word[0]) : char.IsUpper(word[0])));
            }

            // The name ends at the closing quote, or before a comma or period placed inside it.
            var last = close - 1;
            if (close < 0 || !titleCase || last <= t + 1)
            {
                continue;
            }

            if (w[last].Kind == TokenKind.Punctuation)
            {
                last--;
            }

            if (w.In(last, TitleFunctionWords))
            {
                continue;
            }

            Replace(spans, new EntitySpan(new TextSpan(w[t + 1].Start, w[last].End), EntityType.Misc));
            t = close;
        }

        for (var i = 0; i < spans.Count; i++)
        {
            if (spans[i].Type is EntityType.Loc or EntityType.Org && spans[i].Span.Of(text) == "Constitution")
            {
                spans[i] = spans[i] with { Type = EntityType.Misc };
            }
        }
    }

    // "Foreign Ministry", "Security Council": capitalized words no model span covers, ending in an institutional head.
    private static void InstitutionNames(TokenWords w, List<EntitySpan> spans)
    {
        for (var t = 1; t < w.Count; t++)
        {
            if (!w.In(t, InstitutionHeads) || !char.IsUpper(w.Text(t)[0]) || Covered(spans, w[t].Span))
            {
                continue;
            }

            var first = t;
            while (first > 0 && IsCapitalizedWord(w, first - 1) && w.Joined(first - 1) && !Covered(spans, w[first - 1].Span))
            {
                first--;
            }

            while (first < t && w.In(first, Determiners))
            {
                first++;
            }

            // "Senate" + "Foreign Relations Committee": an organization directly before is the same body.
            var before = first == t ? -1 : spans.FindIndex(s => s.Type == EntityType.Org && first > 0 && s.Span.End == w[first - 1].End && w.Joined(first - 1));
            if (first < t)
            {
                var start = before >= 0 ? spans[before].Span.Start : w[first].Start;
                Replace(spans, new EntitySpan(new TextSpan(start, w[t].End), EntityType.Org));
            }
        }
    }

    // "in an interview with X", "in a conversation with the newspaper X", "told X".
    private static void MediaObjects(string text, TokenWords w, Lexicon lexicon, List<EntitySpan> spans)
    {
        for (var t = 0; t + 1 < w.Count; t++)
        {
            // A capitalized cue ("Told") is a title-case headline, where every word looks like a name.
            int next;
            if (!char.IsLower(w.Text(t)[0]))
            {
                continue;
            }

            if (w.In(t, ChannelNouns) && (w.Is(t + 1, "with") || w.Is(t + 1, "to")))
            {
                next = t + 2;
            }
            else if (w.Is(t, "told"))
            {
                next = t + 1;
            }
            else
            {
                continue;
            }

            if (w.Is(next, "the"))
            {
                next++;
            }

            while (next < w.Count && w.In(next, MediaNouns) && (char.IsLower(w.Text(next)[0]) || w.Is(next, "TV")) && IsCapitalizedWord(w, next + 1))
            {
                next++;
            }

            var end = next;
            while (end < w.Count && end < next + 5 && IsCapitalizedWord(w, end) && (end == next || w.Joined(end - 1)))
            {
                end++;
            }

            if (end == next || w.In(next, Honorifics) || w.In(next, Determiners))
            {
                continue;
            }

            var name = new TextSpan(w[next].Start, w[end - 1].End);
            var start = name.Start;
            var stop = name.End;
            var tagged = false;
            var keep = false;
            foreach (var s in spans)
            {
                if (!s.Span.Overlaps(name))
                {
                    continue;
                }

                // A title the model typed MISC ("told Morning Show") stays as it is.
                tagged = true;
                // A "person" whose name starts with a media word ("Radio Kessington") is the station.
                var mediaTakenForPerson = s.Type == EntityType.Person && w.In(next, MediaNouns);
                keep |= (s.Type != EntityType.Loc && !mediaTakenForPerson) || IsKnownPlace(text, w, lexicon, s.Span);
                start = Math.Min(start, s.Span.Start);
                stop = Math.Max(stop, s.Span.End);
            }

            // An untagged name that starts with a first name is more likely a person the model missed, and one
            // made of nationalities ("told African-Americans") is a group of people.
            // A word the model typed as a person elsewhere in the text ("Smith") is that person here too.
            if (keep || (!tagged && (IsFirstName(lexicon, w.Text(next)) || IsGroup(text, lexicon, w, next, end) || NamesPerson(text, w, spans, next, end))))
            {
                continue;
            }

            // "The Daily Planet" that the model tagged with its article: the name starts after it.
            var at = TokenStartingAtOrAfter(w, start);
            if (at >= 0 && w.Is(at, "the") && at + 1 < w.Count && w[at + 1].End <= stop)
            {
                start = w[at + 1].Start;
            }

            Replace(spans, new EntitySpan(new TextSpan(start, stop), EntityType.Org));
        }
    }

    // "the general director of X, <Person>": X is the organization that person runs.
    private static void LeadersOf(string text, TokenWords w, Lexicon lexicon, List<EntitySpan> spans)
    {
        for (var t = 0; t + 3 < w.Count; t++)
        {
            if (!w.In(t, LeaderRoles) || !w.Is(t + 1, "of"))
            {
                continue;
            }

            var next = w.Is(t + 2, "the") ? t + 3 : t + 2;
            if (next >= w.Count || !IsCapitalizedWord(w, next))
            {
                continue;
            }

            var index = spans.FindIndex(s => s.Span.Start == w[next].Start);
            TextSpan name;
            if (index >= 0)
            {
                if (spans[index].Type is not (EntityType.Loc or EntityType.Misc))
                {
                    continue;
                }

                name = spans[index].Span;
            }
            else
            {
                var end = next;
                while (end < w.Count && IsCapitalizedWord(w, end) && !Covered(spans, w[end].Span) && (end == next || w.Joined(end - 1)))
                {
                    end++;
                }

                name = new TextSpan(w[next].Start, w[end - 1].End);
            }

            var comma = TokenStartingAtOrAfter(w, name.End);
            if (comma < 0 || comma + 1 >= w.Count || !w.Is(comma, ",")
                || !spans.Exists(s => s.Type == EntityType.Person && s.Span.Start == w[comma + 1].Start)
                || IsKnownPlace(text, w, lexicon, name))
            {
                continue;
            }

            Replace(spans, new EntitySpan(name, EntityType.Org));
        }
    }

    // "the Duma Committee on Energy" -> "Duma" + "Committee on Energy" (a one-word parent body and its committee);
    // "the House Select Committee on Ports" stays one organization, extended over its topic;
    // "the Assembly's committee on local government" -> "Assembly" + "committee on local government".
    private static void Committees(TokenWords w, List<EntitySpan> spans)
    {
        for (var t = 0; t + 2 < w.Count; t++)
        {
            if (!w.In(t, CommitteeHeads) || !w.Is(t + 1, "on") || !w.Joined(t))
            {
                continue;
            }

            var capitalized = char.IsUpper(w.Text(t)[0]);
            if (!capitalized && !(t >= 2 && IsPossessive(w.Text(t - 1)) && spans.Exists(s => s.Type == EntityType.Org && s.Span.End == w[t - 1].Start)))
            {
                continue;
            }

            var last = capitalized ? CapitalizedTopic(w, t + 2) : LowercaseTopic(w, t + 2);
            if (last < 0)
            {
                continue;
            }

            var committee = new TextSpan(w[t].Start, w[last].End);
            var model = spans.FindIndex(s => s.Type == EntityType.Org && s.Span.Start < w[t].Start && s.Span.End >= w[t].End);
            if (model >= 0)
            {
                var parentFirst = TokenStartingAtOrAfter(w, spans[model].Span.Start);
                if (parentFirst == t - 1 && !w.In(t - 1, CommitteeModifiers))
                {
                    var parent = new EntitySpan(new TextSpan(spans[model].Span.Start, w[t - 1].End), EntityType.Org);
                    Replace(spans, new EntitySpan(committee, EntityType.Org));
                    spans.Add(parent);
                    spans.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
                }
                else
                {
                    Replace(spans, new EntitySpan(new TextSpan(spans[model].Span.Start, Math.Max(committee.End, spans[model].Span.End)), EntityType.Org));
                }
            }
            else
            {
                // An untagged "Select Committee on ..." keeps its capitalized modifiers.
                var first = t;
                while (capitalized && first > 0 && IsCapitalizedWord(w, first - 1) && w.Joined(first - 1) && !Covered(spans, w[first - 1].Span)
                       && !w.In(first - 1, Determiners))
                {
                    first--;
                }

                Replace(spans, new EntitySpan(new TextSpan(w[first].Start, committee.End), EntityType.Org));
            }

            t = last;
        }
    }

    // "Defense", "Foreign Affairs", "Science, Space and Technology": capitalized words with lowercase function words
    // inside; a comma list only when "and" closes it. Days and months end the topic ("Committee on Monday").
    private static int CapitalizedTopic(TokenWords w, int from)
    {
        var last = -1;
        for (var u = from; u < w.Count && u < from + 10; u++)
        {
            var word = w.Text(u);
            if (w[u].Kind == TokenKind.Word && char.IsUpper(word[0]) && !w.In(u, Calendar))
            {
                last = u;
            }
            else if (last >= 0 && w[u].Kind == TokenKind.Word && char.IsLower(word[0]) && w.In(u, TitleFunctionWords) && IsCapitalizedWord(w, u + 1) && !w.In(u + 1, Calendar))
            {
                // an inner function word
            }
            else if (last >= 0 && w.Is(u, ",") && ListClosedByAnd(w, u + 1))
            {
                // a list of topics
            }
            else
            {
                break;
            }
        }

        return last;
    }

    private static bool ListClosedByAnd(TokenWords w, int from)
    {
        for (var u = from; u < w.Count && u < from + 8; u++)
        {
            if (w.Is(u, "and"))
            {
                return IsCapitalizedWord(w, u + 1);
            }

            if (!IsCapitalizedWord(w, u) && !w.Is(u, ","))
            {
                return false;
            }
        }

        return false;
    }

    // "constitutional legislation": lowercase words up to a function word, verb of speech or punctuation.
    private static int LowercaseTopic(TokenWords w, int from)
    {
        var last = -1;
        for (var u = from; u < w.Count && u < from + 4; u++)
        {
            if (w[u].Kind != TokenKind.Word || !char.IsLower(w.Text(u)[0]) || w.In(u, TopicStopWords))
            {
                break;
            }

            last = u;
        }

        return last;
    }

    // "General Secretariat of the Organization of Pacific States" -> the organ and the organization.
    private static void OrgansOfOrganizations(TokenWords w, List<EntitySpan> spans)
    {
        for (var i = 0; i < spans.Count; i++)
        {
            var s = spans[i];
            if (s.Type != EntityType.Org)
            {
                continue;
            }

            var first = TokenStartingAtOrAfter(w, s.Span.Start);
            for (var t = first + 2; t + 2 < w.Count && w[t + 2].End <= s.Span.End; t++)
            {
                // Split at "of the" when the organ (before) has at least two words with an organ head and the
                // whole organization (after) names itself by one of its first two words.
                if (!w.Is(t, "of") || !w.Is(t + 1, "the") || t - first < 2)
                {
                    continue;
                }

                var organ = false;
                for (var u = first; u < t; u++)
                {
                    organ |= w.In(u, OrganHeads) && char.IsUpper(w.Text(u)[0]);
                }

                var whole = w.In(t + 2, WholeOrganizationHeads) || (t + 3 < w.Count && w[t + 3].End <= s.Span.End && w.In(t + 3, WholeOrganizationHeads));
                if (organ && whole)
                {
                    spans[i] = new EntitySpan(new TextSpan(s.Span.Start, w[t - 1].End), EntityType.Org);
                    spans.Insert(i + 1, new EntitySpan(new TextSpan(w[t + 2].Start, s.Span.End), EntityType.Org));
                    break;
                }
            }
        }
    }

    private static bool IsCapitalizedWord(TokenWords w, int index)
        => index >= 0 && index < w.Count && w[index].Kind == TokenKind.Word && char.IsUpper(w.Text(index)[0]);

    private static bool IsPossessive(ReadOnlySpan<char> word)
        => word.Length == 2 && word[0] is '\'' or '\u2019' && word[1] is 's' or 'S';

    private static bool IsFirstName(Lexicon lexicon, ReadOnlySpan<char> word)
        => lexicon.TryGetWord(word, out var entry) && (entry.Lists & (WordLists.FemaleFirstName | WordLists.MaleFirstName)) != 0;

    private static bool NamesPerson(string text, TokenWords w, List<EntitySpan> spans, int first, int end)
    {
        foreach (var s in spans)
        {
            if (s.Type != EntityType.Person)
            {
                continue;
            }

            var person = text.AsSpan(s.Span.Start, s.Span.Length);
            for (var t = first; t < end; t++)
            {
                var word = w.Text(t);
                var at = person.IndexOf(word, StringComparison.Ordinal);
                if (at >= 0 && (at == 0 || person[at - 1] == ' ') && (at + word.Length == person.Length || person[at + word.Length] == ' '))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsGroup(string text, Lexicon lexicon, TokenWords w, int first, int end)
    {
        var one = new TextSpan[1];
        for (var t = first; t < end; t++)
        {
            var word = w.Text(t);
            var offset = w[t].Start;
            foreach (var range in word.Split('-'))
            {
                // The nationality list has singulars only: "Narnians" is found as "Narnian".
                var part = word[range];
                var plural = part.Length > 1 && part[^1] == 's' ? 1 : 0;
                one[0] = new TextSpan(offset + range.Start.Value, offset + range.End.Value - plural);
                if (!NorpRule.Groups.Contains(part) && !lexicon.IsPhrase(text, one, PhraseList.Nationality))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsKnownPlace(string text, TokenWords w, Lexicon lexicon, TextSpan span)
    {
        var tokens = new List<TextSpan>();
        for (var t = TokenStartingAtOrAfter(w, span.Start); t >= 0 && t < w.Count && w[t].End <= span.End; t++)
        {
            tokens.Add(w[t].Span);
        }

        return tokens.Count > 0 && (lexicon.IsPhrase(text, tokens, PhraseList.City) || lexicon.IsPhrase(text, tokens, PhraseList.Country)
            || lexicon.IsPhrase(text, tokens, PhraseList.Nationality));
    }

    private static bool Covered(List<EntitySpan> spans, TextSpan span) => spans.Exists(s => s.Span.Overlaps(span));

    private static int TokenStartingAtOrAfter(TokenWords w, int offset)
    {
        int lo = 0, hi = w.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (w[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < w.Count ? lo : -1;
    }

    private static void Replace(List<EntitySpan> spans, EntitySpan span)
    {
        spans.RemoveAll(s => s.Span.Overlaps(span.Span));
        spans.Add(span);
        spans.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
    }
}
