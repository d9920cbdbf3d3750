using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Security;

/// <summary>
/// Opens what <see cref="LinkKeyXmlEncryptor"/> sealed. Data Protection creates it by the type name stored beside each
/// key (with the service provider as its one argument), so its name and namespace must not change.
/// </summary>
public sealed class LinkKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => services.GetRequiredService<DataProtectionKeySeal>().Open(encryptedElement);
}
