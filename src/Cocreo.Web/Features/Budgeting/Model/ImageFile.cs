using SkiaSharp;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>Why an uploaded file is not accepted as a proposal's image.</summary>
public enum ImageProblem
{
    /// <summary>The file has no bytes at all.</summary>
    Empty,

    /// <summary>More than <see cref="ImageFile.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>No JPEG, PNG or WebP decoder recognises it (a web page, a script, a GIF, a header with garbage after it).</summary>
    NotAnImage,

    /// <summary>It starts as a picture, but its pixels cannot all be read (cut off, or damaged in the middle).</summary>
    Damaged,

    /// <summary>Its header announces more than <see cref="ImageFile.MaxPixels"/> pixels: a photo far too large, or a decompression bomb.</summary>
    TooManyPixels,
}

/// <summary>A picture in one encoding: its bytes and its size in pixels.</summary>
public sealed record EncodedImage(byte[] Content, int Width, int Height);

/// <summary>
/// An uploaded picture as it is kept: decoded by Skia, turned upright by its EXIF orientation and encoded anew, once at
/// most <see cref="ImageFile.FullSide"/> pixels on its longer side and once as a thumbnail. Only pixels survive: no
/// EXIF (no GPS position, no camera serial), no XMP, no comments, no colour profile (the pixels are converted to
/// sRGB first), nothing after the end of the picture. The bytes a person sent are never stored or served.
/// </summary>
public sealed record ImageFile(string ContentType, EncodedImage Full, EncodedImage Thumbnail)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>
    /// Pixels in all, read from the file's header before anything is decoded: a small file can announce a picture
    /// that would take gigabytes to decode (a "decompression bomb"). 40 million pixels take 160 MB while decoded.
    /// </summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>The longer side of the picture shown on a proposal's page; larger pictures are scaled down.</summary>
    public const int FullSide = 2560;

    /// <summary>The longer side of the thumbnail shown in lists.</summary>
    public const int ThumbnailSide = 480;

    public const int MaxPerProposal = 4;

    public const int AltTextLength = 300;

    /// <summary>For the file input's accept attribute.</summary>
    public const string Accepted = "image/jpeg,image/png,image/webp";

    private const int JpegQuality = 85;

    /// <summary>
    /// How many pictures are decoded at once in this app instance: each can take a few hundred MB while it is decoded,
    /// so many uploads at once wait for their turn instead of exhausting the memory.
    /// </summary>
    private static readonly SemaphoreSlim Decoders = new(2);

    /// <summary>Reads and re-encodes an uploaded picture, or says what is wrong with it.</summary>
    public static async Task<ImageReading> ReadAsync(IFormFile upload, CancellationToken cancellationToken)
    {
        if (upload.Length > MaxBytes)
        {
            return new(null, ImageProblem.TooLarge);
        }
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, cancellationToken);
        await Decoders.WaitAsync(cancellationToken);
        try
        {
            return Reencode(buffer.ToArray());
        }
        finally
        {
            Decoders.Release();
        }
    }

    /// <summary>Decodes <paramref name="content"/> (JPEG, PNG or WebP) within the limits and encodes it anew, or says what is wrong with it.</summary>
    public static ImageReading Reencode(byte[] content)
    {
        if (content.Length == 0)
        {
            return new(null, ImageProblem.Empty);
        }
        if (content.Length > MaxBytes)
        {
            return new(null, ImageProblem.TooLarge);
        }
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            return new(null, ImageProblem.NotAnImage);
        }
        // Only the header has been read so far: the size is checked before a single pixel is decoded.
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
        {
            return new(null, ImageProblem.NotAnImage);
        }
        if ((long)width * height > MaxPixels)
        {
            return new(null, ImageProblem.TooManyPixels, width, height);
        }
        using var decoded = Decode(codec);
        if (decoded is null)
        {
            return new(null, ImageProblem.Damaged, width, height);
        }
        // Each step makes a new bitmap only when it changes something (a 40-megapixel picture is 160 MB a copy), and
        // the picture is scaled down before it is turned upright (turning keeps the longer side).
        using var scaled = ScaledToFit(decoded, FullSide);
        using var turned = Upright(scaled ?? decoded, codec.EncodedOrigin);
        var full = turned ?? scaled ?? decoded;
        using var small = ScaledToFit(full, ThumbnailSide);
        var thumbnail = small ?? full;
        // A picture with see-through pixels stays a lossless PNG; any other becomes a JPEG.
        var format = IsOpaque(full) ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
        return new(new ImageFile(
            format == SKEncodedImageFormat.Jpeg ? "image/jpeg" : "image/png",
            Encode(full, format),
            Encode(thumbnail, format)), null, width, height);
    }

    /// <summary>
    /// All the pixels, converted to sRGB, or null when the codec cannot give them all (a cut-off or damaged file: Skia
    /// would fill what is missing with blank rows and say the input was incomplete). A JPEG far larger than it will be
    /// kept is decoded at a smaller scale, which takes less memory and time.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec)
    {
        // JPEG decodes at n/8 of its size: the smallest scale still at least FullSide on the longer side.
        var size = codec.Info.Size;
        for (var eighths = 1; eighths < 8 && Math.Max(size.Width, size.Height) > FullSide; eighths++)
        {
            var scaled = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Max(scaled.Width, scaled.Height) >= FullSide)
            {
                size = scaled;
                break;
            }
        }
        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            return null;
        }
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }
        return bitmap;
    }

    /// <summary>
    /// The picture as it should be seen: a phone stores a photo as the sensor saw it and says in EXIF how to turn it.
    /// The EXIF is not kept, so the turn is made in the pixels. Each orientation maps a pixel (x, y) of the stored
    /// picture to its place in the upright one (W × H): the mirrored, turned and transposed cases of TIFF's tag 274.
    /// Null when the picture is upright already.
    /// </summary>
    private static SKBitmap? Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return null;
        }
        var swaps = origin >= SKEncodedOrigin.LeftTop;
        var (w, h) = swaps ? (source.Height, source.Width) : (source.Width, source.Height);
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1), // LeftBottom
        };
        var turned = new SKBitmap(source.Info.WithSize(w, h));
        using var canvas = new SKCanvas(turned);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(source, 0, 0);
        return turned;
    }

    /// <summary>
    /// A copy at most <paramref name="side"/> pixels on its longer side, or null when the picture fits already (it is
    /// never enlarged). Halved with a linear filter while more than twice too large, then scaled with a cubic filter:
    /// sharp, without the moiré of one big step.
    /// </summary>
    private static SKBitmap? ScaledToFit(SKBitmap source, int side)
    {
        var longer = Math.Max(source.Width, source.Height);
        if (longer <= side)
        {
            return null;
        }
        var scale = (double)side / longer;
        var (width, height) = (Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)));
        var current = source;
        try
        {
            while (current.Width / 2 >= width * 2 && current.Height / 2 >= height * 2)
            {
                var half = current.Resize(current.Info.WithSize(current.Width / 2, current.Height / 2), new SKSamplingOptions(SKFilterMode.Linear));
                if (current != source)
                {
                    current.Dispose();
                }
                current = half;
            }
            return current.Resize(current.Info.WithSize(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        finally
        {
            if (current != source)
            {
                current.Dispose();
            }
        }
    }

    private static bool IsOpaque(SKBitmap bitmap)
    {
        if (bitmap.AlphaType == SKAlphaType.Opaque)
        {
            return true;
        }
        var pixels = bitmap.GetPixelSpan();
        for (var row = 0; row < bitmap.Height; row++)
        {
            var line = pixels.Slice(row * bitmap.RowBytes, bitmap.Width * 4);
            for (var alpha = 3; alpha < line.Length; alpha += 4)
            {
                if (line[alpha] != 255)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Encodes the pixels without a colour profile (they are sRGB already, which browsers assume of a picture without
    /// one): the encoders then write nothing but the picture.
    /// </summary>
    private static EncodedImage Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var pixmap = new SKPixmap(bitmap.Info.WithColorSpace(null), bitmap.GetPixels(), bitmap.RowBytes);
        using var output = new MemoryStream();
        var written = format == SKEncodedImageFormat.Jpeg
            ? pixmap.Encode(output, new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            : pixmap.Encode(output, new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9));
        if (!written)
        {
            throw new InvalidOperationException($"Skia could not encode a {bitmap.Width} × {bitmap.Height} picture as {format}.");
        }
        return new EncodedImage(output.ToArray(), bitmap.Width, bitmap.Height);
    }
}

/// <summary>
/// What came of reading an upload: the re-encoded picture, or the problem; with the size in pixels its header
/// announced when it had one (so a message can say how large the picture is).
/// </summary>
public sealed record ImageReading(ImageFile? File, ImageProblem? Problem, int Width = 0, int Height = 0);
