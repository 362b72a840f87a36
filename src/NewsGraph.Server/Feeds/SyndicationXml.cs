using System.Text;
using System.Xml;

namespace NewsGraph.Server.Feeds;

/// <summary>The XmlWriter settings every XML document of the feature is written with: UTF-8 without BOM, checked characters.</summary>
internal static class SyndicationXml
{
    public static XmlWriterSettings WriterSettings() => new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        // Text is cleaned beforehand (XmlText); a character that slipped through fails the response instead of
        // producing a document no parser accepts.
        CheckCharacters = true,
    };
}
