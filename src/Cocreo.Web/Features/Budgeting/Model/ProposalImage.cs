using System.Buffers.Binary;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A picture of a proposed project (a photo of the place, a sketch). Kept in the database, not on disk: every app
/// instance serves it, backups hold it, and no file name a person sent is ever used.
/// </summary>
public sealed class ProposalImage
{
    public int Id { get; private set; }
    public int ProposalId { get; private set; }

    /// <summary>image/jpeg, image/png or image/webp, as the file's own first bytes say (never as the browser claimed).</summary>
    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];
    public int Width { get; private set; }
    public int Height { get; private set; }

    /// <summary>What the picture shows, for people who cannot see it.</summary>
    public string AltText { get; private set; } = "";

    public DateTime AddedAt { get; private set; }

    private ProposalImage()
    {
    }

    public static ProposalImage From(ImageFile file, string altText, DateTime now) => new()
    {
        ContentType = file.ContentType,
        Content = file.Content,
        Width = file.Width,
        Height = file.Height,
        AltText = altText.Trim(),
        AddedAt = now,
    };

    /// <summary>For an image added to a proposal that is already saved.</summary>
    public static ProposalImage For(int proposalId, ImageFile file, string altText, DateTime now)
    {
        var image = From(file, altText, now);
        image.ProposalId = proposalId;
        return image;
    }
}

/// <summary>What pages show of an image, without its bytes.</summary>
public sealed record ProposalImageView(int Id, string AltText, int Width, int Height);

/// <summary>Why an uploaded file is not accepted as a proposal's image.</summary>
public enum ImageProblem
{
    TooLarge,
    NotAnImage,
    TooManyPixels,
}

/// <summary>
/// An uploaded picture checked by its content: a JPEG, PNG or WebP file whose header names its size in pixels. The
/// type comes from the file's first bytes, so an HTML page or a script renamed to .jpg is refused, and the picture's
/// size is checked before any browser has to decode it.
/// </summary>
public sealed record ImageFile(string ContentType, byte[] Content, int Width, int Height)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Longest side, in pixels. Phone photos are about 4,000 to 8,000.</summary>
    public const int MaxSide = 10_000;

    /// <summary>Pixels in all; a small file can still decode to gigabytes (a "decompression bomb").</summary>
    public const long MaxPixels = 50_000_000;

    public const int MaxPerProposal = 4;

    public const int AltTextLength = 300;

    /// <summary>For the file input's accept attribute.</summary>
    public const string Accepted = "image/jpeg,image/png,image/webp";

    /// <summary>Reads an uploaded picture, or says what is wrong with it (the file is given too when only its pixel size is wrong).</summary>
    public static async Task<(ImageFile? File, ImageProblem? Problem)> ReadAsync(IFormFile upload, CancellationToken cancellationToken)
    {
        if (upload.Length > MaxBytes)
        {
            return (null, ImageProblem.TooLarge);
        }
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, cancellationToken);
        return Inspect(buffer.ToArray());
    }

    public static (ImageFile? File, ImageProblem? Problem) Inspect(byte[] content)
    {
        if (content.Length > MaxBytes)
        {
            return (null, ImageProblem.TooLarge);
        }
        if (Header(content) is not ({ } type, var width, var height) || width <= 0 || height <= 0)
        {
            return (null, ImageProblem.NotAnImage);
        }
        var kept = type switch
        {
            "image/jpeg" => JpegWithoutLocation(content),
            "image/png" => PngWithoutMetadata(content),
            _ => WebPWithoutMetadata(content),
        };
        var file = new ImageFile(type, kept, width, height);
        // The file comes with this problem too, so the message can say how large the picture is.
        return (file, width > MaxSide || height > MaxSide || (long)width * height > MaxPixels ? ImageProblem.TooManyPixels : null);
    }

    private static (string Type, int Width, int Height)? Header(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            // The first chunk must be IHDR: width and height, four bytes each, big-endian.
            return bytes.Length >= 24 && bytes[12..16].SequenceEqual("IHDR"u8)
                ? ("image/png", (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), int.MaxValue), (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]), int.MaxValue))
                : null;
        }
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return Jpeg(bytes) is { } size ? ("image/jpeg", size.Width, size.Height) : null;
        }
        if (bytes.Length >= 30 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP(bytes) is { } size ? ("image/webp", size.Width, size.Height) : null;
        }
        return null;
    }

    /// <summary>Walks the JPEG's segments to its frame header (SOFn), which holds the size.</summary>
    private static (int Width, int Height)? Jpeg(ReadOnlySpan<byte> bytes)
    {
        var at = 2;
        while (at + 4 <= bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return null;
            }
            var marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }
            if (marker is 0x01 or >= 0xD0 and <= 0xD7)
            {
                at += 2;
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            if (length < 2)
            {
                return null;
            }
            // Frame headers: C0–CF except C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return at + 9 <= bytes.Length
                    ? (BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 5)..]))
                    : null;
            }
            if (marker == 0xDA)
            {
                // Image data started without a frame header.
                return null;
            }
            at += 2 + length;
        }
        return null;
    }

    /// <summary>The size from the first chunk of a WebP file: lossy (VP8), lossless (VP8L) or extended (VP8X).</summary>
    private static (int Width, int Height)? WebP(ReadOnlySpan<byte> bytes)
    {
        var chunk = bytes[12..16];
        var data = bytes[20..];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            return data[3] == 0x9D && data[4] == 0x01 && data[5] == 0x2A
                ? (BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF)
                : null;
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (data[0] != 0x2F)
            {
                return null;
            }
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            return (1 + (data[4] | data[5] << 8 | data[6] << 16), 1 + (data[7] | data[8] << 8 | data[9] << 16));
        }
        return null;
    }

    /// <summary>
    /// A phone photo says where it was taken (EXIF GPS, often XMP too): a resident's photo of their street would
    /// publish where they stood, often their home. The XMP segments are dropped and the GPS directory of the EXIF
    /// data is wiped; the rest of the EXIF stays, because browsers turn the photo by its orientation tag.
    /// </summary>
    internal static byte[] JpegWithoutLocation(byte[] jpeg)
    {
        var output = new MemoryStream(jpeg.Length);
        output.Write(jpeg, 0, 2);
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF && jpeg[at + 1] is not (0xDA or 0xD9))
        {
            var end = at + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            if (end > jpeg.Length || end < at + 4)
            {
                break;
            }
            var payload = jpeg.AsSpan(at + 4, end - at - 4);
            var keep = true;
            if (jpeg[at + 1] == 0xE1)
            {
                if (payload.StartsWith("Exif\0\0"u8))
                {
                    WipeGps(payload[6..]);
                }
                else if (payload.StartsWith("http://ns.adobe.com/"u8))
                {
                    keep = false;
                }
            }
            if (keep)
            {
                output.Write(jpeg, at, end - at);
            }
            at = end;
        }
        output.Write(jpeg, at, jpeg.Length - at);
        return output.ToArray();
    }

    /// <summary>
    /// A PNG carries EXIF (with a location) in its eXIf chunk and XMP and free text in its text chunks; none of them
    /// changes how the picture looks, so they are dropped whole. Each chunk has its own checksum, so the others stay valid.
    /// </summary>
    internal static byte[] PngWithoutMetadata(byte[] png)
    {
        var output = new MemoryStream(png.Length);
        output.Write(png, 0, 8);
        var at = 8;
        while (at + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            if (length > png.Length - at - 12)
            {
                break;
            }
            var end = at + 12 + (int)length;
            var type = png.AsSpan(at + 4, 4);
            if (!(type.SequenceEqual("eXIf"u8) || type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8) || type.SequenceEqual("iTXt"u8)))
            {
                output.Write(png, at, end - at);
            }
            at = end;
        }
        output.Write(png, at, png.Length - at);
        return output.ToArray();
    }

    /// <summary>
    /// An extended WebP carries EXIF (with a location) and XMP in chunks of their own, announced by two flags of its
    /// VP8X header. The chunks are dropped, the flags cleared and the RIFF size corrected.
    /// </summary>
    internal static byte[] WebPWithoutMetadata(byte[] webp)
    {
        var output = new MemoryStream(webp.Length);
        output.Write(webp, 0, 12);
        var at = 12;
        while (at + 8 <= webp.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(at + 4));
            if (size > webp.Length - at - 8)
            {
                break;
            }
            var end = Math.Min(webp.Length, at + 8 + (int)size + (int)(size & 1));
            var chunk = webp.AsSpan(at, 4);
            if (!(chunk.SequenceEqual("EXIF"u8) || chunk.SequenceEqual("XMP "u8)))
            {
                var start = (int)output.Position;
                output.Write(webp, at, end - at);
                if (chunk.SequenceEqual("VP8X"u8) && size >= 10)
                {
                    // Flags: bit 3 says there is EXIF, bit 2 XMP.
                    output.GetBuffer()[start + 8] &= unchecked((byte)~0x0C);
                }
            }
            at = end;
        }
        output.Write(webp, at, webp.Length - at);
        var bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    /// <summary>Zeroes the GPS directory of TIFF-structured EXIF data (its entries and the values they point to), in place.</summary>
    private static void WipeGps(Span<byte> tiff)
    {
        if (tiff.Length < 8 || !(tiff.StartsWith("II"u8) || tiff.StartsWith("MM"u8)))
        {
            return;
        }
        var little = tiff[0] == (byte)'I';
        var directory = Int(tiff, 4, little);
        if (directory < 0 || directory + 2 > tiff.Length)
        {
            return;
        }
        var entries = Short(tiff, directory, little);
        for (var i = 0; i < entries && directory + 2 + 12 * (i + 1) <= tiff.Length; i++)
        {
            var entry = directory + 2 + 12 * i;
            if (Short(tiff, entry, little) != 0x8825)
            {
                continue;
            }
            var gps = Int(tiff, entry + 8, little);
            if (gps < 0 || gps + 2 > tiff.Length)
            {
                return;
            }
            var count = Short(tiff, gps, little);
            var length = Math.Min(2 + 12 * count, tiff.Length - gps);
            for (var j = 0; j < count && gps + 2 + 12 * (j + 1) <= tiff.Length; j++)
            {
                var field = gps + 2 + 12 * j;
                var size = (long)TypeSize(Short(tiff, field + 2, little)) * (uint)Int(tiff, field + 4, little);
                var offset = Int(tiff, field + 8, little);
                if (size > 4 && offset >= 0 && offset + size <= tiff.Length)
                {
                    tiff.Slice(offset, (int)size).Clear();
                }
            }
            // Zero entries, zero count: readers see an empty GPS directory.
            tiff.Slice(gps, length).Clear();
            return;
        }
    }

    private static int Short(ReadOnlySpan<byte> bytes, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]) : BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);

    private static int Int(ReadOnlySpan<byte> bytes, int at, bool little) =>
        at + 4 > bytes.Length ? -1 : (int)Math.Min(little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]) : BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]), int.MaxValue);

    /// <summary>Bytes per value of a TIFF field type (BYTE, ASCII, SHORT, LONG, RATIONAL, ...).</summary>
    private static int TypeSize(int type) => type switch
    {
        3 or 8 => 2,
        4 or 9 or 11 => 4,
        5 or 10 or 12 => 8,
        _ => 1,
    };
}
