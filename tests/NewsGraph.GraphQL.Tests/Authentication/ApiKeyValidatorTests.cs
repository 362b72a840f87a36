using System.Security.Claims;
using NewsGraph.GraphQL.Authentication;

namespace NewsGraph.GraphQL.Tests.Authentication;

public sealed class ApiKeyValidatorTests
{
    private static ApiKeyValidator Validator(params ApiKeyDefinition[] keys) => new(keys);

    [Fact]
    public void The_hash_is_lowercase_sha256_hex_of_the_utf8_key()
    {
        // echo -n 'abc' | sha256sum
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeyHasher.Hash("abc"));
    }

    [Fact]
    public void Created_keys_are_random_url_safe_and_256_bits()
    {
        var a = ApiKeyHasher.CreateKey();
        var b = ApiKeyHasher.CreateKey();
        Assert.NotEqual(a, b);
        Assert.Equal(43, a.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", a);
    }

    [Fact]
    public void A_matching_key_gives_its_name_and_roles()
    {
        var validator = Validator(
            new ApiKeyDefinition { Name = "other", Hash = ApiKeyHasher.Hash("k2"), Roles = { "admin" } },
            new ApiKeyDefinition { Name = "cms", Hash = ApiKeyHasher.Hash("k1").ToUpperInvariant(), Roles = { "editor", "editor" } });

        var user = validator.Validate("k1", "ApiKey")!;

        Assert.True(user.Identity!.IsAuthenticated);
        Assert.Equal("cms", user.Identity.Name);
        Assert.True(user.IsInRole("editor"));
        Assert.False(user.IsInRole("admin"));
        Assert.Single(user.FindAll("role"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("k")]
    [InlineData("k1 ")]
    [InlineData("K1")]
    public void Anything_else_matches_nothing(string key) =>
        Assert.Null(Validator(new ApiKeyDefinition { Name = "cms", Hash = ApiKeyHasher.Hash("k1") }).Validate(key, "ApiKey"));

    [Theory]
    [InlineData("", "ab")]
    [InlineData("cms", "")]
    [InlineData("cms", "not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex")]
    [InlineData("cms", "abc123")]
    public void A_malformed_definition_is_refused_at_startup(string name, string hash) =>
        Assert.Throws<ArgumentException>(() => Validator(new ApiKeyDefinition { Name = name, Hash = hash }));

    [Fact]
    public void Keys_are_compared_in_constant_time()
    {
        // Code review made executable: the comparison goes through CryptographicOperations.FixedTimeEquals, and never
        // through an early-exit comparison of strings or spans.
        var source = File.ReadAllText(RepositoryFiles.PathOf("src", "NewsGraph.GraphQL", "Authentication", "ApiKeyValidator.cs"));
        Assert.Contains("CryptographicOperations.FixedTimeEquals(presented, hash)", source, StringComparison.Ordinal);
        Assert.DoesNotContain("SequenceEqual", source, StringComparison.Ordinal);
        Assert.DoesNotContain("string.Equals", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Principal_type_is_claims_principal() => Assert.IsType<ClaimsPrincipal>(
        Validator(new ApiKeyDefinition { Name = "cms", Hash = ApiKeyHasher.Hash("k1") }).Validate("k1", "ApiKey"));
}
