using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cocreo.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class VerifiedOrganisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NormalizedName",
                table: "Organisation",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Standing",
                table: "Organisation",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Unverified");

            migrationBuilder.AddColumn<DateTime>(
                name: "StandingDecidedAt",
                table: "Organisation",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StandingDecidedBy",
                table: "Organisation",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StandingReason",
                table: "Organisation",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiedAt",
                table: "Organisation",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AdministratorLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AdministratorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AdministratorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdministratorLog", x => x.Id);
                });

            // Existing rows get a unique normalised name before the unique index (see VerifiedOrganisationsBackfill).
            foreach (var statement in VerifiedOrganisationsBackfill.Statements("chr"))
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.CreateIndex(
                name: "IX_Organisation_NormalizedName",
                table: "Organisation",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisation_Standing",
                table: "Organisation",
                column: "Standing");

            migrationBuilder.CreateIndex(
                name: "IX_AdministratorLog_OccurredAt",
                table: "AdministratorLog",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_AdministratorLog_OrganisationId",
                table: "AdministratorLog",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdministratorLog");

            migrationBuilder.DropIndex(
                name: "IX_Organisation_NormalizedName",
                table: "Organisation");

            migrationBuilder.DropIndex(
                name: "IX_Organisation_Standing",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "NormalizedName",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "Standing",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "StandingDecidedAt",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "StandingDecidedBy",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "StandingReason",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "Organisation");
        }
    }
}
