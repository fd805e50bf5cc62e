using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProposalImageThumbnails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Thumbnail",
                table: "ProposalImages",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<int>(
                name: "ThumbnailHeight",
                table: "ProposalImages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ThumbnailWidth",
                table: "ProposalImages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Thumbnail",
                table: "ProposalImages");

            migrationBuilder.DropColumn(
                name: "ThumbnailHeight",
                table: "ProposalImages");

            migrationBuilder.DropColumn(
                name: "ThumbnailWidth",
                table: "ProposalImages");
        }
    }
}
