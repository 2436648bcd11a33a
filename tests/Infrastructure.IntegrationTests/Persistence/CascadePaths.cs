using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PersonaMedia.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// SQL Server refuses a foreign key whose delete action would let one table be reached from another
/// by two chains of cascading actions, or by a cycle (error 1785). This finds such tables from the
/// model's foreign key constraints, so a new relationship is checked without editing any list.
/// </summary>
internal static class CascadePaths
{
    /// <summary>One line per table reached twice (or on a cycle), naming both chains.</summary>
    public static IReadOnlyList<string> FindConflicts(IRelationalModel model)
    {
        // CASCADE, SET NULL and SET DEFAULT all act on the dependent table, and SQL Server counts all three.
        var cascading = model.Tables
            .SelectMany(table => table.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is not (ReferentialAction.NoAction or ReferentialAction.Restrict))
            .ToLookup(fk => fk.PrincipalTable.Name);

        var conflicts = new List<string>();
        foreach (var root in model.Tables.Select(table => table.Name))
        {
            var chainsTo = new Dictionary<string, List<string>>();
            Walk(root, [root], root);

            conflicts.AddRange(chainsTo
                .Where(reached => reached.Value.Count > 1)
                .Select(reached => $"{reached.Key} is reached from {root} by {string.Join(" and by ", reached.Value)}"));

            void Walk(string table, List<string> visited, string chain)
            {
                foreach (var fk in cascading[table])
                {
                    var dependent = fk.Table.Name;
                    var next = $"{chain} -[{fk.Name} {fk.OnDeleteAction}]-> {dependent}";
                    if (visited.Contains(dependent))
                    {
                        conflicts.Add($"cascading cycle: {next}");
                        continue;
                    }

                    if (!chainsTo.TryGetValue(dependent, out var chains))
                    {
                        chainsTo[dependent] = chains = [];
                    }

                    chains.Add(next);
                    Walk(dependent, [.. visited, dependent], next);
                }
            }
        }

        return conflicts;
    }
}
