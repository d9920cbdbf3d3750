namespace ManageBooking.Modularity;

/// <summary>The ids of module.json's features, for code that names one (a test checks they match the manifest).</summary>
public static class FeatureIds
{
    public const string Main = "ManageBooking";
    public const string Workflows = "ManageBooking.Workflows";
    public const string Admin = "ManageBooking.Admin";
    public const string Api = "ManageBooking.Api";
}
