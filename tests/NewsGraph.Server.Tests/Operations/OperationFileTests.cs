using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Operations;

/// <summary>The example operations in schema/operations (the README's examples) run and find something.</summary>
[Collection(SharedServer.Name)]
public sealed class OperationFileTests(ServerFixture fixture)
{
    public static TheoryData<string> OperationFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryFiles.PathOf("schema", "operations"), "*.graphql").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OperationFiles))]
    public async Task Operation_runs_and_every_page_has_items(string fileName)
    {
        var document = await File.ReadAllTextAsync(RepositoryFiles.PathOf("schema", "operations", fileName));

        var response = await fixture.Server.PostAsync(document);

        var data = response.SuccessfulData().AsObject();
        Assert.NotEmpty(data);
        foreach (var (field, value) in data)
        {
            Assert.True(value is not null, $"{fileName}: {field} is null in {response.Text}");
            AssertNoEmptyLists(fileName, field, value!);
        }
    }

    private static void AssertNoEmptyLists(string fileName, string path, JsonNode node)
    {
        switch (node)
        {
            case JsonArray array:
                // Pages must find something; an article without tags or a leaf category is fine.
                var isPage = path.EndsWith(".nodes", StringComparison.Ordinal) || path.EndsWith(".edges", StringComparison.Ordinal);
                Assert.True(array.Count > 0 || !isPage, $"{fileName}: {path} is empty");
                for (var i = 0; i < array.Count; i++)
                {
                    AssertNoEmptyLists(fileName, $"{path}[{i}]", array[i]!);
                }

                break;
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (child is not null)
                    {
                        AssertNoEmptyLists(fileName, $"{path}.{name}", child);
                    }
                }

                break;
        }
    }
}
