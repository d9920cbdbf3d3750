using ManageBooking.Text;

namespace ManageBooking.Tests.Text;

/// <summary>One plain mailbox: nothing a mail library could read as a display name, a comment or a second address.</summary>
public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("a b@example.com")]
    [InlineData("<x>@example.com")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@example.com (Ada)")]
    [InlineData("\"a b\"@example.com")]
    [InlineData("ada@example.com,bob@example.com")]
    [InlineData("ada@example.com\r\nBcc: x@example.com")]
    [InlineData("ada@@example.com")]
    [InlineData("ada@b@example.com")]
    [InlineData("ada@localhost")]
    [InlineData("ada@[127.0.0.1]")]
    [InlineData("ada@127.0.0.1")]
    [InlineData("ada..b@example.com")]
    [InlineData(".ada@example.com")]
    [InlineData("ada@-example.com")]
    [InlineData("ada@exam_ple.com")]
    [InlineData("ada@example..com")]
    [InlineData("ada@")]
    [InlineData("@example.com")]
    [InlineData("ada\u0000@example.com")]
    [InlineData("ada@exa\u202Emple.com")]
    public void AnythingButOnePlainAddress_IsRefused(string text) => Assert.False(EmailAddress.IsValid(text));

    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("ada.lovelace+bookings@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("zoë@exämple.de")]
    [InlineData("ada@xn--80ak6aa92e.com")]
    public void PlainAddresses_AreAccepted(string text) => Assert.True(EmailAddress.IsValid(text));
}
