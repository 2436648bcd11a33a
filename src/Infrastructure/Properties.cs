using System.Runtime.CompilerServices;

// The adapters are internal; their contract tests construct them directly.
[assembly: InternalsVisibleTo("Infrastructure.IntegrationTests")]
