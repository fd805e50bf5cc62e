using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cocreo.Web.Data.Migrations.PostgreSql
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
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            // A conversation is written in its process's language (as a budget is when it is created).
            migrationBuilder.Sql(@"UPDATE ""Conversations"" SET ""Language"" = COALESCE((SELECT ""Language"" FROM ""Process"" WHERE ""Process"".""Id"" = ""Conversations"".""ProcessId""), 'en');");

            migrationBuilder.CreateTable(
                name: "ConversationTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConversationId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Question = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Context = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Questions = table.Column<List<string>>(type: "text[]", nullable: false),
                    TranslatedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TranslatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
