using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class BHarvestOriginIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_MeetingHarvestItems_BecameLink_BecameId",
                table: "MeetingHarvestItems",
                columns: new[] { "BecameLink", "BecameId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MeetingHarvestItems_BecameLink_BecameId",
                table: "MeetingHarvestItems");
        }
    }
}
