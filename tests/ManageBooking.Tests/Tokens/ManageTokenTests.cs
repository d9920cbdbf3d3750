using System.Buffers.Text;
using System.Security.Cryptography;
using ManageBooking.Tokens;

namespace ManageBooking.Tests.Tokens;

public sealed class ManageTokenTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] OtherKey = RandomNumberGenerator.GetBytes(32);
    private static readonly Guid Booking = Guid.Parse("0b7f3c5e-8a44-4d1c-9e0f-52c1d3a4b6e7");

    [Fact]
    public void Create_Is43Base64UrlCharactersNamingTheBookingAndTheSameForTheSameVersion()
    {
        var token = ManageToken.Create(Key, Booking, 0);

        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.True(ManageToken.TryReadBookingId(token, out var named));
        Assert.Equal(Booking, named);
        Assert.Equal(token, ManageToken.Create(Key, Booking, 0)); // derived, so every email can carry it
    }

    [Fact]
    public void Verify_AcceptsTheCurrentVersionUnderAnyAcceptedKey()
    {
        var token = ManageToken.Create(OtherKey, Booking, 3);

        Assert.True(ManageToken.Verify(token, Booking, 3, [Key, OtherKey])); // an older key still opens its links
        Assert.True(ManageToken.Verify(ManageToken.Create(Key, Booking, 3), Booking, 3, [Key, OtherKey]));
    }

    [Theory]
    [InlineData("another version")]
    [InlineData("another key")]
    [InlineData("another booking")]
    [InlineData("a flipped MAC bit")]
    [InlineData("the id swapped")]
    public void Verify_RefusesEveryTokenThatIsNotThisBookingsCurrentLink(string change)
    {
        var token = change switch
        {
            "another version" => ManageToken.Create(Key, Booking, 0),
            "another key" => ManageToken.Create(OtherKey, Booking, 1),
            "another booking" => ManageToken.Create(Key, Guid.NewGuid(), 1),
            "a flipped MAC bit" => Flip(ManageToken.Create(Key, Booking, 1), 31),
            "the id swapped" => Swap(ManageToken.Create(Key, Guid.NewGuid(), 1), Booking),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.False(ManageToken.Verify(token, Booking, 1, [Key]));
    }

    [Fact]
    public void Mac_DependsOnEveryBitOfTheKey()
    {
        var changed = (byte[])Key.Clone();
        changed[^1] ^= 1;

        Assert.NotEqual(ManageToken.Create(Key, Booking, 0), ManageToken.Create(changed, Booking, 0));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // padded
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")] // base64, not base64url
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44 characters
    public void MalformedText_NamesNoBookingAndNeverVerifies(string? text)
    {
        Assert.False(ManageToken.IsWellFormed(text));
        Assert.False(ManageToken.TryReadBookingId(text, out _));
        Assert.False(ManageToken.Verify(text, Booking, 0, [Key]));
    }

    [Fact]
    public void LegacyHash_IsTheHexSha256OfTheTokenText()
        => Assert.Equal("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881", ManageToken.LegacyHash("x"));

    private static string Flip(string token, int byteIndex)
    {
        var bytes = Base64Url.DecodeFromChars(token);
        bytes[byteIndex] ^= 0x01;
        return Base64Url.EncodeToString(bytes);
    }

    private static string Swap(string token, Guid bookingId)
    {
        var bytes = Base64Url.DecodeFromChars(token);
        bookingId.TryWriteBytes(bytes.AsSpan(0, 16), bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }
}
