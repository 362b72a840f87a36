using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Auth;

/// <summary>
/// README "JWT bearer tokens": the recipe's key (<c>openssl rand 64 | openssl base64 -A</c>, 64 bytes) verifies HS256,
/// HS384 and HS512; a shorter key accepts only the algorithms it is long enough for, and a configuration that asks for
/// more stops the server at startup with a message that says what to do.
/// </summary>
public sealed class JwtSigningKeyTests
{
    private const string Query = "mutation { deleteTag(input: { id: \"VGFnOjk5OTk5OQ==\" }) { errors { __typename } } }";

    [Fact]
    public async Task The_recipe_key_accepts_HS256_HS384_and_HS512_tokens()
    {
        var key = RandomKey(64);
        await using var server = await NewsGraphServer.StartAsync(Settings(key));

        foreach (var algorithm in new[] { SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512 })
        {
            var response = await PostAsync(server, TestCredentials.JwtWithClaims("""{ "role": "editor" }""", algorithm, key));
            Assert.Equal("NotFoundError", (string?)response.SuccessfulData()["deleteTag"]!["errors"]![0]!["__typename"]);
        }
    }

    [Theory]
    [InlineData(32, SecurityAlgorithms.HmacSha256, true)]
    [InlineData(32, SecurityAlgorithms.HmacSha384, false)]
    [InlineData(32, SecurityAlgorithms.HmacSha512, false)]
    [InlineData(48, SecurityAlgorithms.HmacSha384, true)]
    [InlineData(48, SecurityAlgorithms.HmacSha512, false)]
    [InlineData(64, SecurityAlgorithms.HmacSha512, true)]
    public async Task A_shorter_key_accepts_the_algorithms_it_is_long_enough_for(int keyBytes, string algorithm, bool accepted)
    {
        var key = RandomKey(keyBytes);
        await using var server = await NewsGraphServer.StartAsync(Settings(key));

        // Signed by hand: the token handler would refuse to sign with a key too short for the algorithm, other
        // libraries do not.
        var response = await PostAsync(server, SignedByHand(algorithm, Convert.FromBase64String(key)));

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(32, "HS384", "Authentication:Jwt:SigningKey has 32 bytes, but HS384 needs at least 48")]
    [InlineData(48, "HS512", "Authentication:Jwt:SigningKey has 48 bytes, but HS512 needs at least 64")]
    [InlineData(64, "RS256", "Authentication:Jwt:Algorithms: 'RS256' is not supported; use HS256, HS384, HS512.")]
    [InlineData(16, "", "Authentication:Jwt:SigningKey must be at least 32 bytes")]
    public async Task A_key_too_short_or_an_unknown_algorithm_stops_the_server(int keyBytes, string algorithm, string message)
    {
        var settings = Settings(RandomKey(keyBytes)).ToList();
        if (algorithm.Length > 0)
        {
            settings.Add(new("Authentication:Jwt:Algorithms:0", algorithm));
        }

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => NewsGraphServer.StartAsync(settings));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        if (message.Contains("SigningKey", StringComparison.Ordinal))
        {
            Assert.Contains("openssl rand 64 | openssl base64 -A", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Configured_algorithms_are_the_only_ones_accepted()
    {
        var key = RandomKey(64);
        await using var server = await NewsGraphServer.StartAsync(Settings(key).Append(new("Authentication:Jwt:Algorithms:0", "HS512")));

        var hs512 = await PostAsync(server, TestCredentials.JwtWithClaims("""{ "role": "editor" }""", SecurityAlgorithms.HmacSha512, key));
        var hs256 = await PostAsync(server, TestCredentials.JwtWithClaims("""{ "role": "editor" }""", SecurityAlgorithms.HmacSha256, key));

        Assert.Equal(HttpStatusCode.OK, hs512.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, hs256.StatusCode);
    }

    private static string SignedByHand(string algorithm, byte[] key)
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode($$"""{"alg":"{{algorithm}}","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"sub":"jane.editor","role":"editor","iss":"{{TestCredentials.Issuer}}","aud":"{{TestCredentials.Audience}}","exp":{{expires}}}""");
        var input = System.Text.Encoding.ASCII.GetBytes($"{header}.{payload}");
        var signature = algorithm switch
        {
            SecurityAlgorithms.HmacSha256 => HMACSHA256.HashData(key, input),
            SecurityAlgorithms.HmacSha384 => HMACSHA384.HashData(key, input),
            _ => HMACSHA512.HashData(key, input),
        };
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static string RandomKey(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    private static IEnumerable<KeyValuePair<string, string>> Settings(string signingKey) =>
        TestCredentials.Settings.Where(s => s.Key != "Authentication:Jwt:SigningKey").Append(new("Authentication:Jwt:SigningKey", signingKey));

    private static Task<GraphQLResponse> PostAsync(NewsGraphServer server, string jwt) =>
        AuthenticatedServerFixture.PostAsync(server, request => request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + jwt), Query);
}
