using System.CommandLine;
using System.Globalization;
using Platform.Nlp.Tools.Commands;

// Run from the repository root: the defaults point at ../shared/data and at src/Platform.Nlp/Resources.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = new RootCommand("Trains and scores the engine's learned parts and dumps its output (the shipped engine: `platform eval`; timings: benchmarks/)")
{
    NerCommands.Create(),
    SpeakerCommands.Create(),
    ReportCommands.Create(),
    DumpCommand.Create(),
};
return root.Parse(args).Invoke();
