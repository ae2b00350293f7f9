using System.CommandLine;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform completion bash|zsh</c>: prints a shell script that completes commands and options with Tab. The
/// script asks the CLI itself, through System.CommandLine's <c>[suggest:N]</c> directive, so completions always
/// match the installed version.
/// </summary>
internal static class CompletionCommand
{
    // The shell passes the line without the program name and the cursor position within it.
    private const string Bash = """
        # platform: Tab completion (bash). Load with: source <(platform completion bash)
        _platform_complete() {
          local line="${COMP_LINE#*[[:space:]]}"
          local point=$(( COMP_POINT - ${#COMP_LINE} + ${#line} ))
          local IFS=$'\n'
          COMPREPLY=( $(compgen -W "$(platform "[suggest:$point]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _platform_complete platform
        """;

    private const string Zsh = "# platform: Tab completion (zsh). Load with: source <(platform completion zsh)\n"
                               + "autoload -U +X bashcompinit && bashcompinit\n" + Bash;

    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print a Tab-completion script: source <(platform completion bash)") { shell };
        command.SetAction(async (parse, _) =>
        {
            await context.Output.WriteLineAsync(parse.GetRequiredValue(shell) == "zsh" ? Zsh : Bash);
            return ExitCodes.Success;
        });
        return command;
    }
}
