using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>
/// Turns a speaker phrase into a speaker with a canonical name: names map to their entity (a capital standing for a
/// state maps to the country), pronouns to the most recent earlier person of the right gender, descriptions to the
/// most recent earlier person whose introduction fits the role ("the expert" → the analyst quoted before), and
/// document words ("the bill") to the most recently quoted title.
/// </summary>
internal sealed class SpeakerResolver(ArticleContext ctx, QuoteLexicon lexicon)
{
    private const int PronounReach = 2500;

    // How many paragraphs after a role noun its person may first be named.
    private const int NamingReach = 6;

    private readonly Dictionary<int, HashSet<string>> _roles = [];
    private readonly Dictionary<int, char> _genders = [];
    private readonly Dictionary<int, HashSet<string>> _introductions = [];
    private OrganizationLookup? _organizations;

    /// <summary>Quoted titles ("the “Law on …”"), by position, for "the bill" or "the document".</summary>
    public List<TextSpan> Titles { get; } = [];

    /// <summary>Speakers already attributed, by the position of their quote, for descriptions without a fitting role.</summary>
    public List<(int Position, Speaker Speaker)> History { get; } = [];

    private OrganizationLookup Organizations => _organizations ??= new OrganizationLookup(ctx, lexicon, IntroductionOf);

    public Speaker Resolve(SpeakerPhrase phrase)
    {
        var mention = phrase.Span;
        switch (phrase.Kind)
        {
            case PhraseKind.Name:
                return FromName(phrase.Mention!.Value, mention);
            case PhraseKind.Pronoun:
                return FromPronoun(mention) ?? new Speaker(mention.Of(ctx.Text), null, mention);
            default:
                return FromDescription(phrase) ?? new Speaker(mention.Of(ctx.Text), null, mention);
        }
    }

    private Speaker FromName(MentionRef m, TextSpan mention)
    {
        var entity = m.Entity;
        if (entity.Type == EntityType.Loc && lexicon.Capitals.TryGetValue(m.Span.Of(ctx.Text), out var country))
        {
            var state = ctx.Entities.FirstOrDefault(e => e.Type == EntityType.Loc && e.Name == country);
            return new Speaker(country, state?.Id, mention);
        }

        return new Speaker(entity.Name, entity.Id, mention);
    }

    private Speaker? FromPronoun(TextSpan mention)
    {
        var word = mention.Of(ctx.Text).ToLowerInvariant();
        char? gender = word switch
        {
            "he" or "him" or "his" => 'M',
            "she" or "her" => 'F',
            _ => null,
        };
        if (word == "who")
        {
            var antecedent = ctx.Mentions.LastOrDefault(m => m.Span.End <= mention.Start && mention.Start - m.Span.End < 200
                                                             && m.Entity.Type is EntityType.Person or EntityType.Org);
            return antecedent.Entity is null ? null : new Speaker(antecedent.Entity.Name, antecedent.Entity.Id, mention);
        }

        if (word is "they" or "them" or "it" or "we" or "i")
        {
            // "they"/"it" often stand for an organization; first person only inside quotes. Leave unresolved unless an
            // organization was the last speaker.
            if (word is "it" or "they" && History.Count > 0 && History[^1].Speaker.EntityId is int id
                && ctx.Entities[id].Type == EntityType.Org && mention.Start - History[^1].Position < PronounReach)
            {
                return History[^1].Speaker with { Mention = mention };
            }

            return null;
        }

        bool Fits(Entity e) => gender is null || GenderOf(e) is var g && (g == '?' || g == gender);
        var best = DescribedSpeakerBefore(mention.Start, Fits) ?? SalientPerson(mention.Start, Fits) ?? LastPerson(mention.Start, Fits);
        return best is null ? null : new Speaker(best.Name, best.Id, mention);
    }

    private Speaker? FromDescription(SpeakerPhrase phrase)
    {
        var roles = phrase.Roles ?? [];
        var at = phrase.Span.Start;
        roles = roles.Where(r => r != "body").ToArray();
        if (roles.Contains("document"))
        {
            if ((IssuerOf(phrase) ?? PublisherOf(phrase)) is { } issuer)
            {
                return issuer with { Mention = phrase.Span };
            }

            var title = Titles.LastOrDefault(t => t.End <= at);
            if (title.Length > 0)
            {
                return new Speaker(title.Of(ctx.Text), null, phrase.Span);
            }

            var law = ctx.Mentions.LastOrDefault(m => m.Span.End <= at && m.Entity.Type == EntityType.Misc
                                                      && m.Entity.Name.Split(' ').Any(w => w is "Law" or "Act" or "Bill"));
            return law.Entity is null ? null : new Speaker(law.Entity.Name, law.Entity.Id, phrase.Span);
        }

        if (!phrase.Plural && phrase.Possessor is null && !roles.Contains("candidate") && IsDefinite(phrase) && HeadNoun(phrase) is { } noun)
        {
            // "the department" after "the Department for Water and Land Management", "the local" after "Transit
            // Union Local 1587": an organization whose name carries the head noun, whatever the noun.
            // Not the words of a legal form: "the company" after "Moelis & Company" may well be another company.
            var carrier = LegalFormNouns.Contains(noun) ? default : Organizations.LatestHeadedBy(at, noun, EntityType.Org);
            if (carrier.Entity is null && lexicon.OrganizationNameWords.ContainsKey(noun))
            {
                // "the hospital said" after "St. Brigid's Regional Medical Centre" or "the retailer" after "Halvorsen &
                // Pike, the retailer": an organization of that kind, never just the latest organization.
                carrier = Organizations.OfKind(at, noun);
            }
            else if (carrier.Entity is null && OrganizationLookup.IsMakerNoun(noun))
            {
                // "the Ohio-based food maker", "the automaker": the latest business named before.
                carrier = Organizations.LatestBusiness(at);
            }

            if (carrier.Entity is not null)
            {
                return new Speaker(carrier.Entity.Name, carrier.Entity.Id, phrase.Span);
            }

            // "the coach" after "coach Rafael Medina", "the spokesperson" after "Carla Jiménez, a spokesperson for
            // Merriman": the person the text introduced with that very noun, before any other holder of its role.
            // Not for nouns of organizations and places: "union president Raymond Szabo" is not "the union".
            var nounRoles = lexicon.RolesOf(noun, out _) ?? [];
            var introduced = !nounRoles.All(QuoteLexicon.IsPersonRole) || IsDocumentNoun(noun)
                ? null
                : RecentSpeakerIntroducedAs(at, noun) ?? LastPerson(at, e => IntroductionOf(e).Contains(noun)) ?? NamedLaterAs(at, noun);
            if (introduced is not null)
            {
                return new Speaker(introduced.Name, introduced.Id, phrase.Span);
            }
        }

        if (PhraseWords(phrase) is [var only] && only.Equals("police", StringComparison.OrdinalIgnoreCase)
            || PhraseWords(phrase) is [var the, "police"] && the.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            // "Police said" in a story that named the force ("the Ardwick Police Service"): that force.
            string[] police = ["police"];
            var force = Organizations.LatestCarrying(at, police);
            if (force.Entity is not null)
            {
                return new Speaker(force.Entity.Name, force.Entity.Id, phrase.Span);
            }
        }

        if (roles.Contains("group"))
        {
            return null;
        }

        if (roles.Contains("candidate") && phrase.Possessor is null && PhraseWords(phrase).FirstOrDefault() is { } determiner
            && determiner.ToLowerInvariant() is "his" or "her")
        {
            // "her campaign said": the campaign of the woman "her" refers to, as "Olsen's campaign" is Olsen's.
            var pronoun = new TextSpan(phrase.Span.Start, phrase.Span.Start + determiner.Length);
            return FromPronoun(pronoun) is { EntityId: int } candidate ? candidate with { Mention = phrase.Span } : null;
        }

        if (phrase.Possessor is { } owner)
        {
            // "Clinton's campaign" speaks for Clinton, as "the campaign" speaks for its candidate.
            if (roles.Contains("candidate") && owner.Entity.Type == EntityType.Person)
            {
                return new Speaker(owner.Entity.Name, owner.Entity.Id, phrase.Span);
            }

            // "Ada Brook's lawyer": a person introduced in that role, never the possessor nor a recent speaker.
            var own = LastPerson(at, e => e.Id != owner.Entity.Id && RolesOf(e).Overlaps(roles));
            return own is null ? null : new Speaker(own.Name, own.Id, phrase.Span);
        }

        // The first role noun that is not a possessive heads the description: "the union" is the union, "the head of
        // the ministry" and "the union's lawyer" are people.
        var head = PhraseWords(phrase).FirstOrDefault(w => !IsPossessive(w) && lexicon.RolesOf(w, out _) is not null);
        if (head is not null && lexicon.RolesOf(head, out _) is { } placeRoles && placeRoles.Contains("place") && !phrase.Plural
            && PhraseWords(phrase).LastOrDefault() is { } lastWord && lastWord.Equals(head, StringComparison.OrdinalIgnoreCase))
        {
            // "the city said": its government, named as an organization ("City of Bergen") or as the place itself.
            // Only when the place noun ends the phrase: "the city council" is the council.
            string[] nouns = [head.ToLowerInvariant().TrimEnd('s')];
            var government = Organizations.LatestCarrying(at, nouns);
            if (government.Entity is null)
            {
                // "the City of Harlow Bay" read as a place: still the city's own name.
                government = Organizations.LatestHeadedBy(at, nouns[0], EntityType.Loc);
            }

            var place = government.Entity is not null
                ? government
                : ctx.Mentions.LastOrDefault(m => m.Span.End <= at && m.Entity.Type == EntityType.Loc && !ctx.InsideQuote(m.Span.Start)
                                                  && !lexicon.Capitals.ContainsValue(m.Entity.Name));
            return place.Entity is null ? null : new Speaker(place.Entity.Name, place.Entity.Id, phrase.Span);
        }

        if (head is not null && lexicon.RolesOf(head, out _) is { } headRoles && headRoles.Contains("body"))
        {
            // "the union" after "Dockworkers Union Local 12": the latest organization whose name carries the noun.
            // None named so: the phrase stays the speaker, rather than some other organization of the article.
            string[] nouns = [head.ToLowerInvariant().TrimEnd('s')];
            // A numbered local ("SEIU Local 1021") is a union too.
            var union = nouns[0] == "union";
            var body = Organizations.LatestCarrying(at, nouns, orUnionLocal: union);
            if (body.Entity is null && !phrase.Plural && lexicon.OrganizationNameWords.ContainsKey(nouns[0]))
            {
                body = Organizations.OfKind(at, nouns[0]); // "the union" after "Eastern Districts Nurses Association"
            }
            if (body.Entity is not null)
            {
                return new Speaker(body.Entity.Name, body.Entity.Id, phrase.Span);
            }

            // "the ministry" with no ministry named may still be its minister, quoted before; "the union" is no person.
            // Only a person introduced by the body's own role counts ("the minister", "ministry spokeswoman"), not any
            // official: a union president quoted before is not "the ministry".
            var own = headRoles.Where(r => r is not ("body" or "official")).ToArray();
            var minister = own.Length == 0 ? null : LastPerson(at, e => RolesOf(e).Overlaps(own));
            return minister is null ? null : new Speaker(minister.Name, minister.Id, phrase.Span);
        }


        if (roles.Contains("org"))
        {
            // "the agency said in a Facebook post": a platform or an outlet is where it was said, not who said it.
            // "a spokesperson for the company": a business, not the regulator named after it.
            // "a department spokesman": the organization its noun heads, as for "the department".
            var words = PhraseWords(phrase).Select(w => QuoteLexicon.StripPossessive(w).ToLowerInvariant()).ToList();
            var business = words.Exists(w => w is "company" or "firm");
            var org = words.Where(w => !LegalFormNouns.Contains(w) && (lexicon.RolesOf(w, out _) ?? []).Contains("org"))
                .Select(w => Organizations.LatestHeadedBy(at, w, EntityType.Org)).FirstOrDefault(m => m.Entity is not null);
            if (org.Entity is null && business)
            {
                org = Organizations.LatestBusiness(at);
            }

            if (org.Entity is null)
            {
                org = Organizations.Latest(at);
            }

            return org.Entity is null ? null : new Speaker(org.Entity.Name, org.Entity.Id, phrase.Span);
        }

        if (PhraseWords(phrase).FirstOrDefault()?.ToLowerInvariant() is "another")
        {
            return null; // "Another resident said": not the resident quoted before
        }

        var fitting = LastPerson(at, e => RolesOf(e).Overlaps(roles));
        if (fitting is not null)
        {
            return new Speaker(fitting.Name, fitting.Id, phrase.Span);
        }

        // "The spokesperson said" after "a spokesperson for Pellucid Systems said", "the person" after "a person
        // familiar with the matter": whoever that earlier description stood for. Not for nouns of organizations,
        // places and documents ("the company" is the latest company, "the poll" the latest poll).
        if (!phrase.Plural && IsDefinite(phrase) && HeadNoun(phrase) is { } shared && !NumberWords.Contains(shared) && !IsDocumentNoun(shared)
            && (lexicon.RolesOf(shared, out _) ?? []).All(QuoteLexicon.IsPersonRole)
            && EarlierDescribedSpeaker(at, shared) is { } earlier)
        {
            return earlier with { Mention = phrase.Span };
        }

        if (phrase.Plural)
        {
            return null;
        }

        // No earlier person carries the role: the most recent person speaker is the best guess, unless the text
        // introduced them as something else ("council member Ada Brook" is not "the city manager").
        for (var h = History.Count - 1; h >= 0; h--)
        {
            if (History[h].Position <= at && History[h].Speaker.EntityId is int id && ctx.Entities[id].Type == EntityType.Person)
            {
                return DescribedOtherwise(ctx.Entities[id], roles) ? null : History[h].Speaker with { Mention = phrase.Span };
            }
        }

        var last = LastPerson(at, e => !DescribedOtherwise(e, roles));
        return last is null ? null : new Speaker(last.Name, last.Id, phrase.Span);
    }

    // The words of a legal form: "the company" after "Moelis & Company" may well be another company.
    private static readonly HashSet<string> LegalFormNouns = new(StringComparer.Ordinal) { "company", "corporation", "firm", "group" };

    // "the two write": a count of people, not a noun that an earlier description shares.
    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "several",
    };

    private static readonly HashSet<string> IssuedDocuments = new(StringComparer.OrdinalIgnoreCase)
    {
        "statement", "letter", "release", "memo", "email", "e-mail", "post", "tweet", "filing", "complaint",
    };

    // "The authority said in a statement …. 'We have bargained in good faith,' the statement said.": a statement or
    // letter speaks for whoever was just quoted issuing one. The speaker of a recent quote (two paragraphs back at
    // most) whose sentence names the same kind of document.
    private Speaker? IssuerOf(SpeakerPhrase phrase)
    {
        var head = DocumentNoun(phrase, IssuedDocuments);
        if (head is null)
        {
            return null;
        }

        var floor = TwoParagraphsBack(phrase.Span.Start);
        for (var h = History.Count - 1; h >= 0; h--)
        {
            var (position, speaker) = History[h];
            if (position > phrase.Span.Start || speaker.Mention is not { } mention)
            {
                continue;
            }

            if (mention.Start < floor)
            {
                break;
            }

            var sentence = ctx.Document.SentenceAt(mention.Start);
            if (sentence >= 0 && Names(ctx.Document.Sentences[sentence], head) && !IssuedDocuments.Contains(speaker.Name.Split(' ')[^1]))
            {
                return speaker;
            }
        }

        return null;
    }

    private static readonly HashSet<string> PublishedDocuments = new(StringComparer.OrdinalIgnoreCase)
    {
        "report", "study", "survey", "poll", "analysis", "audit", "review", "paper", "statement", "letter", "release",
    };

    // "The Harbour Institute published a report on Monday. … The report said …": a document speaks for the
    // organization named in the latest earlier sentence (two paragraphs back at most) that mentions the document and
    // names one.
    private Speaker? PublisherOf(SpeakerPhrase phrase)
    {
        var head = DocumentNoun(phrase, PublishedDocuments);
        var sentence = ctx.Document.SentenceAt(phrase.Span.Start);
        if (head is null || sentence < 0)
        {
            return null;
        }

        var floor = TwoParagraphsBack(phrase.Span.Start);
        for (var k = sentence - 1; k >= 0 && ctx.Document.Sentences[k].End > floor; k--)
        {
            var bounds = ctx.Document.Sentences[k];
            if (!Names(bounds, head))
            {
                continue;
            }

            var publisher = ctx.Mentions.FirstOrDefault(m => m.Span.Start >= bounds.Start && m.Span.End <= bounds.End
                                                              && m.Entity.Type == EntityType.Org && !ctx.InsideQuote(m.Span.Start));
            if (publisher.Entity is not null)
            {
                return new Speaker(publisher.Entity.Name, publisher.Entity.Id, phrase.Span);
            }
        }

        return null;
    }

    // The last word of the phrase that is one of these document nouns ("the statement", "the group's report").
    private string? DocumentNoun(SpeakerPhrase phrase, HashSet<string> nouns)
        => PhraseWords(phrase).Select(QuoteLexicon.StripPossessive).LastOrDefault(nouns.Contains);

    // Where the paragraph two paragraphs before the offset starts: how far back a document's issuer is looked for.
    private int TwoParagraphsBack(int offset)
        => ctx.Paragraphs.Count == 0 ? 0 : ctx.Paragraphs[Math.Max(ctx.ParagraphAt(offset) - 2, 0)].Start;

    // Whether the sentence has the noun or its plural as a word ("a statement", "statements").
    private bool Names(TextSpan sentence, string noun)
        => sentence.Of(ctx.Text).Split([' ', ',', '.', ';', ':', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Any(w => w.Equals(noun, StringComparison.OrdinalIgnoreCase) || w.Equals(noun + "s", StringComparison.OrdinalIgnoreCase));

    // Whether the person's own introduction names a person role and none of these: "transport minister Olga
    // Petrova" is described otherwise than "the expert". Organization, document and group nouns do not count.
    private bool DescribedOtherwise(Entity person, string[] roles)
    {
        var own = RolesOf(person).Where(QuoteLexicon.IsPersonRole).ToList();
        return own.Count > 0 && !own.Any(roles.Contains);
    }

    private string[] PhraseWords(SpeakerPhrase phrase)
        => phrase.Span.Of(ctx.Text).Split([' ', '\u00A0', ',', '-'], StringSplitOptions.RemoveEmptyEntries);

    private static bool IsPossessive(string word) => QuoteLexicon.StripPossessive(word).Length != word.Length;

    // The most recent fitting person in subject position (sentence subject or named speaker) within this and the
    // previous paragraph: "Rubio said … of Trump, whom he called …\n\nHe said …" is Rubio, not Trump.
    // "The mayor said …. “…,” she added.": the last speaker in this or the previous paragraph, named by a description or a pronoun
    // that was resolved to a person, is a more recent mention of that person than any name, unless a fitting person
    // is named after it.
    private Entity? DescribedSpeakerBefore(int before, Func<Entity, bool> accept)
    {
        var last = History.Count - 1;
        while (last >= 0 && History[last].Speaker.Mention is { } late && late.End > before)
        {
            last--;
        }

        if (last < 0 || History[last].Speaker is not { Mention: { } span, EntityId: int id }
            || ctx.ParagraphAt(before) - ctx.ParagraphAt(span.Start) is < 0 or > 1 || ctx.MentionAt(ctx.TokenFrom(span.Start)) is not null)
        {
            return null;
        }

        var person = ctx.Entities[id];
        if (person.Type != EntityType.Person || !accept(person))
        {
            return null;
        }

        foreach (var m in ctx.Mentions)
        {
            if (m.Span.Start > span.End && m.Span.End <= before && m.Entity.Type == EntityType.Person && m.Entity.Id != id
                && !ctx.InsideQuote(m.Span.Start) && accept(m.Entity))
            {
                return null;
            }
        }

        return person;
    }

    private Entity? SalientPerson(int before, Func<Entity, bool> accept)
    {
        var paragraph = ctx.ParagraphAt(before);
        var floor = ctx.Paragraphs.Count == 0 ? 0 : ctx.Paragraphs[Math.Max(paragraph - 1, 0)].Start;
        for (var i = ctx.Mentions.Count - 1; i >= 0; i--)
        {
            var m = ctx.Mentions[i];
            if (m.Span.Start < floor)
            {
                break;
            }

            if (m.Span.End > before || m.Entity.Type != EntityType.Person || ctx.InsideQuote(m.Span.Start))
            {
                continue;
            }

            if (accept(m.Entity) && IsSubjectLike(m.Span))
            {
                return m.Entity;
            }
        }

        return null;
    }

    private bool IsSubjectLike(TextSpan span)
    {
        var first = ctx.TokenFrom(span.Start);
        var after = ctx.TokenFrom(span.End);
        var sentence = ctx.Document.SentenceAt(span.Start);
        var sentenceStart = sentence >= 0 ? ctx.TokenFrom(ctx.Document.Sentences[sentence].Start) : 0;
        if (IsPossessor(span))
        {
            return false; // "Brook's lawyer said": the lawyer is the subject
        }

        if (first >= 2 && ctx.Word(first - 1) is "to" && ctx.Word(first - 2).Equals("according", StringComparison.OrdinalIgnoreCase))
        {
            return true; // "According to Brook, …": the source of the sentence
        }

        if (first == sentenceStart || ctx.Tokens[first - 1].Kind == TokenKind.QuoteMark)
        {
            return true;
        }

        if (ctx.IsPunct(first - 1, ',') && first - sentenceStart <= 10)
        {
            return true; // after a short opener: "On Monday, Rubio …"
        }

        // Named as a speaker: "said Bolton", "Rubio said", "Rubio, the senator, said".
        if (IsReporting(first - 1))
        {
            return true;
        }

        for (var t = after; t < ctx.Tokens.Count && t < after + 3; t++)
        {
            if (IsReporting(t))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPossessor(TextSpan span)
        => span.End + 1 < ctx.Text.Length && ctx.Text[span.End] is '\'' or '\u2019'
           && (ctx.Text[span.End + 1] is 's' && (span.End + 2 == ctx.Text.Length || !char.IsLetter(ctx.Text[span.End + 2]))
               || ctx.Text[span.End - 1] is 's' && !char.IsLetter(ctx.Text[span.End + 1]));

    private bool IsReporting(int t) => ctx.IsWord(t) && (lexicon.VerbTraitsOf(ctx.Word(t)) & (VerbTraits.Speech | VerbTraits.Cognition)) != 0
                                       && !char.IsUpper(ctx.First(t));

    private Entity? LastPerson(int before, Func<Entity, bool> accept)
    {
        for (var i = ctx.Mentions.Count - 1; i >= 0; i--)
        {
            var m = ctx.Mentions[i];
            if (m.Span.End > before || m.Entity.Type != EntityType.Person || ctx.InsideQuote(m.Span.Start) || ctx.IsBylineLine(m.Span.Start))
            {
                continue;
            }

            if (before - m.Span.End > PronounReach * 2)
            {
                break;
            }

            if (accept(m.Entity))
            {
                return m.Entity;
            }
        }

        return null;
    }

    /// <summary>'F', 'M' or '?' from the first name, a title, Slavic surname endings, or the pronouns already resolved to the person.</summary>
    public char GenderOf(Entity person)
    {
        if (_genders.TryGetValue(person.Id, out var known))
        {
            return known;
        }

        var gender = '?';
        var parts = person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1 && lexicon.Genders.TryGetValue(parts[0], out var g))
        {
            gender = g;
        }
        else if (parts.Length > 0)
        {
            var last = parts[^1];
            if (last.EndsWith("ova", StringComparison.Ordinal) || last.EndsWith("eva", StringComparison.Ordinal)
                || last.EndsWith("ina", StringComparison.Ordinal) || last.EndsWith("skaya", StringComparison.Ordinal))
            {
                gender = 'F';
            }
            else if (last.EndsWith("ov", StringComparison.Ordinal) || last.EndsWith("ev", StringComparison.Ordinal)
                     || last.EndsWith("sky", StringComparison.Ordinal) || last.EndsWith("skiy", StringComparison.Ordinal))
            {
                gender = 'M';
            }
        }

        if (gender == '?')
        {
            foreach (var m in person.Mentions)
            {
                var t = ctx.TokenFrom(m.Span.Start);
                var title = t >= 2 && ctx.IsPunct(t - 1, '.') ? ctx.Word(t - 2) : t >= 1 ? ctx.Word(t - 1) : "";
                gender = title switch
                {
                    "Mr" or "Mr." => 'M',
                    "Mrs" or "Ms" or "Mrs." or "Ms." or "Miss" => 'F',
                    _ => gender,
                };
            }
        }

        if (gender == '?')
        {
            // Nothing in the name says it: a "she" or "he" already resolved to the person does ("Quelby Marsh …
            // “…,” she said"), so a later "he" looks past her. Not cached: a later pronoun may still decide it.
            return PronounGender(person.Id);
        }

        _genders[person.Id] = gender;
        return gender;
    }

    // 'F' or 'M' when the quotes attributed so far reached the person only through pronouns of one gender, else '?'.
    private char PronounGender(int entityId)
    {
        var gender = '?';
        foreach (var (_, speaker) in History)
        {
            if (speaker.EntityId != entityId || speaker.Mention is not { } mention)
            {
                continue;
            }

            char? said = mention.Of(ctx.Text).ToLowerInvariant() switch
            {
                "she" or "her" => 'F',
                "he" or "him" or "his" => 'M',
                _ => null,
            };
            if (said is { } g)
            {
                if (gender != '?' && gender != g)
                {
                    return '?';
                }

                gender = g;
            }
        }

        return gender;
    }

    /// <summary>Roles named around a person's mentions: "political analyst X", "X, deputy director of …,".</summary>
    public HashSet<string> RolesOf(Entity person) => PerEntity(_roles, person, (m, roles) =>
    {
        var first = ctx.TokenFrom(m.Span.Start);
        // "the chairman of the committee, Alexander Sherin": the description before the comma is the role.
        var back = first >= 1 && ctx.IsPunct(first - 1, ',') ? first - 1 : first;
        for (var t = back - 1; t >= 0 && t >= back - 10; t--)
        {
            if (ctx.Tokens[t].Kind is TokenKind.QuoteMark || ctx.Tokens[t].Kind == TokenKind.Punctuation && ctx.First(t) is '.' or ',' or ';' or ':')
            {
                break;
            }

            // "Mayor Anna Lund and council member Berit Dahl": the words before a conjunction describe someone
            // else. (Another name alone does not end the description: "an attorney for Pagliano, Mark MacDougall".)
            if (ctx.IsWord(t) && ctx.Word(t) is "and" or "or" or "but" or "while")
            {
                break;
            }

            AddRoles(t, roles);
        }

        var after = ctx.TokenFrom(m.Span.End);
        if (after < ctx.Tokens.Count && ctx.IsPunct(after, ','))
        {
            for (var t = after + 1; t < ctx.Tokens.Count && t <= after + 14; t++)
            {
                if (ctx.Tokens[t].Kind is TokenKind.QuoteMark || ctx.Tokens[t].Kind == TokenKind.Punctuation && ctx.First(t) is '.' or ',' or ';')
                {
                    break;
                }

                AddRoles(t, roles);
            }
        }
    });

    private static readonly HashSet<string> HeadEnders = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "for", "at", "with", "from", "in", "on", "to", "according", "who", "which", "that",
    };

    // The noun that heads a description, lower case: the last word before any attachment ("the chairman of the
    // committee" → "chairman", "the 23-year-old striker" → "striker"); null when it is no plain word.
    private string? HeadNoun(SpeakerPhrase phrase)
    {
        string? head = null;
        foreach (var word in PhraseWords(phrase))
        {
            if (HeadEnders.Contains(word))
            {
                break;
            }

            head = word;
        }

        if (head is null)
        {
            return null;
        }

        head = QuoteLexicon.StripPossessive(head).ToLowerInvariant();
        return head.Length >= 3 && head.All(char.IsLetter) && !Determiners.Contains(head) ? head : null;
    }

    // "the coach said" points back to someone introduced; "a guard told police", "his brother said" and a bare
    // "Police said" or "64 percent said" do not.
    private bool IsDefinite(SpeakerPhrase phrase)
        => PhraseWords(phrase).FirstOrDefault()?.ToLowerInvariant() is "the";

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "another", "one",
    };

    private static readonly HashSet<string> OtherDocuments = new(StringComparer.OrdinalIgnoreCase)
    {
        "lawsuit", "suit", "summary", "book", "movie", "film", "article", "video", "media", "data", "document", "ruling",
    };

    // Things, not people: "the poll found" never points to a person introduced near the word "poll".
    private static bool IsDocumentNoun(string noun)
        => PublishedDocuments.Contains(noun) || IssuedDocuments.Contains(noun) || OtherDocuments.Contains(noun);

    // The speaker of the latest quote, within reach, attributed to a description (not a name) with the same noun.
    private Speaker? EarlierDescribedSpeaker(int at, string noun)
    {
        for (var h = History.Count - 1; h >= 0; h--)
        {
            var (position, speaker) = History[h];
            if (position >= at || speaker.Mention is not { } span || span.Start >= at)
            {
                continue;
            }

            if (at - span.End > PronounReach)
            {
                break;
            }

            var words = span.Of(ctx.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (ctx.MentionAt(ctx.TokenFrom(span.Start)) is null && words.Any(w => QuoteLexicon.StripPossessive(w).Equals(noun, StringComparison.OrdinalIgnoreCase)))
            {
                // Resolved to someone, or introduced as someone new ("a person familiar with the matter"); never an
                // earlier "the source" left as it was written.
                var resolved = speaker.EntityId is int id && ctx.Entities[id].Type is EntityType.Person or EntityType.Org;
                return resolved || words[0].ToLowerInvariant() is "a" or "an" or "one" or "another" ? speaker : null;
            }
        }

        return null;
    }

    // "The city's police chief said …" in the lead, "Police Chief Loretta Vance" two paragraphs on: news often names a
    // person only after quoting them by role. The first person introduced with the noun within the next paragraphs.
    private Entity? NamedLaterAs(int after, string noun)
    {
        var paragraph = ctx.ParagraphAt(after);
        var limit = paragraph < 0 || paragraph + NamingReach >= ctx.Paragraphs.Count ? ctx.Text.Length : ctx.Paragraphs[paragraph + NamingReach].End;
        foreach (var m in ctx.Mentions)
        {
            if (m.Span.Start < after || m.Entity.Type != EntityType.Person || ctx.InsideQuote(m.Span.Start))
            {
                continue;
            }

            if (m.Span.Start > limit)
            {
                break;
            }

            if (IntroductionOf(m.Entity).Contains(noun))
            {
                return m.Entity;
            }
        }

        return null;
    }

    // "Christie … the governor said" after "former governor Christine Todd Whitman" was named: the person quoted last,
    // in this or the previous paragraph, when the text introduced them with the noun.
    private Entity? RecentSpeakerIntroducedAs(int at, string noun)
    {
        var floor = ctx.Paragraphs.Count == 0 ? 0 : ctx.Paragraphs[Math.Max(ctx.ParagraphAt(at) - 1, 0)].Start;
        for (var h = History.Count - 1; h >= 0; h--)
        {
            var (position, speaker) = History[h];
            if (position > at)
            {
                continue;
            }

            if (position < floor)
            {
                break;
            }

            if (speaker.EntityId is int id && ctx.Entities[id].Type == EntityType.Person)
            {
                return IntroductionOf(ctx.Entities[id]).Contains(noun) ? ctx.Entities[id] : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The words a person or an organization is introduced with, lower case: a title right before a name ("coach
    /// Rafael Medina", "Detective Inspector Sunil Varro", "ministry spokeswoman Liv Aranda", "retailer Halvorsen &amp;
    /// Pike") and the lower-case words of an appositive after it ("Kessler, the 23-year-old striker", "Carla Jiménez,
    /// a spokesperson for Merriman").
    /// </summary>
    public HashSet<string> IntroductionOf(Entity entity) => PerEntity(_introductions, entity, (m, words) =>
    {
        // The title: up to three words right before the name, none a function word, a verb or another name's part.
        // An abbreviated or formal title stands for its nouns as well: "Dr. Harriet Quinlan" is "the doctor".
        var first = ctx.TokenFrom(m.Span.Start);
        var title = new List<string>(3);
        for (int t = first - 1, taken = 0; t >= 0 && taken < 3; t--)
        {
            if (ctx.IsPunct(t, '.') && t > 0 && ctx.IsWord(t - 1) && lexicon.TitleNouns.ContainsKey(ctx.LowerWord(t - 1)))
            {
                continue; // the period of "Dr."
            }

            if (!ctx.IsWord(t) || ctx.MentionAt(t) is not null)
            {
                break;
            }

            var w = ctx.LowerWord(t);
            if (w == "of")
            {
                title.Clear(); // "Secretary of State Jon Husted" is no "state"
                break;
            }

            var nouns = lexicon.TitleNouns.GetValueOrDefault(w);
            if (nouns is null && !IsTitleWord(w))
            {
                break;
            }

            title.Add(w);
            title.AddRange(nouns ?? []);
            taken++;
        }

        words.UnionWith(title);

        // The appositive: the lower-case words of the noun phrase after a comma ("Kessler, the 23-year-old
        // striker signed from …"), or the noun after "as" in a relative clause ("Lowell, who has worked as a
        // guard at …").
        var after = ctx.TokenFrom(m.Span.End);
        if (ctx.IsPunct(after, ','))
        {
            AddAppositive(after + 1, words);
        }
    });

    // Words gathered around each of an entity's mentions outside quotations, once per entity and article.
    private HashSet<string> PerEntity(Dictionary<int, HashSet<string>> cache, Entity entity, Action<EntityMention, HashSet<string>> gather)
    {
        if (!cache.TryGetValue(entity.Id, out var words))
        {
            words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in entity.Mentions)
            {
                if (!ctx.InsideQuote(m.Span.Start))
                {
                    gather(m, words);
                }
            }

            cache[entity.Id] = words;
        }

        return words;
    }

    private void AddAppositive(int from, HashSet<string> words)
    {
        var relative = ctx.IsWord(from) && ctx.LowerWord(from) is "who" or "whose" or "which";
        var taking = !relative;
        var found = new List<string>();
        for (var t = from; t < ctx.Tokens.Count && t < from + 12; t++)
        {
            if (ctx.Tokens[t].Kind is TokenKind.QuoteMark || ctx.Tokens[t].Kind == TokenKind.Punctuation && ctx.First(t) is '.' or ',' or ';' or ':' or '(' or ')')
            {
                break;
            }

            if (!ctx.IsWord(t))
            {
                continue; // "the 23-year-old striker": numbers and hyphens inside the phrase
            }

            var w = ctx.LowerWord(t);
            if (relative && !taking)
            {
                taking = w == "as";
                continue;
            }

            if (w != "as" && HeadEnders.Contains(w))
            {
                break;
            }

            if (ClauseWords.Auxiliaries.Contains(w) || ClauseWords.IrregularPast.Contains(w) || lexicon.Verbs.ContainsKey(w))
            {
                // A verb: a clause of its own, not an appositive ("…, Trump, the poll found").
                found.Clear();
                break;
            }

            if (char.IsLower(ctx.First(t)) && IsTitleWord(w))
            {
                found.Add(w);
            }
        }

        words.UnionWith(found);
    }

    // Prepositions and the adverbs and conjunctions that end a title before a name ("against Hillary Clinton").
    private static readonly HashSet<string> NotTitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "above", "across", "after", "against", "along", "among", "around", "before", "behind", "below",
        "beside", "between", "beyond", "by", "despite", "during", "except", "inside", "into", "like", "near", "off",
        "onto", "over", "past", "per", "since", "than", "through", "toward", "towards", "under", "until", "upon", "via",
        "within", "without", "including", "regarding", "versus", "not", "also", "then", "when", "where", "while",
    };

    private bool IsTitleWord(string w)
        => w.Length >= 3 && w.All(char.IsLetter) && !Determiners.Contains(w) && !HeadEnders.Contains(w) && !NotTitleWords.Contains(w)
           && !ClauseWords.Auxiliaries.Contains(w) && !ClauseWords.IrregularPast.Contains(w)
           && !w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("ing", StringComparison.Ordinal)
           && !lexicon.Verbs.ContainsKey(w) && w is not ("and" or "but" or "nor" or "said" or "says" or "told");

    private void AddRoles(int token, HashSet<string> roles)
    {
        if (ctx.IsWord(token) && lexicon.RolesOf(ctx.Word(token), out _) is { } r)
        {
            roles.UnionWith(r);
        }
    }
}
