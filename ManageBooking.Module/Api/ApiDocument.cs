using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ManageBooking.Api;

/// <summary>
/// The API's contract as OpenAPI, served at <see cref="Path"/> and kept in the repository as <c>openapi/v1.json</c> (a
/// test keeps the two equal). Only the JSON API is described: the pages and admin screens are not a contract. The
/// document names no server, so the file is the same whichever host serves it.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = "/openapi/v1.json";

    public static IServiceCollection AddManageBookingOpenApi(this IServiceCollection services)
        => services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ManageBooking API",
                    Version = "v1",
                    Description = "Booking pages, their free slots and new bookings; the manage link as an API: view, reschedule, cancel. "
                        + "Times are ISO 8601 with an offset; durations ISO 8601 (PT24H). Errors are RFC 7807 problem details: 400 malformed "
                        + "input (with errors per field), 404 unknown page or token, 409 slot taken or booking changed meanwhile, 422 refused "
                        + "by the page's policy or the booking's state, 429 too many requests on one manage link.",
                };
                document.Servers = [];
                return Task.CompletedTask;
            });
            // A record's constructor parameters come out required, but the API binds a missing property as null: a property
            // that may be null is optional, so a generated client does not have to send it.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (schema.Required is { Count: > 0 } required)
                {
                    foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.IsSetNullable || p.IsGetNullable))
                    {
                        required.Remove(property.Name);
                    }
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Idempotency.IdempotencyKeyMetadata>().Any())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = Idempotency.IdempotencyKeyHeader.Name,
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = "A key of the client's choosing (IETF draft Idempotency-Key): a retry with the same key and body "
                            + "gets the first answer again and changes nothing; the same key with another body is 422. Keys expire after a day.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Idempotency.IdempotencyKeyHeader.MaxLength },
                    });
                }

                return Task.CompletedTask;
            });
        });

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapOpenApi(Path).WithMetadata(CompressibleResponse.Instance);
}
