using System.Text.Json;

namespace ManageBooking.Modularity;

/// <summary>
/// module.json, the one source of the module's features and their dependencies, read from the copy embedded in this
/// assembly (the repository's file is linked into the build), as Orchard Core reads a module's manifest.
/// </summary>
public sealed record ModuleManifest(string Id, string Name, string Version, IReadOnlyList<FeatureDescriptor> Features)
{
    private const string ResourceName = "ManageBooking.module.json";

    private static readonly Lazy<ModuleManifest> Embedded = new(() =>
    {
        using var stream = typeof(ModuleManifest).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The module manifest {ResourceName} is not embedded in {typeof(ModuleManifest).Assembly.GetName().Name}.");
        return Parse(stream);
    });

    /// <summary>The manifest this build of the module carries.</summary>
    public static ModuleManifest Current => Embedded.Value;

    public FeatureDescriptor? Find(string featureId) => Features.FirstOrDefault(f => f.Id == featureId);

    /// <summary>Reads a manifest and checks that every dependency names a feature of the same manifest.</summary>
    public static ModuleManifest Parse(Stream json)
    {
        var manifest = JsonSerializer.Deserialize<ModuleManifest>(json, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The module manifest is empty.");
        foreach (var feature in manifest.Features)
        {
            var unknown = feature.Dependencies.FirstOrDefault(d => manifest.Find(d) is null);
            if (unknown is not null)
            {
                throw new InvalidOperationException($"module.json: feature {feature.Id} depends on {unknown}, which the manifest does not declare.");
            }
        }

        return manifest;
    }
}
