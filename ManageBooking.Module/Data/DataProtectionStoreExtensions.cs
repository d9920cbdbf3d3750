using ManageBooking.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Data;

/// <summary>Data Protection for several nodes: one application name, the key ring in the database, sealed with the link keys.</summary>
public static class DataProtectionStoreExtensions
{
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddSingleton<DataProtectionKeySeal>();
        services.AddDataProtection().SetApplicationName("ManageBooking");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory, DataProtectionKeySeal>((keys, scopes, seal) =>
        {
            keys.XmlRepository = new DatabaseXmlRepository(scopes);
            keys.XmlEncryptor = new LinkKeyXmlEncryptor(seal);
        });
        return services;
    }
}
