using Platform.Nlp.Text;

namespace Platform.Nlp.Tests;

public class CodePointIndexTests
{
    [Fact]
    public void Text_inside_the_basic_plane_maps_one_to_one()
    {
        var index = new CodePointIndex("plain text");
        Assert.Equal(10, index.CodePointLength);
        Assert.Equal(4, index.ToCodePoint(4));
        Assert.Equal(4, index.ToUtf16(4));
    }

    [Fact]
    public void Emoji_count_as_one_code_point_each()
    {
        // "a😀b😀c": UTF-16 indices a=0, 😀=1..2, b=3, 😀=4..5, c=6
        var text = "a\U0001F600b\U0001F600c";
        var index = new CodePointIndex(text);
        Assert.Equal(5, index.CodePointLength);
        Assert.Equal(2, index.ToCodePoint(3)); // b
        Assert.Equal(4, index.ToCodePoint(6)); // c
        Assert.Equal(5, index.ToCodePoint(7)); // end
        Assert.Equal(3, index.ToUtf16(2));
        Assert.Equal(6, index.ToUtf16(4));
        Assert.Equal(7, index.ToUtf16(5));
    }

    [Fact]
    public void Round_trip_holds_at_every_code_point_boundary()
    {
        var text = "\U0001F600x\uD800y\U0001F4A9\U0001F4A9 z\uDC00";
        var index = new CodePointIndex(text);
        for (var cp = 0; cp <= index.CodePointLength; cp++)
        {
            Assert.Equal(cp, index.ToCodePoint(index.ToUtf16(cp)));
        }

        Assert.Equal(text.EnumerateRunes().Count(), index.CodePointLength);
    }

    [Fact]
    public void Index_inside_a_pair_maps_to_the_pair()
    {
        var index = new CodePointIndex("\U0001F600");
        Assert.Equal(0, index.ToCodePoint(1));
    }
}
