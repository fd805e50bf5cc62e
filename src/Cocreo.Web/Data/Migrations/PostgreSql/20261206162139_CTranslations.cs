using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cocreo.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Proposals",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "PoliticalBacking",
                table: "ProcessTranslation",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SponsorMandate",
                table: "ProcessTranslation",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SponsorName",
                table: "ProcessTranslation",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Budgets",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Announcement",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.CreateTable(
                name: "AnnouncementTranslation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AnnouncementId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnouncementTranslation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnouncementTranslation_Announcement_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "Announcement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BudgetId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    District = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Categories = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetTranslations_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TranslatedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TranslatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalTranslations_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementTranslation_AnnouncementId_Language",
                table: "AnnouncementTranslation",
                columns: new[] { "AnnouncementId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetTranslations_BudgetId_Language",
                table: "BudgetTranslations",
                columns: new[] { "BudgetId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalTranslations_ProposalId_Language",
                table: "ProposalTranslations",
                columns: new[] { "ProposalId", "Language" },
                unique: true);

            // What was written before is in its process's language (a proposal: its budget's).
            migrationBuilder.Sql("UPDATE \"Announcement\" SET \"Language\" = (SELECT p.\"Language\" FROM \"Process\" p WHERE p.\"Id\" = \"Announcement\".\"ProcessId\");");
            migrationBuilder.Sql("UPDATE \"Budgets\" SET \"Language\" = (SELECT p.\"Language\" FROM \"Process\" p WHERE p.\"Id\" = \"Budgets\".\"ProcessId\");");
            migrationBuilder.Sql("UPDATE \"Proposals\" SET \"Language\" = (SELECT b.\"Language\" FROM \"Budgets\" b WHERE b.\"Id\" = \"Proposals\".\"BudgetId\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnouncementTranslation");

            migrationBuilder.DropTable(
                name: "BudgetTranslations");

            migrationBuilder.DropTable(
                name: "ProposalTranslations");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "PoliticalBacking",
                table: "ProcessTranslation");

            migrationBuilder.DropColumn(
                name: "SponsorMandate",
                table: "ProcessTranslation");

            migrationBuilder.DropColumn(
                name: "SponsorName",
                table: "ProcessTranslation");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Budgets");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Announcement");
        }
    }
}
