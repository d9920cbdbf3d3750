using System.Diagnostics.CodeAnalysis;

namespace ManageBooking.Bookings;

/// <summary>Either the result of an operation or the expected failure that stopped it.</summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, BookingFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public BookingFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

#pragma warning disable CA1000 // A factory on the generic type reads best at call sites: Outcome<T>.Success(x).
    public static Outcome<T> Success(T value) => new(value, null);

    public static Outcome<T> Fail(BookingFailure failure) => new(default, failure);
#pragma warning restore CA1000

    public static implicit operator Outcome<T>(BookingFailure failure) => Fail(failure);
}
