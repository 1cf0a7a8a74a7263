package dev.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A seeded corpus of Terraform root modules for benchmarks: each a directory with {@code variables.tf} and
 * {@code main.tf} (1–10 KB) holding DynamoDB tables with {@code count} or {@code for_each}, PITR on, off, from
 * variables and from a data source; RDS instances with backup selections by {@code .arn} reference or tag; every
 * fifth root calls a local module ({@code modules/table/main.tf}); padding resources of other types; a few roots
 * that do not parse. 40 roots per directory.
 */
final class TerraformCorpus {

    /** What was written: {@code .tf} files, root modules, roots with a file that does not parse, and bytes. */
    record Written(int files, int roots, int broken, long bytes) {
    }

    private final Random random;
    private int files;
    private long bytes;

    private TerraformCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** Writes root modules until at least {@code targetFiles} {@code .tf} files are written. */
    static Written write(Path dir, int targetFiles, long seed) throws IOException {
        return new TerraformCorpus(seed).writeAll(dir, targetFiles);
    }

    private Written writeAll(Path dir, int targetFiles) throws IOException {
        int roots = 0;
        int broken = 0;
        while (files < targetFiles) {
            Path root = Files.createDirectories(dir.resolve(String.format("tf-%03d/root-%d", roots / 40, roots)));
            String main = main(roots, 1024 + random.nextInt(8 * 1024));
            if (roots % 250 == 3) {
                main = main.replaceFirst("\n}\n", "\n  name = \n}\n");
                broken++;
            }
            write(root.resolve("variables.tf"), variables());
            write(root.resolve("main.tf"), main);
            if (roots % 5 == 0) {
                write(Files.createDirectories(root.resolve("modules/table")).resolve("main.tf"), module());
            }
            roots++;
        }
        return new Written(files, roots, broken, bytes);
    }

    private void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        files++;
        bytes += text.length();
    }

    private String variables() {
        return """
                variable "env" {
                  type    = string
                  default = "dev"
                }

                variable "pitr" {
                  type    = bool
                  default = %s
                }

                variable "tables" {
                  type    = list(string)
                  default = ["users", "orders", "events"]
                }

                variable "replicas" {
                  type    = number
                  default = %d
                }
                """.formatted(random.nextBoolean(), 1 + random.nextInt(3));
    }

    private String main(int index, int targetBytes) {
        StringBuilder tf = new StringBuilder("""
                locals {
                  prod   = var.env == "prod"
                  prefix = "${var.env}-%d"
                }

                """.formatted(index));
        switch (random.nextInt(4)) {
            case 0 -> tf.append(table("each", "for_each = toset(var.tables)", "${local.prefix}-${each.key}",
                    "each.key == \"users\""));
            case 1 -> tf.append(table("counted", "count = var.replicas", "${local.prefix}-${count.index}",
                    "count.index == 0"));
            case 2 -> tf.append(table("flagged", "", "${local.prefix}-flagged", "var.pitr"));
            default -> tf.append(table("looked_up", "", "${local.prefix}-looked-up",
                    "data.aws_ssm_parameter.pitr.value == \"on\""));
        }
        if (index % 5 == 0) {
            tf.append("""
                    module "table" {
                      source = "./modules/table"
                      name   = "${local.prefix}-module"
                    }

                    """);
        }
        if (random.nextBoolean()) {
            tf.append(database(index));
        }
        for (int p = 0; tf.length() < targetBytes; p++) {
            tf.append("""
                    resource "aws_sqs_queue" "queue_%d" {
                      name                       = "${local.prefix}-queue-%d"
                      visibility_timeout_seconds = %d
                      message_retention_seconds  = 345600
                      tags = {
                        team        = "payments-%d"
                        cost-centre = "cc-%d"
                      }
                    }

                    """.formatted(p, p, 30 + random.nextInt(300), random.nextInt(50), random.nextInt(1000)));
        }
        return tf.toString();
    }

    private static String table(String name, String expansion, String tableName, String pitr) {
        return """
                resource "aws_dynamodb_table" "%s" {
                  %s
                  name         = "%s"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "pk"
                  attribute {
                    name = "pk"
                    type = "S"
                  }
                  point_in_time_recovery {
                    enabled = %s
                  }
                }

                """.formatted(name, expansion, tableName, pitr);
    }

    private String database(int index) {
        String selection = random.nextBoolean() ? "  resources = [aws_db_instance.db.arn]\n" : """
                  selection_tag {
                    type  = "STRINGEQUALS"
                    key   = "backup"
                    value = "daily"
                  }
                """;
        return """
                resource "aws_db_instance" "db" {
                  identifier     = "${local.prefix}-db"
                  engine         = "postgres"
                  instance_class = "db.t4g.micro"
                  tags = {
                    backup = local.prod ? "daily" : "none"
                  }
                }

                resource "aws_backup_plan" "daily" {
                  name = "daily-%d"
                }

                resource "aws_backup_selection" "daily" {
                  name    = "daily"
                  plan_id = aws_backup_plan.daily.id
                %s}

                """.formatted(index, selection);
    }

    private static String module() {
        return """
                variable "name" {
                  type = string
                }

                resource "aws_dynamodb_table" "this" {
                  name     = var.name
                  hash_key = "pk"
                  point_in_time_recovery {
                    enabled = true
                  }
                }
                """;
    }
}
