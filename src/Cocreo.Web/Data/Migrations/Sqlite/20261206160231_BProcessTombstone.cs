using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BProcessTombstone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "Process",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Process");
        }
    }
}
