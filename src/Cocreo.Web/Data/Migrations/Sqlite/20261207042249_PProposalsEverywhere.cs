using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PProposalsEverywhere : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "BudgetId",
                table: "Proposals",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "ProcessId",
                table: "Proposals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // One model: every proposal has its process; a budget project's is its budget's.
            migrationBuilder.Sql("UPDATE \"Proposals\" SET \"ProcessId\" = (SELECT b.\"ProcessId\" FROM \"Budgets\" b WHERE b.\"Id\" = \"Proposals\".\"BudgetId\") WHERE \"BudgetId\" IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "ProcessProposalSettings",
                columns: table => new
                {
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Open = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupportsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupportLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 6030, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessProposalSettings", x => x.ProcessId);
                    table.ForeignKey(
                        name: "FK_ProcessProposalSettings_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_BudgetId_Status",
                table: "Proposals",
                columns: new[] { "ProcessId", "BudgetId", "Status" });

            migrationBuilder.AddForeignKey(
                name: "FK_Proposals_Process_ProcessId",
                table: "Proposals",
                column: "ProcessId",
                principalTable: "Process",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Proposals_Process_ProcessId",
                table: "Proposals");

            migrationBuilder.DropTable(
                name: "ProcessProposalSettings");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProcessId_BudgetId_Status",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "ProcessId",
                table: "Proposals");

            migrationBuilder.AlterColumn<int>(
                name: "BudgetId",
                table: "Proposals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
