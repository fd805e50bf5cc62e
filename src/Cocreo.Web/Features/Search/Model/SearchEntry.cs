using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Search;

/// <summary>What kind of thing a search result is.</summary>
public enum SearchKind
{
    Process,
    Announcement,
    Proposal,
    Comment,
    Contribution,
    Amendment,
    TextSection,
    HarvestItem,
}

/// <summary>
/// One searchable item: what a result shows (title, plain text for the snippet, link) and the stemmed terms the
/// database matches (<see cref="SearchTerms.ForIndex"/>). PostgreSQL keeps a generated <c>tsvector</c> of
/// <see cref="Terms"/> with a GIN index; SQLite keeps an FTS5 table over it, filled by triggers. Both are made by the
/// migration, outside the EF model. Which process an item belongs to decides who finds it (at query time, so a
/// process made private is hidden at once).
/// </summary>
public sealed class SearchEntry
{
    public long Id { get; private set; }
    public SearchKind Kind { get; set; }

    /// <summary>The item's id in its own capability.</summary>
    public int ItemId { get; set; }

    public int ProcessId { get; set; }
    public int OrganisationId { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The item's text, plain (no Markdown), for the snippet.</summary>
    public string Body { get; set; } = "";

    public string Url { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    public string Terms { get; set; } = "";
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> entry)
    {
        entry.ToTable("SearchEntries");
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Title).HasMaxLength(400);
        entry.Property(e => e.Url).HasMaxLength(200);
        entry.HasIndex(e => new { e.Kind, e.ItemId }).IsUnique();
        entry.HasIndex(e => e.ProcessId);
    }
}
