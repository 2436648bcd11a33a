namespace PersonaMedia.Application.Common.Models;

/// <summary>One page of a longer list, with the list's full length for paging links.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount, int Limit, int Offset)
{
    public bool HasNext => Offset + Items.Count < TotalCount;

    public bool HasPrevious => Offset > 0;
}
