namespace ManageBooking.Data;

/// <summary>One Data Protection key as XML, shared by every web node through the database.</summary>
public sealed class DataProtectionKey
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}
