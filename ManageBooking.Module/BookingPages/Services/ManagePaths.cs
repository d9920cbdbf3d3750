namespace ManageBooking.BookingPages.Services;

/// <summary>
/// The shape of the manage link's addresses, in one place: the pages' and the API's routes, and the site-relative path
/// of the page or one of its steps. <see cref="ManageLinks"/> makes them absolute for emails.
/// </summary>
public static class ManagePaths
{
    /// <summary>Where the manage pages live; whatever follows is a token, and private.</summary>
    public const string PagePrefix = "/booking/manage";

    /// <summary>Where the manage API lives; whatever follows is a token, and private.</summary>
    public const string ApiPrefix = "/api/manage";

    public const string PageRoute = "booking/manage/{token}";

    public const string ApiRoute = ApiPrefix + "/{token}";

    /// <summary>The manage page of a token, or one of its steps ("reschedule", "cancel", "calendar.ics").</summary>
    public static string Page(string token, string? step = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        return $"{PagePrefix}/{Uri.EscapeDataString(token)}{(step is null ? "" : "/" + step)}";
    }

    /// <summary>The API's address of a token's booking.</summary>
    public static string Api(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return $"{ApiPrefix}/{Uri.EscapeDataString(token)}";
    }
}
