using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LSealedNeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SealedNeeds",
                table: "MeetingRegistrations",
                type: "text",
                nullable: true);

            // The needs move into one column, to be sealed with the personal-data key. A migration has no key, so they
            // are written marked as not yet sealed ("pd0:"); they are read as they are and sealed on the next save
            // of the registration, or at once with `dotnet Cocreo.Web.dll personal-data reseal`.
            migrationBuilder.Sql("""UPDATE "MeetingRegistrations" SET "SealedNeeds" = 'pd0:' || json_build_object('Interpretation', "Interpretation", 'InterpretationLanguage', "InterpretationLanguage", 'SignLanguage', "SignLanguage", 'Childcare', "Childcare", 'Diet', "Diet", 'StepFreeAccess', "StepFreeAccess", 'Other', "OtherNeeds")::text WHERE "Interpretation" OR "InterpretationLanguage" IS NOT NULL OR "SignLanguage" OR "Childcare" OR "Diet" IS NOT NULL OR "StepFreeAccess" OR "OtherNeeds" IS NOT NULL""");

            migrationBuilder.DropColumn(
                name: "Childcare",
                table: "MeetingRegistrations");

            migrationBuilder.DropColumn(
                name: "Diet",
                table: "MeetingRegistrations");

            migrationBuilder.DropColumn(
                name: "Interpretation",
                table: "MeetingRegistrations");

            migrationBuilder.DropColumn(
                name: "InterpretationLanguage",
                table: "MeetingRegistrations");

            migrationBuilder.DropColumn(
                name: "OtherNeeds",
                table: "MeetingRegistrations");

            migrationBuilder.DropColumn(
                name: "SignLanguage",
                table: "MeetingRegistrations");

            migrationBuilder.DropColumn(
                name: "StepFreeAccess",
                table: "MeetingRegistrations");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SealedNeeds",
                table: "MeetingRegistrations");

            migrationBuilder.AddColumn<bool>(
                name: "Childcare",
                table: "MeetingRegistrations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Diet",
                table: "MeetingRegistrations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Interpretation",
                table: "MeetingRegistrations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "InterpretationLanguage",
                table: "MeetingRegistrations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherNeeds",
                table: "MeetingRegistrations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SignLanguage",
                table: "MeetingRegistrations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "StepFreeAccess",
                table: "MeetingRegistrations",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
