using Platform.Storage.Registry;

namespace Platform.Storage.Tests;

public class NameKeyTests
{
    [Theory]
    [InlineData("Maria Zakharova", "maria zakharova")]
    [InlineData("  MARIA   Zakharova ", "maria zakharova")]
    [InlineData("Zoë Ångström-Søndergaard", "zoe angstrom sondergaard")]
    [InlineData("U.S.", "us")]
    [InlineData("the Kremlin", "kremlin")]
    [InlineData("O'Neil", "oneil")]
    [InlineData("Dmitry Peskov’s", "dmitry peskovs")]
    [InlineData("...", "")]
    public void Spellings_of_one_name_share_a_key(string name, string key) => Assert.Equal(key, NameKey.Normalize(name));

    [Theory]
    [InlineData("maria zakharova", new[] { "zakharova", "m zakharova" })]
    [InlineData("martin luther king jr", new[] { "king", "m king" })]
    [InlineData("zakharova", new string[0])]
    public void People_are_also_known_by_surname_and_initial(string key, string[] aliases)
        => Assert.Equal(aliases, NameKey.PersonAliases(key));

    [Theory]
    [InlineData("ilse varga", true)]
    [InlineData("i varga", false)]
    [InlineData("varga", false)]
    public void Full_names_have_a_first_name(string key, bool full) => Assert.Equal(full, NameKey.IsFullName(key));
}
