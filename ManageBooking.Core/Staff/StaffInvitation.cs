using ManageBooking.Bookings;
using ManageBooking.Text;

namespace ManageBooking.Staff;

/// <summary>Who is invited to the admin, with which role, checked before any account exists.</summary>
public sealed record StaffInvitation(string Email, string Role)
{
    /// <summary>One plain address and one of the site's roles; problems by field.</summary>
    public static Outcome<StaffInvitation> Validate(string? email, string? role, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var errors = new Dictionary<FieldKey, string[]>();
        var address = email?.Trim();
        if (string.IsNullOrEmpty(address))
        {
            errors[FieldKey.Email] = ["Enter the person's email address."];
        }
        else if (!EmailAddress.IsValid(address))
        {
            errors[FieldKey.Email] = ["Enter one plain email address such as sam@example.com."];
        }

        if (!ValidRole(role, roles))
        {
            errors[FieldKey.Role] = ["Choose a role from the list."];
        }

        return errors.Count > 0 ? BookingFailure.Invalid(errors) : Outcome<StaffInvitation>.Success(new StaffInvitation(address!, role!));
    }

    /// <summary>True for one of <paramref name="roles"/>, exactly as spelled there.</summary>
    public static bool ValidRole(string? role, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return role is not null && roles.Contains(role, StringComparer.Ordinal);
    }
}
