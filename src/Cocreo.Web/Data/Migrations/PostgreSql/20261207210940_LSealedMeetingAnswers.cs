using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LSealedMeetingAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Answers",
                table: "MeetingProfiles",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000);

            // Answers written before they were sealed are marked as not yet sealed; they are sealed at their next save
            // or with `dotnet Cocreo.Web.dll personal-data reseal` (a migration has no key).
            migrationBuilder.Sql("""UPDATE "MeetingProfiles" SET "Answers" = 'pd0:' || "Answers" WHERE "Answers" NOT LIKE 'pd0:%' AND "Answers" NOT LIKE 'pd1.%'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Answers",
                table: "MeetingProfiles",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");
        }
    }
}
