using ManageBooking.Text;

namespace ManageBooking.Tests.Text;

/// <summary>Names lose what only hides or reorders text; letters of every script, and emoji, stay.</summary>
public sealed class PersonNameTests
{
    [Theory]
    [InlineData("Ada\u0000Lovelace", "Ada Lovelace")]
    [InlineData("\u0000\u0000\u0000", "")]
    [InlineData("Ada\u202Eecalevol", "Adaecalevol")]
    [InlineData("\u2066Ada\u2069 \u202ALovelace\u202C", "Ada Lovelace")]
    [InlineData("Ada\u200BLove\u2060lace\uFEFF", "AdaLovelace")]
    [InlineData("  Ada \t\r\n Lovelace\u2028 ", "Ada Lovelace")]
    [InlineData("Ada\u00A0Lovelace", "Ada Lovelace")]
    [InlineData("x\uD83Dx", "xx")]
    [InlineData("\uDE00Ada\uD83D", "Ada")]
    [InlineData("\u200DAda\u200C", "Ada")]
    [InlineData("Zoe\u0308", "Zo\u00EB")]
    public void HiddenCharacters_AreRemoved(string typed, string kept) => Assert.Equal(kept, PersonName.Clean(typed));

    [Theory]
    [InlineData("محمد بن موسى")]
    [InlineData("张伟")]
    [InlineData("Ωμέγα Αλφα")]
    [InlineData("ผู้ใช้ ทดสอบ")]
    [InlineData("नमस्ते")]
    [InlineData("می\u200Cخواهم")]
    [InlineData("Ada 😀 Lovelace")]
    [InlineData("👨\u200D👩\u200D👧")]
    [InlineData("🇫🇷 Zoë")]
    [InlineData("O'Brien-Smith Jr.")]
    public void LettersOfEveryScript_AndEmoji_Stay(string name) => Assert.Equal(name, PersonName.Clean(name));
}
