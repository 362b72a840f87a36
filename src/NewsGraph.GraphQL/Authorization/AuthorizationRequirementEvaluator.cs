using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.GraphQL.Authorization;

/// <summary>
/// Evaluates GraphQL.NET's authorization metadata (<c>Authorize()</c>, <c>AuthorizeWithRoles</c>,
/// <c>AuthorizeWithPolicy</c>) of one field or type against a user, with ASP.NET Core's semantics: any one of the
/// roles suffices, every policy must succeed, and either implies an authenticated user.
/// </summary>
internal sealed class AuthorizationRequirementEvaluator(ClaimsPrincipal? user, IServiceProvider? services)
{
    private readonly bool _isAuthenticated = user?.Identities.Any(i => i.IsAuthenticated) == true;

    public async ValueTask<AuthorizationRequirementResult> EvaluateAsync(IMetadataReader element)
    {
        if (!element.IsAuthorizationRequired())
        {
            return AuthorizationRequirementResult.Allowed;
        }

        if (!_isAuthenticated)
        {
            return AuthorizationRequirementResult.Unauthenticated;
        }

        var roles = element.GetRoles();
        if (roles is { Count: > 0 } && !roles.Any(user!.IsInRole))
        {
            return AuthorizationRequirementResult.Forbidden(
                roles.Count == 1 ? $"the role '{roles[0]}'" : $"one of the roles {string.Join(", ", roles.Select(r => $"'{r}'"))}");
        }

        var policies = element.GetPolicies();
        if (policies is { Count: > 0 })
        {
            // A policy names server configuration: without ASP.NET Core authorization registered it cannot be
            // decided, and guessing "allowed" would open the field, so this is a server error, not a client one.
            var authorization = services?.GetService<IAuthorizationService>()
                ?? throw new InvalidOperationException(
                    "A field or type requires an authorization policy, but no IAuthorizationService is registered (call services.AddAuthorization()).");
            foreach (var policy in policies)
            {
                var result = await authorization.AuthorizeAsync(user!, resource: null, policy).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    return AuthorizationRequirementResult.Forbidden($"the policy '{policy}'");
                }
            }
        }

        return AuthorizationRequirementResult.Allowed;
    }
}
