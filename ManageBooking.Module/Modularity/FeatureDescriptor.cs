namespace ManageBooking.Modularity;

/// <summary>One feature as module.json declares it: its id, what it is, and the features it needs.</summary>
public sealed record FeatureDescriptor(string Id, string Name, string Description, IReadOnlyList<string> Dependencies);
