using Platform.V1;

namespace Platform.Cli.Input;

/// <summary>One article read from the command's inputs, or why it could not be read.</summary>
/// <param name="Article">The article; for an unreadable line, an article with only its id and no text.</param>
/// <param name="Error">Why the input could not be read as an article, or null.</param>
/// <param name="Origin">Where it came from ("samples/a.txt", "input.jsonl:3"), for messages.</param>
public sealed record InputArticle(Article Article, string? Error, string Origin);
