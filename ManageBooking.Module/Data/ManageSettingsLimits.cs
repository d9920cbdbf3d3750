namespace ManageBooking.Data;

/// <summary>Column limits of the manage settings.</summary>
public static class ManageSettingsLimits
{
    public const int PolicyTextMaxLength = 2000;

    public const int ContactTextMaxLength = 1000;
}
