namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// The confusable skeleton of Unicode TR39 (section 4), taken of the case-folded name: two usernames
/// that a reader could mistake for each other (<c>paypal</c> with a Cyrillic <c>а</c>, <c>alıce</c>
/// with a dotless i, <c>Alice</c>) have the same skeleton.
/// </summary>
public interface IConfusableSkeleton
{
    string Compute(string username);
}
