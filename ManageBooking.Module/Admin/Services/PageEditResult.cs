namespace ManageBooking.Admin.Services;

public enum PageEditResult
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
}
