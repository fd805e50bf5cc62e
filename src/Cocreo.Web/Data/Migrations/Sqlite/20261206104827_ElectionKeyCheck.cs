using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ElectionKeyCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ElectionKeyCheck",
                table: "Budgets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ElectionKeyCheck",
                table: "Budgets");
        }
    }
}
