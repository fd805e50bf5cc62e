using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AAmendments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Amendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TargetKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BaseVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BaseBody = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    ResultVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    PromotedProposalId = table.Column<int>(type: "INTEGER", nullable: true),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Amendments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TextVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TargetKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AmendmentId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TextVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AmendmentSupports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AmendmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SupportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AmendmentSupports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AmendmentSupports_Amendments_AmendmentId",
                        column: x => x.AmendmentId,
                        principalTable: "Amendments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_AuthorUserId",
                table: "Amendments",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_PromotedProposalId",
                table: "Amendments",
                column: "PromotedProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_TargetKind_TargetId_Status",
                table: "Amendments",
                columns: new[] { "TargetKind", "TargetId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AmendmentSupports_AmendmentId_UserId",
                table: "AmendmentSupports",
                columns: new[] { "AmendmentId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AmendmentSupports_UserId",
                table: "AmendmentSupports",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_TextVersions_ByUserId",
                table: "TextVersions",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_TextVersions_TargetKind_TargetId_Number",
                table: "TextVersions",
                columns: new[] { "TargetKind", "TargetId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AmendmentSupports");

            migrationBuilder.DropTable(
                name: "TextVersions");

            migrationBuilder.DropTable(
                name: "Amendments");
        }
    }
}
