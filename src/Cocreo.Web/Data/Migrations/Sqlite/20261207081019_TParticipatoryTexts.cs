using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TParticipatoryTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ParticipatoryTexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipatoryTexts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipatoryTexts_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipatoryTextVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TextId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipatoryTextVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipatoryTextVersions_ParticipatoryTexts_TextId",
                        column: x => x.TextId,
                        principalTable: "ParticipatoryTexts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TextSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TextId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Heading = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Removed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TextSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TextSections_ParticipatoryTexts_TextId",
                        column: x => x.TextId,
                        principalTable: "ParticipatoryTexts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TextSectionSupports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SupportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TextSectionSupports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TextSectionSupports_TextSections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "TextSections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipatoryTexts_ProcessId",
                table: "ParticipatoryTexts",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipatoryTextVersions_TextId_Number",
                table: "ParticipatoryTextVersions",
                columns: new[] { "TextId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TextSections_TextId_Position",
                table: "TextSections",
                columns: new[] { "TextId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TextSectionSupports_SectionId_UserId",
                table: "TextSectionSupports",
                columns: new[] { "SectionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TextSectionSupports_UserId",
                table: "TextSectionSupports",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ParticipatoryTextVersions");

            migrationBuilder.DropTable(
                name: "TextSectionSupports");

            migrationBuilder.DropTable(
                name: "TextSections");

            migrationBuilder.DropTable(
                name: "ParticipatoryTexts");
        }
    }
}
