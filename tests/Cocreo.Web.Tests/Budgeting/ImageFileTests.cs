using Cocreo.Web.Features.Budgeting;
using SkiaSharp;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>
/// A proposal's picture is decoded and encoded anew: only its pixels survive (no EXIF, no GPS, no comment, nothing
/// after the picture), turned upright, with a thumbnail; anything else is refused before it is stored.
/// </summary>
public sealed class ImageFileTests
{
    public static TheoryData<string> RealPictures => [nameof(TestImages.Jpeg), nameof(TestImages.Png), nameof(TestImages.WebP)];

    [Theory]
    [MemberData(nameof(RealPictures))]
    public void A_real_picture_is_encoded_anew_with_its_size_in_pixels(string name)
    {
        var bytes = (byte[])typeof(TestImages).GetField(name)!.GetValue(null)!;
        var file = Accepted(bytes);
        // Opaque pictures become JPEG files, whatever they were.
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.Equal((3, 2), (file.Full.Width, file.Full.Height));
        using var decoded = TestImages.Decode(file.Full.Content);
        Assert.Equal((3, 2), (decoded.Width, decoded.Height));
        // Chromium's colour profile is not kept either.
        Assert.Equal(-1, file.Full.Content.AsSpan().IndexOf("ICC_PROFILE"u8));
    }

    [Fact]
    public void A_png_followed_by_a_web_page_is_stored_as_the_png_alone()
    {
        byte[] polyglot = [.. TestImages.Png, .. TestImages.Html];

        var file = Accepted(polyglot);

        Assert.Equal(-1, file.Full.Content.AsSpan().IndexOf("<script>"u8));
        Assert.Equal(-1, file.Thumbnail.Content.AsSpan().IndexOf("<script>"u8));
        using var decoded = TestImages.Decode(file.Full.Content);
        Assert.Equal((3, 2), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void A_png_header_followed_by_a_web_page_is_refused()
    {
        // The signature and the IHDR chunk (a 3 × 2 picture), then HTML instead of the image data.
        byte[] disguised = [.. TestImages.Png[..33], .. TestImages.Html];
        Assert.Contains(ImageFile.Reencode(disguised).Problem, (ImageProblem?[])[ImageProblem.NotAnImage, ImageProblem.Damaged]);
    }

    [Fact]
    public void A_web_page_a_gif_or_no_bytes_at_all_is_not_a_picture()
    {
        Assert.Equal(ImageProblem.NotAnImage, ImageFile.Reencode(TestImages.Html).Problem);
        Assert.Equal(ImageProblem.NotAnImage, ImageFile.Reencode("GIF89a\u0003\u0000\u0002\u0000"u8.ToArray()).Problem);
        Assert.Equal(ImageProblem.Empty, ImageFile.Reencode([]).Problem);
        Assert.Equal(ImageProblem.NotAnImage, ImageFile.Reencode(TestImages.PngAnnouncing(0, 2)).Problem);
    }

    [Fact]
    public void A_cut_off_picture_is_refused()
    {
        foreach (var format in new[] { SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp })
        {
            var whole = Noise(200, 150, format);
            Assert.Null(ImageFile.Reencode(whole).Problem);
            var problem = ImageFile.Reencode(whole[..(whole.Length / 2)]).Problem;
            Assert.True(problem is ImageProblem.Damaged or ImageProblem.NotAnImage, $"{format} cut in half: {problem}");
        }
        Assert.NotNull(ImageFile.Reencode(TestImages.Jpeg[..20]).Problem);
        Assert.NotNull(ImageFile.Reencode(TestImages.Png[..20]).Problem);
    }

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header_before_it_is_decoded()
    {
        // 49 and 400 million pixels announced by a file of 70 bytes: decoding would take 196 MB and 1.6 GB.
        var reading = ImageFile.Reencode(TestImages.PngAnnouncing(7_000, 7_000));
        Assert.Equal((ImageProblem.TooManyPixels, 7_000, 7_000), (reading.Problem!.Value, reading.Width, reading.Height));
        Assert.Equal(ImageProblem.TooManyPixels, ImageFile.Reencode(TestImages.PngAnnouncing(20_000, 20_000)).Problem);
        // A valid PNG of 42 million black pixels in 41 KB.
        var bomb = TestImages.PngBomb(7_000, 6_000);
        Assert.True(bomb.Length < 100_000, $"{bomb.Length} bytes");
        Assert.Equal(ImageProblem.TooManyPixels, ImageFile.Reencode(bomb).Problem);
        Assert.Equal(ImageProblem.TooManyPixels, ImageFile.Reencode(TestImages.PngAnnouncing(8_000, 5_001)).Problem);
        // libpng itself refuses a side over a million pixels.
        Assert.Equal(ImageProblem.NotAnImage, ImageFile.Reencode(TestImages.PngAnnouncing(40_000_001, 1)).Problem);
        Assert.Equal(ImageProblem.TooLarge, ImageFile.Reencode(TestImages.PngAnnouncing(3, 2, padding: ImageFile.MaxBytes)).Problem);
    }

    [Fact]
    public void A_photo_loses_its_exif_position_comment_and_trailing_bytes_and_is_turned_upright()
    {
        // A 40 × 20 photo, red on the left, stored as the sensor saw it: orientation 6 says "turn it a quarter clockwise".
        byte[] xmp = [.. "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>exif:GPSLatitude 46,3.25N</x:xmpmeta>"u8];
        byte[] comment = [.. "Taken at home, Trubarjeva 12"u8];
        byte[] photo = [.. TestImages.JpegWith(TestImages.Drawn(40, 20), (0xE1, TestImages.Exif(6)), (0xE1, xmp), (0xFE, comment)), .. TestImages.Html];

        var file = Accepted(photo);

        foreach (var kept in new[] { file.Full.Content, file.Thumbnail.Content })
        {
            Assert.Equal(-1, kept.AsSpan().IndexOf("Exif"u8));
            Assert.Equal(-1, kept.AsSpan().IndexOf(TestImages.Latitude));
            Assert.Equal(-1, kept.AsSpan().IndexOf("GPSLatitude"u8));
            Assert.Equal(-1, kept.AsSpan().IndexOf("Trubarjeva"u8));
            Assert.Equal(-1, kept.AsSpan().IndexOf("<script>"u8));
            // A JPEG ends with its end marker: nothing after the picture.
            Assert.True(kept.AsSpan().EndsWith((byte[])[0xFF, 0xD9]));
        }
        // Upright: 20 wide, 40 high, the red left side now on top.
        Assert.Equal((20, 40), (file.Full.Width, file.Full.Height));
        using var upright = TestImages.Decode(file.Full.Content);
        Assert.Equal((20, 40), (upright.Width, upright.Height));
        AssertNear(SKColors.Red, upright.GetPixel(10, 5));
        AssertNear(SKColors.Blue, upright.GetPixel(10, 35));
    }

    /// <summary>An 80 × 40 picture, red in its top left quarter, blue elsewhere; where the red pixel (10, 10) and the blue (70, 30) are once it is upright.</summary>
    [Theory]
    [InlineData(1, 80, 40, 10, 10, 70, 30)] // as stored
    [InlineData(2, 80, 40, 70, 10, 10, 30)] // mirrored left to right
    [InlineData(3, 80, 40, 70, 30, 10, 10)] // half a turn
    [InlineData(4, 80, 40, 10, 30, 70, 10)] // mirrored top to bottom
    [InlineData(5, 40, 80, 10, 10, 30, 70)] // transposed
    [InlineData(6, 40, 80, 30, 10, 10, 70)] // a quarter turn clockwise
    [InlineData(7, 40, 80, 30, 70, 10, 10)] // transversed
    [InlineData(8, 40, 80, 10, 70, 30, 10)] // a quarter turn anticlockwise
    public void Every_orientation_is_applied(int orientation, int width, int height, int redX, int redY, int blueX, int blueY)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(80, 40, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, 40, 20, red);
        }
        using var jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);

        var file = Accepted(TestImages.JpegWith(jpeg.ToArray(), (0xE1, TestImages.Exif(orientation))));

        using var upright = TestImages.Decode(file.Full.Content);
        Assert.Equal((width, height), (upright.Width, upright.Height));
        AssertNear(SKColors.Red, upright.GetPixel(redX, redY));
        AssertNear(SKColors.Blue, upright.GetPixel(blueX, blueY));
    }

    [Fact]
    public void A_large_photo_is_kept_at_most_2560_pixels_wide_with_a_thumbnail_of_480()
    {
        var file = Accepted(TestImages.Drawn(4000, 3000));

        Assert.Equal((2560, 1920), (file.Full.Width, file.Full.Height));
        Assert.Equal((480, 360), (file.Thumbnail.Width, file.Thumbnail.Height));
        Assert.True(file.Thumbnail.Content.Length < file.Full.Content.Length);
        using var thumbnail = TestImages.Decode(file.Thumbnail.Content);
        Assert.Equal((480, 360), (thumbnail.Width, thumbnail.Height));
        AssertNear(SKColors.Red, thumbnail.GetPixel(100, 180));
        AssertNear(SKColors.Blue, thumbnail.GetPixel(380, 180));
    }

    [Fact]
    public void A_picture_with_see_through_parts_stays_a_png_with_them()
    {
        var file = Accepted(TestImages.Drawn(1000, 500, SKEncodedImageFormat.Png, transparent: true));

        Assert.Equal("image/png", file.ContentType);
        Assert.Equal((480, 240), (file.Thumbnail.Width, file.Thumbnail.Height));
        using var decoded = TestImages.Decode(file.Full.Content);
        Assert.Equal(255, decoded.GetPixel(100, 100).Alpha);
        Assert.Equal(0, decoded.GetPixel(900, 100).Alpha);
        // PNG text chunks would be tEXt, zTXt, iTXt or eXIf: none is written.
        foreach (var chunk in new[] { "tEXt"u8.ToArray(), "zTXt"u8.ToArray(), "iTXt"u8.ToArray(), "eXIf"u8.ToArray() })
        {
            Assert.Equal(-1, file.Full.Content.AsSpan().IndexOf(chunk));
        }
    }

    private static ImageFile Accepted(byte[] bytes)
    {
        var reading = ImageFile.Reencode(bytes);
        Assert.Null(reading.Problem);
        return reading.File!;
    }

    private static void AssertNear(SKColor expected, SKColor actual)
    {
        var distance = Math.Abs(expected.Red - actual.Red) + Math.Abs(expected.Green - actual.Green) + Math.Abs(expected.Blue - actual.Blue);
        Assert.True(distance < 90, $"expected about {expected}, found {actual}");
    }

    /// <summary>A picture of random pixels: its data is large and every byte of it matters, so a cut is noticed.</summary>
    private static byte[] Noise(int width, int height, SKEncodedImageFormat format)
    {
        var random = new Random(7);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
