using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ManageBooking.Benchmarks.SlotEngineBenchmarks).Assembly).Run(args);
