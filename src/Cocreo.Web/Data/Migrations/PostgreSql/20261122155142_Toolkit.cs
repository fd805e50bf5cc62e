using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cocreo.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Toolkit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    ProcessId = table.Column<int>(type: "integer", nullable: true),
                    InstrumentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InstrumentVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResultJson = table.Column<string>(type: "text", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Organisation_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceShortlist",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    ProcessId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InstrumentVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChosenServiceId = table.Column<int>(type: "integer", nullable: true),
                    ChosenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChosenByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ChoiceReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceShortlist", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceShortlist_Organisation_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceShortlist_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentResponseLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OpenedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentResponseLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentResponseLinks_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShortlistedService",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShortlistId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShortlistedService", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShortlistedService_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShortlistedService_ServiceShortlist_ShortlistId",
                        column: x => x.ShortlistId,
                        principalTable: "ServiceShortlist",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentRespondents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ResponseLinkId = table.Column<int>(type: "integer", nullable: true),
                    ResumeKeyHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentRespondents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentRespondents_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentRespondents_AssessmentResponseLinks_ResponseLinkId",
                        column: x => x.ResponseLinkId,
                        principalTable: "AssessmentResponseLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentRespondents_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RespondentId = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OptionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentAnswers_AssessmentRespondents_RespondentId",
                        column: x => x.RespondentId,
                        principalTable: "AssessmentRespondents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAnswers_RespondentId_QuestionId",
                table: "AssessmentAnswers",
                columns: new[] { "RespondentId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRespondents_AssessmentId_UserId",
                table: "AssessmentRespondents",
                columns: new[] { "AssessmentId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRespondents_ResponseLinkId",
                table: "AssessmentRespondents",
                column: "ResponseLinkId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRespondents_ResumeKeyHash",
                table: "AssessmentRespondents",
                column: "ResumeKeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRespondents_UserId",
                table: "AssessmentRespondents",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResponseLinks_AssessmentId",
                table: "AssessmentResponseLinks",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResponseLinks_Token",
                table: "AssessmentResponseLinks",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_OrganisationId_InstrumentId_CompletedAt",
                table: "Assessments",
                columns: new[] { "OrganisationId", "InstrumentId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ProcessId",
                table: "Assessments",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceShortlist_OrganisationId_ChosenAt",
                table: "ServiceShortlist",
                columns: new[] { "OrganisationId", "ChosenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceShortlist_ProcessId",
                table: "ServiceShortlist",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_ShortlistedService_AssessmentId",
                table: "ShortlistedService",
                column: "AssessmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShortlistedService_ShortlistId",
                table: "ShortlistedService",
                column: "ShortlistId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentAnswers");

            migrationBuilder.DropTable(
                name: "ShortlistedService");

            migrationBuilder.DropTable(
                name: "AssessmentRespondents");

            migrationBuilder.DropTable(
                name: "ServiceShortlist");

            migrationBuilder.DropTable(
                name: "AssessmentResponseLinks");

            migrationBuilder.DropTable(
                name: "Assessments");
        }
    }
}
