namespace PersonaMedia.WebApi.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, made to describe the wire exactly, so that a
/// client generated from it needs no cast. A copy is committed as <c>docs/openapi/v1.json</c>; a
/// test compares the two, so every change of the contract is a visible diff.
/// </summary>
public static class ApiContract
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddApiContract(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.CreateSchemaReferenceId = WireSchemas.Id;
            options.AddSchemaTransformer<WireSchemaTransformer>();
            options.AddOperationTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<ContractOperationTransformer>();
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddDocumentTransformer<ContractDocumentTransformer>();
        });
}
