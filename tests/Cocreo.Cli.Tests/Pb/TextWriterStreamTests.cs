using System.Text;
using Cocreo.Cli.Pb;

namespace Cocreo.Cli.Tests.Pb;

public class TextWriterStreamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Characters_split_between_writes_arrive_whole(int piece)
    {
        const string text = "Łąki kwietne, Poidełka, Żółć 🌳 and plain text";
        var bytes = Encoding.UTF8.GetBytes(text);
        var output = new StringWriter();

        using (var stream = new TextWriterStream(output))
        {
            for (var start = 0; start < bytes.Length; start += piece)
            {
                stream.Write(bytes, start, Math.Min(piece, bytes.Length - start));
            }
        }

        Assert.Equal(text, output.ToString());
    }

    [Fact]
    public void It_only_writes()
    {
        using var stream = new TextWriterStream(new StringWriter());

        Assert.False(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.Throws<NotSupportedException>(() => stream.Read(new byte[1], 0, 1));
    }
}
