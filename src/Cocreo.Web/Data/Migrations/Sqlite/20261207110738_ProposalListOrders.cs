using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProposalListOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_List",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProcessId_SubmittedAt",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProcessId_SupportCount",
                table: "Proposals");

            migrationBuilder.AddColumn<int>(
                name: "ShuffleKey",
                table: "Proposals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Proposals made before the key keep the random order they had: (Id mod 100003) · 7919 mod 100003.
            migrationBuilder.Sql("UPDATE \"Proposals\" SET \"ShuffleKey\" = ((\"Id\" % 100003) * 7919) % 100003;");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Listed",
                table: "Proposals",
                columns: new[] { "ProcessId", "BudgetId", "WithdrawnAt", "Status", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_ShuffleKey_Id",
                table: "Proposals",
                columns: new[] { "ProcessId", "ShuffleKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_SubmittedAt_Id",
                table: "Proposals",
                columns: new[] { "ProcessId", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_SupportCount_Id",
                table: "Proposals",
                columns: new[] { "ProcessId", "SupportCount", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_Listed",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProcessId_ShuffleKey_Id",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProcessId_SubmittedAt_Id",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProcessId_SupportCount_Id",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "ShuffleKey",
                table: "Proposals");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_List",
                table: "Proposals",
                columns: new[] { "ProcessId", "BudgetId", "WithdrawnAt", "Status", "Category", "SubmittedAt", "SupportCount" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_SubmittedAt",
                table: "Proposals",
                columns: new[] { "ProcessId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_SupportCount",
                table: "Proposals",
                columns: new[] { "ProcessId", "SupportCount" });
        }
    }
}
