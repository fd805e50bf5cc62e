using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LSealedWalkInNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "WalkInName",
                table: "MeetingRegistrations",
                type: "character varying(800)",
                maxLength: 800,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);
            // Names typed before they were sealed are marked as not yet sealed; they are sealed at their next save or
            // with `dotnet Cocreo.Web.dll personal-data reseal` (a migration has no key).
            migrationBuilder.Sql("""UPDATE "MeetingRegistrations" SET "WalkInName" = 'pd0:' || "WalkInName" WHERE "WalkInName" IS NOT NULL AND "WalkInName" NOT LIKE 'pd0:%' AND "WalkInName" NOT LIKE 'pd1.%'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "WalkInName",
                table: "MeetingRegistrations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(800)",
                oldMaxLength: 800,
                oldNullable: true);
        }
    }
}
