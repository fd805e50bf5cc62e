using Cocreo.Web.Features.Budgeting;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>A proposal's picture is known by its own first bytes, never by its name or the type the browser claimed.</summary>
public sealed class ImageFileTests
{
    public static TheoryData<string, string> RealPictures => new()
    {
        { nameof(TestImages.Jpeg), "image/jpeg" },
        { nameof(TestImages.Png), "image/png" },
        { nameof(TestImages.WebP), "image/webp" },
    };

    [Theory]
    [MemberData(nameof(RealPictures))]
    public void A_real_picture_is_recognised_with_its_size_in_pixels(string name, string contentType)
    {
        var bytes = (byte[])typeof(TestImages).GetField(name)!.GetValue(null)!;
        var (file, problem) = ImageFile.Inspect(bytes);
        Assert.Null(problem);
        Assert.Equal((contentType, 3, 2), (file!.ContentType, file.Width, file.Height));
    }

    [Fact]
    public void Lossy_and_lossless_webp_headers_give_their_size()
    {
        // VP8: frame tag (3 bytes), start code 9D 01 2A, 14-bit width and height, little-endian.
        byte[] lossy = [.. "RIFF"u8, 30, 0, 0, 0, .. "WEBP"u8, .. "VP8 "u8, 10, 0, 0, 0, 0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, 0x40, 0x01, 0xF0, 0x00, 0, 0];
        Assert.Equal((320, 240), Size(lossy));
        // VP8L: signature 2F, then width−1 and height−1 in 14 bits each.
        var bits = (640u - 1) | (480u - 1) << 14;
        byte[] lossless = [.. "RIFF"u8, 30, 0, 0, 0, .. "WEBP"u8, .. "VP8L"u8, 10, 0, 0, 0, 0x2F, (byte)bits, (byte)(bits >> 8), (byte)(bits >> 16), (byte)(bits >> 24), 0, 0, 0, 0, 0];
        Assert.Equal((640, 480), Size(lossless));
    }

    [Fact]
    public void A_web_page_a_gif_or_a_cut_off_picture_is_not_an_image()
    {
        Assert.Equal(ImageProblem.NotAnImage, ImageFile.Inspect(TestImages.Html).Problem);
        Assert.Equal(ImageProblem.NotAnImage, ImageFile.Inspect("GIF89a\u0003\u0000\u0002\u0000"u8.ToArray()).Problem);
        Assert.Equal(ImageProblem.NotAnImage, ImageFile.Inspect(TestImages.Jpeg[..20]).Problem);
        Assert.Equal(ImageProblem.NotAnImage, ImageFile.Inspect(TestImages.Png[..20]).Problem);
        Assert.Equal(ImageProblem.NotAnImage, ImageFile.Inspect([]).Problem);
        Assert.Equal(ImageProblem.NotAnImage, ImageFile.Inspect(TestImages.PngAnnouncing(0, 2)).Problem);
    }

    [Fact]
    public void A_picture_too_large_to_decode_or_to_keep_is_refused_and_says_its_size()
    {
        var (file, problem) = ImageFile.Inspect(TestImages.PngAnnouncing(20_000, 100));
        Assert.Equal(ImageProblem.TooManyPixels, problem);
        Assert.Equal((20_000, 100), (file!.Width, file.Height));
        Assert.Equal(ImageProblem.TooManyPixels, ImageFile.Inspect(TestImages.PngAnnouncing(9_000, 9_000)).Problem);
        Assert.Null(ImageFile.Inspect(TestImages.PngAnnouncing(7_000, 7_000)).Problem);
        Assert.Equal(ImageProblem.TooLarge, ImageFile.Inspect(TestImages.PngAnnouncing(3, 2, padding: ImageFile.MaxBytes)).Problem);
    }

    [Fact]
    public void A_photo_loses_where_it_was_taken_but_keeps_its_orientation()
    {
        // EXIF as a phone writes it (little-endian TIFF): IFD0 with Orientation = 6 and a pointer to the GPS
        // directory, which holds GPSLatitude as three rationals stored after it; then an XMP segment with the place too.
        byte[] latitude = [46, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 15, 0, 0, 0, 1, 0, 0, 0];
        byte[] tiff =
        [
            .. "II"u8, 42, 0, 8, 0, 0, 0,
            2, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0, 0, 0, 0, 0,
            1, 0, 0x02, 0x00, 5, 0, 3, 0, 0, 0, 56, 0, 0, 0, 0, 0, 0, 0,
            .. latitude,
        ];
        byte[] exif = [.. "Exif\0\0"u8, .. tiff];
        byte[] xmp = [.. "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>exif:GPSLatitude 46,3.25N</x:xmpmeta>"u8];
        byte[] photo = [0xFF, 0xD8, .. Segment(0xE1, exif), .. Segment(0xE1, xmp), .. TestImages.Jpeg[2..]];

        var (file, problem) = ImageFile.Inspect(photo);

        Assert.Null(problem);
        Assert.Equal((3, 2), (file!.Width, file.Height));
        var kept = file.Content;
        Assert.Equal(-1, kept.AsSpan().IndexOf(latitude));
        Assert.Equal(-1, kept.AsSpan().IndexOf("GPSLatitude"u8));
        Assert.NotEqual(-1, kept.AsSpan().IndexOf((byte[])[0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0]));
        Assert.Equal(photo.Length - xmp.Length - 4, kept.Length);
        // The picture itself is untouched.
        Assert.True(kept.AsSpan().EndsWith(TestImages.Jpeg.AsSpan(2)));
    }

    [Fact]
    public void A_png_loses_its_exif_and_text_chunks_and_nothing_else()
    {
        byte[] place = [.. "GPSLatitude 46,3.25N"u8];
        // The chunks a phone or an editor adds after the header (their checksums do not matter: they are dropped).
        byte[] png = [.. TestImages.Png[..33], .. PngChunk("eXIf", place), .. PngChunk("tEXt", [.. "Comment\0"u8, .. place]), .. PngChunk("iTXt", place), .. TestImages.Png[33..]];

        var (file, problem) = ImageFile.Inspect(png);

        Assert.Null(problem);
        Assert.Equal(TestImages.Png, file!.Content);
    }

    [Fact]
    public void A_webp_loses_its_exif_and_xmp_chunks_and_says_so_in_its_header()
    {
        byte[] exif = [.. "Exif GPSLatitude 46,3.25N"u8]; // odd length: the chunk is padded to an even size
        byte[] xmp = [.. "<x:xmpmeta>46,3.25N</x:xmpmeta>"u8];
        byte[] webp = [.. TestImages.WebP, .. RiffChunk("EXIF", exif), .. RiffChunk("XMP ", xmp)];
        webp[20] |= 0x0C; // VP8X flags: EXIF and XMP present
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(4), (uint)(webp.Length - 8));

        var (file, problem) = ImageFile.Inspect(webp);

        Assert.Null(problem);
        Assert.Equal(TestImages.WebP, file!.Content);
    }

    private static byte[] PngChunk(string type, byte[] data) =>
        [(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length, .. System.Text.Encoding.ASCII.GetBytes(type), .. data, 0, 0, 0, 0];

    private static byte[] RiffChunk(string fourCc, byte[] data) =>
        [.. System.Text.Encoding.ASCII.GetBytes(fourCc), (byte)data.Length, (byte)(data.Length >> 8), (byte)(data.Length >> 16), (byte)(data.Length >> 24), .. data, .. data.Length % 2 == 1 ? new byte[] { 0 } : []];

    private static byte[] Segment(byte marker, byte[] payload) =>
        [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];

    private static (int, int) Size(byte[] bytes)
    {
        var (file, problem) = ImageFile.Inspect(bytes);
        Assert.Null(problem);
        Assert.Equal("image/webp", file!.ContentType);
        return (file.Width, file.Height);
    }
}
