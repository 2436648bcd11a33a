using System.Runtime.CompilerServices;

// The adapters are internal; their contract tests construct them directly.
[assembly: InternalsVisibleTo("Infrastructure.IntegrationTests")]

// The store reconciler is run pass by pass against the running app by its functional tests.
[assembly: InternalsVisibleTo("WebApi.FunctionalTests")]

// The metadata strippers are fuzzed directly (fuzz/PersonaMedia.Fuzz).
[assembly: InternalsVisibleTo("PersonaMedia.Fuzz")]
