using System.Security.Cryptography;
using ManageBooking.Tokens;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>Link keys for test sites: one shared by every site of the suite (as several nodes share one), and strangers.</summary>
public static class TestLinkKeys
{
    /// <summary>The key every test site signs with unless a test sets another: 32 bytes in base64.</summary>
    public const string Shared = "dGVzdC1saW5rLWtleS0wMDAwMDAwMDAwMDAwMDAwMDA=";

    /// <summary>A fresh random key in base64, as `openssl rand -base64 32` prints one.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A well-formed token of no booking, signed with a key no site has.</summary>
    public static string UnknownToken() => ManageToken.Create(RandomNumberGenerator.GetBytes(32), Guid.NewGuid(), 0);
}
