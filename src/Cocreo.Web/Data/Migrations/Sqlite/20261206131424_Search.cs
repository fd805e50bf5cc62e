using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Terms = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Kind_ItemId",
                table: "SearchEntries",
                columns: new[] { "Kind", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_ProcessId",
                table: "SearchEntries",
                column: "ProcessId");

            // The full-text index: FTS5 over SearchEntries.Terms (stemmed and folded in C#, see SearchTerms), kept in
            // step by triggers, so every write to SearchEntries is indexed in its own transaction.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchEntryTerms" USING fts5("Terms", content='SearchEntries', content_rowid='Id', tokenize='unicode61');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_ai" AFTER INSERT ON "SearchEntries" BEGIN
                  INSERT INTO "SearchEntryTerms"(rowid, "Terms") VALUES (new."Id", new."Terms");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_ad" AFTER DELETE ON "SearchEntries" BEGIN
                  INSERT INTO "SearchEntryTerms"("SearchEntryTerms", rowid, "Terms") VALUES ('delete', old."Id", old."Terms");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_au" AFTER UPDATE ON "SearchEntries" BEGIN
                  INSERT INTO "SearchEntryTerms"("SearchEntryTerms", rowid, "Terms") VALUES ('delete', old."Id", old."Terms");
                  INSERT INTO "SearchEntryTerms"(rowid, "Terms") VALUES (new."Id", new."Terms");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "SearchEntries_ai"; DROP TRIGGER "SearchEntries_ad"; DROP TRIGGER "SearchEntries_au"; DROP TABLE "SearchEntryTerms";""");
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
