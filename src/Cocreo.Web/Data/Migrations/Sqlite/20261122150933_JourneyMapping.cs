using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JourneyMapping : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JourneyMap",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    SelectedServiceId = table.Column<int>(type: "INTEGER", nullable: true),
                    ServiceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ServiceDescription = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    JoinCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JourneyMap", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JourneyMap_Organisation_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JourneyMap_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JourneyContribution",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JourneyMapId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    PublicName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Gathering = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EnteredByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HiddenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HiddenReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JourneyContribution", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JourneyContribution_AspNetUsers_EnteredByUserId",
                        column: x => x.EnteredByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_JourneyContribution_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_JourneyContribution_JourneyMap_JourneyMapId",
                        column: x => x.JourneyMapId,
                        principalTable: "JourneyMap",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JourneyStage",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JourneyMapId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JourneyStage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JourneyStage_JourneyMap_JourneyMapId",
                        column: x => x.JourneyMapId,
                        principalTable: "JourneyMap",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PainPointTag",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JourneyMapId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PainPointTag", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PainPointTag_JourneyMap_JourneyMapId",
                        column: x => x.JourneyMapId,
                        principalTable: "JourneyMap",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProfileQuestion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JourneyMapId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileQuestion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileQuestion_JourneyMap_JourneyMapId",
                        column: x => x.JourneyMapId,
                        principalTable: "JourneyMap",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BacklogItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JourneyMapId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    StageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BacklogItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BacklogItem_JourneyMap_JourneyMapId",
                        column: x => x.JourneyMapId,
                        principalTable: "JourneyMap",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BacklogItem_JourneyStage_StageId",
                        column: x => x.StageId,
                        principalTable: "JourneyStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "StageExperience",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContributionId = table.Column<int>(type: "INTEGER", nullable: false),
                    JourneyMapId = table.Column<int>(type: "INTEGER", nullable: false),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PainPoint = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Idea = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HasPain = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasIdea = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsVisible = table.Column<bool>(type: "INTEGER", nullable: false),
                    Gathering = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channels = table.Column<int>(type: "INTEGER", nullable: false),
                    SupportCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageExperience", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageExperience_JourneyContribution_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "JourneyContribution",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StageExperience_JourneyStage_StageId",
                        column: x => x.StageId,
                        principalTable: "JourneyStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Touchpoint",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Touchpoint", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Touchpoint_JourneyStage_StageId",
                        column: x => x.StageId,
                        principalTable: "JourneyStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProfileOption",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProfileQuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpectedPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileOption", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileOption_ProfileQuestion_ProfileQuestionId",
                        column: x => x.ProfileQuestionId,
                        principalTable: "ProfileQuestion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BacklogLink",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BacklogItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    StageExperienceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BacklogLink", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BacklogLink_BacklogItem_BacklogItemId",
                        column: x => x.BacklogItemId,
                        principalTable: "BacklogItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BacklogLink_StageExperience_StageExperienceId",
                        column: x => x.StageExperienceId,
                        principalTable: "StageExperience",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExperiencePainTag",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageExperienceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PainPointTagId = table.Column<int>(type: "INTEGER", nullable: false),
                    JourneyMapId = table.Column<int>(type: "INTEGER", nullable: false),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsVisible = table.Column<bool>(type: "INTEGER", nullable: false),
                    Gathering = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channels = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperiencePainTag", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperiencePainTag_PainPointTag_PainPointTagId",
                        column: x => x.PainPointTagId,
                        principalTable: "PainPointTag",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExperiencePainTag_StageExperience_StageExperienceId",
                        column: x => x.StageExperienceId,
                        principalTable: "StageExperience",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaSupport",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageExperienceId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupporterContributionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaSupport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdeaSupport_JourneyContribution_SupporterContributionId",
                        column: x => x.SupporterContributionId,
                        principalTable: "JourneyContribution",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IdeaSupport_StageExperience_StageExperienceId",
                        column: x => x.StageExperienceId,
                        principalTable: "StageExperience",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExperienceTouchpoint",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageExperienceId = table.Column<int>(type: "INTEGER", nullable: false),
                    TouchpointId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    JourneyMapId = table.Column<int>(type: "INTEGER", nullable: false),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsVisible = table.Column<bool>(type: "INTEGER", nullable: false),
                    Gathering = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channels = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperienceTouchpoint", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperienceTouchpoint_StageExperience_StageExperienceId",
                        column: x => x.StageExperienceId,
                        principalTable: "StageExperience",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExperienceTouchpoint_Touchpoint_TouchpointId",
                        column: x => x.TouchpointId,
                        principalTable: "Touchpoint",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProfileAnswer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContributionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfileQuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfileOptionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileAnswer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileAnswer_JourneyContribution_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "JourneyContribution",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProfileAnswer_ProfileOption_ProfileOptionId",
                        column: x => x.ProfileOptionId,
                        principalTable: "ProfileOption",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProfileAnswer_ProfileQuestion_ProfileQuestionId",
                        column: x => x.ProfileQuestionId,
                        principalTable: "ProfileQuestion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BacklogItem_JourneyMapId_Status",
                table: "BacklogItem",
                columns: new[] { "JourneyMapId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_BacklogItem_StageId",
                table: "BacklogItem",
                column: "StageId");

            migrationBuilder.CreateIndex(
                name: "IX_BacklogLink_BacklogItemId_StageExperienceId_Kind",
                table: "BacklogLink",
                columns: new[] { "BacklogItemId", "StageExperienceId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BacklogLink_StageExperienceId",
                table: "BacklogLink",
                column: "StageExperienceId");

            migrationBuilder.CreateIndex(
                name: "IX_ExperiencePainTag_JourneyMapId_IsVisible_PainPointTagId_StageId_Channels_Gathering_StageExperienceId",
                table: "ExperiencePainTag",
                columns: new[] { "JourneyMapId", "IsVisible", "PainPointTagId", "StageId", "Channels", "Gathering", "StageExperienceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExperiencePainTag_PainPointTagId",
                table: "ExperiencePainTag",
                column: "PainPointTagId");

            migrationBuilder.CreateIndex(
                name: "IX_ExperiencePainTag_StageExperienceId_PainPointTagId",
                table: "ExperiencePainTag",
                columns: new[] { "StageExperienceId", "PainPointTagId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExperienceTouchpoint_JourneyMapId_IsVisible_TouchpointId_Rating_Channels_Gathering_StageExperienceId",
                table: "ExperienceTouchpoint",
                columns: new[] { "JourneyMapId", "IsVisible", "TouchpointId", "Rating", "Channels", "Gathering", "StageExperienceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExperienceTouchpoint_StageExperienceId_TouchpointId",
                table: "ExperienceTouchpoint",
                columns: new[] { "StageExperienceId", "TouchpointId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExperienceTouchpoint_TouchpointId",
                table: "ExperienceTouchpoint",
                column: "TouchpointId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaSupport_StageExperienceId_SupporterContributionId",
                table: "IdeaSupport",
                columns: new[] { "StageExperienceId", "SupporterContributionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdeaSupport_SupporterContributionId",
                table: "IdeaSupport",
                column: "SupporterContributionId");

            migrationBuilder.CreateIndex(
                name: "IX_JourneyContribution_EnteredByUserId",
                table: "JourneyContribution",
                column: "EnteredByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_JourneyContribution_JourneyMapId_HiddenAt_Gathering",
                table: "JourneyContribution",
                columns: new[] { "JourneyMapId", "HiddenAt", "Gathering" });

            migrationBuilder.CreateIndex(
                name: "IX_JourneyContribution_TokenHash",
                table: "JourneyContribution",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JourneyContribution_UserId_JourneyMapId",
                table: "JourneyContribution",
                columns: new[] { "UserId", "JourneyMapId" });

            migrationBuilder.CreateIndex(
                name: "IX_JourneyMap_JoinCode",
                table: "JourneyMap",
                column: "JoinCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JourneyMap_OrganisationId",
                table: "JourneyMap",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_JourneyMap_ProcessId",
                table: "JourneyMap",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_JourneyStage_JourneyMapId_Position",
                table: "JourneyStage",
                columns: new[] { "JourneyMapId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_PainPointTag_JourneyMapId",
                table: "PainPointTag",
                column: "JourneyMapId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAnswer_ContributionId_ProfileQuestionId",
                table: "ProfileAnswer",
                columns: new[] { "ContributionId", "ProfileQuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAnswer_ProfileOptionId_ContributionId",
                table: "ProfileAnswer",
                columns: new[] { "ProfileOptionId", "ContributionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAnswer_ProfileQuestionId_ContributionId_ProfileOptionId",
                table: "ProfileAnswer",
                columns: new[] { "ProfileQuestionId", "ContributionId", "ProfileOptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileOption_ProfileQuestionId",
                table: "ProfileOption",
                column: "ProfileQuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileQuestion_JourneyMapId",
                table: "ProfileQuestion",
                column: "JourneyMapId");

            migrationBuilder.CreateIndex(
                name: "IX_StageExperience_ContributionId_JourneyMapId_IsVisible_StageId_Rating_Gathering_Channels",
                table: "StageExperience",
                columns: new[] { "ContributionId", "JourneyMapId", "IsVisible", "StageId", "Rating", "Gathering", "Channels" });

            migrationBuilder.CreateIndex(
                name: "IX_StageExperience_ContributionId_StageId",
                table: "StageExperience",
                columns: new[] { "ContributionId", "StageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StageExperience_JourneyMapId_IsVisible_HasIdea_SupportCount",
                table: "StageExperience",
                columns: new[] { "JourneyMapId", "IsVisible", "HasIdea", "SupportCount" });

            migrationBuilder.CreateIndex(
                name: "IX_StageExperience_JourneyMapId_IsVisible_StageId_Rating_Channels_Gathering_HasPain_HasIdea_ContributionId",
                table: "StageExperience",
                columns: new[] { "JourneyMapId", "IsVisible", "StageId", "Rating", "Channels", "Gathering", "HasPain", "HasIdea", "ContributionId" });

            migrationBuilder.CreateIndex(
                name: "IX_StageExperience_StageId",
                table: "StageExperience",
                column: "StageId");

            migrationBuilder.CreateIndex(
                name: "IX_Touchpoint_StageId",
                table: "Touchpoint",
                column: "StageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BacklogLink");

            migrationBuilder.DropTable(
                name: "ExperiencePainTag");

            migrationBuilder.DropTable(
                name: "ExperienceTouchpoint");

            migrationBuilder.DropTable(
                name: "IdeaSupport");

            migrationBuilder.DropTable(
                name: "ProfileAnswer");

            migrationBuilder.DropTable(
                name: "BacklogItem");

            migrationBuilder.DropTable(
                name: "PainPointTag");

            migrationBuilder.DropTable(
                name: "Touchpoint");

            migrationBuilder.DropTable(
                name: "StageExperience");

            migrationBuilder.DropTable(
                name: "ProfileOption");

            migrationBuilder.DropTable(
                name: "JourneyContribution");

            migrationBuilder.DropTable(
                name: "JourneyStage");

            migrationBuilder.DropTable(
                name: "ProfileQuestion");

            migrationBuilder.DropTable(
                name: "JourneyMap");
        }
    }
}
