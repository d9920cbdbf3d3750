namespace ManageBooking.Models;

/// <summary>Who made a change to a booking.</summary>
public enum Actor
{
    Customer,
    Staff,
    System,
}
