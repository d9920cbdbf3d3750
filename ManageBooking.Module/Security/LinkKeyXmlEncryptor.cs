using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace ManageBooking.Security;

/// <summary>Data Protection's hook for encrypting its keys at rest: seals them with the link keys (<see cref="DataProtectionKeySeal"/>).</summary>
public sealed class LinkKeyXmlEncryptor(DataProtectionKeySeal seal) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
        => new(seal.Seal(plaintextElement), typeof(LinkKeyXmlDecryptor));
}
