variable "window" {
  type = number
}

variable "retention" {
  type    = number
  default = 7
}

resource "aws_rds_cluster" "rewindable" {
  cluster_identifier    = "orders"
  engine                = "aurora-mysql"
  backtrack_window      = 86400
  copy_tags_to_snapshot = true
}

resource "aws_rds_cluster" "plain" {
  count  = 2
  engine = "aurora-mysql"
}

resource "aws_rds_cluster" "postgres" {
  engine                = "aurora-postgresql"
  copy_tags_to_snapshot = "true"
}

resource "aws_rds_cluster" "from_variable" {
  engine                = "aurora-mysql"
  backtrack_window      = var.window
  copy_tags_to_snapshot = true
}

resource "aws_docdb_cluster" "documents" {
  cluster_identifier      = "catalog"
  backup_retention_period = 14
}

resource "aws_docdb_cluster" "short" {
}

resource "aws_neptune_cluster" "graph" {
  backup_retention_period = var.retention
}

resource "aws_neptune_cluster" "short" {
  backup_retention_period = 1
}
