using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AModerationEverywhere : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAt",
                table: "Proposals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "Proposals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ModerationSettings",
                columns: table => new
                {
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    HideAfterReports = table.Column<int>(type: "INTEGER", nullable: true),
                    PreModeration = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModerationSettings", x => x.ProcessId);
                });

            // Co-Renew contributions hidden before moderation was shared: their decisions become moderation cases, so
            // the process's queue and public moderation log show them (the contributions keep their own flag too).
            migrationBuilder.Sql("""
                INSERT INTO "ModerationCases" ("Kind", "ItemId", "ProcessId", "State", "OpenReports", "HiddenReason", "HiddenAt", "ReviewedAt", "Version")
                SELECT 'journeys/contribution', c."Id", m."ProcessId", 'Hidden', 0, c."HiddenReason", c."HiddenAt", c."HiddenAt",
                       upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12))
                FROM (SELECT *, hex(randomblob(16)) AS h FROM "JourneyContribution") c
                JOIN "JourneyMap" m ON m."Id" = c."JourneyMapId"
                WHERE c."HiddenAt" IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM "ModerationCases" x WHERE x."Kind" = 'journeys/contribution' AND x."ItemId" = c."Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModerationSettings");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "Proposals");
        }
    }
}
