using ManageBooking.Admin;

namespace ManageBooking;

/// <summary>The admin area's permissions, in one place, and the roles that hold them by default.</summary>
public static class Permissions
{
    /// <summary>Role claims of this type carry permission names.</summary>
    public const string ClaimType = "managebooking/permission";

    public const string AdministratorRole = "Administrator";
    public const string BookingManagerRole = "Booking manager";
    public const string EditorRole = "Editor";

    public static readonly Permission ViewBookings = new(nameof(ViewBookings), "View bookings and the outbox");
    public static readonly Permission ManageBookings = new(nameof(ManageBookings), "Cancel, approve, decline bookings and resend their emails");
    public static readonly Permission ManageBookingPages = new(nameof(ManageBookingPages), "Create and edit booking pages and their Reschedule & Cancel settings");
    public static readonly Permission ManageNotifications = new(nameof(ManageNotifications), "Edit notification rules and retry deliveries");
    public static readonly Permission ManageSettings = new(nameof(ManageSettings), "Edit site settings and the theme");
    public static readonly Permission ManageStaff = new(nameof(ManageStaff), "Invite staff, give them roles, disable them, reset their passwords, remove them");

    public static IReadOnlyList<Permission> All { get; } = [ViewBookings, ManageBookings, ManageBookingPages, ManageNotifications, ManageSettings, ManageStaff];

    /// <summary>Administrator: everything. Booking manager: bookings only. Editor: pages and theme.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Permission>> DefaultRoles { get; } = new Dictionary<string, IReadOnlyList<Permission>>
    {
        [AdministratorRole] = All,
        [BookingManagerRole] = [ViewBookings, ManageBookings],
        [EditorRole] = [ManageBookingPages, ManageSettings],
    };
}
