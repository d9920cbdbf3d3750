using ManageBooking.BookingPages.Services;

namespace ManageBooking.Admin.ViewModels;

/// <summary>Which sessions of a package to reschedule or cancel: the ones that can be, ticked as chosen so far.</summary>
public sealed class SessionChoiceViewModel
{
    public required ManagedBooking Managed { get; init; }

    public required SessionChoice Purpose { get; init; }

    public required IReadOnlyList<StaffSessionLine> Sessions { get; init; }

    public IReadOnlyCollection<Guid> Selected { get; init; } = [];

    /// <summary>Set when Continue was pressed with nothing (or something no longer possible) ticked.</summary>
    public string? Message { get; init; }
}
