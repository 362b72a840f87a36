using AngleSharp.Html.Parser;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Tests.Mutations;

/// <summary>Article bodies render to HTML from which no known XSS vector comes out.</summary>
public sealed class ArticleBodyRendererTests : IDisposable
{
    private static readonly string[] DangerousElements = ["script", "iframe", "svg", "math", "object", "embed", "form", "meta", "style", "link", "base", "frame", "frameset"];
    private static readonly HashSet<string> UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "srcset", "poster", "background"];

    private readonly ArticleBodyRenderer _renderer = new();

    public static TheoryData<string> XssPayloads() => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/xss.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" onerror=\"alert(1)\">",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java&#x09;script:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![image](javascript:alert(1))",
        "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<body onload=alert(1)>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<<script>script>alert(1)<</script>/script>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)\">x</a>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<details open ontoggle=alert(1)>",
        "[x](vbscript:msgbox(1))",
        "<https://example.com\" onmouseover=\"alert(1)>",
        "`<script>` in code is text",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    };

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public void No_script_event_handler_or_dangerous_url_comes_out(string payload)
    {
        var html = _renderer.Render($"Intro paragraph.\n\n{payload}\n\nMore text with {payload} inline.");

        // Raw HTML in Markdown comes out as escaped text, which is harmless however it reads; what matters is the
        // DOM a browser builds from the output.
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            Assert.DoesNotContain(element.LocalName, DangerousElements);
            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                Assert.False(name.StartsWith("on", StringComparison.Ordinal), $"Event handler {name} in {html}");
                Assert.NotEqual("style", name);
                if (UrlAttributes.Contains(name))
                {
                    var value = attribute.Value.Trim().ToLowerInvariant();
                    Assert.True(
                        value.StartsWith("http://", StringComparison.Ordinal) || value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("mailto:", StringComparison.Ordinal),
                        $"Unsafe URL {value} in {html}");
                }
            }
        }
    }

    [Fact]
    public void Ordinary_markdown_renders()
    {
        var html = _renderer.Render("## Heading\n\nSome **bold** and a [link](https://example.com/a?b=1).\n\n- one\n- two");

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/a?b=1\"", html, StringComparison.Ordinal);
        Assert.Contains("<li>two</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cache_never_serves_another_body_for_the_same_version()
    {
        var article = new Article { Id = 1, Version = 3, Body = "first" };
        Assert.Contains("first", _renderer.Render(article), StringComparison.Ordinal);

        article.Body = "second";
        Assert.Contains("second", _renderer.Render(article), StringComparison.Ordinal);
    }

    public void Dispose() => _renderer.Dispose();
}
