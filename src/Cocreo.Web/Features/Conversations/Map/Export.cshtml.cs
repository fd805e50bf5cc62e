using System.IO.Compression;
using Cocreo.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Engine = Cocreo.OpinionMap;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// The conversation as open data, in Polis' export format (comments.csv, votes.csv, participants-votes.csv with the
/// current map's group ids), zipped; whoever may see the conversation may download it. Participant ids are the
/// platform's participant ids (never keys or user ids); pending statements are left out, rejected ones are marked.
/// </summary>
public sealed class ExportModel(ConversationAccessReader conversations, ConversationMaps maps, CocreoDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await conversations.ReadAsync(id, User, ConversationAction.View, cancellationToken);
        var map = await maps.CurrentAsync(id, cancellationToken);
        var statements = await db.Set<ConversationStatement>().AsNoTracking()
            .Where(s => s.ConversationId == id && s.Status != StatementStatus.Pending)
            .Select(s => new { s.Id, s.Text, s.Status, s.AuthorParticipantId, s.CreatedAt })
            .ToListAsync(cancellationToken);
        var votes = await db.Set<ConversationVote>().AsNoTracking()
            .Where(v => v.ConversationId == id)
            .OrderBy(v => v.VotedAt).ThenBy(v => v.Id)
            .Select(v => new { v.ParticipantId, v.StatementId, v.Choice, v.VotedAt })
            .ToListAsync(cancellationToken);
        var known = statements.Select(s => s.Id).ToHashSet();
        var groups = map.Participants.Where(p => p.Value.GroupId is not null).ToDictionary(p => p.Key, p => p.Value.GroupId!.Value);
        var folder = Path.Combine(Path.GetTempPath(), "cocreo-export-" + Guid.NewGuid().ToString("N"));
        try
        {
            Engine.Polis.PolisExport.Write(folder,
                statements.Select(s => new Engine.Statement(s.Id, s.Text)
                {
                    Moderation = s.Status == StatementStatus.Rejected ? Engine.Moderation.Rejected : Engine.Moderation.Accepted,
                    AuthorId = s.AuthorParticipantId,
                    CreatedAt = new DateTimeOffset(s.CreatedAt, TimeSpan.Zero),
                }),
                votes.Where(v => known.Contains(v.StatementId))
                    .Select(v => new Engine.Vote(v.ParticipantId, v.StatementId, ConversationMaps.ToEngine(v.Choice), new DateTimeOffset(v.VotedAt, TimeSpan.Zero))),
                groups);
            var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var file in new[] { "comments.csv", "votes.csv", "participants-votes.csv" })
                {
                    await archive.CreateEntryFromFileAsync(Path.Combine(folder, file), file, cancellationToken);
                }
            }
            zip.Position = 0;
            return File(zip, "application/zip", $"conversation-{id}.zip");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
