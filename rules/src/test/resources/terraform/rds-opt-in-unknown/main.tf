variable "rds_opt_in" {
  type = bool
}

resource "aws_backup_region_settings" "this" {
  resource_type_opt_in_preference = {
    "RDS" = var.rds_opt_in
  }
}

resource "aws_db_instance" "tagged" {
  identifier = "tagged"
  tags = {
    backup = "daily"
  }
}

resource "aws_backup_plan" "daily" {
  name = "daily"
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
