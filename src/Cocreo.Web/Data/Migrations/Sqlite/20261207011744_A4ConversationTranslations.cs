using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class A4ConversationTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Conversations",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            // A conversation is written in its process's language (as a budget is when it is created).
            migrationBuilder.Sql(@"UPDATE ""Conversations"" SET ""Language"" = COALESCE((SELECT ""Language"" FROM ""Process"" WHERE ""Process"".""Id"" = ""Conversations"".""ProcessId""), 'en');");

            migrationBuilder.CreateTable(
                name: "ConversationTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Context = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Questions = table.Column<string>(type: "TEXT", nullable: false),
                    TranslatedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TranslatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationTranslations_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationTranslations_ConversationId_Language",
                table: "ConversationTranslations",
                columns: new[] { "ConversationId", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationTranslations");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Conversations");
        }
    }
}
