using ManageBooking.Services;

namespace ManageBooking.ViewModels.Admin;

/// <summary>One booking as staff see it: everything, with what staff may still do.</summary>
public sealed record BookingDetailsViewModel(ManagedBooking Managed, NodaTime.DateTimeZone PageZone, NodaTime.DateTimeZone CustomerZone, bool CanManage);
