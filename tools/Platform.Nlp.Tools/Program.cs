using System.CommandLine;
using System.Globalization;
using Platform.Nlp.Tools.Commands;

// Run from the repository root: the defaults point at ../shared/data and at src/Platform.Nlp/Resources.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = new RootCommand("Trains, scores and times the engine's learned parts (scoring the shipped engine is `platform eval`)")
{
    NerCommands.Create(),
    SpeakerCommands.Create(),
    BenchCommand.Create(),
    DumpCommand.Create(),
};
return root.Parse(args).Invoke();
