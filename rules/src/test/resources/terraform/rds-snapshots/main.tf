variable "encrypt" {
  type = bool
}

variable "partners" {
  type = list(string)
}

resource "aws_db_instance" "encrypted" {
  identifier        = "Orders-DB"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
}

resource "aws_db_instance" "plain" {
  identifier     = "reports-db"
  engine         = "mysql"
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "from_variable" {
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  storage_encrypted = var.encrypt
}

resource "aws_db_instance" "restored" {
  instance_class      = "db.t3.micro"
  snapshot_identifier = "legacy-final"
}

resource "aws_rds_cluster" "provisioned" {
  cluster_identifier = "ledger"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster" "serverless" {
  engine      = "aurora-mysql"
  engine_mode = "serverless"
}

resource "aws_db_snapshot" "of_encrypted" {
  db_instance_identifier = aws_db_instance.encrypted.identifier
  db_snapshot_identifier = "Orders-Before-Migration"
  shared_accounts        = ["111122223333"]
}

resource "aws_db_snapshot" "of_plain" {
  db_instance_identifier = aws_db_instance.plain.id
  db_snapshot_identifier = "reports-export"
  shared_accounts        = ["all"]
}

resource "aws_db_snapshot" "of_variable" {
  db_instance_identifier = aws_db_instance.from_variable.identifier
  db_snapshot_identifier = "variable-db-snapshot"
  shared_accounts        = var.partners
}

resource "aws_db_snapshot" "of_restored" {
  db_instance_identifier = aws_db_instance.restored.identifier
  db_snapshot_identifier = "restored-db-snapshot"
}

resource "aws_db_snapshot" "of_existing" {
  db_instance_identifier = "billing-db"
  db_snapshot_identifier = "billing-db-snapshot"
}

resource "aws_db_snapshot_copy" "encrypted_copy" {
  source_db_snapshot_identifier = aws_db_snapshot.of_plain.db_snapshot_arn
  target_db_snapshot_identifier = "reports-export-encrypted"
  kms_key_id                    = "alias/aws/rds"
}

resource "aws_db_snapshot_copy" "plain_copy" {
  source_db_snapshot_identifier = aws_db_snapshot.of_plain.db_snapshot_arn
  target_db_snapshot_identifier = "reports-export-copy"
}

resource "aws_db_snapshot_copy" "copy_of_encrypted" {
  source_db_snapshot_identifier = aws_db_snapshot.of_encrypted.id
  target_db_snapshot_identifier = "orders-copy"
}

resource "aws_db_cluster_snapshot" "of_provisioned" {
  db_cluster_identifier          = aws_rds_cluster.provisioned.id
  db_cluster_snapshot_identifier = "ledger-snapshot"
  shared_accounts                = ["all", "111122223333"]
}

resource "aws_db_cluster_snapshot" "of_serverless" {
  db_cluster_identifier          = aws_rds_cluster.serverless.id
  db_cluster_snapshot_identifier = "serverless-snapshot"
}

resource "aws_db_cluster_snapshot" "misshared" {
  db_cluster_identifier          = aws_rds_cluster.provisioned.id
  db_cluster_snapshot_identifier = "misshared-snapshot"
  shared_accounts                = "all"
}
