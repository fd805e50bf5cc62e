using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LogHeadsAndSubmissionResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The head of each log leaves the process (the log is the platform's), keeping every length and hash.
            migrationBuilder.CreateTable(
                name: "ProcessLogHeads",
                columns: table => new
                {
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessLogHeads", x => x.ProcessId);
                    table.ForeignKey(
                        name: "FK_ProcessLogHeads_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.Sql(@"INSERT INTO ""ProcessLogHeads"" (""ProcessId"", ""Length"", ""Hash"", ""Version"") SELECT ""Id"", ""LogLength"", ""LogHeadHash"", ""Version"" FROM ""Process"" WHERE ""LogLength"" > 0;");

            // A submission's result is now the JSON of the change's result; earlier ones were paths.
            migrationBuilder.AddColumn<string>(
                name: "Result",
                table: "FormSubmission",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(@"UPDATE ""FormSubmission"" SET ""Result"" = '""' || ""ResultPath"" || '""';");

            migrationBuilder.DropColumn(
                name: "LogHeadHash",
                table: "Process");

            migrationBuilder.DropColumn(
                name: "LogLength",
                table: "Process");

            migrationBuilder.DropColumn(
                name: "ResultPath",
                table: "FormSubmission");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LogHeadHash",
                table: "Process",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "LogLength",
                table: "Process",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ResultPath",
                table: "FormSubmission",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(@"UPDATE ""Process"" SET ""LogHeadHash"" = '0000000000000000000000000000000000000000000000000000000000000000';");
            migrationBuilder.Sql(@"UPDATE ""Process"" SET ""LogLength"" = (SELECT h.""Length"" FROM ""ProcessLogHeads"" h WHERE h.""ProcessId"" = ""Process"".""Id""), ""LogHeadHash"" = (SELECT h.""Hash"" FROM ""ProcessLogHeads"" h WHERE h.""ProcessId"" = ""Process"".""Id"") WHERE ""Id"" IN (SELECT ""ProcessId"" FROM ""ProcessLogHeads"");");
            migrationBuilder.Sql(@"UPDATE ""FormSubmission"" SET ""ResultPath"" = CASE WHEN substr(""Result"", 1, 1) = '""' THEN substr(""Result"", 2, length(""Result"") - 2) ELSE '/' END;");

            migrationBuilder.DropTable(
                name: "ProcessLogHeads");

            migrationBuilder.DropColumn(
                name: "Result",
                table: "FormSubmission");
        }
    }
}
