using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "OutgoingEmails",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntil",
                table: "OutgoingEmails",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WorkLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Until = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_ClaimToken",
                table: "OutgoingEmails",
                column: "ClaimToken");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkLeases");

            migrationBuilder.DropIndex(
                name: "IX_OutgoingEmails_ClaimToken",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "OutgoingEmails");
        }
    }
}
