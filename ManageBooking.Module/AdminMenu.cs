using ManageBooking.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace ManageBooking;

/// <summary>The Scheduling menu; each item carries its permission so nobody sees what they cannot open.</summary>
public sealed class AdminMenu(IAuthorizationService authorization, IHttpContextAccessor http)
{
    private static readonly (string Label, string Url, Permission Permission)[] Items =
    [
        ("Bookings", "/admin/bookings", Permissions.ViewBookings),
        ("Week", "/admin/calendar", Permissions.ViewBookings),
        ("Booking pages", "/admin/pages", Permissions.ManageBookingPages),
        ("Notifications", "/admin/notifications", Permissions.ManageNotifications),
        ("Outbox", "/admin/outbox", Permissions.ViewBookings),
        ("Theme", "/admin/theme", Permissions.ManageSettings),
        ("Settings", "/admin/settings", Permissions.ManageSettings),
    ];

    public async Task<IReadOnlyList<(string Label, string Url)>> VisibleItemsAsync()
    {
        var user = http.HttpContext?.User;
        if (user is null)
        {
            return [];
        }

        var visible = new List<(string, string)>();
        foreach (var (label, url, permission) in Items)
        {
            if ((await authorization.AuthorizeAsync(user, permission.Name)).Succeeded)
            {
                visible.Add((label, url));
            }
        }

        return visible;
    }
}
