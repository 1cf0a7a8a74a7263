resource "aws_db_instance" "main" {
  identifier = "Orders"
  engine     = "postgres"
}

resource "aws_db_instance" "replica" {
  identifier          = "orders-replica"
  replicate_source_db = aws_db_instance.main.identifier
}

resource "aws_db_instance" "tagged" {
  count      = 2
  identifier = "tagged-${count.index}"
  tags = {
    backup = count.index == 0 ? "daily" : "never"
  }
}

resource "aws_db_instance" "wild" {
  identifier = "reports-1"
}

resource "aws_db_instance" "excluded" {
  identifier = "reports-scratch"
}

resource "aws_db_instance" "conditioned" {
  identifier = "conditioned"
  tags = {
    tier = "gold"
  }
}

resource "aws_db_instance" "unprotected" {
  identifier = "unprotected"
}

resource "aws_rds_cluster_instance" "member" {
  identifier         = "member-1"
  cluster_identifier = "aurora"
  engine             = "aurora-postgresql"
}

module "database" {
  source = "./modules/database"
  name   = "inventory"
}

resource "aws_backup_plan" "daily" {
  name = "daily"
}

resource "aws_backup_selection" "by_reference" {
  name      = "by-reference"
  plan_id   = aws_backup_plan.daily.id
  resources = [aws_db_instance.main.arn, module.database.arn]
}

resource "aws_backup_selection" "by_tag" {
  name    = "by-tag"
  plan_id = aws_backup_plan.daily.id
  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = "daily"
  }
}

resource "aws_backup_selection" "by_wildcard" {
  name          = "by-wildcard"
  plan_id       = aws_backup_plan.daily.id
  resources     = ["arn:aws:rds:*:*:db:reports-*"]
  not_resources = ["arn:aws:rds:*:*:db:reports-scratch"]
}

resource "aws_backup_selection" "by_condition" {
  name      = "by-condition"
  plan_id   = aws_backup_plan.daily.id
  resources = ["arn:aws:rds:*:*:db:*"]
  condition {
    string_equals {
      key   = "aws:ResourceTag/tier"
      value = "gold"
    }
  }
}
