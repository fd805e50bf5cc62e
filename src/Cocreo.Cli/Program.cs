return Cocreo.Cli.CocreoCommand.Run(args, Console.Out, Console.Error);
