using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BWorkshopSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkshopSession",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MaxPeople = table.Column<int>(type: "INTEGER", nullable: false),
                    Registered = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopSession", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkshopSession_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopSession_Code",
                table: "WorkshopSession",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopSession_ProcessId",
                table: "WorkshopSession",
                column: "ProcessId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkshopSession");
        }
    }
}
