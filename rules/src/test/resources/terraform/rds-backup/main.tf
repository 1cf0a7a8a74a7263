resource "aws_db_instance" "by_reference" {
  identifier = "by-reference"
}

resource "aws_db_instance" "tagged" {
  count      = 2
  identifier = "tagged-${count.index}"
  tags = {
    backup = count.index == 0 ? "daily" : "none"
  }
}

resource "aws_db_instance" "excluded" {
  identifier = "reports-scratch"
}

resource "aws_db_instance" "reports" {
  identifier = "reports-main"
  tags = {
    tier = "gold"
  }
}

resource "aws_db_instance" "replica" {
  identifier          = "replica"
  replicate_source_db = aws_db_instance.by_reference.identifier
}

resource "aws_rds_cluster_instance" "member" {
  identifier         = "member"
  cluster_identifier = "aurora"
}

module "db" {
  source = "./modules/db"
}

resource "aws_backup_plan" "daily" {
  name = "daily"
}

resource "aws_backup_selection" "by_arns" {
  name      = "by-arns"
  plan_id   = aws_backup_plan.daily.id
  resources = [aws_db_instance.by_reference.arn, module.db.arn]
}

resource "aws_backup_selection" "by_tags" {
  name    = "by-tags"
  plan_id = aws_backup_plan.daily.id
  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = "daily"
  }
}

resource "aws_backup_selection" "by_conditions" {
  name          = "by-conditions"
  plan_id       = aws_backup_plan.daily.id
  resources     = ["arn:aws:rds:*:*:db:reports-*"]
  not_resources = ["arn:aws:rds:*:*:db:reports-scratch"]
  condition {
    string_equals {
      key   = "aws:ResourceTag/tier"
      value = "gold"
    }
  }
}
