# Aurora is not opted in to AWS Backup here (RDS is, which does not count for clusters): a selection by tags
# covers no Aurora cluster; one naming the cluster in an ARN still does.
resource "aws_backup_region_settings" "this" {
  resource_type_opt_in_preference = {
    "Aurora" = false
    "RDS"    = true
  }
}

resource "aws_rds_cluster" "named" {
  cluster_identifier = "named"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster" "tagged" {
  cluster_identifier = "tagged"
  engine             = "aurora-mysql"
  tags = {
    backup = "daily"
  }
}

resource "aws_rds_cluster" "multi_az" {
  cluster_identifier = "multi-az"
  engine             = "postgres"
}

resource "aws_backup_plan" "daily" {
  name = "daily"
}

resource "aws_backup_selection" "by_arn" {
  name      = "by-arn"
  plan_id   = aws_backup_plan.daily.id
  resources = [aws_rds_cluster.named.arn]
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
