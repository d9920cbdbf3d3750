using ManageBooking.Tokens;

namespace ManageBooking.Tests.Tokens;

public sealed class ManageTokenTests
{
    [Fact]
    public void Create_Returns43CharacterBase64UrlTokenAndItsSha256()
    {
        var (token, hash) = ManageToken.Create();

        Assert.Equal(43, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(ManageToken.Hash(token), hash);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.NotEqual(token, hash);
    }

    [Fact]
    public void Create_NeverRepeatsInManyDraws()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => ManageToken.Create().Token).ToHashSet();

        Assert.Equal(10_000, tokens.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // padded
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")] // base64, not base64url
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44 characters
    public void IsWellFormed_RejectsAnythingThatIsNotA32ByteBase64UrlToken(string? text)
        => Assert.False(ManageToken.IsWellFormed(text));

    [Fact]
    public void IsWellFormed_AcceptsCreatedTokens()
        => Assert.True(ManageToken.IsWellFormed(ManageToken.Create().Token));
}
