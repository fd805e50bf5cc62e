using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cocreo.Web.Data.Migrations.PostgreSql
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    SelectedServiceId = table.Column<int>(type: "integer", nullable: true),
                    ServiceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ServiceDescription = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    JoinCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JourneyMapId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    PublicName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Gathering = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EnteredByUserId = table.Column<string>(type: "text", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HiddenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HiddenReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JourneyMapId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JourneyMapId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JourneyMapId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JourneyMapId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    StageId = table.Column<int>(type: "integer", nullable: true),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContributionId = table.Column<int>(type: "integer", nullable: false),
                    JourneyMapId = table.Column<int>(type: "integer", nullable: false),
                    StageId = table.Column<int>(type: "integer", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: false),
                    WhatHappened = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PainPoint = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Idea = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    HasPain = table.Column<bool>(type: "boolean", nullable: false),
                    HasIdea = table.Column<bool>(type: "boolean", nullable: false),
                    IsVisible = table.Column<bool>(type: "boolean", nullable: false),
                    Gathering = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channels = table.Column<int>(type: "integer", nullable: false),
                    SupportCount = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StageId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProfileQuestionId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExpectedPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BacklogItemId = table.Column<int>(type: "integer", nullable: false),
                    StageExperienceId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StageExperienceId = table.Column<int>(type: "integer", nullable: false),
                    PainPointTagId = table.Column<int>(type: "integer", nullable: false),
                    JourneyMapId = table.Column<int>(type: "integer", nullable: false),
                    StageId = table.Column<int>(type: "integer", nullable: false),
                    IsVisible = table.Column<bool>(type: "boolean", nullable: false),
                    Gathering = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channels = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StageExperienceId = table.Column<int>(type: "integer", nullable: false),
                    SupporterContributionId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StageExperienceId = table.Column<int>(type: "integer", nullable: false),
                    TouchpointId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    JourneyMapId = table.Column<int>(type: "integer", nullable: false),
                    StageId = table.Column<int>(type: "integer", nullable: false),
                    IsVisible = table.Column<bool>(type: "boolean", nullable: false),
                    Gathering = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channels = table.Column<int>(type: "integer", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContributionId = table.Column<int>(type: "integer", nullable: false),
                    ProfileQuestionId = table.Column<int>(type: "integer", nullable: false),
                    ProfileOptionId = table.Column<int>(type: "integer", nullable: false)
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
                name: "IX_ExperiencePainTag_JourneyMapId_IsVisible_PainPointTagId_Sta~",
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
                name: "IX_ExperienceTouchpoint_JourneyMapId_IsVisible_TouchpointId_Ra~",
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
                name: "IX_ProfileAnswer_ProfileQuestionId_ContributionId_ProfileOptio~",
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
                name: "IX_StageExperience_ContributionId_JourneyMapId_IsVisible_Stage~",
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
                name: "IX_StageExperience_JourneyMapId_IsVisible_StageId_Rating_Chann~",
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
