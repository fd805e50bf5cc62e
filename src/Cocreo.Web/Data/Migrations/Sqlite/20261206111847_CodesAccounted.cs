using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CodesAccounted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Markers written before the channel was recorded count as online: a paper marker of a vote open across
            // this upgrade cannot be told apart (it has no link to anything), so such a vote needs the team's
            // decision to explain the difference (AcceptReconciliation).
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "BudgetVoters",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "Online");

            migrationBuilder.CreateTable(
                name: "BudgetReconciliationDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BudgetId = table.Column<int>(type: "INTEGER", nullable: false),
                    InternetBallots = table.Column<long>(type: "INTEGER", nullable: false),
                    InternetVoters = table.Column<long>(type: "INTEGER", nullable: false),
                    PaperBallots = table.Column<long>(type: "INTEGER", nullable: false),
                    PaperVoters = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetReconciliationDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetReconciliationDecisions_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CodeReissueRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BudgetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CensusEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodeReissueRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CodeReissueRequests_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CodeReissueRequests_CensusEntries_CensusEntryId",
                        column: x => x.CensusEntryId,
                        principalTable: "CensusEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetReconciliationDecisions_BudgetId",
                table: "BudgetReconciliationDecisions",
                column: "BudgetId");

            migrationBuilder.CreateIndex(
                name: "IX_CodeReissueRequests_BudgetId_Number",
                table: "CodeReissueRequests",
                columns: new[] { "BudgetId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CodeReissueRequests_BudgetId_Status",
                table: "CodeReissueRequests",
                columns: new[] { "BudgetId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CodeReissueRequests_CensusEntryId",
                table: "CodeReissueRequests",
                column: "CensusEntryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetReconciliationDecisions");

            migrationBuilder.DropTable(
                name: "CodeReissueRequests");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "BudgetVoters");
        }
    }
}
