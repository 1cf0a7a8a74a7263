variable "protect" {
  type = bool
}

resource "aws_rds_cluster" "protected" {
  cluster_identifier  = "orders"
  engine              = "aurora-postgresql"
  deletion_protection = true
}

resource "aws_rds_cluster" "unprotected" {
  count      = 2
  engine     = "aurora-mysql"
}

resource "aws_rds_cluster" "converted" {
  engine              = "aurora-mysql"
  deletion_protection = "1"
}

resource "aws_rds_cluster" "from_variable" {
  engine              = "aurora-mysql"
  deletion_protection = var.protect
}

resource "aws_neptune_cluster" "graph" {
  deletion_protection = false
}
