using System.Text;
using Platform.V1;

namespace Platform.Storage.Ingest;

/// <summary>
/// Checks an ingest request before anything is written. Each error names the field and the limit, so that the
/// sender knows what to fix; the first error found is reported.
/// </summary>
internal sealed class IngestValidator(StorageLimits limits)
{
    public string? Validate(IngestRequest request)
    {
        if (request.Article is null)
        {
            return "article: required";
        }

        if (request.Analysis is null)
        {
            return "analysis: required";
        }

        var article = request.Article;
        var analysis = request.Analysis;
        var textLength = CodePointLength(article.Text);
        return CheckId(article.Id)
               ?? (analysis.ArticleId != article.Id
                   ? $"analysis.article_id: '{Shorten(analysis.ArticleId)}' differs from article.id '{Shorten(article.Id)}'"
                   : null)
               ?? CheckText(article.Text)
               ?? CheckShort("article.url", article.Url)
               ?? CheckShort("article.title", article.Title)
               ?? CheckShort("article.source", article.Source)
               ?? CheckShort("analysis.engine_version", analysis.EngineVersion)
               ?? CheckEntities(analysis, textLength)
               ?? CheckQuotes(analysis, textLength);
    }

    private string? CheckId(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "article.id: required";
        }

        return id.Length > limits.MaxIdLength
            ? $"article.id: {id.Length} characters exceeds the limit of {limits.MaxIdLength}"
            : null;
    }

    private string? CheckText(string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > limits.MaxTextBytes)
        {
            return $"article.text: {bytes} bytes exceeds the limit of {limits.MaxTextBytes} bytes";
        }

        // PostgreSQL text values cannot hold U+0000.
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        return nul >= 0 ? $"article.text: contains a NUL character at UTF-16 index {nul}; NUL is not allowed" : null;
    }

    private string? CheckShort(string field, string value)
        => value.Length > limits.MaxShortStringLength
            ? $"{field}: {value.Length} characters exceeds the limit of {limits.MaxShortStringLength}"
            : value.Contains('\0', StringComparison.Ordinal) ? $"{field}: NUL is not allowed" : null;

    private string? CheckEntities(ArticleAnalysis analysis, int textLength)
    {
        if (analysis.Entities.Count > limits.MaxEntities)
        {
            return $"analysis.entities: {analysis.Entities.Count} entities exceeds the limit of {limits.MaxEntities}";
        }

        var mentions = analysis.Entities.Sum(e => e.Mentions.Count);
        if (mentions > limits.MaxMentions)
        {
            return $"analysis.entities.mentions: {mentions} mentions exceeds the limit of {limits.MaxMentions}";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < analysis.Entities.Count; i++)
        {
            var entity = analysis.Entities[i];
            var field = $"analysis.entities[{i}]";
            if (string.IsNullOrEmpty(entity.Id) || !ids.Add(entity.Id))
            {
                return $"{field}.id: required and unique within the analysis";
            }

            if (entity.Type == EntityType.Unspecified)
            {
                return $"{field}.type: required";
            }

            var error = CheckShort($"{field}.name", entity.Name)
                        ?? (entity.Name.Length == 0 ? $"{field}.name: required" : null);
            if (error is not null)
            {
                return error;
            }

            for (var m = 0; m < entity.Mentions.Count; m++)
            {
                var mention = entity.Mentions[m];
                error = CheckSpan($"{field}.mentions[{m}]", mention.Start, mention.End, textLength)
                        ?? CheckShort($"{field}.mentions[{m}].text", mention.Text);
                if (error is not null)
                {
                    return error;
                }
            }
        }

        return null;
    }

    private string? CheckQuotes(ArticleAnalysis analysis, int textLength)
    {
        if (analysis.Quotes.Count > limits.MaxQuotes)
        {
            return $"analysis.quotes: {analysis.Quotes.Count} quotes exceeds the limit of {limits.MaxQuotes}";
        }

        var entityIds = analysis.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < analysis.Quotes.Count; i++)
        {
            var quote = analysis.Quotes[i];
            var field = $"analysis.quotes[{i}]";
            var error = CheckSpan(field, quote.Start, quote.End, textLength)
                        ?? (quote.Kind == QuoteKind.Unspecified ? $"{field}.kind: required" : null)
                        ?? (quote.Confidence is < 0 or > 1 or float.NaN ? $"{field}.confidence: must be between 0 and 1" : null)
                        ?? CheckShort($"{field}.cue", quote.Cue)
                        ?? CheckShort($"{field}.channel", quote.Channel)
                        ?? (quote.Text.Contains('\0', StringComparison.Ordinal) ? $"{field}.text: NUL is not allowed" : null);
            if (error is not null)
            {
                return error;
            }

            if (quote.Speaker is { } speaker)
            {
                error = CheckShort($"{field}.speaker.name", speaker.Name)
                        ?? (speaker.EntityId.Length > 0 && !entityIds.Contains(speaker.EntityId)
                            ? $"{field}.speaker.entity_id: '{Shorten(speaker.EntityId)}' is not an entity of the analysis"
                            : null)
                        ?? (speaker.Mention is { } mention ? CheckSpan($"{field}.speaker.mention", mention.Start, mention.End, textLength) : null);
                if (error is not null)
                {
                    return error;
                }
            }

            var unknown = quote.EntityIds.FirstOrDefault(id => !entityIds.Contains(id));
            if (unknown is not null)
            {
                return $"{field}.entity_ids: '{Shorten(unknown)}' is not an entity of the analysis";
            }
        }

        return null;
    }

    private static string? CheckSpan(string field, int start, int end, int textLength)
        => start < 0 || end < start || end > textLength
            ? $"{field}: span [{start},{end}) is outside the text (0 to {textLength} code points, start <= end)"
            : null;

    private static int CodePointLength(string text)
    {
        var pairs = 0;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                pairs++;
                i++;
            }
        }

        return text.Length - pairs;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
