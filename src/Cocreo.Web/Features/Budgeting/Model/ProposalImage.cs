namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A picture of a proposed project (a photo of the place, a sketch). Kept in the database, not on disk: every app
/// instance serves it, backups hold it, and no file name a person sent is ever used.
/// </summary>
public sealed class ProposalImage
{
    public int Id { get; private set; }
    public int ProposalId { get; private set; }

    /// <summary>image/jpeg, or image/png for a picture with see-through parts: the encoding chosen when it was re-encoded (never what the browser claimed).</summary>
    public string ContentType { get; private set; } = "";

    /// <summary>The picture shown on the proposal's page, re-encoded (see <see cref="ImageFile"/>): nothing but pixels.</summary>
    public byte[] Content { get; private set; } = [];
    public int Width { get; private set; }
    public int Height { get; private set; }

    /// <summary>
    /// The same picture, small, for lists; in the same encoding. Width 0 marks a picture stored before uploads were
    /// re-encoded, which is not shown or served until it has been (see <see cref="EarlierPictures"/>).
    /// </summary>
    public byte[] Thumbnail { get; private set; } = [];
    public int ThumbnailWidth { get; private set; }
    public int ThumbnailHeight { get; private set; }

    /// <summary>What the picture shows, for people who cannot see it.</summary>
    public string AltText { get; private set; } = "";

    public DateTime AddedAt { get; private set; }

    /// <summary>
    /// The account that uploaded the picture (its author, a co-author, the budget's team), shown to moderators; null for
    /// a picture added before uploads were recorded, or once that account was deleted (the picture stays with the proposal).
    /// </summary>
    public string? AddedByUserId { get; private set; }

    private ProposalImage()
    {
    }

    public static ProposalImage From(ImageFile file, string altText, DateTime now) => new()
    {
        ContentType = file.ContentType,
        Content = file.Full.Content,
        Width = file.Full.Width,
        Height = file.Full.Height,
        Thumbnail = file.Thumbnail.Content,
        ThumbnailWidth = file.Thumbnail.Width,
        ThumbnailHeight = file.Thumbnail.Height,
        AltText = altText.Trim(),
        AddedAt = now,
    };

    /// <summary>A picture stored before uploads were re-encoded gets the pixels of <paramref name="file"/> instead of the bytes that were sent.</summary>
    public void Reencode(ImageFile file)
    {
        ContentType = file.ContentType;
        (Content, Width, Height) = (file.Full.Content, file.Full.Width, file.Full.Height);
        (Thumbnail, ThumbnailWidth, ThumbnailHeight) = (file.Thumbnail.Content, file.Thumbnail.Width, file.Thumbnail.Height);
    }

    /// <summary>For an image added to a proposal that is already saved.</summary>
    public static ProposalImage For(int proposalId, ImageFile file, string altText, DateTime now, string? addedByUserId = null)
    {
        var image = From(file, altText, now);
        image.ProposalId = proposalId;
        image.AddedByUserId = addedByUserId;
        return image;
    }

    /// <summary>The uploader's account was deleted: the picture stays, naming nobody.</summary>
    public void ForgetUploader() => AddedByUserId = null;
}

/// <summary>What pages show of an image, without its bytes.</summary>
public sealed record ProposalImageView(int Id, string AltText, int Width, int Height, int ThumbnailWidth, int ThumbnailHeight);
