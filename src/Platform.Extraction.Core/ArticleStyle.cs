using Platform.V1;

namespace Platform.Extraction.Core;

/// <summary>The wire's <see cref="V1.TextStyle"/> as the engine's <see cref="Nlp.TextStyle"/>.</summary>
public static class ArticleStyle
{
    /// <summary>The engine's style for a defined wire value; null for a value this version does not know.</summary>
    public static Nlp.TextStyle? ToEngine(V1.TextStyle style) => style switch
    {
        V1.TextStyle.Unspecified => Nlp.TextStyle.Auto,
        V1.TextStyle.News => Nlp.TextStyle.News,
        V1.TextStyle.Web => Nlp.TextStyle.Web,
        _ => null,
    };

    /// <summary>The error for an article whose style this version does not know, or null.</summary>
    public static string? Validate(Article article)
        => ToEngine(article.Style) is null
            ? $"article.style: unknown value {(int)article.Style}; expected TEXT_STYLE_UNSPECIFIED, TEXT_STYLE_NEWS or TEXT_STYLE_WEB"
            : null;
}
