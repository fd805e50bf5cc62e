using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cocreo.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ParticipatoryBudgeting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Budgets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    District = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    Phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rule = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Completion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CompareWithGreedy = table.Column<bool>(type: "boolean", nullable: false),
                    TieBreak = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MinProjects = table.Column<int>(type: "integer", nullable: false),
                    MaxProjects = table.Column<int>(type: "integer", nullable: false),
                    PointsToSpend = table.Column<int>(type: "integer", nullable: false),
                    MaxPointsPerProject = table.Column<int>(type: "integer", nullable: false),
                    RankDepth = table.Column<int>(type: "integer", nullable: false),
                    Eligibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AllowBallotChanges = table.Column<bool>(type: "boolean", nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: true),
                    NextProposalNumber = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResultsPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Budgets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Budgets_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetBallots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    BudgetId = table.Column<int>(type: "integer", nullable: false),
                    ReceiptHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    Projects = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Points = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Answers = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsPaper = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetBallots_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetPhasePlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BudgetId = table.Column<int>(type: "integer", nullable: false),
                    Phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetPhasePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetPhasePlans_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BudgetId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Options = table.Column<List<string>>(type: "text[]", nullable: false),
                    PopulationShares = table.Column<List<decimal?>>(type: "numeric[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetQuestions_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetResults",
                columns: table => new
                {
                    BudgetId = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Ballots = table.Column<int>(type: "integer", nullable: false),
                    PaperBallots = table.Column<int>(type: "integer", nullable: false),
                    BallotDigest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetResults", x => x.BudgetId);
                    table.ForeignKey(
                        name: "FK_BudgetResults_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetVoters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    BudgetId = table.Column<int>(type: "integer", nullable: false),
                    VoterKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetVoters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetVoters_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CensusEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    BudgetId = table.Column<int>(type: "integer", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CensusEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CensusEntries_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperBallotEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BudgetId = table.Column<int>(type: "integer", nullable: false),
                    Serial = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Projects = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Points = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EnteredByUserId = table.Column<string>(type: "text", nullable: false),
                    EnteredByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Counted = table.Column<bool>(type: "boolean", nullable: false),
                    ConfirmedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperBallotEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperBallotEntries_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BudgetId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EstimatedCost = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    AuthorUserId = table.Column<string>(type: "text", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewReason = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    FinalCost = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true),
                    OnBallot = table.Column<bool>(type: "boolean", nullable: false),
                    Funded = table.Column<bool>(type: "boolean", nullable: false),
                    Implementation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PostedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressUpdates_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    AuthorUserId = table.Column<string>(type: "text", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PostedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalComments_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalSupports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalSupports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalSupports_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProposalSupports_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetBallots_BudgetId",
                table: "BudgetBallots",
                column: "BudgetId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetBallots_ReceiptHash",
                table: "BudgetBallots",
                column: "ReceiptHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetPhasePlans_BudgetId_Phase",
                table: "BudgetPhasePlans",
                columns: new[] { "BudgetId", "Phase" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetQuestions_BudgetId",
                table: "BudgetQuestions",
                column: "BudgetId");

            migrationBuilder.CreateIndex(
                name: "IX_Budgets_ProcessId",
                table: "Budgets",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetVoters_BudgetId_VoterKey",
                table: "BudgetVoters",
                columns: new[] { "BudgetId", "VoterKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CensusEntries_BudgetId_CodeHash",
                table: "CensusEntries",
                columns: new[] { "BudgetId", "CodeHash" });

            migrationBuilder.CreateIndex(
                name: "IX_CensusEntries_BudgetId_Email",
                table: "CensusEntries",
                columns: new[] { "BudgetId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_CensusEntries_BudgetId_Reference",
                table: "CensusEntries",
                columns: new[] { "BudgetId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperBallotEntries_BudgetId_Serial",
                table: "PaperBallotEntries",
                columns: new[] { "BudgetId", "Serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressUpdates_ProposalId",
                table: "ProgressUpdates",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_ProposalId_PostedAt",
                table: "ProposalComments",
                columns: new[] { "ProposalId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_AuthorUserId",
                table: "Proposals",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_BudgetId_Number",
                table: "Proposals",
                columns: new[] { "BudgetId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSupports_ProposalId_UserId",
                table: "ProposalSupports",
                columns: new[] { "ProposalId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSupports_UserId",
                table: "ProposalSupports",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetBallots");

            migrationBuilder.DropTable(
                name: "BudgetPhasePlans");

            migrationBuilder.DropTable(
                name: "BudgetQuestions");

            migrationBuilder.DropTable(
                name: "BudgetResults");

            migrationBuilder.DropTable(
                name: "BudgetVoters");

            migrationBuilder.DropTable(
                name: "CensusEntries");

            migrationBuilder.DropTable(
                name: "PaperBallotEntries");

            migrationBuilder.DropTable(
                name: "ProgressUpdates");

            migrationBuilder.DropTable(
                name: "ProposalComments");

            migrationBuilder.DropTable(
                name: "ProposalSupports");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "Budgets");
        }
    }
}
