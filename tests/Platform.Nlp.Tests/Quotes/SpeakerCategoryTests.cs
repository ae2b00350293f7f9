using Platform.Nlp.Evaluation.Quotes;

namespace Platform.Nlp.Tests.Quotes;

/// <summary>How the evaluation sorts gold speaker mentions for speaker accuracy per category.</summary>
public class SpeakerCategoryTests
{
    [Theory]
    [InlineData("Edith Varga", SpeakerCategory.Name)]
    [InlineData("Ms. Varga", SpeakerCategory.Name)]
    [InlineData("the Harbour Board", SpeakerCategory.Name)]
    [InlineData("Edith Varga, the councillor", SpeakerCategory.Name)]
    [InlineData("she", SpeakerCategory.Pronoun)]
    [InlineData("Who", SpeakerCategory.Pronoun)]
    [InlineData("the union", SpeakerCategory.Nominal)]
    [InlineData("the Varga campaign", SpeakerCategory.Nominal)]
    [InlineData("some residents", SpeakerCategory.Nominal)]
    [InlineData(null, SpeakerCategory.None)]
    [InlineData("  ", SpeakerCategory.None)]
    public void Category_of_a_mention(string? mention, SpeakerCategory expected)
        => Assert.Equal(expected, SpeakerCategories.Of(mention));
}
