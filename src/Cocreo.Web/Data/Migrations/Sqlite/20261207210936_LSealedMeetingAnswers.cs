using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LSealedMeetingAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Answers written before they were sealed are marked as not yet sealed; they are sealed at their next save
            // or with `dotnet Cocreo.Web.dll personal-data reseal` (a migration has no key).
            migrationBuilder.Sql("""UPDATE "MeetingProfiles" SET "Answers" = 'pd0:' || "Answers" WHERE "Answers" NOT LIKE 'pd0:%' AND "Answers" NOT LIKE 'pd1.%'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
