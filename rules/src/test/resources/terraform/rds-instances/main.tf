variable "retention" {
  type = number
}

variable "protect" {
  type = bool
}

resource "aws_db_instance" "hardened" {
  identifier              = "orders-db"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  backup_retention_period = 14
  copy_tags_to_snapshot   = true
  deletion_protection     = true
}

resource "aws_db_instance" "defaults" {
  engine         = "mysql"
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "one_day" {
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  backup_retention_period = 1
}

resource "aws_db_instance" "converted" {
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  backup_retention_period = "10"
  copy_tags_to_snapshot   = "true"
  deletion_protection     = "1"
}

resource "aws_db_instance" "from_variables" {
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  backup_retention_period = var.retention
  copy_tags_to_snapshot   = var.protect
  deletion_protection     = var.protect
}

resource "aws_db_instance" "misspelt" {
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  backup_retention_period = "two weeks"
  copy_tags_to_snapshot   = "yes"
  deletion_protection     = "yes"
}

resource "aws_db_instance" "restored" {
  instance_class      = "db.t3.micro"
  snapshot_identifier = "legacy-final"
}

resource "aws_db_instance" "replica" {
  instance_class      = "db.t3.micro"
  replicate_source_db = aws_db_instance.hardened.identifier
}

resource "aws_rds_cluster_instance" "member" {
  cluster_identifier = "orders-cluster"
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}
