using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class YAttachmentUploader : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AddedByUserId",
                table: "ProposalImages",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddedByUserId",
                table: "ProposalDocuments",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalImages_AddedByUserId",
                table: "ProposalImages",
                column: "AddedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalDocuments_AddedByUserId",
                table: "ProposalDocuments",
                column: "AddedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProposalImages_AddedByUserId",
                table: "ProposalImages");

            migrationBuilder.DropIndex(
                name: "IX_ProposalDocuments_AddedByUserId",
                table: "ProposalDocuments");

            migrationBuilder.DropColumn(
                name: "AddedByUserId",
                table: "ProposalImages");

            migrationBuilder.DropColumn(
                name: "AddedByUserId",
                table: "ProposalDocuments");
        }
    }
}
