using BenchmarkDotNet.Running;
using PersonaMedia.Benchmarks;

// Every benchmark class in this assembly is offered; pick with --filter (see README.md).
BenchmarkSwitcher.FromAssembly(typeof(ContentSignatureBenchmarks).Assembly).Run(args);
