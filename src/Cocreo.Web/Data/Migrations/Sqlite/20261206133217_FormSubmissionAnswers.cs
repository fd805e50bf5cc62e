using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FormSubmissionAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Location",
                table: "FormSubmission",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "FormSubmission",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserId",
                table: "FormSubmission",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmission_CreatedAt",
                table: "FormSubmission",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FormSubmission_CreatedAt",
                table: "FormSubmission");

            migrationBuilder.DropColumn(
                name: "Location",
                table: "FormSubmission");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "FormSubmission");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "FormSubmission");
        }
    }
}
