using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cocreo.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DThreadedDebate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Comments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TargetKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    ThreadId = table.Column<int>(type: "integer", nullable: true),
                    Depth = table.Column<int>(type: "integer", nullable: false),
                    Alignment = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PostedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Up = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Down = table.Column<int>(type: "integer", nullable: false),
                    Replies = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Comments_Comments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommentVotes",
                columns: table => new
                {
                    CommentId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false),
                    VotedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentVotes", x => new { x.CommentId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CommentVotes_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorUserId",
                table: "Comments",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_Best",
                table: "Comments",
                columns: new[] { "TargetKind", "TargetId", "Depth", "Score", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_Discussed",
                table: "Comments",
                columns: new[] { "TargetKind", "TargetId", "Depth", "Replies", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_Oldest",
                table: "Comments",
                columns: new[] { "TargetKind", "TargetId", "Depth", "PostedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ParentId",
                table: "Comments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ProcessId_PostedAt",
                table: "Comments",
                columns: new[] { "ProcessId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ThreadId_PostedAt",
                table: "Comments",
                columns: new[] { "ThreadId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentVotes_UserId",
                table: "CommentVotes",
                column: "UserId");

            // One comment model: the budget proposals' comments move into the debate, keeping their ids (so the
            // moderation cases, replaced texts, search entries and notification links that name them still do), under
            // the one moderation kind of comments. Their tallies start at zero: flat comments had no votes nor replies.
            migrationBuilder.Sql("""
                INSERT INTO "Comments" ("Id", "TargetKind", "TargetId", "ProcessId", "ParentId", "ThreadId", "Depth", "Alignment", "AuthorUserId", "AuthorName",
                    "Body", "PostedAt", "EditedAt", "DeletedAt", "Up", "Version", "Down", "Replies", "Score")
                SELECT c."Id", 'proposal', c."ProposalId", b."ProcessId", NULL, NULL, 0, 'Neutral', c."AuthorUserId", c."AuthorName",
                    c."Body", c."PostedAt", c."EditedAt", c."DeletedAt", 0, 0, 0, 0, 0
                FROM "ProposalComments" c JOIN "Proposals" p ON p."Id" = c."ProposalId" JOIN "Budgets" b ON b."Id" = p."BudgetId";
                """);
            migrationBuilder.Sql("""SELECT setval(pg_get_serial_sequence('"Comments"', 'Id'), COALESCE((SELECT MAX("Id") FROM "Comments"), 0) + 1, false);""");
            migrationBuilder.Sql("""UPDATE "ModerationCases" SET "Kind" = 'debate/comment' WHERE "Kind" = 'budgeting/comment';""");
            migrationBuilder.Sql("""UPDATE "ModerationReplacedTexts" SET "Kind" = 'debate/comment' WHERE "Kind" = 'budgeting/comment';""");

            migrationBuilder.DropTable(
                name: "ProposalComments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.CreateTable(
                name: "ProposalComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuthorUserId = table.Column<string>(type: "text", nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PostedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProposalId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalComments_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_ProposalId_PostedAt",
                table: "ProposalComments",
                columns: new[] { "ProposalId", "PostedAt" });

            migrationBuilder.Sql("""UPDATE "ModerationCases" SET "Kind" = 'budgeting/comment' WHERE "Kind" = 'debate/comment' AND "ItemId" IN (SELECT "Id" FROM "Comments" WHERE "TargetKind" = 'proposal');""");
            migrationBuilder.Sql("""UPDATE "ModerationReplacedTexts" SET "Kind" = 'budgeting/comment' WHERE "Kind" = 'debate/comment' AND "ItemId" IN (SELECT "Id" FROM "Comments" WHERE "TargetKind" = 'proposal');""");
            migrationBuilder.Sql("""
                INSERT INTO "ProposalComments" ("Id", "ProposalId", "AuthorUserId", "AuthorName", "Body", "PostedAt", "EditedAt", "DeletedAt")
                SELECT "Id", "TargetId", "AuthorUserId", "AuthorName", "Body", "PostedAt", "EditedAt", "DeletedAt" FROM "Comments" WHERE "TargetKind" = 'proposal';
                """);

            migrationBuilder.DropTable(
                name: "CommentVotes");

            migrationBuilder.DropTable(
                name: "Comments");
        }
    }
}
