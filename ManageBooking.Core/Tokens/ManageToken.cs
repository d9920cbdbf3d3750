using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ManageBooking.Tokens;

/// <summary>
/// The secret in a Manage your booking link: 32 random bytes, base64url. Only its SHA-256 hash is stored, so a copy of
/// the database cannot be turned into working links.
/// </summary>
public static class ManageToken
{
    public const int ByteLength = 32;

    /// <summary>43 characters: 32 bytes in unpadded base64url.</summary>
    public const int TextLength = 43;

    /// <summary>Creates a token and the hash to store for it.</summary>
    public static (string Token, string Hash) Create()
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        RandomNumberGenerator.Fill(bytes);
        var token = Base64Url.EncodeToString(bytes);
        return (token, Hash(token));
    }

    /// <summary>The hex SHA-256 of the token's text, as stored and looked up.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }

    /// <summary>True when the text could be a token; a malformed one is answered like an unknown one, without a look-up.</summary>
    public static bool IsWellFormed(string? token)
        => token is { Length: TextLength } && Base64Url.IsValid(token, out var decoded) && decoded == ByteLength;
}
