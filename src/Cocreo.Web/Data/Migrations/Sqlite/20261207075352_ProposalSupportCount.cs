using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProposalSupportCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SupportCount",
                table: "Proposals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing proposals: their supports counted once; from now on every change of supports keeps the count.
            migrationBuilder.Sql("""UPDATE "Proposals" SET "SupportCount" = (SELECT COUNT(*) FROM "ProposalSupports" s WHERE s."ProposalId" = "Proposals"."Id");""");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_SubmittedAt",
                table: "Proposals",
                columns: new[] { "ProcessId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_SupportCount",
                table: "Proposals",
                columns: new[] { "ProcessId", "SupportCount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProcessId_SubmittedAt",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProcessId_SupportCount",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "SupportCount",
                table: "Proposals");
        }
    }
}
