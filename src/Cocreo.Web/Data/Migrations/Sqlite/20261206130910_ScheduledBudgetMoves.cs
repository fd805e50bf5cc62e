using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScheduledBudgetMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "MovesAt",
                table: "BudgetPhasePlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScheduleProblem",
                table: "BudgetPhasePlans",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetPhasePlans_MovesAt",
                table: "BudgetPhasePlans",
                column: "MovesAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BudgetPhasePlans_MovesAt",
                table: "BudgetPhasePlans");

            migrationBuilder.DropColumn(
                name: "MovesAt",
                table: "BudgetPhasePlans");

            migrationBuilder.DropColumn(
                name: "ScheduleProblem",
                table: "BudgetPhasePlans");
        }
    }
}
