using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ManageBooking.Tokens;

/// <summary>
/// The secret in a Manage your booking link, derived rather than stored: <c>base64url(booking id ‖ MAC)</c>, where the
/// MAC is HMAC-SHA256(link key, purpose ‖ booking id ‖ link version) cut to 128 bits. The link key lives outside the
/// database, so a copy of the database alone opens nothing; raising the booking's link version kills every earlier link.
/// </summary>
public static class ManageToken
{
    /// <summary>43 characters: 32 bytes (16 of booking id, 16 of MAC) in unpadded base64url.</summary>
    public const int TextLength = 43;

    private const int IdLength = 16;
    private const int MacLength = 16;
    private const int ByteLength = IdLength + MacLength;

    /// <summary>Binds a MAC to this one use of the key, so no other signature made with it can pass for a link.</summary>
    private static ReadOnlySpan<byte> Purpose => "ManageBooking.ManageLink.v1"u8;

    /// <summary>The token of a booking's current link, signed with <paramref name="key"/>.</summary>
    public static string Create(ReadOnlySpan<byte> key, Guid bookingId, int linkVersion)
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        bookingId.TryWriteBytes(bytes[..IdLength], bigEndian: true, out _);
        Mac(key, bookingId, linkVersion, bytes[IdLength..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The booking a well-formed token names; says nothing about whether the token is genuine.</summary>
    public static bool TryReadBookingId(string? token, out Guid bookingId)
    {
        bookingId = Guid.Empty;
        Span<byte> bytes = stackalloc byte[ByteLength];
        if (!IsWellFormed(token) || Base64Url.DecodeFromChars(token, bytes) != ByteLength)
        {
            return false;
        }

        bookingId = new Guid(bytes[..IdLength], bigEndian: true);
        return true;
    }

    /// <summary>
    /// True when <paramref name="token"/> is the link of this booking at this version under one of <paramref name="keys"/>
    /// (the current key and older ones still accepted). Every key is tried and compared in constant time.
    /// </summary>
    public static bool Verify(string? token, Guid bookingId, int linkVersion, IEnumerable<ReadOnlyMemory<byte>> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!TryReadBookingId(token, out var named) || named != bookingId)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[ByteLength];
        Base64Url.DecodeFromChars(token, given);
        Span<byte> expected = stackalloc byte[MacLength];
        var matched = false;
        foreach (var key in keys)
        {
            Mac(key.Span, bookingId, linkVersion, expected);
            matched |= CryptographicOperations.FixedTimeEquals(expected, given[IdLength..]);
        }

        return matched;
    }

    /// <summary>True when the text could be a token; a malformed one is answered like an unknown one, without a look-up.</summary>
    public static bool IsWellFormed(string? token)
        => token is { Length: TextLength } && Base64Url.IsValid(token, out var decoded) && decoded == ByteLength;

    /// <summary>
    /// The hex SHA-256 under which links made before signed links (32 random bytes) were stored; such a link still opens
    /// its booking until the link is regenerated.
    /// </summary>
    public static string LegacyHash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }

    private static void Mac(ReadOnlySpan<byte> key, Guid bookingId, int linkVersion, Span<byte> destination)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException("A link key must be at least 128 bits.", nameof(key));
        }

        Span<byte> message = stackalloc byte[Purpose.Length + IdLength + sizeof(int)];
        Purpose.CopyTo(message);
        bookingId.TryWriteBytes(message.Slice(Purpose.Length, IdLength), bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(message[(Purpose.Length + IdLength)..], linkVersion);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, message, mac);
        mac[..MacLength].CopyTo(destination);
    }
}
