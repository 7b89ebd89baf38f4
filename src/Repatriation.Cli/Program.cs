return await Repatriation.Cli.CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);
