using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation;
using Platform.Nlp.Quotes;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Tests;

/// <summary>
/// Where the engine on raw text lost entities that it finds on pre-tokenized text, one test per finding; and the
/// evaluation that rebuilds raw text from CoNLL tokens.
/// </summary>
public class RawTextPathTests
{
    private static readonly NerModel Model = NerModel.Default ?? throw new InvalidOperationException("no embedded model");

    private static string[] ModelTokens(string text)
    {
        var tokenized = TokenizedText.FromDocument(Document.Parse(text));
        return [.. tokenized.Tokens.Select(t => t.Of(text))];
    }

    [Theory]
    // Abbreviations keep their dot, as in the training data: the model learned "Inc." and "Calif.".
    [InlineData("She joined Brightwater Inc. in Fresno, Calif., last year.", new[] { "She", "joined", "Brightwater", "Inc.", "in", "Fresno", ",", "Calif.", ",", "last", "year", "." })]
    // Initials keep their dot; titles do not, since the training data writes "Mr" and the model took "Mr." into names.
    [InlineData("Dr. Ana Ruiz and J. Okafor spoke.", new[] { "Dr", ".", "Ana", "Ruiz", "and", "J.", "Okafor", "spoke", "." })]
    // A number glued to letters is one token: ordinals, company names.
    [InlineData("In the 81st minute 3M scored.", new[] { "In", "the", "81st", "minute", "3M", "scored", "." })]
    // Initials around an ampersand, and currency prefixes.
    [InlineData("S&P rated it; shares rose C$ 2 and HK$ 5.", new[] { "S&P", "rated", "it", ";", "shares", "rose", "C$", "2", "and", "HK$", "5", "." })]
    // A compound after an abbreviation stays whole.
    [InlineData("a U.N.-brokered truce", new[] { "a", "U.N.-brokered", "truce" })]
    // The number of a list line keeps its dot; a sentence-final number does not.
    [InlineData("Results:\n3. Tomas Berg (Sweden) 12:01\nHe came 3.", new[] { "Results", ":", "3.", "Tomas", "Berg", "(", "Sweden", ")", "12:01", "He", "came", "3", "." })]
    // Addresses and file names are one token, as web text in the training data writes them.
    [InlineData("Mail lena.berg@example.org or see www.example.org/faq (and notes.pdf).", new[] { "Mail", "lena.berg@example.org", "or", "see", "www.example.org/faq", "(", "and", "notes.pdf", ")", "." })]
    [InlineData("Ask at https://help.example.net today", new[] { "Ask", "at", "https://help.example.net", "today" })]
    public void The_model_sees_the_tokens_of_its_training_data(string text, string[] expected)
        => Assert.Equal(expected, ModelTokens(text));

    [Fact]
    public void Engine_tokens_stay_fine_grained_for_the_other_stages()
    {
        const string text = "Mr. Lind of Orbis Corp. said so.";
        Assert.Equal(["Mr", ".", "Lind", "of", "Orbis", "Corp", ".", "said", "so", "."], Tokenizer.Tokenize(text).Select(t => t.Span.Of(text)));
    }

    [Fact]
    public void A_list_number_at_the_start_of_a_line_does_not_end_a_sentence()
    {
        const string text = "Final standings\n2. Petra Holm (Norway) 45.10\n3. Lea Vogt (Austria) 45.32";
        var document = Document.Parse(text);
        Assert.Equal(["Final standings", "2. Petra Holm (Norway) 45.10", "3. Lea Vogt (Austria) 45.32"], document.Sentences.Select(s => s.Of(text)));
    }

    [Fact]
    public void A_year_or_weekday_inside_a_name_stays_in_the_name()
    {
        const string text = "Sheffield Wednesday lost at home to Leeds United on Tuesday.";
        var spans = new StatisticalEntityRecognizer(Model).Recognize(Document.Parse(text)).Select(s => (s.Span.Of(text), s.Type)).ToList();
        Assert.Contains(("Sheffield Wednesday", EntityType.Org), spans);
        Assert.Contains(("Tuesday", EntityType.Date), spans);
    }

    [Fact]
    public void A_title_before_a_name_is_not_part_of_the_person()
    {
        const string text = "Dear Dr. Vincent Moreau, thank you for the letter.";
        var spans = new StatisticalEntityRecognizer(Model).Recognize(Document.Parse(text)).Select(s => s.Span.Of(text)).ToList();
        Assert.DoesNotContain(spans, s => s.StartsWith("Dr", StringComparison.Ordinal));
        Assert.Contains("Vincent Moreau", spans);
    }

    [Fact]
    public void A_courtesy_title_without_its_period_is_not_part_of_the_person()
    {
        // British style writes "Mr Oakley": he is the Martin Oakley named before, not a second person "Mr Oakley".
        const string text = "Martin Oakley runs the hospice.\n\n\u2018I trusted him completely,\u2019 Mr Oakley said.";
        var spans = new StatisticalEntityRecognizer(Model).Recognize(Document.Parse(text)).Select(s => s.Span.Of(text)).ToList();
        Assert.DoesNotContain(spans, s => s.StartsWith("Mr", StringComparison.Ordinal));
        Assert.Contains("Oakley", spans);
    }

    [Fact]
    public void A_possessive_clitic_alone_is_no_entity()
    {
        const string text = "Martin Oakley runs the hospice.\n\nThe city\u2019s police chief said the roads were closed.";
        var spans = new StatisticalEntityRecognizer(Model).Recognize(Document.Parse(text)).Select(s => s.Span.Of(text)).ToList();
        Assert.DoesNotContain("\u2019s", spans);
    }

    [Fact]
    public void Company_names_end_with_the_dot_of_their_abbreviation()
    {
        const string text = "Shares of Halvorsen Shipping Co. rose after Norvik Holdings Inc. bid for it.";
        var spans = new StatisticalEntityRecognizer(Model).Recognize(Document.Parse(text)).Select(s => (s.Span.Of(text), s.Type)).ToList();
        Assert.Contains(("Halvorsen Shipping Co.", EntityType.Org), spans);
        Assert.Contains(("Norvik Holdings Inc.", EntityType.Org), spans);
    }

    [Fact]
    public void Conll_tokens_become_running_text_with_their_offsets()
    {
        var document = new ConllDocument(
        [
            new ConllSentence(["RUGBY", "-", "OSLO", "WINS", "."], ["O", "O", "B-LOC", "O", "O"]),
            new ConllSentence(["Oslo", "'s", "coach", "said", "\"", "we", "did", "n't", "lose", "(", "once", ")", "\"", "."], ["B-LOC", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"]),
            new ConllSentence(["It", "cost", "$", "5", "."], ["O", "O", "O", "O", "O"]),
            new ConllSentence(["Bergen", "3", "Oslo", "1"], ["B-LOC", "O", "B-LOC", "O"]),
            new ConllSentence(["End", "."], ["O", "O"]),
        ]);
        var raw = ConllDetokenizer.Detokenize(document);
        Assert.Equal("RUGBY - OSLO WINS.\nOslo's coach said \"we didn't lose (once)\". It cost $5. Bergen 3 Oslo 1\nEnd.", raw.Text);
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            Assert.Equal(document.Sentences[s].Words, raw.Tokens[s].Select(t => t.Of(raw.Text)));
        }
    }

    [Fact]
    public void Raw_text_scoring_counts_a_mention_cut_inside_a_gold_token_as_wrong()
    {
        // "Kessler-Brandt" is one gold token; an engine that found only "Kessler" would score 0 for it.
        var document = new ConllDocument(
        [
            new ConllSentence(["Anna", "Kessler-Brandt", "visited", "Vienna", "."], ["B-PER", "I-PER", "O", "B-LOC", "O"]),
        ]);
        var engine = new NewsAnalyzer(new StatisticalEntityRecognizer(Model), new RuleBasedQuoteExtractor());
        var scorer = NerEvaluator.EvaluateRawText(engine, [document]);
        Assert.Equal(2, scorer.Overall.Gold);
        Assert.Equal(5, scorer.Tokens);
        var analysis = engine.Analyze("Anna Kessler-Brandt visited Vienna.");
        var expected = analysis.Entities.SelectMany(e => e.Mentions.Select(m => m.Text))
            .Count(m => m is "Anna Kessler-Brandt" or "Vienna");
        Assert.Equal(expected, scorer.Overall.Correct);
    }
}
