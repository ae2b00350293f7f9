namespace Platform.Nlp;

/// <summary>
/// How a text is written, when the caller knows it: a forum crawler sends web text, a wire feed sends news. The
/// entity model tags news and web text with different passes of the same training (see <see cref="Entities.Model.DomainRouter"/>).
/// </summary>
public enum TextStyle
{
    /// <summary>The engine decides from the text's style: news unless it reads clearly like the web.</summary>
    Auto = 0,

    /// <summary>News: the news passes, whatever the text looks like.</summary>
    News = 1,

    /// <summary>Web and forum text (reviews, posts, e-mail): the web passes, and no MISC entities.</summary>
    Web = 2,
}
