using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cocreo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SealedBallots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BudgetBallots_ReceiptHash",
                table: "BudgetBallots");

            migrationBuilder.DropColumn(
                name: "ReceiptHash",
                table: "BudgetBallots");

            migrationBuilder.CreateTable(
                name: "BallotReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    BudgetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Receipt = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BallotReceipts_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SealedBallots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    BudgetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Receipt = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ChangeCodeHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: true),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SealedBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SealedBallots_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BallotReceipts_BudgetId_Receipt",
                table: "BallotReceipts",
                columns: new[] { "BudgetId", "Receipt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SealedBallots_BudgetId_Receipt",
                table: "SealedBallots",
                columns: new[] { "BudgetId", "Receipt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SealedBallots_ChangeCodeHash",
                table: "SealedBallots",
                column: "ChangeCodeHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BallotReceipts");

            migrationBuilder.DropTable(
                name: "SealedBallots");

            migrationBuilder.AddColumn<string>(
                name: "ReceiptHash",
                table: "BudgetBallots",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetBallots_ReceiptHash",
                table: "BudgetBallots",
                column: "ReceiptHash",
                unique: true);
        }
    }
}
