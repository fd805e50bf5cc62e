using SkiaSharp;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>
/// Real pictures of 3 × 2 pixels, encoded by Chromium (canvas.toDataURL); pictures of any size drawn and encoded by
/// Skia; and files that only pretend to be pictures.
/// </summary>
public static class TestImages
{
    public static readonly byte[] Jpeg = Convert.FromBase64String("/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAYEAEBAQEBAAAAAAAAAAAAAAABAgARMf/EABUBAQEAAAAAAAAAAAAAAAAAAAMH/8QAGxEAAgEFAAAAAAAAAAAAAAAAAAECBDEzcbH/2gAMAwEAAhEDEQA/AIzJMkyBIcA8MzMUbIntVmnt9P/Z");

    /// <summary>An extended WebP (VP8X chunk first, with a colour profile).</summary>
    public static readonly byte[] WebP = Convert.FromBase64String("UklGRioCAABXRUJQVlA4WAoAAAAgAAAAAgAAAQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggPAAAAHABAJ0BKgMAAgABQCYlqAJ0AXUAAP7Q7/owk/ifGStDm8f/9HmqZ+P/wb//89H//h5qmfj/8G/78gAAAA==");

    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAYAAACddGYaAAAAGUlEQVR4AWL6z8DwX2lVORgzKa8qZ4ABAAAAAP//GeoIlAAAAAZJREFUAwCJcwfLM3PJKQAAAABJRU5ErkJggg==");

    public static readonly byte[] Html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray();

    /// <summary>
    /// A PNG header that announces the given size (with the right checksum, so a decoder believes it), followed by the
    /// data of the 3 × 2 picture and <paramref name="padding"/> bytes: small on disk, huge to decode, or both.
    /// </summary>
    public static byte[] PngAnnouncing(int width, int height, int padding = 0)
    {
        var bytes = new byte[Png.Length + padding];
        Png.CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17)));
        return bytes;
    }

    /// <summary>
    /// A real decompression bomb: a valid grey PNG of <paramref name="width"/> × <paramref name="height"/> black
    /// pixels, whose compressed data is about a thousandth of what it decodes to.
    /// </summary>
    public static byte[] PngBomb(int width, int height)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width + 1]; // a filter byte (none), then one byte a pixel
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }
        byte[] header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample; colour type 0 (grey), compression, filter and interlace 0
        return [.. Png[..8], .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        var crc = Crc32(typed);
        return [(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length, .. typed, (byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc];
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, reflected, polynomial EDB88320).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    /// <summary>A picture whose left half is red and right half blue (or see-through, when <paramref name="transparent"/>), encoded as asked.</summary>
    public static byte[] Drawn(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg, bool transparent = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(transparent ? SKColors.Transparent : SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>Decodes a stored picture, to look at its pixels.</summary>
    public static SKBitmap Decode(byte[] bytes) => SKBitmap.Decode(bytes) ?? throw new InvalidOperationException("Not a picture Skia can read.");

    /// <summary>
    /// A phone photo's EXIF (little-endian TIFF): IFD0 with Orientation = <paramref name="orientation"/> and a pointer to
    /// the GPS directory, which holds GPSLatitude as three rationals (46° 3' 15") stored after it.
    /// </summary>
    public static byte[] Exif(int orientation) =>
    [
        .. "Exif\0\0"u8,
        .. "II"u8, 42, 0, 8, 0, 0, 0,
        2, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, 0, 0, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0x02, 0x00, 5, 0, 3, 0, 0, 0, 56, 0, 0, 0, 0, 0, 0, 0,
        .. Latitude,
    ];

    /// <summary>The GPS latitude in <see cref="Exif"/>, as stored.</summary>
    public static readonly byte[] Latitude = [46, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 15, 0, 0, 0, 1, 0, 0, 0];

    /// <summary>A JPEG with segments inserted after its start marker (APP1 EXIF, APP1 XMP, a comment...).</summary>
    public static byte[] JpegWith(byte[] jpeg, params (byte Marker, byte[] Payload)[] segments)
    {
        var inserted = segments.SelectMany(s => (byte[])[0xFF, s.Marker, (byte)((s.Payload.Length + 2) >> 8), (byte)(s.Payload.Length + 2), .. s.Payload]);
        return [.. jpeg[..2], .. inserted, .. jpeg[2..]];
    }
}
