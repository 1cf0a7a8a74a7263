# RDS is not opted in to AWS Backup here: selections by tags or wildcards cover no DB instance;
# a selection naming the RDS resource type in an ARN still does.
resource "aws_backup_region_settings" "this" {
  resource_type_opt_in_preference = {
    "DynamoDB" = true
    "RDS"      = false
  }
}

resource "aws_db_instance" "tagged" {
  identifier = "tagged"
  tags = {
    backup = "daily"
  }
}

resource "aws_db_instance" "named" {
  identifier = "named"
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

resource "aws_backup_selection" "everything" {
  name    = "everything"
  plan_id = aws_backup_plan.daily.id
}

resource "aws_backup_selection" "by_arn" {
  name      = "by-arn"
  plan_id   = aws_backup_plan.daily.id
  resources = [aws_db_instance.named.arn]
}
