using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The stored map (13 MB of JSON at 100,000 participants) and the engine's state are compressed with lz4 instead of
    /// PostgreSQL's default pglz, which took most of the 0.4–0.8 s a large map took to store (pglz_compress in the
    /// profile). Only where the server was built with lz4 (PostgreSQL 14 and later usually are); elsewhere nothing changes.
    /// </summary>
    public partial class MapSummaryLz4 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Compression("lz4"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Compression("pglz"));

        private static string Compression(string method) => $"""
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND '{method}' = ANY (enumvals)) THEN
                    ALTER TABLE "ConversationMapSnapshots" ALTER COLUMN "Summary" SET COMPRESSION {method};
                    ALTER TABLE "ConversationMapSnapshots" ALTER COLUMN "EngineState" SET COMPRESSION {method};
                END IF;
            END $$;
            """;
    }
}
